/* severity.c - docs/design.md rule 11 (severity.h has every formula). */
#include "severity.h"

#include <lapacke.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules/severity_int.h"

/* OpenBLAS's (linked: docs/design.md "Dependencies"). The fit runs its BLAS on
 * the calling thread: a second OpenBLAS thread nearly halves the reduction on
 * an idle machine but changes the last bits of the result (its dsymv sums in
 * another order), so the numbers would depend on -j and on the machine's load;
 * and on a busy machine it spins to finish later (bench/results.md). */
void openblas_set_num_threads(int threads);

/* LAPACKE scans every matrix for NaN before each call: C is built from
 * checked finite scores, so that scan (2 % of a fit) is skipped. */
static void no_nan_scan(void)
{
    LAPACKE_set_nancheck(0);
}

#define END SIZE_MAX
/* Rule 11's thresholds. */
#define MIN_DF 10
#define MIN_RATED 3
#define MIN_TAU2 1e-8
/* What a NaN or infinite score is told (docs/design.md rule 11). */
#define FINITE "a score must be a finite number"

/* --- observations to pairs ------------------------------------------------- */

static int by_pair(const void *x, const void *y)
{
    const struct sw_observation *a = x, *b = y;
    if (a->candidate != b->candidate)
        return a->candidate < b->candidate ? -1 : 1;
    if (a->interviewer != b->interviewer)
        return a->interviewer < b->interviewer ? -1 : 1;
    return 0;
}

/* d(c) = mean of competency c's x - ybar, in d[0..n_competencies-1]. */
static void centring(const struct sw_observation *obs, size_t n, size_t n_competencies,
                     double *d, size_t *count)
{
    double all = 0;
    for (size_t c = 0; c < n_competencies; c++) {
        d[c] = 0;
        count[c] = 0;
    }
    for (size_t k = 0; k < n; k++) {
        d[obs[k].competency] += obs[k].x;
        count[obs[k].competency]++;
        all += obs[k].x;
    }
    double ybar = n ? all / (double)n : 0;
    for (size_t c = 0; c < n_competencies; c++)
        d[c] = count[c] ? d[c] / (double)count[c] - ybar : 0;
}

int sw_severity_pairs(const struct sw_observation *obs, size_t n, size_t n_competencies,
                      struct sw_pair **pairs, size_t *n_pairs, struct sw_errors *errs)
{
    *pairs = NULL;
    *n_pairs = 0;
    for (size_t k = 0; k < n; k++) {
        if (obs[k].competency >= n_competencies)
            return sw_fail(errs, NULL, 0, "observation %zu names competency %zu of %zu", k,
                           obs[k].competency, n_competencies);
        if (!isfinite(obs[k].x))
            return sw_fail(errs, NULL, 0, "observation %zu (candidate %zu, interviewer %zu, "
                           "competency %zu) has the score %g; " FINITE, k, obs[k].candidate,
                           obs[k].interviewer, obs[k].competency, obs[k].x);
    }
    struct sw_observation *sorted = malloc((n + 1) * sizeof *sorted);
    double *d = malloc((n_competencies + 1) * sizeof *d);
    size_t *count = malloc((n_competencies + 1) * sizeof *count);
    struct sw_pair *out = malloc((n + 1) * sizeof *out);
    if (!sorted || !d || !count || !out) {
        free(sorted);
        free(d);
        free(count);
        free(out);
        return sw_fail_oom(errs, NULL);
    }
    centring(obs, n, n_competencies, d, count);
    if (n)
        memcpy(sorted, obs, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, by_pair);
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        if (k == 0 || by_pair(&sorted[k - 1], &sorted[k]) != 0)
            out[m++] = (struct sw_pair){ sorted[k].candidate, sorted[k].interviewer, 0, 0 };
        out[m - 1].z += sorted[k].x - d[sorted[k].competency];
        out[m - 1].observations++;
    }
    for (size_t k = 0; k < m; k++)
        out[k].z /= (double)out[k].observations;
    free(sorted);
    free(d);
    free(count);
    *pairs = out;
    *n_pairs = m;
    return 0;
}

