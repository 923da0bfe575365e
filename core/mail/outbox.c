/* outbox.c - the durable outbox beside the people file: queue, send, sent/, failed/. */
#include "mail.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "document.h"
#include "files.h"

/* A record: "scorewheel-mail 1" and one "KEY VALUE" line each, a blank line,
 * then (while waiting) the message. The retry state sits in ID.retry. */
struct record {
    struct sw_outbox_entry e;
    char *from;
    const char *message;    /* into data; NULL in sent/ and failed/ */
    size_t message_len;
    char *data;
};

static void record_release(struct record *r)
{
    free(r->e.id);
    free(r->e.kind);
    free(r->e.to);
    free(r->e.subject);
    free(r->e.reason);
    free(r->from);
    free(r->data);
    memset(r, 0, sizeof *r);
}

static int path_of(char out[PATH_MAX], const char *dir, const char *sub, const char *id,
                   const char *suffix)
{
    int n = snprintf(out, PATH_MAX, "%s%s%s/%s%s", dir, *sub ? "/" : "", sub, id, suffix);
    return n > 0 && n < PATH_MAX ? 0 : -1;
}

static int make_dir(const char *path, struct sw_errors *errs)
{
    if (mkdir(path, 0700) < 0 && errno != EEXIST)
        return sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot create the folder: %s",
                            strerror(errno));
    return 0;
}

