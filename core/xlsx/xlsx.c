/* xlsx.c - the committee workbook: what it shows of each candidate, and
 * writing it atomically. The sheets: xlsx_sheets.c, xlsx_candidate.c; cells
 * and formats: xlsx_cells.c. */
#include "xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "timestamp.h"
#include "xlsx_int.h"

/* Open files a streamed workbook needs besides one per sheet. */
#define SPARE_FILES 32

static int by_card(const struct sw_aggregate *a, size_t i, size_t j)
{
    const struct sw_card *p = &a->cards[i], *q = &a->cards[j];
    if (p->submitted != q->submitted)
        return p->submitted ? -1 : 1;
    if (p->interview != q->interview)
        return p->interview < q->interview ? -1 : 1;
    if (p->interviewer != q->interviewer)
        return p->interviewer < q->interviewer ? -1 : 1;
    return strcmp(p->path, q->path);
}

/* Groups the cards by candidate, each group sorted (insertion sort: a
 * candidate has a handful of scorecards). */
static int group_cards(struct xw *x)
{
    const struct sw_aggregate *a = x->a;
    x->cards_at = calloc(a->n_candidates + 1, sizeof *x->cards_at);
    x->cards = malloc((a->n_cards ? a->n_cards : 1) * sizeof *x->cards);
    if (!x->cards_at || !x->cards)
        return -1;
    for (size_t i = 0; i < a->n_cards; i++)
        x->cards_at[a->cards[i].candidate + 1]++;
    for (size_t i = 0; i < a->n_candidates; i++)
        x->cards_at[i + 1] += x->cards_at[i];
    size_t *next = malloc((a->n_candidates + 1) * sizeof *next);
    if (!next)
        return -1;
    memcpy(next, x->cards_at, (a->n_candidates + 1) * sizeof *next);
    for (size_t i = 0; i < a->n_cards; i++) {
        size_t c = a->cards[i].candidate;
        size_t at = next[c]++;
        while (at > x->cards_at[c] && by_card(a, x->cards[at - 1], i) > 0) {
            x->cards[at] = x->cards[at - 1];
            at--;
        }
        x->cards[at] = i;
    }
    free(next);
    return 0;
}

static char *copy_text(const char *s)
{
    return strdup(s ? s : "");
}

/* A name on one line: control characters (a newline typed into the name)
 * and runs of spaces become one space, none at either end. */
static char *one_line(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    if (!out)
        return NULL;
    for (; *s; s++) {
        char c = (unsigned char)*s < 0x20 || *s == 0x7F ? ' ' : *s;
        if (c != ' ' || (o > out && o[-1] != ' '))
            *o++ = c;
    }
    while (o > out && o[-1] == ' ')
        o--;
    *o = '\0';
    return out;
}

/* Names, ids and sheet names as the workbook shows them. Sheet names are
 * taken in id order, so a candidate's "(2)" does not depend on the scores. */
static int name_candidates(struct xw *x)
{
    const struct sw_aggregate *a = x->a;
    size_t n = a->n_candidates ? a->n_candidates : 1;
    x->sheet = calloc(n, sizeof *x->sheet);
    x->shown = calloc(n, sizeof *x->shown);
    x->shown_id = calloc(n, sizeof *x->shown_id);
    x->label = calloc(n, sizeof *x->label);
    unsigned char *gets_sheet = calloc(n, 1);
    if (!x->sheet || !x->shown || !x->shown_id || !x->label || !gets_sheet) {
        free(gets_sheet);
        return -1;
    }
    for (size_t i = 0; i < x->with_sheets; i++)
        gets_sheet[x->order[i]] = 1;
    struct sw_sheet_names names;
    if (sw_sheet_names_init(&names) < 0) {
        sw_sheet_names_release(&names);
        free(gets_sheet);
        return -1;
    }
    int rc = 0;
    struct sw_buf base = SW_BUF_INIT, name = SW_BUF_INIT;
    for (size_t part = 2; part <= x->data_sheets && rc == 0; part++) {
        char data[32];
        xw_data_name(part, data, sizeof data);
        sw_buf_reset(&name);
        rc = sw_sheet_names_take(&names, data, &name);
    }
    for (size_t i = 0; i < a->n_candidates && rc == 0; i++) {
        const struct sw_candidate *c = &a->candidates[i];
        if (x->opt->anonymize) {
            char letters[16], label[32];
            sw_xlsx_label(i, letters);
            snprintf(label, sizeof label, "Candidate %s", letters);
            x->label[i] = copy_text(label);
            x->shown[i] = copy_text(label);
            x->shown_id[i] = copy_text(letters);   /* no id: ids name people too */
        } else {
            x->shown[i] = one_line(c->name && *c->name ? c->name : c->id);
            x->shown_id[i] = copy_text(c->id);
        }
        if (!x->shown[i] || !x->shown_id[i] || (x->opt->anonymize && !x->label[i])) {
            rc = -1;
            break;
        }
        if (!gets_sheet[i])
            continue;
        sw_buf_reset(&base);
        sw_buf_reset(&name);
        if (sw_xlsx_sheet_base(x->opt->anonymize ? x->label[i] : c->name, c->id, &base) < 0
            || sw_sheet_names_take(&names, base.data, &name) < 0
            || !(x->sheet[i] = copy_text(name.data)))
            rc = -1;
    }
    sw_buf_release(&base);
    sw_buf_release(&name);
    sw_sheet_names_release(&names);
    free(gets_sheet);
    return rc;
}