/* --- the absorbed system ---------------------------------------------------- */

struct system {
    size_t np, nk, ni;        /* pairs, candidates and interviewers with pairs */
    size_t *who;            /* compact interviewer -> original index */
    size_t *slot;           /* original interviewer -> compact, END without pairs */
    double *C;              /* I x I, symmetric (column-major = row-major) */
    double *q;
    double S0;
    size_t components;
    size_t *start;          /* component g's interviewers: compact start[g]..start[g+1]-1 */
};

static void system_release(struct system *s)
{
    free(s->who);
    free(s->slot);
    free(s->start);
    free(s->C);
    free(s->q);
}

static size_t find(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* Connected components of candidates (0..K-1) and interviewers (K..K+I-1),
 * then the interviewers renumbered component by component (in the order of
 * their least index, ascending within each), so that C is block-diagonal. */
static int find_components(struct system *s, const struct sw_pair *p, size_t n)
{
    size_t nodes = s->nk + s->ni;
    size_t *parent = malloc((nodes + 1) * sizeof *parent);
    size_t *label = malloc((nodes + 1) * sizeof *label);
    size_t *who = malloc((s->ni + 1) * sizeof *who);
    s->start = calloc(s->ni + 2, sizeof *s->start);
    if (!parent || !label || !who || !s->start) {
        free(parent);
        free(label);
        free(who);
        return -1;
    }
    for (size_t x = 0; x < nodes; x++)
        parent[x] = x;
    for (size_t k = 0, cand = 0; k < n; k++) {
        if (k > 0 && p[k].candidate != p[k - 1].candidate)
            cand++;
        size_t a = find(parent, cand), b = find(parent, s->nk + s->slot[p[k].interviewer]);
        if (a != b)
            parent[a] = b;
    }
    for (size_t x = 0; x < nodes; x++)
        label[x] = END;
    for (size_t i = 0; i < s->ni; i++) {     /* count each component's interviewers */
        size_t root = find(parent, s->nk + i);
        if (label[root] == END)
            label[root] = s->components++;
        s->start[label[root] + 1]++;
    }
    for (size_t g = 0; g < s->components; g++)
        s->start[g + 1] += s->start[g];
    for (size_t i = 0; i < s->ni; i++)      /* each interviewer's component, in who */
        who[i] = label[find(parent, s->nk + i)];
    memcpy(label, s->start, s->components * sizeof *label);       /* the next free place */
    for (size_t i = 0; i < s->ni; i++)
        parent[i] = who[i];
    for (size_t i = 0; i < s->ni; i++)
        who[label[parent[i]]++] = s->who[i];
    for (size_t j = 0; j < s->ni; j++)
        s->slot[who[j]] = j;
    free(s->who);
    s->who = who;
    free(parent);
    free(label);
    return 0;
}

/* Adds candidate group p[0..m-1] (one candidate's pairs) to C, q and S0. */
static void add_candidate(struct system *s, const struct sw_pair *p, size_t m)
{
    double zbar = 0, share = 1 / (double)m;
    for (size_t k = 0; k < m; k++)
        zbar += p[k].z;
    zbar /= (double)m;
    for (size_t k = 0; k < m; k++) {
        size_t i = s->slot[p[k].interviewer];
        double r = p[k].z - zbar;
        s->S0 += r * r;
        s->q[i] += r;
        s->C[i * s->ni + i] += 1;
        for (size_t l = 0; l < m; l++)
            s->C[i * s->ni + s->slot[p[l].interviewer]] -= share;
    }
}

/* Builds the system from pairs sorted by candidate then interviewer. */
static int system_build(struct system *s, const struct sw_pair *p, size_t n,
                        size_t n_interviewers)
{
    memset(s, 0, sizeof *s);
    s->np = n;
    s->slot = malloc((n_interviewers + 1) * sizeof *s->slot);
    s->who = malloc((n_interviewers + 1) * sizeof *s->who);
    if (!s->slot || !s->who)
        return -1;
    for (size_t i = 0; i < n_interviewers; i++)
        s->slot[i] = END;
    for (size_t k = 0; k < n; k++)
        if (s->slot[p[k].interviewer] == END)
            s->slot[p[k].interviewer] = 1;
    for (size_t i = 0; i < n_interviewers; i++)
        if (s->slot[i] != END) {
            s->who[s->ni] = i;
            s->slot[i] = s->ni++;
        }
    for (size_t k = 0; k < n; k++)
        s->nk += k + 1 == n || p[k + 1].candidate != p[k].candidate;
    if ((s->ni && s->ni > SIZE_MAX / s->ni / sizeof *s->C) || find_components(s, p, n) < 0)
        return -1;
    /* Written before it is read: calloc's pages would map the zero page for
     * add_candidate's reads, then be copied (and flushed from every core's
     * TLB) at its writes: 0.09 s of 0.9 at 2,000 interviewers. */
    size_t cells = s->ni * s->ni + 1;
    if ((s->C = malloc(cells * sizeof *s->C)) != NULL)
        memset(s->C, 0, cells * sizeof *s->C);
    s->q = calloc(s->ni + 1, sizeof *s->q);
    if (!s->C || !s->q)
        return -1;
    for (size_t k = 0, first = 0; k < n; k++) {
        if (k + 1 == n || p[k + 1].candidate != p[k].candidate) {
            add_candidate(s, p + first, k + 1 - first);
            first = k + 1;
        }
    }
    return 0;
}

/* --- the fit ------------------------------------------------------------------ */

static struct sw_severity *severity_new(size_t n_interviewers)
{
    struct sw_severity *sev = calloc(1, sizeof *sev);
    if (!sev)
        return NULL;
    sev->n_interviewers = n_interviewers;
    sev->adjustment = malloc((n_interviewers + 1) * sizeof *sev->adjustment);
    sev->se = malloc((n_interviewers + 1) * sizeof *sev->se);
    if (!sev->adjustment || !sev->se) {
        sw_severity_free(sev);
        return NULL;
    }
    sev->sigma2 = sev->tau2 = NAN;
    for (size_t i = 0; i < n_interviewers; i++)
        sev->adjustment[i] = sev->se[i] = NAN;
    return sev;
}

void sw_severity_free(struct sw_severity *s)
{
    if (!s)
        return;
    free(s->adjustment);
    free(s->se);
    free(s);
}

static int lapack_failed(struct sw_errors *errs, const char *what, lapack_int info)
{
    if (info == LAPACK_WORK_MEMORY_ERROR)
        return sw_fail_oom(errs, NULL);
    return sw_error_add(errs, SW_ESYSTEM, NULL, 0, "the severity fit failed: LAPACK %s "
                        "returned %d", what, (int)info);
}

/* b = (C + lambda I)^-1 q and se(i) = sqrt(sigma2 [(C + lambda I)^-1](i,i)) from
 * the Cholesky factor U'U = C + lambda I (A holds C, column-major; overwritten):
 * the inverse is U^-1 U^-T, so its diagonal is the row sums of squares of U^-1.
 * C is block-diagonal, a block per component: each is factorised alone. */
static int blup(struct sw_severity *sev, const struct system *s, double *A, double lambda,
                struct sw_errors *errs)
{
    lapack_int lda = (lapack_int)s->ni, info = 0;
    double *b = malloc((s->ni + 1) * sizeof *b);
    if (!b)
        return sw_fail_oom(errs, NULL);
    memcpy(b, s->q, s->ni * sizeof *b);
    for (size_t g = 0; g < s->components && info == 0; g++) {
        size_t off = s->start[g], m = s->start[g + 1] - off;
        double *block = A + off * s->ni + off;
        for (size_t i = 0; i < m; i++)
            block[i * s->ni + i] += lambda;
        lapack_int n = (lapack_int)m;
        if ((info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'U', n, block, lda)) != 0 ||
            (info = LAPACKE_dpotrs(LAPACK_COL_MAJOR, 'U', n, 1, block, lda, b + off, n)) != 0 ||
            (info = LAPACKE_dtrtri(LAPACK_COL_MAJOR, 'U', 'N', n, block, lda)) != 0)
            break;
        for (size_t i = 0; i < m; i++) {
            double v = 0;
            for (size_t j = i; j < m; j++)
                v += block[i + j * s->ni] * block[i + j * s->ni];
            sev->adjustment[s->who[off + i]] = b[off + i];
            sev->se[s->who[off + i]] = sqrt(sev->sigma2 * v);
        }
    }
    free(b);
    return info ? lapack_failed(errs, "dpotrf/dpotrs/dtrtri", info) : 0;
}

