/*
 * genassess - writes a team's assessments over several review cycles for a
 * rubric, deterministic by seed.
 *
 *   genassess --rubric FILE --people N --cycles K --out DIR [--seed S]
 *             [--drafts PERCENT]
 *
 * Each person has an ability per competency that grows from cycle to cycle,
 * a self-view bias (some rate themselves higher, some lower), and is assessed
 * in each cycle (a few cycles skipped) by themselves (most of the time), a
 * manager, 0 to 4 peers and sometimes a direct report; each assessor leaves
 * some competencies unrated and has a leniency. Values are rounded to the
 * scale's step and clamped. Files: DIR/CYCLE/PERSON--ASSESSOR.xml, where
 * cycles are c1, c2, ... (so they sort) and people p-001, p-002, ...
 * Used by the CLI tests to compare growth and promote with tests/recompute.py.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "files.h"
#include "rubric.h"
#include "gen.h"

static double on_scale(const struct sw_scale *s, double v)
{
    double k = round((v - s->min) / s->step);
    double x = s->min + k * s->step;
    return x < s->min ? s->min : x > s->max ? s->max : x;
}

struct team {
    const struct sw_rubric *r;
    const char *out;
    int drafts;
    size_t people;
};

static int write_one(const struct team *t, size_t cycle, size_t person, size_t assessor,
                     const char *relation, const double *ability, double bias)
{
    const struct sw_rubric *r = t->r;
    struct sw_buf b = SW_BUF_INIT;
    char dir[4096], path[4200], pid[32], aid[32];
    snprintf(pid, sizeof pid, "p-%03zu", person + 1);
    snprintf(aid, sizeof aid, "p-%03zu", assessor + 1);
    snprintf(dir, sizeof dir, "%s/c%zu", t->out, cycle + 1);
    snprintf(path, sizeof path, "%s/%s--%s.xml", dir, pid, aid);
    int draft = (int)(rng() % 100) < t->drafts;
    sw_buf_addf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<assessment xmlns=\"urn:scorewheel:assessment:1\" rubric=\"%s\" "
                    "person=\"%s\" assessor=\"%s\" relation=\"%s\" cycle=\"c%zu\"",
                r->id, pid, aid, relation, cycle + 1);
    if (r->n_levels && rng() % 3)
        sw_buf_addf(&b, " level=\"%s\"", r->levels[(person + cycle / 2) % r->n_levels].id);
    sw_buf_addf(&b, " status=\"%s\">\n", draft ? "draft" : "submitted");
    if (rng() % 2)
        sw_buf_addf(&b, "  <person-name>Person %zu</person-name>\n", person + 1);
    double leniency = normal() * (r->scale.max - r->scale.min) / 20;
    for (size_t c = 0; c < r->n_competencies; c++) {
        if (rng() % 16 == 0)
            continue;
        double v = on_scale(&r->scale, ability[c] + bias + leniency + normal() * 0.4);
        sw_buf_addf(&b, "  <rating competency=\"%s\" value=\"%g\"/>\n", r->competencies[c].id, v);
    }
    sw_buf_adds(&b, "</assessment>\n");
    return gen_write("genassess", dir, path, &b);
}

/* One person's assessments in one cycle: self, manager, peers, a report. */
static int assess_person(const struct team *t, size_t cycle, size_t p, const double *ability,
                         double self_bias)
{
    size_t n = t->people;
    int rc = 0;
    if (rng() % 5)
        rc |= write_one(t, cycle, p, p, "self", ability, self_bias);
    if (n < 2)
        return rc;
    size_t manager = (p + 1) % n;
    rc |= write_one(t, cycle, p, manager, "manager", ability, 0);
    size_t peers = rng() % 5;
    for (size_t k = 0; k < peers && k + 2 < n; k++)
        rc |= write_one(t, cycle, p, (p + 2 + k) % n, "peer", ability, 0);
    if (n > 7 && rng() % 3 == 0)
        rc |= write_one(t, cycle, p, (p + n - 1) % n, "report", ability, 0);
    return rc;
}

static int generate(const struct team *t, size_t cycles)
{
    const struct sw_rubric *r = t->r;
    double *ability = calloc(r->n_competencies + 1, sizeof *ability);
    if (!ability)
        return -1;
    int rc = 0;
    for (size_t p = 0; p < t->people && rc == 0; p++) {
        double mid = (r->scale.min + r->scale.max) / 2, spread = r->scale.max - r->scale.min;
        double strength = normal() * spread / 5;
        for (size_t c = 0; c < r->n_competencies; c++)
            ability[c] = mid + strength + normal() * spread / 10;
        double self_bias = normal() * spread / 8;
        for (size_t y = 0; y < cycles && rc == 0; y++) {
            if (y && rng() % 6 == 0)
                continue;   /* skipped this cycle */
            rc = assess_person(t, y, p, ability, self_bias);
            for (size_t c = 0; c < r->n_competencies; c++)
                ability[c] += uniform() * spread / 10;
        }
    }
    free(ability);
    return rc;
}

int main(int argc, char **argv)
{
    const char *rubric_path = NULL;
    struct team t = { NULL, NULL, 10, 0 };
    size_t cycles = 0;
    rng_state = 88172645463325252u;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--rubric") == 0)
            rubric_path = argv[i + 1];
        else if (strcmp(argv[i], "--people") == 0)
            t.people = strtoul(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--cycles") == 0)
            cycles = strtoul(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--out") == 0)
            t.out = argv[i + 1];
        else if (strcmp(argv[i], "--seed") == 0)
            rng_state += strtoull(argv[i + 1], NULL, 10) * 0x9E3779B97F4A7C15u;
        else if (strcmp(argv[i], "--drafts") == 0)
            t.drafts = atoi(argv[i + 1]);
    }
    if (!rubric_path || !t.out || !t.people || !cycles || cycles > 99) {
        fprintf(stderr, "usage: genassess --rubric FILE --people N --cycles K (1-99) --out DIR "
                        "[--seed S] [--drafts PERCENT]\n");
        return 2;
    }
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *r = sw_rubric_load(rubric_path, &errs);
    if (!r) {
        fprintf(stderr, "genassess: cannot load %s\n", rubric_path);
        sw_errors_release(&errs);
        return 1;
    }
    t.r = r;
    int rc = sw_mkdirs(t.out, &errs) < 0 || generate(&t, cycles) < 0 ? 3 : 0;
    sw_rubric_free(r);
    sw_errors_release(&errs);
    return rc;
}
