/* page_schedule.c - /r/REQ/schedule: a recruiter assigns an interview and an
 * interviewer to a candidate (id, name, level). The POST writes the blank
 * draft that `new` writes (entry.h: sw_entry_blank, `created` stamped,
 * sw_entry_xml) at REQ/CANDIDATE/INTERVIEW--INTERVIEWER.xml, only while no
 * such file exists, and redirects back (post/redirect/get) with what was
 * scheduled; the draft then shows on that interviewer's home page. An
 * optional interview date and time (UTC, as a datetime-local input sends
 * it) goes into the draft's `scheduled` attribute (docs/design.md "The
 * `scheduled` attribute"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "files.h"
#include "analysis.h"
#include "log.h"
#include "timestamp.h"
#include "web.h"

/* What the form holds: typed values, shown back when refused. */
struct booking {
    const char *candidate, *name, *level, *interview, *interviewer, *when;
};

static const char *field(const struct web_ctx *c, const char *name)
{
    const char *v = web_param(&c->form, name);
    return v ? v : "";
}

static int form_fields(struct web_ctx *c, const struct booking *b, const char *message,
                       struct sw_tpl_scope *s)
{
    const struct sw_rubric *r = c->srv->index.rubric;
    const char *done = web_param(&c->query, "done");
    int rc = web_req_fields(c, s, "schedule")
           | sw_tpl_setf(s, "action", "/r/%s/schedule", c->path.seg[1])
           | sw_tpl_set(s, "message", message ? message : "")
           | sw_tpl_set(s, "done", done && !message ? done : "")
           | sw_tpl_set(s, "candidate", b->candidate) | sw_tpl_set(s, "name", b->name)
           | sw_tpl_set(s, "interviewer", b->interviewer) | sw_tpl_set(s, "when", b->when)
           | web_picker_fields(c, s);
    for (size_t i = 0; i < r->n_interviews && rc == 0; i++) {
        struct sw_tpl_scope *t = sw_tpl_add(s, "interviews");
        rc = !t ? -1 : sw_tpl_set(t, "id", r->interviews[i].id)
                     | sw_tpl_set(t, "label", r->interviews[i].name)
                     | sw_tpl_set(t, "selected",
                                  strcmp(b->interview, r->interviews[i].id) == 0 ? "yes" : "");
    }
    for (size_t i = 0; i < r->n_levels && rc == 0; i++) {
        struct sw_tpl_scope *t = sw_tpl_add(s, "levels");
        rc = !t ? -1 : sw_tpl_set(t, "id", r->levels[i].id)
                     | sw_tpl_set(t, "label", r->levels[i].name)
                     | sw_tpl_set(t, "selected",
                                  strcmp(b->level, r->levels[i].id) == 0 ? "yes" : "");
    }
    return rc;
}

static void show(struct web_ctx *c, int status, const struct booking *b, const char *message)
{
    struct sw_arena arena = SW_ARENA_INIT;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    if (s && form_fields(c, b, message, s) == 0)
        web_render(c, status, "Schedule", "schedule.html", s, &arena);
    else
        web_message(c, 500, "Error", "Out of memory.");
    sw_arena_release(&arena);
}

/* The stamp for `when` into out: "" for "", else the UTC stamp it names
 * (YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS as a datetime-local input sends
 * it, read as UTC, or a whole stamp ending in Z). 0, or -1 when it is none. */
static int scheduled_stamp(const char *when, char *out, size_t size)
{
    size_t n = strlen(when);
    const char *tail = n == 16 ? ":00Z" : n == 19 ? "Z" : "";
    if (n >= size - 4)
        return -1;
    snprintf(out, size, "%s%s", when, tail);
    return !*out || (strchr(when, 'T') && sw_utc_stamp_ok(out)) ? 0 : -1;
}

/* The draft's XML, as `new` writes it. 0, or -1 with errors. */
static int draft_xml(struct web_ctx *c, const struct booking *b, struct sw_buf *xml,
                     struct sw_errors *errs)
{
    char when[64];
    const struct sw_rubric *r = c->srv->index.rubric;
    struct sw_buf name = SW_BUF_INIT;
    sw_entry_clean_text(b->name, strlen(b->name), &name);
    struct sw_scorecard *s = sw_entry_blank(r, (size_t)sw_rubric_interview(r, b->interview),
                                            b->candidate, b->interviewer,
                                            *b->level ? sw_rubric_level(r, b->level) : -1,
                                            *b->name ? sw_buf_str(&name) : NULL, errs);
    int rc = s && !name.failed && sw_entry_set_created(s, c->now) == 0 &&
             scheduled_stamp(b->when, when, sizeof when) == 0 &&
             sw_entry_set_text(s, &s->scheduled, when) == 0
             ? sw_entry_xml(r, s, SW_ENTRY_GUIDE, xml, errs) : -1;
    sw_scorecard_free(s);
    sw_buf_release(&name);
    return rc;
}

#define ID_RULE "letters, digits, '.', '_' or '-' (not starting with '.' or '-')."

