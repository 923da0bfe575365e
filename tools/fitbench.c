/*
 * fitbench - times rule 11's fit alone (sw_severity_fit_pairs, severity.h)
 * on a generated sparse design, for `make bench`.
 *
 *   fitbench --interviewers N [--candidates K] [--panel M] [--teams T] [--seed S]
 *            [--write DIR]
 *
 * K candidates (default 10 N) each meet M distinct interviewers (default 5)
 * drawn at random, from one of T teams of N / T interviewers (default 1: all
 * of them; T teams make T components); z = ability + offset + noise. Prints one line of JSON:
 * {"interviewers", "candidates", "pairs", "components", "fitted", "sigma2",
 * "tau2", "seconds", "cpu_seconds"}: the fit's wall and CPU time only (not the
 * generation); on a shared machine the CPU time is the steadier of the two.
 * With --write, also DIR/pairs.csv (candidate,interviewer,z: what the fit was
 * given) and DIR/fit.csv (interviewer,adjustment,se), numbers to 17 digits, for
 * tests/bench/lme4_fit.R to fit the same pairs with lme4.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "severity.h"

static uint64_t state;

static double uniform(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return ((double)(state >> 11) + 0.5) / 9007199254740992.0;
}

static double normal(void)
{
    return sqrt(-2 * log(uniform())) * cos(2 * M_PI * uniform());
}

static double now(clockid_t clock)
{
    struct timespec t;
    clock_gettime(clock, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* DIR/pairs.csv and DIR/fit.csv, as the comment at the top says; 0 or 3. */
static int write_csv(const char *dir, const struct sw_pair *pairs, size_t n,
                     const struct sw_severity *s)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/pairs.csv", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return 3;
    fprintf(f, "candidate,interviewer,z\n");
    for (size_t k = 0; k < n; k++)
        fprintf(f, "%zu,%zu,%.17g\n", pairs[k].candidate, pairs[k].interviewer, pairs[k].z);
    int rc = fclose(f) == 0 ? 0 : 3;
    snprintf(path, sizeof path, "%s/fit.csv", dir);
    if (!(f = fopen(path, "w")))
        return 3;
    fprintf(f, "interviewer,adjustment,se\n");
    for (size_t i = 0; i < s->n_interviewers; i++)
        fprintf(f, "%zu,%.17g,%.17g\n", i, s->adjustment[i], s->se[i]);
    return fclose(f) == 0 ? rc : 3;
}

int main(int argc, char **argv)
{
    size_t ni = 0, nk = 0, panel = 5, teams = 1;
    uint64_t seed = 2026;
    const char *dir = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--interviewers") == 0)
            ni = strtoul(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--candidates") == 0)
            nk = strtoul(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--panel") == 0)
            panel = strtoul(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--teams") == 0)
            teams = strtoul(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--seed") == 0)
            seed = strtoull(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--write") == 0)
            dir = argv[i + 1];
    }
    if (teams == 0 || ni / teams < panel || panel == 0 || argc % 2 == 0) {
        fprintf(stderr, "usage: fitbench --interviewers N [--candidates K] [--panel M] "
                        "[--teams T] [--seed S] [--write DIR]\n");
        return 2;
    }
    nk = nk ? nk : 10 * ni;
    state = seed * 0x9E3779B97F4A7C15u + 1;
    double *offset = malloc(ni * sizeof *offset);
    struct sw_pair *pairs = malloc(nk * panel * sizeof *pairs);
    if (!offset || !pairs) {
        free(offset);
        free(pairs);
        return 3;
    }
    for (size_t i = 0; i < ni; i++)
        offset[i] = 0.3 * normal();
    size_t n = 0;
    for (size_t k = 0; k < nk; k++) {
        double ability = 3 + 0.5 * normal();
        for (size_t j = 0; j < panel; j++) {
            size_t who;
            int again;
            do {
                who = k % teams * (ni / teams) + (size_t)(uniform() * (double)(ni / teams));
                again = 0;
                for (size_t l = n - j; l < n; l++)
                    again |= pairs[l].interviewer == who;
            } while (again);
            pairs[n++] = (struct sw_pair){ k, who, ability + offset[who] + 0.4 * normal(), 1 };
        }
    }
    struct sw_errors errs;
    sw_errors_init(&errs);
    double start = now(CLOCK_MONOTONIC), cpu = now(CLOCK_PROCESS_CPUTIME_ID);
    struct sw_severity *s = sw_severity_fit_pairs(pairs, n, nk, ni, &errs);
    double seconds = now(CLOCK_MONOTONIC) - start;
    cpu = now(CLOCK_PROCESS_CPUTIME_ID) - cpu;
    int rc = s ? 0 : 3;
    if (s)
        printf("{\"interviewers\": %zu, \"candidates\": %zu, \"pairs\": %zu, \"components\": "
               "%zu, \"fitted\": %s, \"sigma2\": %.17g, \"tau2\": %.17g, \"seconds\": %.6f, "
               "\"cpu_seconds\": %.6f}\n", ni, nk, s->pairs, s->components,
               s->fitted ? "true" : "false", s->sigma2, s->tau2, seconds, cpu);
    if (s && dir)
        rc = write_csv(dir, pairs, n, s);
    for (size_t i = 0; i < errs.count; i++)
        fprintf(stderr, "fitbench: %s\n", errs.items[i].message);
    sw_severity_free(s);
    sw_errors_release(&errs);
    free(offset);
    free(pairs);
    return rc;
}