int sw_outbox_open(struct sw_outbox *o, const char *people_path, struct sw_errors *errs)
{
    o->lock = -1;
    size_t n = strlen(people_path) + sizeof ".outbox/failed";
    o->dir = malloc(n);
    if (!o->dir)
        return sw_fail_oom(errs, people_path);
    char sub[PATH_MAX];
    snprintf(o->dir, n, "%s.outbox", people_path);
    if (make_dir(o->dir, errs) < 0 || path_of(sub, o->dir, "", "sent", "") < 0 ||
        make_dir(sub, errs) < 0 || path_of(sub, o->dir, "", "failed", "") < 0 ||
        make_dir(sub, errs) < 0)
        goto fail;
    o->lock = open(o->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    while (o->lock >= 0 && flock(o->lock, LOCK_EX) < 0 && errno == EINTR)
        ;
    if (o->lock >= 0)
        return 0;
    sw_error_add(errs, SW_ESYSTEM, o->dir, 0, "cannot lock the outbox: %s", strerror(errno));
fail:
    sw_outbox_close(o);
    return -1;
}

void sw_outbox_close(struct sw_outbox *o)
{
    if (!o)
        return;
    if (o->lock >= 0)
        close(o->lock);
    free(o->dir);
    o->dir = NULL;
    o->lock = -1;
}

static int exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

int sw_outbox_known(const struct sw_outbox *o, const char *id)
{
    char p[PATH_MAX];
    static const char *subs[] = { "", "sent", "failed" };
    for (size_t i = 0; i < 3; i++)
        if (path_of(p, o->dir, subs[i], id, "") == 0 && exists(p))
            return 1;
    return 0;
}

static void add_meta(struct sw_buf *b, const struct sw_outbox_entry *e, const char *from)
{
    sw_buf_addf(b, "scorewheel-mail 1\nkind %s\nfrom %s\nto %s\nqueued %.0f\nsubject %s\n",
                e->kind, from, e->to, e->queued, e->subject);
}

int sw_outbox_queue(struct sw_outbox *o, const struct sw_mail *m, const char *from, double now,
                    struct sw_errors *errs)
{
    if (sw_outbox_known(o, m->id))
        return 0;
    struct sw_buf msg = SW_BUF_INIT, file = SW_BUF_INIT;
    int rc = sw_mail_compose(m, from, now, &msg, errs);
    if (rc == 0) {
        struct sw_outbox_entry e = { .kind = (char *)m->kind, .to = m->to,
                                     .subject = m->subject, .queued = floor(now) };
        add_meta(&file, &e, from);
        sw_buf_addc(&file, '\n');
        sw_buf_add(&file, msg.data, msg.len);
        rc = file.failed ? sw_buf_fail(&file, errs, "mail") : 0;
    }
    char p[PATH_MAX];
    if (rc == 0 && path_of(p, o->dir, "", m->id, "") < 0)
        rc = sw_error_add(errs, SW_ESYSTEM, o->dir, 0, "path too long");
    if (rc == 0)
        rc = sw_write_atomic(p, file.data, file.len, 0, errs);
    sw_buf_release(&msg);
    sw_buf_release(&file);
    return rc < 0 ? -1 : 1;
}

static int set_field(struct record *r, const char *key, const char *value)
{
    char **slot = strcmp(key, "kind") == 0 ? &r->e.kind : strcmp(key, "from") == 0 ? &r->from
                  : strcmp(key, "to") == 0 ? &r->e.to : strcmp(key, "subject") == 0
                  ? &r->e.subject : strcmp(key, "reason") == 0 ? &r->e.reason : NULL;
    if (slot) {
        free(*slot);
        return (*slot = strdup(value)) ? 0 : -1;
    }
    if (strcmp(key, "queued") == 0)
        r->e.queued = strtod(value, NULL);
    else if (strcmp(key, "at") == 0)
        r->e.at = strtod(value, NULL);
    else if (strcmp(key, "attempts") == 0)
        r->e.attempts = (unsigned)strtoul(value, NULL, 10);
    return 0;
}

/* Reads KEY VALUE lines from text up to a blank line or the end; returns the
 * position after the blank line (or the end). NULL when out of memory. */
static const char *parse_lines(struct record *r, const char *text)
{
    const char *p = text;
    while (*p && *p != '\n') {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        char *line = strndup(p, n), *space = line ? strchr(line, ' ') : NULL;
        int rc = !line ? -1 : space ? (*space = 0, set_field(r, line, space + 1)) : 0;
        free(line);
        if (rc < 0)
            return NULL;
        p += n + (eol != NULL);
    }
    return *p == '\n' ? p + 1 : p;
}

/* Loads the record DIR/SUB/ID (and, in the outbox, ID.retry). 0, or -1
 * (recorded) when it cannot be read or is not a record. */
static int record_load(struct record *r, const char *dir, const char *sub, const char *id,
                       struct sw_errors *errs)
{
    char p[PATH_MAX];
    size_t len = 0;
    memset(r, 0, sizeof *r);
    if (path_of(p, dir, sub, id, "") < 0 || !(r->data = sw_xml_slurp(p, &len, errs)))
        return -1;
    const char *body = strncmp(r->data, "scorewheel-mail 1\n", 18) == 0
                       ? parse_lines(r, r->data + 18) : NULL;
    if (!body || !(r->e.id = strdup(id)) || !r->e.kind || !r->e.to || !r->e.subject ||
        !r->from) {
        record_release(r);
        return sw_error_add(errs, SW_ESYSTEM, p, 0, "not an outbox record");
    }
    r->message = *sub ? NULL : body;
    r->message_len = r->data + len - body;
    char *retry = NULL;
    if (!*sub && path_of(p, dir, "", id, ".retry") == 0 && exists(p)) {
        retry = sw_xml_slurp(p, &len, errs);
        if (!retry || !parse_lines(r, retry)) {
            free(retry);
            record_release(r);
            return -1;
        }
    }
    free(retry);
    if (!r->e.reason && !(r->e.reason = strdup(""))) {
        record_release(r);
        return sw_fail_oom(errs, NULL);
    }
    return 0;
}

/* Writes the record (no message) into SUB/ID or, with sub "", ID.retry. */
static int record_write(const struct record *r, const char *dir, const char *sub,
                        struct sw_errors *errs)
{
    for (char *c = r->e.reason; *c; c++)    /* the relay's words, on one line */
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            *c = ' ';
    struct sw_buf b = SW_BUF_INIT;
    if (*sub)
        add_meta(&b, &r->e, r->from);
    sw_buf_addf(&b, "at %.0f\nattempts %u\nreason %s\n", r->e.at, r->e.attempts, r->e.reason);
    char p[PATH_MAX];
    int rc = b.failed ? sw_buf_fail(&b, errs, "outbox record")
             : path_of(p, dir, sub, r->e.id, *sub ? "" : ".retry") < 0
             ? sw_error_add(errs, SW_ESYSTEM, dir, 0, "path too long")
             : sw_write_atomic(p, b.data, b.len, 1, errs);
    sw_buf_release(&b);
    return rc;
}

/* Removes ID and ID.retry from the outbox: the last step of a move. */
static int drop_waiting(const char *dir, const char *id, struct sw_errors *errs)
{
    char p[PATH_MAX];
    if (path_of(p, dir, "", id, ".retry") == 0)
        unlink(p);
    if (path_of(p, dir, "", id, "") < 0 || (unlink(p) < 0 && errno != ENOENT))
        return sw_error_add(errs, SW_ESYSTEM, p, 0, "cannot remove: %s", strerror(errno));
    return 0;
}

double sw_outbox_backoff(unsigned attempts)
{
    double minutes = attempts >= 7 ? 60 : (double)(1u << (attempts ? attempts - 1 : 0));
    return 60 * (minutes > 60 ? 60 : minutes);
}

static int id_name(const char *name)
{
    if (!*name || *name == '.' || !strchr(name, '-') || strlen(name) >= SW_MAIL_ID_SIZE)
        return 0;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return 0;
    return 1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The record ids in DIR/SUB, sorted (caller frees each and the array). */
static char **list_ids(const char *dir, const char *sub, size_t *n, struct sw_errors *errs)
{
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s%s%s", dir, *sub ? "/" : "", sub);
    *n = 0;
    DIR *d = opendir(p);
    if (!d) {
        if (errno == ENOENT)
            return calloc(1, sizeof(char *));
        sw_error_add(errs, SW_ESYSTEM, p, 0, "cannot read the folder: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 16;
    char **ids = malloc(cap * sizeof *ids);
    for (struct dirent *e; ids && (e = readdir(d));) {
        if (!id_name(e->d_name))
            continue;
        char **more = *n + 1 < cap ? ids : realloc(ids, (cap *= 2) * sizeof *ids);
        if (!more || !(more[*n] = strdup(e->d_name))) {
            for (size_t i = 0; more && i < *n; i++)
                free(more[i]);
            free(more ? more : ids);
            ids = NULL;
            break;
        }
        ids = more;
        (*n)++;
    }
    closedir(d);
    if (!ids) {
        sw_fail_oom(errs, p);
        return NULL;
    }
    qsort(ids, *n, sizeof *ids, by_name);
    return ids;
}

/* One waiting mail: send when due, then move it on. */
static int flush_one(struct sw_outbox *o, const char *id, double now, sw_mail_send_fn send,
                     void *ctx, int *down, struct sw_outbox_tally *t, struct sw_errors *errs)
{
    char p[PATH_MAX];
    if ((path_of(p, o->dir, "sent", id, "") == 0 && exists(p)) ||
        (path_of(p, o->dir, "failed", id, "") == 0 && exists(p)))
        return drop_waiting(o->dir, id, errs);     /* killed after recording it */
    struct record r;
    if (record_load(&r, o->dir, "", id, errs) < 0)
        return -1;
    int rc = 0;
    if (r.e.at > now || *down) {
        t->waiting++;
        record_release(&r);
        return 0;
    }
    struct sw_buf why = SW_BUF_INIT;
    int sent = send(ctx, r.from, r.e.to, r.message, r.message_len, &why);
    *down = sent == -2;
    if (sent == 0) {
        r.e.at = now;
        r.e.attempts++;
        free(r.e.reason);
        r.e.reason = strdup("");
        rc = !r.e.reason ? sw_fail_oom(errs, NULL) : record_write(&r, o->dir, "sent", errs);
        rc = rc < 0 ? rc : drop_waiting(o->dir, id, errs);
        t->sent += rc == 0;
    } else {
        r.e.attempts++;
        free(r.e.reason);
        r.e.reason = strdup(why.len ? sw_buf_str(&why) : "the relay refused it");
        int give_up = now - r.e.queued >= SW_OUTBOX_GIVE_UP;
        r.e.at = give_up ? now : now + sw_outbox_backoff(r.e.attempts);
        rc = !r.e.reason ? sw_fail_oom(errs, NULL)
             : record_write(&r, o->dir, give_up ? "failed" : "", errs);
        if (rc == 0 && give_up)
            rc = drop_waiting(o->dir, id, errs);
        if (rc == 0)
            give_up ? t->failed++ : t->waiting++;
    }
    sw_buf_release(&why);
    record_release(&r);
    return rc;
}

int sw_outbox_flush(struct sw_outbox *o, double now, sw_mail_send_fn send, void *ctx,
                    struct sw_outbox_tally *t, struct sw_errors *errs)
{
    size_t n = 0;
    char **ids = list_ids(o->dir, "", &n, errs);
    if (!ids)
        return -1;
    int rc = 0, down = 0;
    for (size_t i = 0; i < n; i++) {
        if (flush_one(o, ids[i], now, send, ctx, &down, t, errs) < 0)
            rc = -1;
        free(ids[i]);
    }
    free(ids);
    return rc;
}

static int newest_first(const void *a, const void *b)
{
    const struct sw_outbox_entry *x = a, *y = b;
    return x->queued != y->queued ? (x->queued < y->queued ? 1 : -1) : strcmp(x->id, y->id);
}

int sw_outbox_list(const char *people_path, enum sw_outbox_state state,
                   struct sw_outbox_list *out, struct sw_errors *errs)
{
    memset(out, 0, sizeof *out);
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s.outbox", people_path);
    const char *sub = state == SW_OUTBOX_SENT ? "sent" : state == SW_OUTBOX_FAILED ? "failed" : "";
    size_t n = 0;
    char **ids = list_ids(dir, sub, &n, errs);
    if (!ids)
        return -1;
    int rc = 0;
    out->items = calloc(n + 1, sizeof *out->items);
    for (size_t i = 0; i < n; i++) {
        struct record r;
        struct sw_errors gone;
        sw_errors_init(&gone);
        /* A record gone meanwhile (sent by a pass running now) is skipped. */
        if (out->items && record_load(&r, dir, sub, ids[i], &gone) == 0) {
            out->items[out->n++] = r.e;
            memset(&r.e, 0, sizeof r.e);
            record_release(&r);
        }
        sw_errors_release(&gone);
        free(ids[i]);
    }
    free(ids);
    if (!out->items)
        rc = sw_fail_oom(errs, dir);
    else
        qsort(out->items, out->n, sizeof *out->items, newest_first);
    return rc;
}

void sw_outbox_list_release(struct sw_outbox_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].id);
        free(l->items[i].kind);
        free(l->items[i].to);
        free(l->items[i].subject);
        free(l->items[i].reason);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}
