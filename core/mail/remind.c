/* remind.c - rule 15's reminders, the recruiters' digest and "packet complete". */
#include "mail.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "files.h"
#include "timestamp.h"

/* One overdue draft, kept for the digest. */
struct sw_mail_overdue {
    char *line;             /* the digest's lines for it */
    double born;
};

double sw_remind_time(double created, const struct sw_policy *p, long k)
{
    return created + 3600 * (p->remind_after + (double)k * p->remind_every);
}

static int weekend(double t)
{
    time_t s = (time_t)floor(t);
    struct tm tm;
    return !gmtime_r(&s, &tm) || tm.tm_wday == 0 || tm.tm_wday == 6;
}

long sw_remind_due(double created, const struct sw_policy *p, double now)
{
    if (p->remind_max == 0 || !(p->remind_every > 0))
        return -1;
    double first = sw_remind_time(created, p, 0);
    if (first > now)
        return -1;
    double steps = floor((now - first) / (3600 * p->remind_every));
    long k = steps >= (double)p->remind_max ? (long)p->remind_max - 1 : (long)steps;
    for (; k >= 0; k--)
        if (sw_remind_time(created, p, k) <= now && !weekend(sw_remind_time(created, p, k)))
            return k;
    return -1;
}

void sw_mail_plan_init(struct sw_mail_plan *p, const struct sw_mail_setup *setup)
{
    memset(p, 0, sizeof *p);
    p->setup = setup;
}

void sw_mail_plan_release(struct sw_mail_plan *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++)
        sw_mail_release(&p->items[i]);
    for (size_t i = 0; i < p->n_overdue; i++)
        free(p->overdue[i].line);
    free(p->items);
    free(p->overdue);
    memset(p, 0, sizeof *p);
}

/* Text from a file, on one line: control characters become spaces. */
static void add_line_text(struct sw_buf *b, const char *s)
{
    for (; *s; s++)
        sw_buf_addc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
}

/* A URL path segment: anything but [A-Za-z0-9._~-] percent-encoded. */
static void add_segment(struct sw_buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            strchr("._~-", c))
            sw_buf_addc(b, (char)c);
        else
            sw_buf_addf(b, "%%%02X", c);
    }
}

static char *detach(struct sw_buf *b)
{
    if (b->failed) {
        sw_buf_release(b);
        return NULL;
    }
    char *s = sw_buf_detach(b, NULL);
    return s;
}

static const struct sw_mail_person *person(const struct sw_mail_setup *s, const char *id)
{
    for (size_t i = 0; i < s->n_people; i++)
        if (strcmp(s->people[i].id, id) == 0)
            return &s->people[i];
    return NULL;
}

/* A new mail of `kind` to `to` about what `about` holds, its subject and
 * body taken from the buffers; releases all three in every case. NULL
 * (recorded) when out of memory. */
static struct sw_mail *add_mail(struct sw_mail_plan *p, const char *kind, const char *to,
                                struct sw_buf *about, struct sw_buf *subject,
                                struct sw_buf *body, struct sw_errors *errs)
{
    struct sw_mail *m = NULL;
    if (!about->failed && p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 16;
        struct sw_mail *items = realloc(p->items, cap * sizeof *items);
        if (items) {
            p->items = items;
            p->cap = cap;
        }
    }
    if (!about->failed && p->n < p->cap) {
        m = &p->items[p->n];
        memset(m, 0, sizeof *m);
        m->kind = kind;
        m->k = -1;
        sw_mail_id(kind, sw_buf_str(about), about->len, m->id);
        m->to = strdup(to);
        m->subject = detach(subject);
        m->body = detach(body);
        if (!m->to || !m->subject || !m->body) {
            sw_mail_release(m);
            m = NULL;
        }
    }
    sw_buf_release(about);
    sw_buf_release(subject);
    sw_buf_release(body);
    if (!m)
        sw_fail_oom(errs, NULL);
    else
        p->n++;
    return m;
}

/* Where the card's path goes on from the REQ folder's. */
static const char *relative(const char *card, const char *req)
{
    size_t n = strlen(req);
    while (n > 1 && req[n - 1] == '/')
        n--;
    return strncmp(card, req, n) == 0 && card[n] == '/' ? card + n + 1 : card;
}

struct req_ctx {
    struct sw_mail_plan *plan;
    const struct sw_status *s;
    const char *req_path;
    char req[256];          /* the REQ's base name */
};

static const char *cand_name(const struct sw_candidate *c)
{
    return c->name && *c->name ? c->name : c->id;
}

