/* calibrate_text.c - the output functions of calibrate.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calibrate.h"
#include "render/json.h"
#include "report.h"
#include "render/termtable.h"
#include "termtext.h"

/* Leniency beyond this, over at least this many comparisons, is marked. */
#define LENIENCY_MARK 0.5
#define LENIENCY_MIN_COMPARED 10

static void json_icc(struct sw_json *j, const struct sw_reliability *rel)
{
    if (!rel->has_icc) {
        sw_json_null(j);
        return;
    }
    const struct sw_icc *icc = &rel->icc;
    sw_json_begin_object(j);
    sw_json_put_integer(j, "n", (long long)rel->icc_n);
    sw_json_put_integer(j, "k", (long long)rel->icc_k);
    static const char *const keys[] = { "1,1", "2,1", "3,1", "1,k", "2,k", "3,k" };
    const double values[] = { icc->icc11, icc->icc21, icc->icc31, icc->icc1k, icc->icc2k,
                              icc->icc3k };
    for (size_t i = 0; i < 6; i++) {
        sw_json_key(j, keys[i]);
        sw_json_number(j, values[i]);
    }
    sw_json_end_object(j);
}

static void json_severity(struct sw_json *j, const struct sw_severity *s)
{
    sw_json_key(j, "severity");
    sw_json_begin_object(j);
    sw_json_put_bool(j, "fitted", s->fitted);
    sw_json_put_number(j, "sigma2", s->sigma2);
    sw_json_put_number(j, "tau2", s->tau2);
    sw_json_put_integer(j, "pairs", (long long)s->pairs);
    sw_json_put_integer(j, "components", (long long)s->components);
    sw_json_end_object(j);
}

int sw_calibration_json(const struct sw_aggregate *a, const struct sw_calibration *c,
                        struct sw_buf *out, struct sw_errors *errs)
{
    struct sw_json j;
    sw_json_init(&j, out);
    sw_json_begin_object(&j);
    sw_json_key(&j, "interviewers");
    sw_json_begin_array(&j);
    for (size_t i = 0; i < c->n_interviewers; i++) {
        const struct sw_interviewer_stats *st = &c->interviewers[i];
        sw_json_begin_object(&j);
        sw_json_put_string(&j, "id", a->interviewers[i]);
        sw_json_put_integer(&j, "scorecards", (long long)st->scorecards);
        sw_json_put_integer(&j, "observations", (long long)st->observations);
        sw_json_put_number(&j, "mean", st->mean);
        sw_json_put_number(&j, "leniency", st->leniency);
        sw_json_put_integer(&j, "compared", (long long)st->compared);
        sw_json_put_number(&j, "hire_rate", st->hire_rate);
        if (c->severity) {
            sw_json_put_number(&j, "adjustment", c->severity->adjustment[i]);
            sw_json_put_number(&j, "adjustment_se", c->severity->se[i]);
        }
        sw_json_end_object(&j);
    }
    sw_json_end_array(&j);
    sw_json_key(&j, "reliability");
    sw_json_begin_object(&j);
    sw_json_put_number(&j, "alpha", c->alpha);
    sw_json_key(&j, "competencies");
    sw_json_begin_array(&j);
    for (size_t k = 0; k < c->n_competencies; k++) {
        const struct sw_reliability *rel = &c->competencies[k];
        sw_json_begin_object(&j);
        sw_json_put_string(&j, "id", a->rubric->competencies[k].id);
        sw_json_put_number(&j, "alpha", rel->alpha);
        sw_json_put_integer(&j, "units", (long long)rel->units);
        sw_json_key(&j, "icc");
        json_icc(&j, rel);
        sw_json_end_object(&j);
    }
    sw_json_end_array(&j);
    sw_json_end_object(&j);
    if (c->severity)
        json_severity(&j, c->severity);
    sw_json_end_object(&j);
    return out->failed ? sw_buf_fail(out, errs, "calibration") : 0;
}

int sw_calibration_csv(const struct sw_aggregate *a, const struct sw_calibration *c,
                       enum sw_csv_mode mode, struct sw_buf *out, struct sw_errors *errs)
{
    sw_buf_adds(out, "interviewer,scorecards,observations,mean,leniency,compared,hire_rate");
    sw_buf_adds(out, c->severity ? ",adjustment,adjustment_se\r\n" : "\r\n");
    for (size_t i = 0; i < c->n_interviewers; i++) {
        const struct sw_interviewer_stats *st = &c->interviewers[i];
        sw_csv_field(out, a->interviewers[i], mode);
        sw_csv_count(out, st->scorecards);
        sw_csv_count(out, st->observations);
        sw_csv_number(out, st->mean);
        sw_csv_number(out, st->leniency);
        sw_csv_count(out, st->compared);
        sw_csv_number(out, st->hire_rate);
        if (c->severity) {
            sw_csv_number(out, c->severity->adjustment[i]);
            sw_csv_number(out, c->severity->se[i]);
        }
        sw_csv_end_row(out);
    }
    return out->failed ? sw_buf_fail(out, errs, "calibration") : 0;
}

