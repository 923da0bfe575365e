/* cards.c - the index of the requisitions' scorecards; see cards.h. */
#include "cards.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "document.h"
#include "entry.h"
#include "files.h"

static const char *base_name(const char *dir, size_t *len)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    size_t start = n;
    while (start > 0 && dir[start - 1] != '/')
        start--;
    *len = n - start;
    return dir + start;
}

int web_index_init(struct web_index *x, const struct sw_rubric *r, char **dirs, size_t n,
                   struct sw_errors *errs)
{
    memset(x, 0, sizeof *x);
    x->rubric = r;
    x->stale = 1;
    pthread_mutex_init(&x->lock, NULL);
    x->reqs = calloc(n ? n : 1, sizeof *x->reqs);
    if (!x->reqs)
        return sw_fail_oom(errs, NULL);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *base = base_name(dirs[i], &len);
        struct web_req *q = &x->reqs[x->n_reqs];
        q->name = strndup(base, len);
        q->dir = strdup(dirs[i]);
        if (!q->name || !q->dir) {
            free(q->name);
            free(q->dir);
            return sw_fail_oom(errs, NULL);
        }
        x->n_reqs++;
        if (!sw_entry_id_ok(q->name))
            return sw_fail(errs, dirs[i], 0, "the folder's name '%s' cannot name a requisition "
                           "in a URL (use [A-Za-z0-9._-]+)", q->name);
        for (size_t j = 0; j < i; j++)
            if (strcmp(x->reqs[j].name, q->name) == 0)
                return sw_fail(errs, dirs[i], 0, "two requisitions named '%s' (%s and %s)",
                               q->name, x->reqs[j].dir, dirs[i]);
    }
    return 0;
}

static void entry_release(struct web_card_entry *e)
{
    free(e->path);
    free(e->candidate);
    free(e->interview);
    free(e->interviewer);
    free(e->name);
}

void web_index_release(struct web_index *x)
{
    for (size_t i = 0; i < x->n_reqs; i++) {
        for (size_t j = 0; j < x->reqs[i].n; j++)
            entry_release(&x->reqs[i].cards[j]);
        free(x->reqs[i].cards);
        free(x->reqs[i].name);
        free(x->reqs[i].dir);
    }
    free(x->reqs);
    pthread_mutex_destroy(&x->lock);
    memset(x, 0, sizeof *x);
}

void web_index_lock(struct web_index *x)
{
    pthread_mutex_lock(&x->lock);
}

void web_index_unlock(struct web_index *x)
{
    pthread_mutex_unlock(&x->lock);
}