/* The tridiagonal reduction C = H T H', a block per component (T's
 * off-diagonal is 0 between them), T's eigenvalues (mu, ascending, rounding
 * below 1e-10 of the largest set to 0: the null directions, one per
 * component), and w = H'q; C is overwritten. */
static int reduce(struct system *s, double *d, double *e, double *tau, double *w, double *mu,
                  struct sw_errors *errs)
{
    lapack_int lda = (lapack_int)s->ni, info = 0;
    memcpy(w, s->q, s->ni * sizeof *w);
    for (size_t g = 0; g < s->components; g++) {
        size_t off = s->start[g], m = s->start[g + 1] - off;
        double *block = s->C + off * s->ni + off;
        lapack_int n = (lapack_int)m;
        if ((info = LAPACKE_dsytrd(LAPACK_COL_MAJOR, 'U', n, block, lda, d + off, e + off,
                                   tau + off)) != 0)
            return lapack_failed(errs, "dsytrd", info);
        if ((info = LAPACKE_dormtr(LAPACK_COL_MAJOR, 'L', 'U', 'T', n, 1, block, lda, tau + off,
                                   w + off, n)) != 0)
            return lapack_failed(errs, "dormtr", info);
        e[off + m - 1] = 0;     /* T's blocks do not meet */
    }
    memcpy(mu, d, s->ni * sizeof *mu);
    memcpy(tau, e, s->ni * sizeof *tau);        /* dsterf destroys its copy */
    if ((info = LAPACKE_dsterf((lapack_int)s->ni, mu, tau)) != 0)
        return lapack_failed(errs, "dsterf", info);
    double top = mu[s->ni - 1];
    for (size_t j = 0; j < s->ni; j++)
        if (mu[j] <= 1e-10 * top)
            mu[j] = 0;
    return 0;
}