static const struct sw_calibration *sort_cal;

/* Most lenient first, nulls last, ties by id (the index order). */
static int by_leniency(const void *x, const void *y)
{
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    double li = sort_cal->interviewers[i].leniency, lj = sort_cal->interviewers[j].leniency;
    if (isnan(li) || isnan(lj)) {
        if (isnan(li) != isnan(lj))
            return isnan(li) ? 1 : -1;
    } else if (li != lj) {
        return li > lj ? -1 : 1;
    }
    return (i > j) - (i < j);
}

static int marked(const struct sw_interviewer_stats *st)
{
    return !isnan(st->leniency) && fabs(st->leniency) > LENIENCY_MARK &&
           st->compared >= LENIENCY_MIN_COMPARED;
}

static void interviewer_row(struct sw_table *t, const char *id,
                            const struct sw_interviewer_stats *st, int mark, int color)
{
    const char *red = mark && color ? "\033[31m" : NULL;
    char text[64];
    struct sw_buf key = SW_BUF_INIT;
    sw_buf_addf(&key, "%s%s", mark ? "! " : "  ", id);
    sw_table_add(t, key.failed ? "" : sw_buf_str(&key), red);
    sw_buf_release(&key);
    snprintf(text, sizeof text, "%zu", st->scorecards);
    sw_table_add(t, text, red);
    snprintf(text, sizeof text, "%zu", st->observations);
    sw_table_add(t, text, red);
    struct sw_buf num = SW_BUF_INIT;
    sw_text_number(&num, st->mean, 2, 0, 0);
    sw_table_add(t, sw_buf_str(&num), red);
    sw_buf_reset(&num);
    sw_text_number(&num, st->leniency, 2, 0, 1);
    sw_table_add(t, sw_buf_str(&num), red);
    sw_buf_release(&num);
    snprintf(text, sizeof text, "%zu", st->compared);
    sw_table_add(t, text, red);
    snprintf(text, sizeof text, "-");
    if (!isnan(st->hire_rate))
        snprintf(text, sizeof text, "%.0f%%", st->hire_rate * 100);
    sw_table_add(t, text, red);
}

static void interviewer_table(const struct sw_aggregate *a, const struct sw_calibration *c,
                              int color, struct sw_buf *out)
{
    static const struct sw_table_column columns[] = {
        { "  interviewer", 0, 12 }, { "cards", 1, 0 }, { "obs", 1, 0 }, { "mean", 1, 0 },
        { "leniency", 1, 0 }, { "compared", 1, 0 }, { "hire rate", 1, 0 },
    };
    size_t *order = malloc((c->n_interviewers + 1) * sizeof *order);
    if (!order) {
        out->failed = 1;
        return;
    }
    for (size_t i = 0; i < c->n_interviewers; i++)
        order[i] = i;
    sort_cal = c;
    qsort(order, c->n_interviewers, sizeof *order, by_leniency);
    sw_buf_adds(out, "Interviewers, most lenient first\n");
    struct sw_table t;
    sw_table_init(&t, columns, sizeof columns / sizeof columns[0]);
    size_t flagged = 0;
    for (size_t n = 0; n < c->n_interviewers; n++) {
        const struct sw_interviewer_stats *st = &c->interviewers[order[n]];
        int mark = marked(st);
        flagged += mark;
        interviewer_row(&t, a->interviewers[order[n]], st, mark, color);
    }
    sw_table_render(&t, 80, out);
    sw_table_release(&t);
    struct sw_buf note = SW_BUF_INIT;
    sw_buf_addf(&note, "%zu interviewer%s marked '!': leniency beyond \u00b1%g over %d or more "
                       "comparisons.", flagged, flagged == 1 ? "" : "s", LENIENCY_MARK,
                LENIENCY_MIN_COMPARED);
    sw_text_wrap(out, sw_buf_str(&note), 0, 0, 80);
    out->failed |= note.failed;
    sw_buf_release(&note);
    free(order);
}

/* One row of the reliability table; has_icc 0 leaves the ICC cells empty. */
static void reliability_row(struct sw_table *t, const char *name, size_t units, double alpha,
                            const struct sw_reliability *rel)
{
    char text[32];
    struct sw_buf num = SW_BUF_INIT;
    sw_table_add(t, name, NULL);
    snprintf(text, sizeof text, "%zu", units);
    sw_table_add(t, text, NULL);
    sw_text_number(&num, alpha, 3, 0, 0);
    sw_table_add(t, sw_buf_str(&num), NULL);
    sw_table_add(t, sw_alpha_reading(alpha), NULL);
    for (int i = 0; i < 2; i++) {
        sw_buf_reset(&num);
        if (rel)
            sw_text_number(&num, rel->has_icc ? (i ? rel->icc.icc2k : rel->icc.icc21) : NAN, 3,
                           0, 0);
        sw_table_add(t, sw_buf_str(&num), NULL);
    }
    sw_buf_release(&num);
}

