/* xlsx_people.c - the people workbook (`export --people`): Summary, Data and
 * writing it atomically; one sheet per person is xlsx_person.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "promote.h"
#include "xlsx_int.h"
#include "xlsx_people.h"

/* Each person's shown name (one line) and sheet name, taken in id order. */
static int name_people(struct xw_people *xp)
{
    const struct sw_growth *g = xp->g;
    size_t n = g->n_people ? g->n_people : 1;
    xp->sheet = calloc(n, sizeof *xp->sheet);
    xp->shown = calloc(n, sizeof *xp->shown);
    struct sw_sheet_names names;
    int rc = xp->sheet && xp->shown && sw_sheet_names_init(&names) == 0 ? 0 : -1;
    if (rc < 0)
        return -1;
    struct sw_buf base = SW_BUF_INIT, name = SW_BUF_INIT;
    for (size_t i = 0; i < g->n_people && rc == 0; i++) {
        const struct sw_person *p = &g->people[i];
        sw_buf_reset(&base);
        sw_buf_reset(&name);
        rc = sw_xlsx_sheet_base(p->name, p->id, &base) | sw_sheet_names_take(&names, base.data,
                                                                              &name);
        xp->sheet[i] = rc == 0 ? strdup(name.data) : NULL;
        sw_buf_reset(&name);
        for (const char *s = p->name && *p->name ? p->name : p->id; *s; s++)
            sw_buf_addc(&name, (unsigned char)*s < 0x20 || *s == 0x7F ? ' ' : *s);
        xp->shown[i] = name.failed ? NULL : strdup(sw_buf_str(&name));
        if (!xp->sheet[i] || !xp->shown[i])
            rc = -1;
    }
    sw_buf_release(&base);
    sw_buf_release(&name);
    sw_sheet_names_release(&names);
    return rc;
}

void xp_readiness(const struct xw_people *xp, size_t i, struct sw_promotion *pr, long *next)
{
    const struct sw_growth *g = xp->g;
    *next = sw_level_next(g->rubric, g->people[i].level);
    pr->readiness = SW_INSUFFICIENT_EVIDENCE;
    pr->reasons = 0;
    pr->cycle = NULL;
    memset(pr->individual, 0, g->rubric->n_competencies);
    if (*next >= 0)
        sw_promote_person(g, &g->people[i], (size_t)*next, NULL, 1, pr);
}

void xp_reasons(const struct sw_rubric *r, const struct sw_promotion *pr, struct sw_buf *out)
{
    for (size_t c = 0; c < r->n_competencies; c++)
        if (pr->individual[c])
            sw_buf_addf(out, "%sindividual:%s", out->len ? ", " : "", r->competencies[c].id);
    if (pr->reasons & SW_REASON_OVERALL)
        sw_buf_adds(out, out->len ? ", overall" : "overall");
    if (pr->reasons & SW_REASON_GAPS)
        sw_buf_adds(out, out->len ? ", gaps" : "gaps");
}

/* The competencies of cycle y flagged `flag`, by name. */
static void flagged(const struct sw_rubric *r, const struct sw_growth_cycle *y, unsigned flag,
                    struct sw_buf *out)
{
    for (size_t c = 0; y && c < r->n_competencies; c++)
        if (y->competencies[c].flags & flag)
            sw_buf_addf(out, "%s%s", out->len ? ", " : "", r->competencies[c].name);
}

enum { S_PERSON, S_ID, S_LEVEL, S_CYCLE, S_ASSESSORS, S_SELF, S_OVERALL, S_PILLAR };
#define XP_WIDE 34.0    /* the width of the reasons and flags columns */

