/* page_asset.c - /assets/NAME: the one stylesheet, the one script and the
 * icon, built into the program (tools/embed.sh), each with an ETag. */
#include <string.h>

#include "io/resource.h"
#include "web.h"

void web_page_asset(struct web_ctx *c)
{
    static const struct { const char *name, *type; } assets[] = {
        { "style.css", "text/css; charset=utf-8" },
        { "app.js", "text/javascript; charset=utf-8" },
        { "icon.svg", "image/svg+xml" },
    };
    const char *name = c->path.seg[1];
    for (size_t i = 0; i < sizeof assets / sizeof assets[0]; i++) {
        if (strcmp(name, assets[i].name) != 0 || c->post)
            continue;
        size_t len = 0;
        const char *data = sw_resource(name, &len);
        if (!data)
            break;
        c->reply.status = 200;
        c->reply.type = assets[i].type;
        c->reply.static_body = data;
        c->reply.static_len = len;
        c->reply.cacheable = WEB_CACHE_PUBLIC;
        web_set_etag(&c->reply);
        return;
    }
    web_message(c, 404, "Not found", "There is no such page.");
}