/* The old entry for path (entries sorted by path), or NULL. */
static struct web_card_entry *find_old(struct web_req *q, const char *path)
{
    size_t lo = 0, hi = q->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(q->cards[mid].path, path);
        if (c == 0)
            return &q->cards[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

void web_index_note_write(struct web_index *x, const char *path, int submitted)
{
    struct stat st;
    pthread_mutex_lock(&x->lock);
    int known = stat(path, &st) == 0;
    for (size_t i = 0; i < x->n_reqs; i++) {
        struct web_card_entry *e = find_old(&x->reqs[i], path);
        if (e && known && e->candidate) {
            e->dev = st.st_dev, e->ino = st.st_ino, e->size = st.st_size;
            e->mtime = st.st_mtim.tv_sec, e->mtime_ns = st.st_mtim.tv_nsec;
            e->submitted = submitted;
        } else if (e) {
            x->stale = 1;
        }
    }
    pthread_mutex_unlock(&x->lock);
}

static void read_card(const struct sw_rubric *r, struct web_card_entry *e)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_document d = { 0 };
    if (sw_document_load(r, e->path, SW_DOC_SKIP_RUBRICS, &d, &errs) == 0 && d.scorecard) {
        const struct sw_scorecard *s = d.scorecard;
        e->candidate = strdup(s->candidate);
        e->interview = strdup(r->interviews[s->interview].id);
        e->interviewer = strdup(s->interviewer);
        e->name = strdup(s->candidate_name);
        e->submitted = s->submitted;
        if (!e->candidate || !e->interview || !e->interviewer || !e->name) {
            free(e->candidate);
            e->candidate = NULL;
        }
    }
    sw_document_release(&d);
    sw_errors_release(&errs);
}

static void refresh_req(const struct sw_rubric *r, struct web_req *q)
{
    struct sw_paths paths;
    struct sw_errors errs;
    sw_paths_init(&paths);
    sw_errors_init(&errs);
    sw_paths_collect(&paths, q->dir, &errs);
    struct web_card_entry *cards = calloc(paths.count ? paths.count : 1, sizeof *cards);
    size_t n = 0;
    for (size_t i = 0; cards && i < paths.count; i++) {
        struct stat st;
        if (stat(paths.items[i], &st) < 0 || !S_ISREG(st.st_mode))
            continue;
        struct web_card_entry *old = find_old(q, paths.items[i]), *e = &cards[n];
        if (old && old->dev == st.st_dev && old->ino == st.st_ino && old->size == st.st_size &&
            old->mtime == st.st_mtim.tv_sec && old->mtime_ns == st.st_mtim.tv_nsec) {
            *e = *old;
            old->moved = 1;   /* its strings are e's now */
        } else {
            e->path = strdup(paths.items[i]);
            if (!e->path)
                continue;
            e->dev = st.st_dev, e->ino = st.st_ino, e->size = st.st_size;
            e->mtime = st.st_mtim.tv_sec, e->mtime_ns = st.st_mtim.tv_nsec;
            read_card(r, e);
        }
        n++;
    }
    if (cards) {
        for (size_t j = 0; j < q->n; j++)
            if (!q->cards[j].moved)
                entry_release(&q->cards[j]);
        free(q->cards);
        q->cards = cards;
        q->n = n;
    }
    sw_paths_release(&paths);
    sw_errors_release(&errs);
}

void web_index_refresh(struct web_index *x)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double ms = (double)(now.tv_sec - x->refreshed.tv_sec) * 1e3 +
                (double)(now.tv_nsec - x->refreshed.tv_nsec) / 1e6;
    if (!x->stale && ms < WEB_REFRESH_MS)
        return;
    for (size_t i = 0; i < x->n_reqs; i++)
        refresh_req(x->rubric, &x->reqs[i]);
    x->refreshed = now;
    x->stale = 0;
}

struct web_req *web_index_req(struct web_index *x, const char *name)
{
    for (size_t i = 0; i < x->n_reqs; i++)
        if (strcmp(x->reqs[i].name, name) == 0)
            return &x->reqs[i];
    return NULL;
}

const struct web_card_entry *web_req_card(const struct web_req *q, const char *candidate,
                                          const char *interview, const char *interviewer)
{
    const struct web_card_entry *found = NULL;
    for (size_t i = 0; i < q->n; i++) {
        const struct web_card_entry *e = &q->cards[i];
        if (e->candidate && strcmp(e->candidate, candidate) == 0 &&
            strcmp(e->interview, interview) == 0 && strcmp(e->interviewer, interviewer) == 0 &&
            (!found || (!e->submitted && found->submitted)))
            found = e;   /* a draft beside a submitted one is the one to edit */
    }
    return found;
}

enum web_card web_req_mine(const struct web_req *q, const char *candidate, const char *who)
{
    enum web_card state = WEB_CARD_NONE;
    for (size_t i = 0; i < q->n; i++) {
        const struct web_card_entry *e = &q->cards[i];
        if (e->candidate && strcmp(e->candidate, candidate) == 0 &&
            strcmp(e->interviewer, who) == 0)
            state = e->submitted ? WEB_CARD_SUBMITTED
                  : state == WEB_CARD_NONE ? WEB_CARD_DRAFT : state;
    }
    return state;
}

int web_index_has_interview(const struct web_index *x, const char *interview, const char *who)
{
    for (size_t i = 0; i < x->n_reqs; i++)
        for (size_t j = 0; j < x->reqs[i].n; j++) {
            const struct web_card_entry *e = &x->reqs[i].cards[j];
            if (e->candidate && strcmp(e->interview, interview) == 0 &&
                strcmp(e->interviewer, who) == 0)
                return 1;
        }
    return 0;
}