static int add_reminder(struct req_ctx *q, const struct sw_card *card, double born, long k,
                        const struct sw_mail_person *to, struct sw_errors *errs)
{
    const struct sw_aggregate *a = q->s->aggregate;
    const struct sw_policy *pol = &a->rubric->policy;
    const struct sw_candidate *c = &a->candidates[card->candidate];
    const struct sw_interview *iv = &a->rubric->interviews[card->interview];
    const char *rel = relative(card->path, q->req_path);
    struct sw_buf about = SW_BUF_INIT, subject = SW_BUF_INIT, body = SW_BUF_INIT;
    sw_buf_addf(&about, "%s/%s\n%.0f\n%ld", q->req, rel, born, k);
    sw_buf_adds(&subject, "Reminder: your scorecard for ");
    add_line_text(&subject, cand_name(c));
    sw_buf_addf(&subject, " (%s)", iv->id);
    char when[21] = "";
    sw_utc_format((time_t)floor(born), when);
    sw_buf_adds(&body, "Hello ");
    add_line_text(&body, *to->name ? to->name : to->id);
    sw_buf_adds(&body, ",\n\nyour scorecard for ");
    add_line_text(&body, cand_name(c));
    sw_buf_addf(&body, " (%s), interview \"", c->id);
    add_line_text(&body, iv->name && *iv->name ? iv->name : iv->id);
    sw_buf_addf(&body, "\",\nis still a draft (since %s). Please finish and submit it:\n\n"
                "%s/r/", when, q->plan->setup->public_url);
    add_segment(&body, q->req);
    sw_buf_addf(&body, "/s/%s/%s/%s\n\nReminder %ld of at most %zu; they stop once the "
                "scorecard is submitted.\n", c->id, iv->id, to->id, k + 1, pol->remind_max);
    struct sw_mail *m = add_mail(q->plan, "reminder", to->email, &about, &subject, &body, errs);
    if (!m)
        return -1;
    m->k = k;
    return (m->card = strdup(rel)) ? 0 : sw_fail_oom(errs, NULL);
}

static int keep_overdue(struct req_ctx *q, const struct sw_card *card, double born,
                        double age_hours, struct sw_errors *errs)
{
    struct sw_mail_plan *p = q->plan;
    const struct sw_aggregate *a = q->s->aggregate;
    const struct sw_candidate *c = &a->candidates[card->candidate];
    if (p->n_overdue == p->cap_overdue) {
        size_t cap = p->cap_overdue ? 2 * p->cap_overdue : 16;
        struct sw_mail_overdue *o = realloc(p->overdue, cap * sizeof *o);
        if (!o)
            return sw_fail_oom(errs, NULL);
        p->overdue = o;
        p->cap_overdue = cap;
    }
    struct sw_buf b = SW_BUF_INIT;
    sw_buf_addf(&b, "- %.0f hours: %s, ", floor(age_hours), q->req);
    add_line_text(&b, cand_name(c));
    sw_buf_addf(&b, " (%s), %s by %s\n  %s/r/", c->id, a->rubric->interviews[card->interview].id,
                a->interviewers[card->interviewer], p->setup->public_url);
    add_segment(&b, q->req);
    sw_buf_adds(&b, "/status\n");
    char *line = detach(&b);
    if (!line)
        return sw_fail_oom(errs, NULL);
    p->overdue[p->n_overdue++] = (struct sw_mail_overdue){ line, born };
    return 0;
}

static int add_packets(struct req_ctx *q, const struct sw_status_candidate *sc,
                       struct sw_errors *errs)
{
    const struct sw_mail_setup *set = q->plan->setup;
    const struct sw_candidate *c = &q->s->aggregate->candidates[sc->candidate];
    for (size_t i = 0; i < set->n_people; i++) {
        const struct sw_mail_person *to = &set->people[i];
        if (!(to->roles & SW_MAIL_COMMITTEE) || !to->email)
            continue;
        struct sw_buf about = SW_BUF_INIT, subject = SW_BUF_INIT, body = SW_BUF_INIT;
        sw_buf_addf(&about, "%s/%s\n%zu\n%s", q->req, c->id, sc->n_cards, to->id);
        sw_buf_adds(&subject, "Packet complete: ");
        add_line_text(&subject, cand_name(c));
        sw_buf_addf(&subject, " (%s)", q->req);
        sw_buf_adds(&body, "Hello ");
        add_line_text(&body, *to->name ? to->name : to->id);
        sw_buf_adds(&body, ",\n\nevery scorecard for ");
        add_line_text(&body, cand_name(c));
        sw_buf_addf(&body, " (%s) is submitted (%zu scorecard%s). The packet:\n\n%s/r/",
                    c->id, sc->submitted, sc->submitted == 1 ? "" : "s", set->public_url);
        add_segment(&body, q->req);
        sw_buf_addf(&body, "/c/%s\n", c->id);
        struct sw_mail *m = add_mail(q->plan, "packet", to->email, &about, &subject, &body, errs);
        if (!m)
            return -1;
        size_t len = strlen(q->req) + strlen(c->id) + 2;
        if (!(m->candidate = malloc(len)))
            return sw_fail_oom(errs, NULL);
        snprintf(m->candidate, len, "%s/%s", q->req, c->id);
    }
    return 0;
}