static void free_names(char **v, size_t n)
{
    if (!v)
        return;
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void xw_set_properties(struct xw *x, const char *title, const char *comments,
                       const char *keywords)
{
    char subject[256];
    snprintf(subject, sizeof subject, "Rubric %s version %s", x->r->id, x->r->version);
    lxw_doc_properties p;
    memset(&p, 0, sizeof p);
    p.title = (char *)title;
    p.subject = subject;
    p.author = "scorewheel";
    p.comments = (char *)comments;
    p.keywords = (char *)keywords;
    p.created = x->created;
    xw_check(x, workbook_set_properties(x->wb, &p), "document properties");
}

static void set_properties(struct xw *x)
{
    const char *req = xw_requisition(x);
    char title[256];
    snprintf(title, sizeof title, "Committee workbook%s%s", req ? ": " : "", req ? req : "");
    xw_set_properties(x, title,
                      "Aggregated interview scorecards; decisions are suggestions, never "
                      "binding.", "scorewheel, hiring committee");
}

void xw_sheet_done(struct xw *x)
{
    x->sheets_done++;
    if (x->opt->progress && !x->failed)
        x->opt->progress(x->opt->progress_ctx, x->sheets_done, x->sheets);
}

/* Everything between workbook_new and workbook_close. Data counts its own
 * sheets. */
static void build(struct xw *x)
{
    if (xw_formats(x) < 0)
        return;
    set_properties(x);
    xw_summary(x);
    xw_sheet_done(x);
    for (size_t i = 0; i < x->with_sheets && !x->failed; i++) {
        xw_candidate_sheet(x, x->order[i]);
        xw_sheet_done(x);
    }
    xw_compare(x);
    xw_sheet_done(x);
    xw_interviewers(x);
    xw_sheet_done(x);
    if (x->opt->audit) {
        xw_audit(x);
        xw_sheet_done(x);
    }
    xw_data(x);
}

/* Data's rows: one per submitted scorecard and competency it scores. */
static size_t count_data_rows(const struct sw_aggregate *a)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_cards; i++)
        for (size_t k = 0; a->cards[i].submitted && k < a->rubric->n_competencies; k++)
            n += !isnan(a->cards[i].scores[k]);
    return n;
}

void sw_xlsx_say_sheets(size_t candidate_sheets, struct sw_buf *out)
{
    if (candidate_sheets == 0)
        sw_buf_adds(out, "no candidate sheets");
    else if (candidate_sheets == 1)
        sw_buf_adds(out, "a sheet for the first candidate only");
    else
        sw_buf_addf(out, "sheets for the first %zu candidates only", candidate_sheets);
}

/* A streamed workbook keeps one temporary file open per sheet. */
static int check_open_files(struct xw *x, size_t sheets)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) < 0 || rl.rlim_cur == RLIM_INFINITY)
        return 0;
    if ((rlim_t)(sheets + SPARE_FILES) <= rl.rlim_cur)
        return 0;
    return sw_error_add(x->errs, SW_ESYSTEM, x->path, 0,
                        "a workbook of %zu sheets needs %zu open files, the limit is %llu "
                        "(raise it with 'ulimit -n', or write fewer candidate sheets with "
                        "--sheets N)", sheets, sheets + SPARE_FILES,
                        (unsigned long long)rl.rlim_cur);
}

void xw_set_created(struct xw *x, time_t created)
{
    x->created = created ? created : time(NULL);
    if (sw_utc_format_as(x->created, SW_UTC_MINUTES, x->when) < 0)
        snprintf(x->when, sizeof x->when, "%lld", (long long)x->created);
}

