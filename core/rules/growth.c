/* growth.c - assessments become each person's profile per cycle, rule 13 (growth.h). */
#include "growth.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util/vec.h"

#define END ((size_t)-1)
#define EPS 1e-9

const char *sw_growth_flag_name(enum sw_growth_flag f)
{
    return f == SW_GROWTH_BLIND_SPOT ? "blind-spot"
           : f == SW_GROWTH_HIDDEN_STRENGTH ? "hidden-strength" : "";
}

struct sw_growth *sw_growth_new(const struct sw_rubric *r)
{
    struct sw_growth *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->rubric = r;
    sw_arena_init(&g->arena);
    sw_strmap_init(&g->person_ids);
    sw_strmap_init(&g->keys);
    return g;
}

void sw_growth_free(struct sw_growth *g)
{
    if (!g)
        return;
    free(g->people);
    free(g->entries);
    free(g->entry_next);
    sw_strmap_release(&g->person_ids);
    sw_strmap_release(&g->keys);
    sw_arena_release(&g->arena);
    free(g);
}

static long person_index(struct sw_growth *g, const char *id)
{
    long k = sw_strmap_get(&g->person_ids, id);
    if (k >= 0)
        return k;
    if (SW_VEC_GROW(g->people, g->cap_people, g->n_people + 1, 16) < 0)
        return -1;
    struct sw_person *p = &g->people[g->n_people];
    memset(p, 0, sizeof *p);
    p->id = sw_arena_strdup(&g->arena, id);
    p->level = -1;
    p->first_entry = p->last_entry = END;
    if (!p->id || sw_strmap_put(&g->person_ids, p->id, g->n_people) < 0)
        return -1;
    return (long)g->n_people++;
}

/* The duplicate key: person, assessor and cycle, separated by a byte no id holds. */
static char *entry_key(struct sw_growth *g, const struct sw_assessment *a)
{
    struct sw_buf b = SW_BUF_INIT;
    sw_buf_addf(&b, "%s/%s/%s", a->person, a->assessor, a->cycle);
    char *key = b.failed ? NULL : sw_arena_strdup(&g->arena, sw_buf_str(&b));
    sw_buf_release(&b);
    return key;
}

static int fill_entry(struct sw_growth *g, struct sw_growth_entry *e,
                      const struct sw_assessment *a, size_t person)
{
    const struct sw_rubric *r = g->rubric;
    e->path = sw_arena_strdup(&g->arena, a->path);
    e->assessor = sw_arena_strdup(&g->arena, a->assessor);
    e->cycle = sw_arena_strdup(&g->arena, a->cycle);
    e->values = sw_arena_calloc(&g->arena, r->n_competencies + 1, sizeof *e->values);
    if (!e->path || !e->assessor || !e->cycle || !e->values)
        return -1;
    e->line = a->line;
    e->person = person;
    e->relation = a->relation;
    e->level = a->level;
    e->submitted = a->submitted;
    for (size_t c = 0; c < r->n_competencies; c++)
        e->values[c] = NAN;
    for (size_t i = 0; i < a->n_ratings; i++)
        e->values[a->ratings[i].competency] = a->ratings[i].value;
    return 0;
}

