/*
 * gencards - writes N realistic scorecards for a rubric, deterministic by seed.
 *
 *   gencards --rubric FILE --count N --out DIR [--seed S] [--drafts PERCENT]
 *            [--evidence MIN-MAX] [--interviewers N]
 *
 * Candidates get 4 to 6 interviews each (distinct interviews while the rubric
 * has enough), every question rated; each candidate has a hidden ability per
 * competency, each interviewer a leniency, and every rating is ability +
 * leniency + noise rounded to the scale's step. Evidence paragraphs are MIN to
 * MAX bytes (default 200-800); interviewers N (default count / 40 + 8).
 * Files: DIR/CANDIDATE/INTERVIEW--INTERVIEWER.xml. Used by the CLI tests
 * (small N) and `make bench` (20,000 and 100,000).
 */
#include <errno.h>
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

static const char *const first_names[] = {
    "Ada", "Grace", "Alan", "Katherine", "Linus", "Barbara", "Edsger", "Frances", "Donald",
    "Margaret", "Ken", "Radia", "Dennis", "Hedy", "Tim", "Shafi", "Niklaus", "Sophie",
    "Chen", "Aiyana", "José", "Zoë", "Mateus", "Ingrid", "Kwame", "Priya", "Yuki", "Omar",
};
static const char *const last_names[] = {
    "Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Liskov", "Dijkstra", "Allen",
    "Knuth", "Hamilton", "Thompson", "Perlman", "Ritchie", "Lamarr", "Berners-Lee",
    "Goldwasser", "Wirth", "Wilson", "Wei", "Begay", "García", "O'Brien", "Müller", "Mensah",
};
static const char *const words[] = {
    "the", "candidate", "described", "how", "they", "led", "a", "migration", "across",
    "three", "teams", "and", "tracked", "risks", "weekly", "with", "clear", "owners",
    "when", "the", "launch", "slipped", "escalated", "early", "to", "leadership", "trade-offs",
    "between", "scope", "and", "schedule", "were", "explained", "using", "data", "from",
    "incident", "reviews", "stakeholders", "aligned", "on", "a", "roadmap", "after",
    "several", "rounds", "of", "feedback", "metrics", "improved", "by", "20%", "&", "latency",
    "<", "budget", "dependencies", "were", "mapped", "before", "kickoff", "so", "surprises",
    "stayed", "small", "mentored", "two", "junior", "engineers", "through", "design", "docs",
};

struct gen {
    const struct sw_rubric *r;
    const char *out;
    int drafts_percent;
    size_t evidence_min, evidence_max;
    size_t n_interviewers;
    double *leniency;
};

static void evidence(struct sw_buf *b, size_t min, size_t max)
{
    size_t target = min + (max > min ? pick(max - min + 1) : 0);
    size_t start = b->len;
    int capital = 1;
    while (b->len - start < target) {
        const char *w = words[pick(sizeof words / sizeof words[0])];
        if (b->len > start)
            sw_buf_addc(b, ' ');
        if (capital && w[0] >= 'a' && w[0] <= 'z') {
            sw_buf_addc(b, (char)(w[0] - 'a' + 'A'));
            sw_buf_add_xml(b, w + 1);
        } else {
            sw_buf_add_xml(b, w);
        }
        capital = pick(9) == 0;
        if (capital)
            sw_buf_addc(b, '.');
    }
    sw_buf_addc(b, '.');
}

static double on_scale(const struct sw_scale *s, double v)
{
    double steps = round((v - s->min) / s->step);
    double x = s->min + steps * s->step;
    return x < s->min ? s->min : x > s->max ? s->max : x;
}

static const char *recommend(double mean, const struct sw_scale *s)
{
    double f = (mean - s->min) / (s->max - s->min);
    return f >= 0.78 ? "strong-hire" : f >= 0.55 ? "hire" : f >= 0.35 ? "no-hire"
                                                                       : "strong-no-hire";
}

static int write_card(struct gen *g, size_t cand, const char *name, const double *ability,
                      size_t interview, size_t interviewer, size_t level)
{
    const struct sw_rubric *r = g->r;
    const struct sw_interview *iv = &r->interviews[interview];
    int draft = (int)pick(100) < g->drafts_percent;
    struct sw_buf b = SW_BUF_INIT;
    sw_buf_addf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<scorecard xmlns=\"urn:scorewheel:scorecard:1\" rubric=\"%s\" "
                    "candidate=\"c-%06zu\" interview=\"%s\" interviewer=\"iv-%03zu\" "
                    "level=\"%s\" status=\"%s\"",
                r->id, cand, iv->id, interviewer, r->levels[level].id,
                draft ? "draft" : "submitted");
    if (!draft)
        sw_buf_addf(&b, " submitted=\"2026-%02zu-%02zuT%02zu:%02zu:00Z\"", 1 + pick(12),
                    1 + pick(28), 8 + pick(10), pick(60));
    sw_buf_adds(&b, ">\n  <candidate-name>");
    sw_buf_add_xml(&b, name);
    sw_buf_adds(&b, "</candidate-name>\n");
    double sum = 0;
    for (size_t q = iv->first; q < iv->first + iv->count; q++) {
        const struct sw_question *qu = &r->questions[q];
        double truth = 0, w = 0;
        for (size_t m = 0; m < qu->n_measures; m++) {
            truth += qu->measures[m].weight * ability[qu->measures[m].competency];
            w += qu->measures[m].weight;
        }
        double spread = (r->scale.max - r->scale.min) / 8;
        double v = on_scale(&r->scale, truth / w + g->leniency[interviewer] +
                                           normal() * spread * 0.6);
        sum += v;
        sw_buf_addf(&b, "  <rating question=\"%s\" value=\"%g\"><evidence>", qu->id, v);
        evidence(&b, g->evidence_min, g->evidence_max);
        sw_buf_adds(&b, "</evidence></rating>\n");
    }
    sw_buf_addf(&b, "  <recommendation value=\"%s\"/>\n  <notes>",
                recommend(iv->count ? sum / (double)iv->count : 0, &r->scale));
    evidence(&b, g->evidence_min / 2, g->evidence_max / 2);
    sw_buf_adds(&b, "</notes>\n</scorecard>\n");

    char dir[4096], path[4200];
    snprintf(dir, sizeof dir, "%s/c-%06zu", g->out, cand);
    snprintf(path, sizeof path, "%s/%s--iv-%03zu.xml", dir, iv->id, interviewer);
    return gen_write("gencards", dir, path, &b);
}