/* Sets up x for writing a's workbook to path: the export time, the memory
 * mode and how many sheets of each kind. Returns the submitted scorecards. */
static size_t plan(struct xw *x, const struct sw_aggregate *a, const char *path,
                   const struct sw_xlsx_options *opt, struct sw_errors *errs)
{
    memset(x, 0, sizeof *x);
    x->a = a;
    x->r = a->rubric;
    x->opt = opt;
    x->errs = errs;
    x->path = path;
    xw_set_created(x, opt->created);
    size_t submitted = 0;
    for (size_t i = 0; i < a->n_candidates; i++)
        submitted += a->candidates[i].scorecards;
    x->constant_memory = opt->memory == SW_XLSX_MEMORY_CONSTANT
                         || (opt->memory == SW_XLSX_MEMORY_AUTO
                             && submitted > SW_XLSX_NORMAL_MAX_CARDS);
    x->with_sheets = a->n_candidates < opt->candidate_sheets ? a->n_candidates
                                                             : opt->candidate_sheets;
    x->data_rows = opt->data_rows && opt->data_rows < SW_XLSX_DATA_ROWS ? opt->data_rows
                                                                        : SW_XLSX_DATA_ROWS;
    size_t rows = count_data_rows(a);
    x->data_sheets = rows ? (rows - 1) / x->data_rows + 1 : 1;
    x->sheets = x->with_sheets + 3 + x->data_sheets + (opt->audit != NULL);
    return submitted;
}

/* Builds the workbook into tmp and links it in at x->path. 0, or -1 with
 * the reason in x->errs.
 *
 * The workbook is written to a temporary file in path's folder (unnamed
 * where possible, files.h), reopened by name by libxlsxwriter, and linked
 * in at the end. libxlsxwriter's own scratch files (each unlinked as soon
 * as it is made) go to opt->tmpdir, else to the system's temporary folder,
 * never beside path. */
static int write_file(struct xw *x, struct sw_tmpfile *tmp)
{
    const char *path = x->path;
    if (sw_tmpfile_create(tmp, path, x->errs) < 0)
        return -1;
    lxw_workbook_options wo;
    memset(&wo, 0, sizeof wo);
    wo.constant_memory = (uint8_t)x->constant_memory;
    wo.tmpdir = (char *)x->opt->tmpdir;
    x->wb = workbook_new_opt(sw_tmpfile_path(tmp), &wo);
    if (!x->wb) {
        sw_fail_oom(x->errs, path);
        return -1;
    }
    build(x);
    /* Closed even after a failure: lxw_workbook_free() would leave the
     * streamed sheets' temporary files open. The file is removed by the caller. */
    lxw_error e = workbook_close(x->wb);
    if (x->failed)
        return -1;
    if (e != LXW_NO_ERROR) {
        sw_error_add(x->errs, SW_ESYSTEM, path, 0, "cannot write the workbook: %s",
                     lxw_strerror(e));
        return -1;
    }
    return sw_tmpfile_commit(tmp, path, 1, x->errs) < 0 ? -1 : 0;
}

static void release(struct xw *x)
{
    size_t n = x->a->n_candidates;
    free(x->order);
    free(x->cards_at);
    free(x->cards);
    free_names(x->sheet, n);
    free_names(x->shown, n);
    free_names(x->shown_id, n);
    free_names(x->label, n);
}

int sw_xlsx_write(const struct sw_aggregate *a, const char *path,
                  const struct sw_xlsx_options *opt, struct sw_xlsx_result *result,
                  struct sw_errors *errs)
{
    struct xw x;
    size_t submitted = plan(&x, a, path, opt, errs);
    if (x.constant_memory && check_open_files(&x, x.sheets) < 0)
        return -1;

    x.order = malloc((a->n_candidates ? a->n_candidates : 1) * sizeof *x.order);
    int rc = -1;
    struct sw_tmpfile tmp = { -1, NULL, "" };
    if (x.order)
        sw_aggregate_sort(a, SW_SORT_OVERALL, x.order);
    if (!x.order || group_cards(&x) < 0 || name_candidates(&x) < 0)
        sw_fail_oom(errs, path);
    else if (write_file(&x, &tmp) == 0) {
        rc = 0;
        if (result) {
            result->candidates = a->n_candidates;
            result->scorecards = submitted;
            result->sheets = x.sheets;
            result->candidate_sheets = x.with_sheets;
            result->data_sheets = x.data_sheets;
            result->constant_memory = x.constant_memory;
        }
    }
    sw_tmpfile_discard(&tmp);
    release(&x);
    return rc;
}