static void summary_row(struct xw_people *xp, lxw_worksheet *ws, lxw_row_t row, size_t i,
                        struct sw_promotion *pr)
{
    struct xw *x = &xp->x;
    const struct sw_rubric *r = x->r;
    const struct sw_person *p = &xp->g->people[i];
    const struct sw_growth_cycle *y = p->n_cycles ? &p->cycles[p->n_cycles - 1] : NULL;
    struct sw_buf url = SW_BUF_INIT, text = SW_BUF_INIT;
    sw_buf_adds(&url, "internal:");
    sw_xlsx_quote_sheet(xp->sheet[i], &url);
    sw_buf_adds(&url, "!A1");
    xw_check(x, url.failed ? LXW_ERROR_MEMORY_MALLOC_FAILED
                           : worksheet_write_url_opt(ws, row, S_PERSON, url.data, x->f.link,
                                                     xp->shown[i], NULL), "link");
    xw_str(x, ws, row, S_ID, p->id, x->f.text);
    xw_str(x, ws, row, S_LEVEL, p->level >= 0 ? r->levels[p->level].id : "", x->f.text);
    xw_str(x, ws, row, S_CYCLE, y ? y->id : "", x->f.text);
    xw_num(x, ws, row, S_ASSESSORS, y ? (double)y->assessors : NAN, x->f.count);
    xw_str(x, ws, row, S_SELF, y ? (y->self ? "yes" : "no") : "", x->f.text);
    xw_num(x, ws, row, S_OVERALL, y ? y->overall : NAN, x->f.score);
    lxw_col_t col = S_PILLAR;
    for (size_t k = 0; k < r->n_pillars; k++)
        xw_num(x, ws, row, col++, y ? y->pillars[k] : NAN, x->f.score);
    long next;
    xp_readiness(xp, i, pr, &next);
    xw_str(x, ws, row, col++, next >= 0 ? r->levels[next].id : "", x->f.text);
    xw_str(x, ws, row, col++, next >= 0 ? sw_readiness_name(pr->readiness) : "", x->f.text);
    size_t lines = 1;
    for (int k = 0; k < 3; k++) {
        sw_buf_reset(&text);
        if (k == 0)
            xp_reasons(r, pr, &text);
        else
            flagged(r, y, k == 1 ? SW_GROWTH_BLIND_SPOT : SW_GROWTH_HIDDEN_STRENGTH, &text);
        size_t n = xw_lines(sw_buf_str(&text), XP_WIDE);
        lines = n > lines ? n : lines;
        xw_str(x, ws, row, col++, sw_buf_str(&text), x->f.wrap);
    }
    xw_row_lines(x, ws, row, lines > 1 ? lines + 1 : 1);   /* room for wider glyphs */
    if (text.failed)
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "summary");
    sw_buf_release(&url);
    sw_buf_release(&text);
}

static void summary(struct xw_people *xp, struct sw_promotion *pr)
{
    struct xw *x = &xp->x;
    const struct sw_rubric *r = x->r;
    lxw_worksheet *ws = xw_sheet(x, "Summary", 2, 2);
    if (!ws)
        return;
    lxw_col_t last = (lxw_col_t)(S_PILLAR + r->n_pillars + 4);
    char title[256];
    snprintf(title, sizeof title, "People workbook: rubric %s version %s, exported %s", r->id,
             r->version, x->when);
    xw_merged(x, ws, 0, 0, last, title, x->f.title);
    xw_merged(x, ws, 1, 0, last, "Each person's latest review cycle: the others' mean (self "
              "excluded); readiness for the level after theirs (rule 14), a suggestion, never "
              "binding.", x->f.subtitle);
    static const char *const head[] = { "Person", "Id", "Level", "Latest cycle", "Assessors",
                                        "Self-assessed", "Overall" };
    lxw_col_t col = 0;
    for (size_t k = 0; k < sizeof head / sizeof head[0]; k++)
        xw_str(x, ws, 2, col++, head[k], x->f.header);
    for (size_t k = 0; k < r->n_pillars; k++)
        xw_str(x, ws, 2, col++, r->pillars[k].name, x->f.header);
    static const char *const tail[] = { "Next level", "Readiness", "Reasons", "Blind spots",
                                        "Hidden strengths" };
    for (size_t k = 0; k < sizeof tail / sizeof tail[0]; k++)
        xw_str(x, ws, 2, col++, tail[k], x->f.header);
    xw_row_lines(x, ws, 2, 2);
    for (size_t i = 0; i < xp->g->n_people && !x->failed; i++)
        summary_row(xp, ws, (lxw_row_t)(3 + i), i, pr);
    lxw_row_t end = (lxw_row_t)(2 + xp->g->n_people);
    if (xp->g->n_people)
        xw_heat(x, ws, 3, S_OVERALL, end, (lxw_col_t)(S_PILLAR + r->n_pillars - 1));
    worksheet_freeze_panes(ws, 3, 1);
    xw_check(x, worksheet_autofilter(ws, 2, 0, end, last), "filter");
    worksheet_set_column(ws, 0, 0, 24, NULL);
    worksheet_set_column(ws, 1, 3, 12, NULL);
    worksheet_set_column(ws, S_ASSESSORS, S_OVERALL, 11, NULL);
    for (size_t k = 0; k < r->n_pillars; k++)
        worksheet_set_column(ws, (lxw_col_t)(S_PILLAR + k), (lxw_col_t)(S_PILLAR + k),
                             xw_fit(xw_width(r->pillars[k].name), 11, 24), NULL);
    worksheet_set_column(ws, (lxw_col_t)(last - 4), (lxw_col_t)(last - 3), 14, NULL);
    worksheet_set_column(ws, (lxw_col_t)(last - 2), last, XP_WIDE, NULL);
}