int sw_growth_add(struct sw_growth *g, const struct sw_assessment *a, struct sw_errors *errs)
{
    char *key = entry_key(g, a);
    if (!key)
        return sw_fail_oom(errs, a->path);
    long dup = sw_strmap_get(&g->keys, key);
    if (dup >= 0)
        return sw_fail(errs, a->path, a->line,
                       "a second assessment of person '%s' by assessor '%s' in cycle '%s': "
                       "the other is %s", a->person, a->assessor, a->cycle,
                       g->entries[dup].path);
    long p = person_index(g, a->person);
    if (p < 0 || SW_VEC_GROW(g->entries, g->cap_entries, g->n_entries + 1, 16) < 0
        || SW_VEC_GROW(g->entry_next, g->cap_next, g->n_entries + 1, 16) < 0)
        return sw_fail_oom(errs, a->path);
    struct sw_growth_entry *e = &g->entries[g->n_entries];
    if (fill_entry(g, e, a, (size_t)p) < 0 || sw_strmap_put(&g->keys, key, g->n_entries) < 0)
        return sw_fail_oom(errs, a->path);
    struct sw_person *person = &g->people[p];
    if (!person->name && a->person_name[0] &&
        !(person->name = sw_arena_strdup(&g->arena, a->person_name)))
        return sw_fail_oom(errs, a->path);
    g->entry_next[g->n_entries] = END;
    if (person->last_entry == END)
        person->first_entry = g->n_entries;
    else
        g->entry_next[person->last_entry] = g->n_entries;
    person->last_entry = g->n_entries++;
    return 0;
}

/* What sw_growth_load_parallel() carries to each file. */
struct adding {
    struct sw_growth *g;
    struct sw_errors *errs;
    size_t failed;
};

static void add_loaded(void *ctx, const char *path, struct sw_document *doc, int failed,
                       struct sw_errors *errs)
{
    (void)path;
    struct adding *add = ctx;
    if (failed || (doc->assessment && sw_growth_add(add->g, doc->assessment, errs) < 0))
        add->failed++;
    sw_errors_move(add->errs, errs);
}

size_t sw_growth_load_parallel(struct sw_growth *g, char *const *paths, size_t n,
                               unsigned threads, sw_progress_fn progress, void *ctx,
                               struct sw_errors *errs)
{
    struct adding add = { g, errs, 0 };
    (void)ctx;
    if (sw_load_files(g->rubric, paths, n, SW_DOC_SKIP_RUBRICS | SW_DOC_SKIP_SCORECARDS,
                      threads, add_loaded, NULL, &add) < 0) {
        sw_fail_oom(errs, NULL);
        return n;
    }
    if (progress)
        progress(ctx, n, n);
    return add.failed;
}

/* --- rule 13 --------------------------------------------------------------- */

