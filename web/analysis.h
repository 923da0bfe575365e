/*
 * analysis.h - the requisitions as the committee's pages read them
 * (dashboard, packet, compare, calibration, status, workbook): one
 * sw_requisition (requisition.h) per folder served, refreshed on each
 * request, so that a scorecard written by the CLI shows on the next request
 * and only changed files are parsed again. Pages read an immutable snapshot,
 * without any lock, and every number comes from core's aggregate, as the
 * CLI's JSON has it (shown with 2 decimals).
 */
#ifndef SW_WEB_ANALYSIS_H
#define SW_WEB_ANALYSIS_H

#include <stddef.h>

#include "aggregate.h"
#include "requisition.h"
#include "render/template.h"

struct web_server;
struct web_ctx;

/* One sw_requisition per folder of srv->index, in the same order. 0, or -1
 * with an error (out of memory). */
int web_analysis_init(struct web_server *srv, struct sw_errors *errs);
void web_analysis_release(struct web_server *srv);

/* The snapshot of the requisition the path names (/r/REQ/...), refreshed
 * now. NULL with the reply set: 404 when there is no such requisition, 500
 * when its folder cannot be read. Release with sw_req_snapshot_release(). */
struct sw_req_snapshot *web_snapshot(struct web_ctx *c);

/* Sets `key` to v with 2 decimals, or "–" for null (NaN). */
int web_set_number(struct sw_tpl_scope *s, const char *key, double v);
/* "Name (id)", or "id" without a name, into buf. */
const char *web_candidate_label(const struct sw_candidate *cand, char *buf, size_t size);
/* Sets `key` to candidate cand's wheel as inline SVG: the thumbnail of
 * `px` pixels, or with px 0 the full drawing (its XML declaration left
 * out). The SVG is core's (wheel.h), which escapes its text. 0 or -1. */
int web_wheel_field(const struct sw_aggregate *a, const struct sw_candidate *cand, unsigned px,
                    struct sw_tpl_scope *s, const char *key);
/* Lists the snapshot's problems as "problems" (file, line, message) and
 * sets "has_problems". 0 or -1. */
int web_problem_fields(const struct sw_req_snapshot *snap, struct sw_tpl_scope *s);
/* Sets the fields every requisition page shares: req (its name), and the
 * navigation's links. 0 or -1. */
int web_req_fields(struct web_ctx *c, struct sw_tpl_scope *s, const char *current);

#endif