/* Reduces C once, finds the REML optimum and, when it is a fit, b and se. */
static int solve(struct sw_severity *sev, struct system *s, struct sw_errors *errs)
{
    size_t ni = s->ni;
    double *work = malloc((7 * ni + 1) * sizeof *work);
    double *copy = malloc((ni * ni + 1) * sizeof *copy);
    if (!work || !copy) {
        free(work);
        free(copy);
        return sw_fail_oom(errs, NULL);
    }
    double *d = work, *e = d + ni, *tau = e + ni, *w = tau + ni, *mu = w + ni, *x = mu + ni;
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, no_nan_scan);
    openblas_set_num_threads(1);
    memcpy(copy, s->C, ni * ni * sizeof *copy);
    int rc = reduce(s, d, e, tau, w, mu, errs);
    if (rc == 0) {
        struct sw_reml_profile prof = { mu, d, e, w, x, x + ni, ni, s->S0,
                                        (double)(s->np - s->nk) };
        double theta = sw_reml_theta(&prof);
        sev->sigma2 = sw_reml_q(&prof, theta) / prof.r;
        sev->tau2 = theta * sev->sigma2;
        sev->fitted = sev->tau2 >= MIN_TAU2;
        if (sev->fitted)
            rc = blup(sev, s, copy, 1 / theta, errs);
    }
    free(work);
    free(copy);
    return rc;
}