static int plan_card(struct req_ctx *q, const struct sw_status_card *sc, struct sw_errors *errs)
{
    const struct sw_aggregate *a = q->s->aggregate;
    const struct sw_card *card = &a->cards[sc->card];
    if (card->submitted)
        return 0;
    double born;
    if (sw_status_born(card, &born, errs) < 0)
        return -1;
    if (sc->overdue && keep_overdue(q, card, born, sc->age_hours, errs) < 0)
        return -1;
    const struct sw_mail_person *to = person(q->plan->setup, a->interviewers[card->interviewer]);
    long k = sw_remind_due(born, &a->rubric->policy, q->plan->setup->now);
    if (!to || !to->email || k < 0)
        return 0;
    return add_reminder(q, card, born, k, to, errs);
}

int sw_mail_plan_req(struct sw_mail_plan *p, const struct sw_status *s, const char *req_path,
                     struct sw_errors *errs)
{
    struct req_ctx q = { .plan = p, .s = s, .req_path = req_path };
    size_t len;
    const char *base = sw_path_base(req_path, &len);
    snprintf(q.req, sizeof q.req, "%.*s", (int)len, base);
    for (size_t i = 0; i < s->n_candidates; i++) {
        const struct sw_status_candidate *sc = &s->candidates[i];
        for (size_t j = 0; j < sc->n_cards; j++)
            if (plan_card(&q, &sc->cards[j], errs) < 0)
                return -1;
        if (sc->n_cards > 0 && sc->pending == 0 && add_packets(&q, sc, errs) < 0)
            return -1;
    }
    return 0;
}

static int oldest_first(const void *x, const void *y)
{
    const struct sw_mail_overdue *a = x, *b = y;
    return a->born != b->born ? (a->born < b->born ? -1 : 1) : strcmp(a->line, b->line);
}

int sw_mail_plan_digests(struct sw_mail_plan *p, struct sw_errors *errs)
{
    if (p->n_overdue == 0)
        return 0;
    qsort(p->overdue, p->n_overdue, sizeof *p->overdue, oldest_first);
    const struct sw_mail_setup *set = p->setup;
    char day[21] = "";
    sw_utc_format((time_t)floor(set->now), day);
    day[10] = 0;
    for (size_t i = 0; i < set->n_people; i++) {
        const struct sw_mail_person *to = &set->people[i];
        if (!(to->roles & SW_MAIL_RECRUITER) || !to->email)
            continue;
        struct sw_buf about = SW_BUF_INIT, subject = SW_BUF_INIT, body = SW_BUF_INIT;
        sw_buf_addf(&about, "%s\n%s", day, to->id);
        sw_buf_addf(&subject, "Overdue scorecards on %s: %zu", day, p->n_overdue);
        sw_buf_adds(&body, "Hello ");
        add_line_text(&body, *to->name ? to->name : to->id);
        sw_buf_addf(&body, ",\n\n%zu draft scorecard%s overdue, oldest first:\n\n",
                    p->n_overdue, p->n_overdue == 1 ? " is" : "s are");
        for (size_t k = 0; k < p->n_overdue; k++)
            sw_buf_adds(&body, p->overdue[k].line);
        struct sw_mail *m = add_mail(p, "digest", to->email, &about, &subject, &body, errs);
        if (!m)
            return -1;
    }
    return 0;
}

int sw_mail_signin(const struct sw_mail_person *to, const char *link, const char *nonce,
                   struct sw_mail *out, struct sw_errors *errs)
{
    struct sw_mail_plan p;
    struct sw_mail_setup set = { 0 };
    sw_mail_plan_init(&p, &set);
    struct sw_buf about = SW_BUF_INIT, subject = SW_BUF_INIT, body = SW_BUF_INIT;
    sw_buf_addf(&about, "%s\n%s", to->id, nonce);
    sw_buf_adds(&subject, "Your sign-in link for scorewheel");
    sw_buf_adds(&body, "Hello ");
    add_line_text(&body, *to->name ? to->name : to->id);
    sw_buf_addf(&body, ",\n\nthis link signs you in to scorewheel, where you write your "
                "scorecards:\n\n%s\n\nIt is yours alone: do not forward it. It opens a page "
                "with a button;\nnothing happens until you press it.\n", link);
    struct sw_mail *m = add_mail(&p, "signin", to->email, &about, &subject, &body, errs);
    if (m) {
        *out = *m;
        p.n = 0;
    }
    sw_mail_plan_release(&p);
    return m ? 0 : -1;
}
