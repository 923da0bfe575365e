/* page_asset.c - /assets/NAME: the one stylesheet and the one script,
 * built into the program (tools/embed.sh). */
#include <string.h>

#include "io/resource.h"
#include "web.h"

void web_page_asset(struct web_ctx *c)
{
    static const struct { const char *name, *type; } assets[] = {
        { "style.css", "text/css; charset=utf-8" },
        { "app.js", "text/javascript; charset=utf-8" },
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
        c->reply.cacheable = 1;
        return;
    }
    web_message(c, 404, "Not found", "There is no such page.");
}