static int pair_order(const void *x, const void *y)
{
    const struct sw_pair *a = x, *b = y;
    if (a->candidate != b->candidate)
        return a->candidate < b->candidate ? -1 : 1;
    if (a->interviewer != b->interviewer)
        return a->interviewer < b->interviewer ? -1 : 1;
    return 0;
}

/* A sorted copy of the pairs, checked; NULL with the reason in errs. */
static struct sw_pair *checked_pairs(const struct sw_pair *pairs, size_t n, size_t n_candidates,
                                     size_t n_interviewers, struct sw_errors *errs)
{
    for (size_t k = 0; k < n; k++) {
        if (pairs[k].candidate >= n_candidates || pairs[k].interviewer >= n_interviewers) {
            sw_fail(errs, NULL, 0, "pair %zu names candidate %zu and interviewer %zu of %zu "
                    "and %zu", k, pairs[k].candidate, pairs[k].interviewer, n_candidates,
                    n_interviewers);
            return NULL;
        }
        if (!isfinite(pairs[k].z)) {
            sw_fail(errs, NULL, 0, "pair %zu (candidate %zu, interviewer %zu) has the score "
                    "%g; " FINITE, k, pairs[k].candidate, pairs[k].interviewer, pairs[k].z);
            return NULL;
        }
    }
    struct sw_pair *p = malloc((n + 1) * sizeof *p);
    if (!p) {
        sw_fail_oom(errs, NULL);
        return NULL;
    }
    if (n)
        memcpy(p, pairs, n * sizeof *p);
    qsort(p, n, sizeof *p, pair_order);
    for (size_t k = 1; k < n; k++)
        if (pair_order(&p[k - 1], &p[k]) == 0) {
            sw_fail(errs, NULL, 0, "candidate %zu and interviewer %zu are paired twice; "
                    "a pair is one score", p[k].candidate, p[k].interviewer);
            free(p);
            return NULL;
        }
    return p;
}

struct sw_severity *sw_severity_fit_pairs(const struct sw_pair *pairs, size_t n_pairs,
                                          size_t n_candidates, size_t n_interviewers,
                                          struct sw_errors *errs)
{
    struct sw_pair *p = checked_pairs(pairs, n_pairs, n_candidates, n_interviewers, errs);
    if (!p)
        return NULL;
    struct sw_severity *sev = severity_new(n_interviewers);
    struct system s;
    if (!sev || system_build(&s, p, n_pairs, n_interviewers) < 0) {
        if (sev)
            system_release(&s);
        free(p);
        sw_severity_free(sev);
        sw_fail_oom(errs, NULL);
        return NULL;
    }
    sev->pairs = s.np;
    sev->candidates = s.nk;
    sev->rated = s.ni;
    sev->components = s.components;
    for (size_t k = 0; k < n_pairs; k++)
        sev->observations += p[k].observations;
    for (size_t i = 0; i < s.ni; i++)
        sev->adjustment[s.who[i]] = 0;
    int rc = 0;
    if (s.np - s.nk >= MIN_DF && s.ni >= MIN_RATED) {
        if (s.S0 > 0)
            rc = solve(sev, &s, errs);
        else
            sev->sigma2 = sev->tau2 = 0;
    }
    system_release(&s);
    free(p);
    if (rc < 0) {
        sw_severity_free(sev);
        return NULL;
    }
    return sev;
}

struct sw_severity *sw_severity_fit_observations(const struct sw_observation *obs, size_t n,
                                                 size_t n_candidates, size_t n_interviewers,
                                                 size_t n_competencies, struct sw_errors *errs)
{
    struct sw_pair *pairs;
    size_t n_pairs;
    if (sw_severity_pairs(obs, n, n_competencies, &pairs, &n_pairs, errs) < 0)
        return NULL;
    struct sw_severity *sev = sw_severity_fit_pairs(pairs, n_pairs, n_candidates,
                                                    n_interviewers, errs);
    free(pairs);
    return sev;
}
