/*
 * analysis.h - the committee's and the recruiter's pages (dashboard,
 * packet, compare, calibration, status, workbook): one skeleton that checks
 * access, takes the requisition's snapshot (reqs.h: refreshed on each
 * request, so that a scorecard written by the CLI shows on the next request
 * and only changed files are parsed again), renders the page's own fields
 * and releases the snapshot. Every number comes from core's aggregate, as
 * the CLI's JSON has it (shown with 2 decimals).
 */
#ifndef SW_WEB_ANALYSIS_H
#define SW_WEB_ANALYSIS_H

#include <stddef.h>

#include "access.h"
#include "aggregate.h"
#include "requisition.h"
#include "render/template.h"
#include "buf.h"

struct web_ctx;
struct sw_status;

/* --- the skeleton of every analysis page ------------------------------------ */

/* What a page's own part works with: the snapshot, the loop status when the
 * page asks for it, the template's scope, the errors whose first message a
 * failure shows, and the title (the requisition's name unless changed). */
struct web_view {
    const struct sw_req_snapshot *snap;
    /* The aggregate to show: the snapshot's, or with ?adjusted=1 on a page
     * that is `adjustable`, rule 11's adjusted one (web_adjusted). */
    const struct sw_aggregate *aggregate;
    const struct sw_status *status;
    struct sw_tpl_scope *s;
    struct sw_errors errs;
    char title[600];
};

/* An analysis page: access, then its own part. */
struct web_analysis {
    enum web_page page;
    const char *tpl;            /* templates/web/ file rendered with the fields */
    const char *title;          /* NULL: the requisition's name */
    int status;                 /* make the loop status (status.h) for fields */
    /* The candidate at path segment 3, whose interviewer may read the page
     * once their own scorecard is submitted (access.h "mine"). */
    int candidate;
    /* ?adjusted=1 shows rule 11's adjusted scores; sets the toggle's fields
     * (templates/web/adjust.html). */
    int adjustable;
    /* Sets the page's fields: 0 renders tpl; WEB_NOT_FOUND answers 404;
     * -1 answers 500 with v->errs' first message (or "Out of memory."). */
    int (*fields)(struct web_ctx *c, struct web_view *v);
    /* Instead of tpl and fields: fills c->reply itself from the snapshot. */
    void (*reply)(struct web_ctx *c, const struct sw_req_snapshot *snap);
};
#define WEB_NOT_FOUND 404

/* Serves page p for the request: the access rule (a GET only: a POST is
 * 404), the snapshot of the requisition of /r/REQ (404 when there is no
 * such requisition, 500 when its folder cannot be read), then p's part,
 * rendered, and the snapshot released. */
void web_analysis_page(struct web_ctx *c, const struct web_analysis *p);

/* The snapshot of the requisition the path names (/r/REQ/...), refreshed
 * now. NULL with the reply set: 404 when there is no such requisition, 500
 * when its folder cannot be read. Release with sw_req_snapshot_release(). */
struct sw_req_snapshot *web_snapshot(struct web_ctx *c);

/* --- fields the pages share -------------------------------------------------- */

/* Sets `key` to v with 2 decimals and `key`_value to all its digits (for
 * <data value>), or "–" and "" for null (NaN). */
int web_set_number(struct sw_tpl_scope *s, const char *key, double v);
/* "Name (id)", or "id" without a name, into buf: for text only (a <title>,
 * an <option>); in a page's body use web_set_candidate(). */
const char *web_candidate_label(const struct sw_candidate *cand, char *buf, size_t size);
/* Sets list field `key` (a literal) of t to one item with fields "name" and
 * "id", which a template shows with {{#key}}{{> who.html}}{{/key}}: "Name
 * (id)", or the id alone, the id in a span that never breaks (style.css
 * .id), so that "c-000001" never wraps at its hyphen. 0 or -1. */
int web_set_who(struct sw_tpl_scope *t, const char *key, const char *name, const char *id);
/* web_set_who() for candidate cand, or for the person `id` as the people
 * file names them. */
int web_set_candidate(struct sw_tpl_scope *t, const char *key, const struct sw_candidate *cand);
int web_set_person(struct web_ctx *c, struct sw_tpl_scope *t, const char *key, const char *id);
/* Appends candidate cand's wheel as an SVG document to out: the thumbnail
 * of `px` pixels, or with px 0 the full drawing. 0 or -1. */
int web_wheel_svg(const struct sw_aggregate *a, const struct sw_candidate *cand, unsigned px,
                  struct sw_buf *out);
/* Sets `key` to candidate cand's wheel as inline SVG: the thumbnail of
 * `px` pixels, or with px 0 the full drawing (its XML declaration left
 * out). The SVG is core's (wheel.h), which escapes its text. 0 or -1. */
int web_wheel_field(const struct sw_aggregate *a, const struct sw_candidate *cand, unsigned px,
                    struct sw_tpl_scope *s, const char *key);
/* Lists the snapshot's problems as "problems" (file, line, message) and
 * sets "has_problems". 0 or -1. */
int web_problem_fields(const struct sw_req_snapshot *snap, struct sw_tpl_scope *s);
/* The work list of loop status (templates/web/work.html) for requisition
 * `req` on s: overdue drafts oldest first, then pending ones, candidates
 * short of scorecards, complete loops (page_status.c). 0 or -1. */
int web_work_fields(struct web_ctx *c, const char *req, const struct sw_status *st,
                    struct sw_tpl_scope *s);
/* The schedule form's datalists (pickers.c): pick_candidates and
 * pick_interviewers, each with id and label. 0 or -1. */
int web_picker_fields(struct web_ctx *c, struct sw_tpl_scope *s);
/* Whether the person may open page (one not about a candidate or a
 * scorecard): what the navigation lists. */
int web_may_open(const struct web_ctx *c, enum web_page page);
/* Sets the fields every requisition page shares (templates/web/req_nav.html):
 * req (its name), the navigation's links with `current` marked, and the
 * Workbook link on the dashboard (current ""). 0 or -1. */
int web_req_fields(struct web_ctx *c, struct sw_tpl_scope *s, const char *current);

/* The snapshot's aggregate with rule 11's adjusted scores, as `report
 * --adjusted` computes them: a new aggregate of the snapshot's scorecards,
 * fitted and adjusted (severity.h). NULL with errs set. Free it with
 * sw_aggregate_free(). */
struct sw_aggregate *web_adjusted(const struct sw_req_snapshot *snap, struct sw_errors *errs);

/* What people read for core's tokens: "Insufficient evidence" for
 * insufficient-evidence, "Strong hire" for strong-hire (none: "None yet"),
 * "Below target" for below-target. */
const char *web_decision_words(enum sw_decision d);
const char *web_recommendation_words(enum sw_recommendation r);
const char *web_flag_words(enum sw_flag f);

#endif