/* Writes one candidate's 4 to 6 scorecards; returns how many, or -1. */
static int candidate(struct gen *g, size_t cand, size_t budget)
{
    const struct sw_rubric *r = g->r;
    size_t k = 4 + pick(3);
    if (k > budget)
        k = budget;
    double mid = (r->scale.min + r->scale.max) / 2, spread = (r->scale.max - r->scale.min) / 4;
    double base = mid + normal() * spread * 0.5;
    double *ability = malloc(r->n_competencies * sizeof *ability);
    if (!ability)
        return -1;
    for (size_t p = 0; p < r->n_pillars; p++) {
        double tilt = normal() * spread * 0.4;
        for (size_t c = r->pillars[p].first; c < r->pillars[p].first + r->pillars[p].count; c++)
            ability[c] = base + tilt + normal() * spread * 0.25;
    }
    char name[128];
    snprintf(name, sizeof name, "%s %s", first_names[pick(sizeof first_names / sizeof first_names[0])],
             last_names[pick(sizeof last_names / sizeof last_names[0])]);
    size_t level = pick(r->n_levels);
    size_t used_interviewers[8];
    int rc = 0;
    for (size_t i = 0; i < k && rc == 0; i++) {
        size_t interview = r->n_interviews >= k ? (cand + i) % r->n_interviews
                                                : pick(r->n_interviews);
        size_t who;
        int again;
        do {    /* a distinct interviewer per scorecard of this candidate */
            who = pick(g->n_interviewers);
            again = 0;
            for (size_t j = 0; j < i; j++)
                again |= used_interviewers[j] == who;
        } while (again && g->n_interviewers > k);
        used_interviewers[i] = who;
        rc = write_card(g, cand, name, ability, interview, who, level);
    }
    free(ability);
    return rc < 0 ? -1 : (int)k;
}

static void usage(void)
{
    fprintf(stderr, "usage: gencards --rubric FILE --count N --out DIR [--seed S] "
                    "[--drafts PERCENT] [--evidence MIN-MAX] [--interviewers N]\n");
}

int main(int argc, char **argv)
{
    const char *rubric_path = NULL, *out = NULL;
    size_t count = 0, interviewers = 0;
    uint64_t seed = 42;
    struct gen g = { NULL, NULL, 5, 200, 800, 0, NULL };
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--rubric") == 0)
            rubric_path = argv[i + 1];
        else if (strcmp(argv[i], "--count") == 0)
            count = strtoul(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--out") == 0)
            out = argv[i + 1];
        else if (strcmp(argv[i], "--seed") == 0)
            seed = strtoull(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--interviewers") == 0)
            interviewers = strtoul(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--drafts") == 0)
            g.drafts_percent = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--evidence") == 0 &&
                 sscanf(argv[i + 1], "%zu-%zu", &g.evidence_min, &g.evidence_max) == 2)
            ;
        else
            return usage(), 2;
    }
    if (!rubric_path || !out || !count || argc % 2 == 0)
        return usage(), 2;
    rng_state = seed * 0x9E3779B97F4A7C15u + 1;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *r = sw_rubric_load(rubric_path, &errs);
    if (!r || r->n_levels == 0 || r->n_interviews == 0) {
        fprintf(stderr, "gencards: %s: cannot use this rubric\n", rubric_path);
        return 1;
    }
    g.r = r;
    g.out = out;
    g.n_interviewers = interviewers ? interviewers : count / 40 + 8;
    g.leniency = malloc(g.n_interviewers * sizeof *g.leniency);
    int rc = !g.leniency || sw_mkdirs(out, &errs) < 0 ? 3 : 0;
    for (size_t i = 0; rc == 0 && i < g.n_interviewers; i++)
        g.leniency[i] = normal() * (r->scale.max - r->scale.min) / 16;
    size_t written = 0;
    for (size_t cand = 1; rc == 0 && written < count; cand++) {
        int n = candidate(&g, cand, count - written);
        if (n < 0)
            rc = 3;
        else
            written += (size_t)n;
    }
    free(g.leniency);
    sw_rubric_free(r);
    sw_errors_release(&errs);
    return rc;
}