/* What is wrong with the booking, or NULL. */
static const char *refusal(const struct sw_rubric *r, const struct booking *b)
{
    char when[64];
    if (strlen(b->candidate) >= WEB_ID_MAX || strlen(b->interviewer) >= WEB_ID_MAX)
        return "An id is at most 127 characters.";
    if (!sw_entry_id_ok(b->candidate))
        return "The candidate id must be " ID_RULE;
    if (!sw_entry_id_ok(b->interviewer))
        return "The interviewer id must be " ID_RULE;
    if (sw_rubric_interview(r, b->interview) < 0)
        return "Choose one of the rubric's interviews.";
    if (*b->level && sw_rubric_level(r, b->level) < 0)
        return "Choose one of the rubric's levels, or none.";
    if (scheduled_stamp(b->when, when, sizeof when) < 0)
        return "The interview date must be a real date and time, YYYY-MM-DDTHH:MM (UTC), or "
               "empty.";
    return NULL;
}

/* A level or name that the candidate's other scorecards contradict (in the
 * requisition's snapshot), as the reason to refuse, into why; 0 when none.
 * Aggregation would reject two levels (docs/design.md rule 4), and one
 * candidate has one name. */
static int conflict(const struct sw_rubric *r, struct web_req *q, const struct booking *b,
                    struct sw_buf *why)
{
    struct sw_req_snapshot *snap = web_req_snapshot(q);
    long level = *b->level ? sw_rubric_level(r, b->level) : -1;
    for (size_t i = snap ? sw_req_snapshot_find(snap, 0, b->candidate, NULL, NULL) : 0;
         snap && i < snap->n_files && !why->len;
         i = sw_req_snapshot_find(snap, i + 1, b->candidate, NULL, NULL)) {
        const struct sw_scorecard *s = snap->files[i].scorecard;
        const char *file = strrchr(snap->files[i].path, '/');
        file = file ? file + 1 : snap->files[i].path;
        if (level >= 0 && s->level >= 0 && s->level != level)
            sw_buf_addf(why, "Candidate %s is assessed for level '%s' on their other "
                        "scorecards (%s): schedule that level.", b->candidate,
                        r->levels[s->level].id, file);
        else if (*b->name && *s->candidate_name && strcmp(b->name, s->candidate_name))
            sw_buf_addf(why, "Candidate %s is named '%s' on their other scorecards (%s): use "
                        "that name, or leave it empty.", b->candidate, s->candidate_name, file);
    }
    sw_req_snapshot_release(snap);
    return why->len ? -1 : 0;
}

/* With --people, the interviewer must be someone who can sign in. */
static int known_interviewer(struct web_server *srv, const char *id)
{
    if (srv->single)
        return 1;
    pthread_mutex_lock(&srv->people_lock);
    web_reload_people(srv);
    int known = sw_people_find(&srv->people, id) != NULL;
    pthread_mutex_unlock(&srv->people_lock);
    return known;
}

static void schedule(struct web_ctx *c, struct web_req *q, const struct booking *b)
{
    const char *why = refusal(c->srv->index.rubric, b);
    if (!why && !known_interviewer(c->srv, b->interviewer))
        why = "This interviewer is not in the people file: add them first (scorewheel "
              "people add).";
    if (why) {
        show(c, 400, b, why);
        return;
    }
    struct sw_buf reason = SW_BUF_INIT;
    if (conflict(c->srv->index.rubric, q, b, &reason) < 0) {
        show(c, 400, b, sw_buf_str(&reason));
        sw_buf_release(&reason);
        return;
    }
    sw_buf_release(&reason);
    char *rel = sw_entry_default_path(b->candidate, b->interview, b->interviewer);
    char folder[4096], path[8192];
    snprintf(folder, sizeof folder, "%s/%s", q->dir, b->candidate);
    snprintf(path, sizeof path, "%s/%s", q->dir, rel ? rel : "");
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_buf xml = SW_BUF_INIT;
    int rc = rel ? 0 : sw_fail_oom(&errs, NULL);
    if (rc == 0)
        rc = draft_xml(c, b, &xml, &errs);
    if (rc == 0)
        rc = sw_mkdirs(folder, &errs);
    if (rc == 0)
        rc = sw_write_if_unchanged(path, xml.data, xml.len, NULL, 0, &errs);
    if (rc == 0) {
        sw_requisition_forget(q->model, path);
        char to[1024];
        snprintf(to, sizeof to, "/r/%s/schedule?done=%s/%s/%s", c->path.seg[1], b->candidate,
                 b->interview, b->interviewer);
        web_redirect(c, to);
    } else if (sw_errors_worst(&errs) == SW_EINPUT) {
        show(c, 409, b, "This interviewer already has a scorecard for this candidate and "
                        "interview.");
    } else {
        web_log_errors(&errs, path);
        show(c, 500, b, "The draft could not be written.");
    }
    sw_errors_release(&errs);
    sw_buf_release(&xml);
    free(rel);
}

void web_page_schedule(struct web_ctx *c)
{
    struct web_access a = { .role = c->me.role, .page = WEB_PAGE_SCHEDULE, .write = c->post };
    if (web_allow(c, &a) < 0)
        return;
    struct web_req *q = web_index_req(&c->srv->index, c->path.seg[1]);
    if (!q) {
        web_message(c, 404, "Not found", "There is no such page.");
        return;
    }
    struct booking b = { "", "", "", "", "", "" };
    if (c->post) {
        b = (struct booking){ field(c, "candidate"), field(c, "name"), field(c, "level"),
                              field(c, "interview"), field(c, "interviewer"), field(c, "when") };
        schedule(c, q, &b);
    } else {
        show(c, 200, &b, NULL);
    }
}
