/* requisition.c - a requisition folder kept parsed in memory: see requisition.h. */
#include "requisition.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "document.h"
#include "entry.h"
#include "files.h"
#include "load.h"
#include "strmap.h"

/* One file as last parsed, with the identity it had when stat'ed just before
 * the parse (so a change during the parse shows at the next refresh).
 * Immutable once parsed but for `racy` (set by sw_requisition_forget under
 * the refresh lock); shared by the cache and the snapshots holding it. */
struct entry {
    char *path;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
    /* Modified within RACY_SECONDS of the stat: a write in the same tick of
     * the file system's clock could leave size and time as they were, so
     * the next refresh parses it again rather than trust them (as git does
     * for its index). */
    int racy;
    struct sw_scorecard *scorecard;   /* NULL: invalid, or a rubric */
    struct sw_errors errors;
    atomic_size_t refs;
};

/* A snapshot: the public part first, so that the one converts to the other. */
struct snapshot {
    struct sw_req_snapshot pub;
    atomic_size_t refs;
    struct entry **entries;
    size_t n_entries;
    struct sw_req_file *files;
    struct sw_aggregate *aggregate;
    struct sw_strmap by_path;      /* path -> index into files */
    char *dir;
};

struct sw_requisition {
    const struct sw_rubric *rubric;
    char *dir;
    unsigned threads;
    pthread_mutex_t refresh_lock;  /* one refresh at a time; guards the cache */
    pthread_mutex_t current_lock;  /* guards current */
    struct entry **entries;        /* the cache, in the walk's order */
    size_t n_entries;
    struct sw_strmap by_path;      /* path -> index into entries */
    struct snapshot *current;
    unsigned long generation;
    atomic_ulong parses;           /* files parsed, ever (sw_requisition_parses) */
    /* sw_requisition_refresh_recent(): when the last refresh began (under
     * refresh_lock), and whether a forget came since. */
    struct timespec began;
    int walked, forgotten;
};

/* --- entries --------------------------------------------------------------- */

static void entry_unref(struct entry *e)
{
    if (!e || atomic_fetch_sub(&e->refs, 1) != 1)
        return;
    free(e->path);
    sw_scorecard_free(e->scorecard);
    sw_errors_release(&e->errors);
    free(e);
}

static void entries_unref(struct entry **es, size_t n)
{
    for (size_t i = 0; es && i < n; i++)
        entry_unref(es[i]);
    free(es);
}

#define RACY_SECONDS 2

