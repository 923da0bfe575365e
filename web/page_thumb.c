/* page_thumb.c - /r/REQ/c/CAND/wheel.svg: a candidate's wheel thumbnail as
 * an image of its own, with an ETag, so the dashboard is a list of <img>
 * the browser keeps and revalidates instead of inline drawings it downloads
 * again on every view (docs/design.md "The web app, turn 3: trust first"). Who may read
 * the candidate's packet may read its thumbnail. */
#include <string.h>

#include "analysis.h"
#include "web.h"

/* The thumbnail's size in pixels, as the dashboard shows it. */
#define THUMB_PX 64

static void thumb_reply(struct web_ctx *c, const struct sw_req_snapshot *snap)
{
    const struct sw_aggregate *a = snap->aggregate;
    long k = sw_aggregate_candidate(a, c->path.seg[3]);
    if (k < 0) {
        web_message(c, 404, "Not found", "There is no such page.");
        return;
    }
    sw_buf_reset(&c->reply.body);
    if (web_wheel_svg(a, &a->candidates[k], THUMB_PX, &c->reply.body) < 0) {
        web_message(c, 500, "Error", "The wheel could not be drawn.");
        return;
    }
    c->reply.status = 200;
    c->reply.type = "image/svg+xml";
    c->reply.cacheable = WEB_CACHE_PRIVATE;
    web_set_etag(&c->reply);
}

void web_page_thumb(struct web_ctx *c)
{
    static const struct web_analysis page = {
        .page = WEB_PAGE_PACKET, .candidate = 1, .reply = thumb_reply,
    };
    web_analysis_page(c, &page);
}
