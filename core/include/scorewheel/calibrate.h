/*
 * calibrate.h - interviewer calibration and inter-rater reliability:
 * docs/design.md "Semantics", rules 8 and 9, over a finished aggregate.
 *
 * Observations are (s, c) pairs of a submitted scorecard s and a competency c
 * whose scorecard score x(s,c) is defined (rule 1). "null" is NaN.
 */
#ifndef SW_CALIBRATE_H
#define SW_CALIBRATE_H

#include <stddef.h>

#include "aggregate.h"
#include "buf.h"
#include "error.h"
#include "report.h"
#include "severity.h"
#include "stats.h"

/* Rule 8, for one interviewer. */
struct sw_interviewer_stats {
    size_t scorecards;      /* its submitted scorecards */
    size_t observations;    /* its (s, c) with x(s,c) defined */
    double mean;            /* mean x over its observations */
    /* Mean, over its observations that have at least one observation by another
     * interviewer on the same candidate and competency, of x(s,c) minus the mean
     * of those others' observations; `compared` counts them. NaN when 0. */
    double leniency;
    size_t compared;
    /* Share of its scorecards with a recommendation that recommend hire or
     * strong-hire; NaN when none has a recommendation. */
    double hire_rate;
};

/* Rule 9, for one competency. Units are candidates and coders interviewers; one
 * interviewer's several values for one candidate are averaged first. */
struct sw_reliability {
    double alpha;       /* Krippendorff's alpha, interval metric; NaN when undefined */
    size_t units;       /* candidates holding values from at least two interviewers */
    /* Shrout & Fleiss ICCs when the candidates x interviewers matrix (candidates
     * and interviewers with any value for this competency) is complete with
     * n >= 2 candidates and k >= 2 interviewers; has_icc 0 otherwise. */
    int has_icc;
    size_t icc_n, icc_k;
    struct sw_icc icc;
};

struct sw_calibration {
    struct sw_interviewer_stats *interviewers;   /* as aggregate->interviewers */
    size_t n_interviewers;
    struct sw_reliability *competencies;          /* as the rubric's competencies */
    size_t n_competencies;
    /* Alpha pooled over all (candidate, competency) units. */
    double alpha;
    size_t units;
    /* Rule 11 (severity.h), owned; NULL until sw_calibration_severity(). */
    struct sw_severity *severity;
};

/* Computes rules 8 and 9 for a finished aggregate. NULL, with the reason
 * recorded in errs (SW_ESYSTEM), when out of memory or the aggregate is not
 * finished. Caller frees with sw_calibration_free(). */
struct sw_calibration *sw_calibrate(const struct sw_aggregate *a, struct sw_errors *errs);
void sw_calibration_free(struct sw_calibration *c);
/* Fits rule 11 to the same aggregate into c->severity. 0, or -1 with errs
 * (out of memory, LAPACK). */
int sw_calibration_severity(struct sw_calibration *c, const struct sw_aggregate *a,
                            struct sw_errors *errs);

/* The conventional reading of an alpha (Krippendorff 2004, Content Analysis,
 * 2nd ed., p. 241): "reliable" at 0.8 and above, "tentative" from 0.667,
 * "unreliable" below, "undefined" for NaN. */
const char *sw_alpha_reading(double alpha);

/* Output; each appends to out and returns 0, or -1 with the reason recorded
 * in errs (sw_buf_fail: out of memory or over SW_BUF_MAX). */
/* docs/design.md's JSON: {"interviewers": [...by id], "reliability": {"alpha",
 * "competencies": [{"id", "alpha", "units", "icc": {...} or null}]}}; with
 * c->severity, each interviewer's "adjustment" and "adjustment_se" and
 * "severity": {"fitted", "sigma2", "tau2", "pairs", "components"}. */
int sw_calibration_json(const struct sw_aggregate *a, const struct sw_calibration *c,
                        struct sw_buf *out, struct sw_errors *errs);
/* One row per interviewer, by id: interviewer,scorecards,observations,mean,
 * leniency,compared,hire_rate (then adjustment,adjustment_se with c->severity);
 * text cells guarded as `mode` says (report.h). */
int sw_calibration_csv(const struct sw_aggregate *a, const struct sw_calibration *c,
                       enum sw_csv_mode mode, struct sw_buf *out, struct sw_errors *errs);
/* Interviewers by leniency (most lenient first, nulls last), marking those
 * beyond +/-0.5 with at least 10 comparisons, then (with c->severity) each
 * one's adjustment +/- se, most lenient first, with sigma2, tau2, pairs and
 * components and what an adjustment means, then reliability per competency
 * with the reading of alpha. */
int sw_calibration_table(const struct sw_aggregate *a, const struct sw_calibration *c,
                         int color, struct sw_buf *out, struct sw_errors *errs);

#endif