/* Data: one row per rating of a submitted assessment. */
static void data(struct xw_people *xp)
{
    struct xw *x = &xp->x;
    const struct sw_rubric *r = x->r;
    const struct sw_growth *g = xp->g;
    lxw_worksheet *ws = xw_sheet(x, "Data", 0, 0);
    if (!ws)
        return;
    static const char *const head[] = { "person", "name", "cycle", "assessor", "relation",
                                        "pillar", "competency", "value" };
    for (lxw_col_t c = 0; c < 8; c++)
        xw_str(x, ws, 0, c, head[c], x->f.header);
    lxw_row_t row = 1;
    for (size_t i = 0; i < g->n_people; i++) {
        const struct sw_person *p = &g->people[i];
        for (size_t e = p->first_entry; e != (size_t)-1 && !x->failed; e = g->entry_next[e]) {
            const struct sw_growth_entry *en = &g->entries[e];
            for (size_t c = 0; en->submitted && c < r->n_competencies; c++) {
                if (isnan(en->values[c]))
                    continue;
                xw_str(x, ws, row, 0, p->id, NULL);
                xw_str(x, ws, row, 1, xp->shown[i], NULL);
                xw_str(x, ws, row, 2, en->cycle, NULL);
                xw_str(x, ws, row, 3, en->assessor, NULL);
                xw_str(x, ws, row, 4, sw_relation_name(en->relation), NULL);
                xw_str(x, ws, row, 5, r->pillars[r->competencies[c].pillar].id, NULL);
                xw_str(x, ws, row, 6, r->competencies[c].id, NULL);
                xw_num(x, ws, row, 7, en->values[c], NULL);
                row++;
            }
        }
    }
    worksheet_freeze_panes(ws, 1, 0);
    xw_check(x, worksheet_autofilter(ws, 0, 0, row - 1, 7), "filter");
    worksheet_set_column(ws, 0, 6, 16, NULL);
}

static void build(struct xw_people *xp)
{
    struct xw *x = &xp->x;
    struct sw_promotion pr;
    pr.individual = calloc(x->r->n_competencies + 1, 1);
    if (!pr.individual || xw_formats(x) < 0) {
        free(pr.individual);
        xw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "workbook");
        return;
    }
    xw_set_properties(x, "People workbook",
                      "Assessments per review cycle; readiness is a suggestion, never binding.",
                      "scorewheel, growth, promotion");
    summary(xp, &pr);
    for (size_t i = 0; i < xp->g->n_people && !x->failed; i++)
        xp_person_sheet(xp, i, &pr);
    data(xp);
    free(pr.individual);
}

int sw_xlsx_write_people(const struct sw_growth *g, const char *path,
                         const struct sw_xlsx_options *opt, struct sw_errors *errs)
{
    struct xw_people xp;
    memset(&xp, 0, sizeof xp);
    struct xw *x = &xp.x;
    xp.g = g;
    x->r = g->rubric;
    x->opt = opt;
    x->errs = errs;
    x->path = path;
    xw_set_created(x, opt->created);
    int rc = -1;
    struct sw_tmpfile tmp = { -1, NULL, "" };
    if (!g->finished || name_people(&xp) < 0) {
        sw_fail_oom(errs, path);
        goto done;
    }
    if (sw_tmpfile_create(&tmp, path, errs) < 0)
        goto done;
    lxw_workbook_options wo;
    memset(&wo, 0, sizeof wo);
    wo.tmpdir = (char *)opt->tmpdir;
    x->wb = workbook_new_opt(sw_tmpfile_path(&tmp), &wo);
    if (!x->wb) {
        sw_fail_oom(errs, path);
        goto done;
    }
    build(&xp);
    lxw_error e = workbook_close(x->wb);
    if (!x->failed && e != LXW_NO_ERROR)
        sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot write the workbook: %s",
                     lxw_strerror(e));
    else if (!x->failed && sw_tmpfile_commit(&tmp, path, 1, errs) == 0)
        rc = 0;
done:
    sw_tmpfile_discard(&tmp);
    for (size_t i = 0; i < g->n_people; i++) {
        free(xp.sheet ? xp.sheet[i] : NULL);
        free(xp.shown ? xp.shown[i] : NULL);
    }
    free(xp.sheet);
    free(xp.shown);
    return rc;
}