static int by_string(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Rule 3 over the others means of cycle y. */
static void pillar_scores(const struct sw_rubric *r, struct sw_growth_cycle *y)
{
    double all = 0;
    size_t n_all = 0;
    for (size_t p = 0; p < r->n_pillars; p++) {
        double sum = 0;
        size_t n = 0;
        for (size_t c = r->pillars[p].first; c < r->pillars[p].first + r->pillars[p].count; c++)
            if (y->competencies[c].n) {
                sum += y->competencies[c].others;
                n++;
            }
        y->pillars[p] = n ? sum / (double)n : NAN;
        all += sum;
        n_all += n;
    }
    y->overall = n_all ? all / (double)n_all : NAN;
}

/* Means, self values and flags of cycle y (index k of p's cycles). */
static void profile(const struct sw_growth *g, const struct sw_person *p, size_t k)
{
    const struct sw_rubric *r = g->rubric;
    struct sw_growth_cycle *y = &p->cycles[k];
    for (size_t c = 0; c < r->n_competencies; c++)
        y->competencies[c] = (struct sw_growth_stats){ 0, 0, NAN, NAN, NAN, 0 };
    for (size_t e = p->first_entry; e != END; e = g->entry_next[e]) {
        const struct sw_growth_entry *en = &g->entries[e];
        if (!en->submitted || strcmp(en->cycle, y->id) != 0)
            continue;
        if (en->relation == SW_REL_SELF)
            y->self = 1;
        else
            y->assessors++;
        for (size_t c = 0; c < r->n_competencies; c++) {
            struct sw_growth_stats *s = &y->competencies[c];
            if (isnan(en->values[c]))
                continue;
            if (en->relation == SW_REL_SELF) {
                s->self = en->values[c];
            } else {
                s->others += en->values[c];
                s->n++;
            }
        }
    }
    for (size_t c = 0; c < r->n_competencies; c++) {
        struct sw_growth_stats *s = &y->competencies[c];
        s->others = s->n ? s->others / (double)s->n : NAN;
        s->self_gap = s->self - s->others;
        if (s->self_gap >= r->policy.self_gap - EPS)
            s->flags |= SW_GROWTH_BLIND_SPOT;
        if (s->self_gap <= -r->policy.self_gap + EPS)
            s->flags |= SW_GROWTH_HIDDEN_STRENGTH;
        for (size_t j = k; j-- > 0 && s->n;)
            if (p->cycles[j].competencies[c].n) {
                s->delta = s->others - p->cycles[j].competencies[c].others;
                break;
            }
    }
    pillar_scores(r, y);
}

/* The distinct cycles of p's submitted assessments, sorted. */
static int list_cycles(struct sw_growth *g, struct sw_person *p)
{
    size_t n = 0;
    for (size_t e = p->first_entry; e != END; e = g->entry_next[e])
        n += g->entries[e].submitted;
    const char **ids = calloc(n + 1, sizeof *ids);
    if (!ids)
        return -1;
    n = 0;
    for (size_t e = p->first_entry; e != END; e = g->entry_next[e])
        if (g->entries[e].submitted)
            ids[n++] = g->entries[e].cycle;
    qsort(ids, n, sizeof *ids, by_string);
    const struct sw_rubric *r = g->rubric;
    p->cycles = sw_arena_calloc(&g->arena, n + 1, sizeof *p->cycles);
    for (size_t i = 0; p->cycles && i < n; i++) {
        if (i && strcmp(ids[i], ids[i - 1]) == 0)
            continue;
        struct sw_growth_cycle *y = &p->cycles[p->n_cycles++];
        y->id = ids[i];
        y->pillars = sw_arena_calloc(&g->arena, r->n_pillars + 1, sizeof *y->pillars);
        y->competencies = sw_arena_calloc(&g->arena, r->n_competencies + 1,
                                          sizeof *y->competencies);
        if (!y->pillars || !y->competencies) {
            free(ids);
            return -1;
        }
    }
    free(ids);
    return p->cycles ? 0 : -1;
}

/* The first level on a submitted assessment of the latest cycle with one. */
static long person_level(const struct sw_growth *g, const struct sw_person *p)
{
    for (size_t k = p->n_cycles; k-- > 0;)
        for (size_t e = p->first_entry; e != END; e = g->entry_next[e]) {
            const struct sw_growth_entry *en = &g->entries[e];
            if (en->submitted && en->level >= 0 && strcmp(en->cycle, p->cycles[k].id) == 0)
                return en->level;
        }
    return -1;
}

static int by_person_id(const void *x, const void *y)
{
    return strcmp(((const struct sw_person *)x)->id, ((const struct sw_person *)y)->id);
}

int sw_growth_finish(struct sw_growth *g, struct sw_errors *errs)
{
    if (g->n_people)
        qsort(g->people, g->n_people, sizeof *g->people, by_person_id);
    sw_strmap_release(&g->person_ids);
    sw_strmap_init(&g->person_ids);
    for (size_t i = 0; i < g->n_people; i++) {
        struct sw_person *p = &g->people[i];
        if (sw_strmap_put(&g->person_ids, p->id, i) < 0 || list_cycles(g, p) < 0)
            return sw_fail_oom(errs, NULL);
        for (size_t e = p->first_entry; e != END; e = g->entry_next[e])
            g->entries[e].person = i;
        for (size_t k = 0; k < p->n_cycles; k++)
            profile(g, p, k);
        p->level = person_level(g, p);
    }
    g->finished = 1;
    return 0;
}

long sw_growth_person(const struct sw_growth *g, const char *id)
{
    return sw_strmap_get(&g->person_ids, id);
}

const struct sw_growth_cycle *sw_growth_cycle_of(const struct sw_person *p, const char *id)
{
    for (size_t k = 0; k < p->n_cycles; k++)
        if (strcmp(p->cycles[k].id, id) == 0)
            return &p->cycles[k];
    return NULL;
}