static int same_identity(const struct entry *e, const struct stat *st)
{
    return !e->racy && e->dev == st->st_dev && e->ino == st->st_ino && e->size == st->st_size
           && e->mtime.tv_sec == st->st_mtim.tv_sec && e->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

/* A new entry for `path` (taken over) with identity st, stat'ed at time
 * `now` (seconds since the epoch), not parsed yet. */
static struct entry *entry_new(char *path, const struct stat *st, time_t now)
{
    struct entry *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->path = path;
    e->dev = st->st_dev;
    e->ino = st->st_ino;
    e->size = st->st_size;
    e->mtime = st->st_mtim;
    e->racy = st->st_mtim.tv_sec >= now - RACY_SECONDS;
    sw_errors_init(&e->errors);
    atomic_init(&e->refs, 1);
    return e;
}

/* --- snapshots ------------------------------------------------------------- */

void sw_req_snapshot_release(struct sw_req_snapshot *pub)
{
    struct snapshot *s = (struct snapshot *)pub;
    if (!s || atomic_fetch_sub(&s->refs, 1) != 1)
        return;
    sw_aggregate_free(s->aggregate);
    sw_errors_release(&s->pub.errors);
    sw_strmap_release(&s->by_path);
    entries_unref(s->entries, s->n_entries);
    free(s->files);
    free(s->dir);
    free(s);
}

const struct sw_req_file *sw_req_snapshot_file(const struct sw_req_snapshot *pub,
                                               const char *path)
{
    const struct snapshot *s = (const struct snapshot *)pub;
    long i = s ? sw_strmap_get(&s->by_path, path) : -1;
    return i < 0 ? NULL : &s->files[i];
}

static int copy_errors(struct sw_errors *to, const struct sw_errors *from)
{
    for (size_t i = 0; i < from->count; i++) {
        const struct sw_error *e = &from->items[i];
        sw_error_add(to, e->code, e->file, e->line, "%s", e->message);
    }
    return to->lost ? -1 : 0;
}

/* Files[i] from entry e: its own problems, then its addition to the
 * aggregate. 0, or -1 out of memory. */
static int add_file(struct snapshot *s, size_t i, const struct entry *e)
{
    struct sw_req_file *f = &s->files[i];
    struct sw_errors *errs = &s->pub.errors;
    f->path = e->path;
    f->scorecard = e->scorecard;
    f->mtime = e->mtime;
    f->first_error = errs->count;
    if (copy_errors(errs, &e->errors) < 0 || sw_strmap_put(&s->by_path, e->path, i) < 0)
        return -1;
    if (e->scorecard) {
        struct sw_errors add;
        sw_errors_init(&add);
        f->added = sw_aggregate_add(s->aggregate, e->scorecard, &add) == 0;
        int worst = sw_errors_worst(&add);
        sw_errors_move(errs, &add);
        if (worst == SW_ESYSTEM)
            return -1;
    }
    f->n_errors = errs->count - f->first_error;
    s->pub.n_invalid += f->n_errors > 0;
    return 0;
}

/* A snapshot of the cache's entries es[0..n-1] (each gains a reference):
 * the files and the finished aggregate. NULL out of memory (recorded). */
static struct snapshot *snapshot_build(const struct sw_requisition *q, struct entry **es,
                                       size_t n, size_t parsed, struct sw_errors *errs)
{
    struct snapshot *s = calloc(1, sizeof *s);
    if (!s) {
        sw_fail_oom(errs, q->dir);
        return NULL;
    }
    atomic_init(&s->refs, 1);
    sw_errors_init(&s->pub.errors);
    sw_strmap_init(&s->by_path);
    s->entries = malloc((n ? n : 1) * sizeof *s->entries);
    s->files = calloc(n ? n : 1, sizeof *s->files);
    s->aggregate = sw_aggregate_new(q->rubric);
    s->dir = strdup(q->dir);
    int rc = s->entries && s->files && s->aggregate && s->dir ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        s->entries[i] = es[i];
        atomic_fetch_add(&es[i]->refs, 1);
        s->n_entries = i + 1;
        rc = add_file(s, i, es[i]);
    }
    if (rc == 0)
        sw_aggregate_finish(s->aggregate, -1, &s->pub.errors);
    if (rc < 0 || !s->aggregate->finished || s->pub.errors.lost) {
        sw_req_snapshot_release(&s->pub);
        sw_fail_oom(errs, q->dir);
        return NULL;
    }
    s->pub.dir = s->dir;
    s->pub.aggregate = s->aggregate;
    s->pub.files = s->files;
    s->pub.n_files = n;
    s->pub.parsed = parsed;
    return s;
}

/* --- the requisition ------------------------------------------------------- */

struct sw_requisition *sw_requisition_new(const struct sw_rubric *r, const char *dir,
                                          unsigned threads)
{
    struct sw_requisition *q = calloc(1, sizeof *q);
    if (!q)
        return NULL;
    q->dir = strdup(dir);
    int locks = q->dir && pthread_mutex_init(&q->refresh_lock, NULL) == 0;
    if (locks && pthread_mutex_init(&q->current_lock, NULL) != 0) {
        pthread_mutex_destroy(&q->refresh_lock);
        locks = 0;
    }
    if (!locks) {
        free(q->dir);
        free(q);
        return NULL;
    }
    q->rubric = r;
    q->threads = threads ? threads : 1;
    atomic_init(&q->parses, 0);
    sw_strmap_init(&q->by_path);
    return q;
}

void sw_requisition_free(struct sw_requisition *q)
{
    if (!q)
        return;
    sw_req_snapshot_release(q->current ? &q->current->pub : NULL);
    entries_unref(q->entries, q->n_entries);
    sw_strmap_release(&q->by_path);
    pthread_mutex_destroy(&q->refresh_lock);
    pthread_mutex_destroy(&q->current_lock);
    free(q->dir);
    free(q);
}

struct sw_req_snapshot *sw_requisition_snapshot(struct sw_requisition *q)
{
    pthread_mutex_lock(&q->current_lock);
    struct snapshot *s = q->current;
    if (s)
        atomic_fetch_add(&s->refs, 1);
    pthread_mutex_unlock(&q->current_lock);
    return s ? &s->pub : NULL;
}