static const struct sw_severity *sort_sev;

/* Highest adjustment first, nulls last, ties by id (the index order). */
static int by_adjustment(const void *x, const void *y)
{
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    double ai = sort_sev->adjustment[i], aj = sort_sev->adjustment[j];
    if (isnan(ai) || isnan(aj)) {
        if (isnan(ai) != isnan(aj))
            return isnan(ai) ? 1 : -1;
    } else if (ai != aj) {
        return ai > aj ? -1 : 1;
    }
    return (i > j) - (i < j);
}

/* Whether rule 11 fitted, and why not. */
static const char *no_fit_reason(const struct sw_severity *s)
{
    if (s->fitted)
        return "fitted.";
    if (isnan(s->sigma2))
        return "not fitted (it needs pairs minus candidates of 10 or more and 3 or more "
               "interviewers with pairs); every adjustment is 0.";
    return "not fitted (the interviewers' offsets vary by less than the noise: tau2 below "
           "1e-8); every adjustment is 0.";
}

static void severity_table(const struct sw_aggregate *a, const struct sw_severity *s,
                           struct sw_buf *out)
{
    size_t *order = malloc((s->n_interviewers + 1) * sizeof *order);
    if (!order) {
        out->failed = 1;
        return;
    }
    for (size_t i = 0; i < s->n_interviewers; i++)
        order[i] = i;
    sort_sev = s;
    qsort(order, s->n_interviewers, sizeof *order, by_adjustment);
    sw_buf_adds(out, "\nSeverity (rule 11), most lenient first\n");
    sw_text_cell(out, "  interviewer", 24);
    sw_buf_adds(out, " adjustment \u00b1 se\n");
    for (size_t n = 0; n < s->n_interviewers; n++) {
        size_t i = order[n];
        sw_buf_adds(out, "  ");
        sw_text_cell(out, a->interviewers[i], 22);
        sw_text_number(out, s->adjustment[i], 2, 11, s->fitted);
        if (!isnan(s->se[i])) {
            sw_buf_adds(out, " \u00b1");
            sw_text_number(out, s->se[i], 2, 5, 0);
        }
        sw_buf_addc(out, '\n');
    }
    struct sw_buf line = SW_BUF_INIT;
    sw_buf_adds(&line, "sigma2 ");
    sw_text_number(&line, s->sigma2, 3, 0, 0);
    sw_buf_adds(&line, ", tau2 ");
    sw_text_number(&line, s->tau2, 3, 0, 0);
    sw_buf_addf(&line, ", %zu pair%s, %zu component%s: %s", s->pairs, s->pairs == 1 ? "" : "s",
                s->components, s->components == 1 ? "" : "s", no_fit_reason(s));
    sw_buf_adds(&line, " An adjustment is how far above (+) or below (-) the other "
                       "interviewers of the same candidates one scores; --adjusted subtracts "
                       "it from each of their scores.");
    out->failed |= line.failed;
    if (!line.failed)
        sw_text_wrap(out, line.data, 0, 0, 80);
    sw_buf_release(&line);
    free(order);
}

int sw_calibration_table(const struct sw_aggregate *a, const struct sw_calibration *c,
                         int color, struct sw_buf *out, struct sw_errors *errs)
{
    static const struct sw_table_column columns[] = {
        { "competency", 0, 12 }, { "units", 1, 0 }, { "alpha", 1, 0 }, { "reading", 0, 0 },
        { "ICC(2,1)", 1, 0 }, { "ICC(2,k)", 1, 0 },
    };
    interviewer_table(a, c, color, out);
    if (c->severity)
        severity_table(a, c->severity, out);
    sw_buf_adds(out, "\nReliability (Krippendorff's alpha, interval; ICC when every "
                     "interviewer rated\nevery candidate)\n");
    struct sw_table t;
    sw_table_init(&t, columns, sizeof columns / sizeof columns[0]);
    for (size_t k = 0; k < c->n_competencies; k++)
        reliability_row(&t, a->rubric->competencies[k].name, c->competencies[k].units,
                        c->competencies[k].alpha, &c->competencies[k]);
    reliability_row(&t, "all competencies", c->units, c->alpha, NULL);
    sw_table_render(&t, 80, out);
    sw_table_release(&t);
    sw_buf_adds(out, "alpha >= 0.8 reliable, 0.667 to 0.8 tentative, below unreliable\n"
                     "(Krippendorff 2004).\n");
    return out->failed ? sw_buf_fail(out, errs, "calibration") : 0;
}