/* What a refresh builds: the next cache, and the entries still to parse. */
struct walk {
    struct entry **next;
    size_t n_next;
    struct entry **todo;
    size_t n_todo;
    size_t kept;
};

/* Entry for each walked path: the cached one when its identity is unchanged,
 * else a new one to parse. Paths that vanished since the walk are skipped.
 * Takes over the paths. 0, or -1 out of memory. */
static int match_paths(struct sw_requisition *q, struct sw_paths *paths, struct walk *w)
{
    size_t n = paths->count ? paths->count : 1;
    w->next = malloc(n * sizeof *w->next);
    w->todo = malloc(n * sizeof *w->todo);
    if (!w->next || !w->todo)
        return -1;
    time_t now = time(NULL);
    for (size_t i = 0; i < paths->count; i++) {
        struct stat st;
        if (stat(paths->items[i], &st) < 0)
            continue;
        long old = sw_strmap_get(&q->by_path, paths->items[i]);
        struct entry *e = old >= 0 ? q->entries[old] : NULL;
        if (e && same_identity(e, &st)) {
            atomic_fetch_add(&e->refs, 1);
            w->kept++;
        } else {
            e = entry_new(paths->items[i], &st, now);
            if (!e)
                return -1;
            paths->items[i] = NULL;
            w->todo[w->n_todo++] = e;
        }
        w->next[w->n_next++] = e;
    }
    return 0;
}

/* What sw_load_files() hands over, in the order of the entries to parse. */
struct parsing {
    struct entry **todo;
    size_t done;
};

static void take_parsed(void *ctx, const char *path, struct sw_document *doc, int failed,
                        struct sw_errors *errs)
{
    (void)path;
    (void)failed;
    struct parsing *p = ctx;
    struct entry *e = p->todo[p->done++];
    e->scorecard = doc->scorecard;
    doc->scorecard = NULL;
    sw_errors_move(&e->errors, errs);
}

static int parse_todo(const struct sw_requisition *q, struct walk *w)
{
    if (!w->n_todo)
        return 0;
    char **paths = malloc(w->n_todo * sizeof *paths);
    if (!paths)
        return -1;
    for (size_t i = 0; i < w->n_todo; i++)
        paths[i] = w->todo[i]->path;
    struct parsing p = { w->todo, 0 };
    int rc = sw_load_files(q->rubric, paths, w->n_todo, SW_DOC_SKIP_RUBRICS, q->threads,
                           take_parsed, NULL, &p);
    free(paths);
    return rc;
}

/* Makes w->next the cache (taking its references) and publishes s. */
static int install(struct sw_requisition *q, struct walk *w, struct snapshot *s)
{
    struct sw_strmap by_path;
    sw_strmap_init(&by_path);
    for (size_t i = 0; i < w->n_next; i++)
        if (sw_strmap_put(&by_path, w->next[i]->path, i) < 0) {
            sw_strmap_release(&by_path);
            return -1;
        }
    entries_unref(q->entries, q->n_entries);
    sw_strmap_release(&q->by_path);
    q->entries = w->next;
    q->n_entries = w->n_next;
    q->by_path = by_path;
    w->next = NULL;
    s->pub.generation = ++q->generation;
    pthread_mutex_lock(&q->current_lock);
    struct snapshot *old = q->current;
    q->current = s;
    pthread_mutex_unlock(&q->current_lock);
    sw_req_snapshot_release(old ? &old->pub : NULL);
    return 0;
}

/* The refresh under the lock: see sw_requisition_refresh(). */
static long refresh_locked(struct sw_requisition *q, struct sw_errors *errs)
{
    struct sw_paths paths;
    sw_paths_init(&paths);
    if (sw_paths_collect(&paths, q->dir, errs) < 0) {
        sw_paths_release(&paths);
        return -1;
    }
    struct walk w = { 0 };
    long rc = match_paths(q, &paths, &w);
    sw_paths_release(&paths);
    if (rc == 0)
        rc = parse_todo(q, &w);
    atomic_fetch_add(&q->parses, w.n_todo);
    int changed = w.n_todo > 0 || w.kept != q->n_entries || !q->current;
    if (rc == 0 && changed) {
        struct snapshot *s = snapshot_build(q, w.next, w.n_next, w.n_todo, errs);
        if (!s || install(q, &w, s) < 0) {
            sw_req_snapshot_release(s ? &s->pub : NULL);
            rc = -1;
        }
    }
    if (rc < 0 && !errs->count)
        sw_fail_oom(errs, q->dir);
    entries_unref(w.next, w.n_next);
    free(w.todo);
    return rc < 0 ? -1 : (long)w.n_todo;
}

long sw_requisition_refresh(struct sw_requisition *q, struct sw_errors *errs)
{
    return sw_requisition_refresh_recent(q, 0, errs);
}

long sw_requisition_refresh_recent(struct sw_requisition *q, long max_age_ms,
                                   struct sw_errors *errs)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    pthread_mutex_lock(&q->refresh_lock);
    /* Waiting on the lock behind a running refresh is what coalesces: that
     * refresh began before now, so it is recent enough when max_age allows. */
    long age_ms = (now.tv_sec - q->began.tv_sec) * 1000L
                  + (now.tv_nsec - q->began.tv_nsec) / 1000000L;
    long rc = 0;
    if (max_age_ms <= 0 || !q->walked || q->forgotten || age_ms >= max_age_ms) {
        clock_gettime(CLOCK_MONOTONIC, &q->began);
        q->forgotten = 0;
        rc = refresh_locked(q, errs);
        q->walked = rc >= 0;
    }
    pthread_mutex_unlock(&q->refresh_lock);
    return rc;
}

/* --- finding and editing --------------------------------------------------- */

size_t sw_req_snapshot_find(const struct sw_req_snapshot *s, size_t from, const char *candidate,
                            const char *interview, const char *interviewer)
{
    if (!s)
        return 0;
    const struct sw_rubric *r = s->aggregate->rubric;
    for (size_t i = from; i < s->n_files; i++) {
        const struct sw_scorecard *sc = s->files[i].scorecard;
        if (sc && (!candidate || strcmp(sc->candidate, candidate) == 0) &&
            (!interview || strcmp(r->interviews[sc->interview].id, interview) == 0) &&
            (!interviewer || strcmp(sc->interviewer, interviewer) == 0))
            return i;
    }
    return s->n_files;
}

/* The cached entry for path with one more reference, when it holds the
 * file with identity st (not racy), else NULL. */
static struct entry *cached(struct sw_requisition *q, const char *path, const struct stat *st)
{
    pthread_mutex_lock(&q->refresh_lock);
    long i = sw_strmap_get(&q->by_path, path);
    struct entry *e = i >= 0 ? q->entries[i] : NULL;
    if (e && e->scorecard && same_identity(e, st))
        atomic_fetch_add(&e->refs, 1);
    else
        e = NULL;
    pthread_mutex_unlock(&q->refresh_lock);
    return e;
}

static int same_stat(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

struct sw_scorecard *sw_requisition_card(struct sw_requisition *q, const char *path,
                                         struct sw_buf *bytes, struct sw_errors *errs)
{
    struct stat before, after;
    int known = stat(path, &before) == 0;
    size_t len = 0;
    char *data = sw_xml_slurp(path, &len, errs);
    if (!data)
        return NULL;
    /* The bytes are those the cache parsed when the file kept its identity
     * from before the read to after it, and that identity is the cache's. */
    known = known && stat(path, &after) == 0 && same_stat(&before, &after);
    struct entry *e = known ? cached(q, path, &before) : NULL;
    struct sw_scorecard *parsed = NULL;
    if (!e) {
        parsed = sw_scorecard_parse(q->rubric, data, len, path, errs);
        atomic_fetch_add(&q->parses, 1);
    }
    const struct sw_scorecard *from = e ? e->scorecard : parsed;
    struct sw_scorecard *s = from ? sw_entry_from(q->rubric, from, errs) : NULL;
    if (s && sw_buf_add(bytes, data, len) < 0) {
        sw_scorecard_free(s);
        s = NULL;
        sw_fail_oom(errs, path);
    }
    free(data);
    sw_scorecard_free(parsed);
    entry_unref(e);
    return s;
}

void sw_requisition_forget(struct sw_requisition *q, const char *path)
{
    pthread_mutex_lock(&q->refresh_lock);
    long i = sw_strmap_get(&q->by_path, path);
    if (i >= 0)
        q->entries[i]->racy = 1;
    q->forgotten = 1;   /* new files too: the next refresh walks at once */
    pthread_mutex_unlock(&q->refresh_lock);
}

unsigned long sw_requisition_parses(struct sw_requisition *q)
{
    return atomic_load(&q->parses);
}
