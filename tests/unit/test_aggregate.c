#include "unit.h"
#include "mini.h"

#include <stdio.h>
#include <string.h>

#include "aggregate.h"
#include "rubric.h"
#include "scorecard.h"


/* Adds a scorecard of rubric r built from its parts; returns sw_aggregate_add's result. */
static int add(struct sw_aggregate *a, const char *path, const char *candidate,
               const char *interview, const char *interviewer, const char *level,
               const char *status, const char *body, struct sw_errors *errs)
{
    char text[4096], level_attr[64] = "";
    if (level)
        snprintf(level_attr, sizeof level_attr, " level='%s'", level);
    snprintf(text, sizeof text,
             "<scorecard xmlns='urn:scorewheel:scorecard:1' rubric='%s' candidate='%s' "
             "interview='%s' interviewer='%s'%s status='%s'>\n%s\n</scorecard>",
             a->rubric->id, candidate, interview, interviewer, level_attr, status, body);
    struct sw_scorecard *s = sw_scorecard_parse(a->rubric, text, strlen(text), path, errs);
    assert_non_null(s);
    int rc = sw_aggregate_add(a, s, errs);
    sw_scorecard_free(s);
    return rc;
}

#define DESIGN 0
#define CODING 1
#define MENTORING 2
#define INFLUENCE 3

static void test_aggregate_rule1_weights_and_direct_ratings(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_aggregate *a = sw_aggregate_new(mini);
    /* t1 measures design (weight 2) and coding (1); t2 coding; a direct coding rating.
     * design = 2*4 / 2 = 4; coding = (1*4 + 1*2 + 1*5) / 3 = 11/3. */
    add(a, "1.xml", "c", "tech", "ann", "mid", "submitted",
        "<rating question='t1' value='4'/><rating question='t2' value='2'/>"
        "<rating competency='coding' value='5'/>", &errs);
    /* l2 measures influence (3) and design (0.5); a direct design rating.
     * design = (0.5*3 + 1*5) / 1.5 = 6.5/1.5; influence = 3*3 / 3 = 3;
     * l1 has no value: mentoring stays undefined. */
    add(a, "2.xml", "c", "lead", "bob", "mid", "submitted",
        "<rating question='l1'/><rating question='l2' value='3'/>"
        "<rating competency='design' value='5'/>", &errs);
    assert_int_equal(0, sw_aggregate_finish(a, -1, &errs));
    assert_close(4, a->cards[0].scores[DESIGN]);
    assert_close(11.0 / 3.0, a->cards[0].scores[CODING]);
    assert_null_number(a->cards[0].scores[MENTORING]);
    assert_close(6.5 / 1.5, a->cards[1].scores[DESIGN]);
    assert_close(3, a->cards[1].scores[INFLUENCE]);
    assert_null_number(a->cards[1].scores[MENTORING]);
    assert_int_equal(0, errs.count);
    sw_aggregate_free(a);
    sw_errors_release(&errs);
}

static void test_aggregate_rule2_stats_even_median_and_single(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_aggregate *a = sw_aggregate_new(mini);
    /* Direct design ratings 2, 5, 3, 4: n 4, mean 3.5, median (3 + 4) / 2 = 3.5,
     * min 2, max 5, sd = sqrt((1.5^2 + 1.5^2 + 0.5^2 + 0.5^2) / 3) = sqrt(5/3).
     * Coding is rated once: n 1, sd null. */
    const char *v[] = { "2", "5", "3", "4" };
    const char *who[] = { "a", "b", "c", "d" };
    for (int i = 0; i < 4; i++) {
        char body[128];
        snprintf(body, sizeof body, "<rating competency='design' value='%s'/>%s", v[i],
                 i == 0 ? "<rating competency='coding' value='4.5'/>" : "");
        add(a, "x.xml", "c", "tech", who[i], "mid", "submitted", body, &errs);
    }
    sw_aggregate_finish(a, -1, &errs);
    const struct sw_competency_stats *d = &a->candidates[0].competencies[DESIGN];
    assert_int_equal(4, d->n);
    assert_close(3.5, d->mean);
    assert_close(3.5, d->median);
    assert_close(2, d->min);
    assert_close(5, d->max);
    assert_close(1.2909944487358056, d->sd);    /* sqrt(5/3) */
    assert_close(3, d->target);
    assert_close(0.5, d->gap);
    assert_int_equal(SW_FLAG_DISAGREEMENT, d->flags);    /* 5 - 2 >= 2 */
    const struct sw_competency_stats *c = &a->candidates[0].competencies[CODING];
    assert_int_equal(1, c->n);
    assert_close(4.5, c->median);
    assert_null_number(c->sd);
    const struct sw_competency_stats *m = &a->candidates[0].competencies[MENTORING];
    assert_int_equal(0, m->n);
    assert_null_number(m->mean);
    assert_null_number(m->gap);
    assert_close(2.5, m->target);
    assert_int_equal(SW_FLAG_UNASSESSED, m->flags);
    sw_aggregate_free(a);
    sw_errors_release(&errs);
}

static void test_aggregate_rules3_4_pillars_overall_shortfall(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_aggregate *a = sw_aggregate_new(mini);
    /* senior targets: design 4, coding 4, mentoring 3.5, influence 3.5.
     * means: design 3, coding 5, mentoring 2, influence unassessed.
     * craft = (3 + 5) / 2 = 4; people = 2; overall = (3 + 5 + 2) / 3 = 10/3.
     * gaps: -1, +1, -1.5: shortfall = (1 + 1.5) / 3 = 2.5/3.
     * below-target (gap <= -1): design and mentoring. */
    add(a, "1.xml", "c", "tech", "ann", "senior", "submitted",
        "<rating competency='design' value='3'/><rating competency='coding' value='5'/>"
        "<rating competency='mentoring' value='2'/>", &errs);
    sw_aggregate_finish(a, -1, &errs);
    const struct sw_candidate *c = &a->candidates[0];
    assert_close(4, c->pillars[0]);
    assert_close(2, c->pillars[1]);
    assert_close(10.0 / 3.0, c->overall);
    assert_close(2.5 / 3.0, c->shortfall);
    assert_int_equal(3, c->assessed);
    assert_int_equal(2, c->below_target);
    assert_int_equal(SW_FLAG_BELOW_TARGET, c->competencies[DESIGN].flags);
    assert_int_equal(0, c->competencies[CODING].flags);
    assert_int_equal(1, sw_rubric_level(mini, "senior"));
    assert_int_equal(1, c->level);
    /* one scorecard < min-scorecards 2 */
    assert_int_equal(SW_DECISION_INSUFFICIENT_EVIDENCE, c->decision);
    sw_aggregate_free(a);
    sw_errors_release(&errs);
}

/* Two submitted scorecards for candidate `id` rating every competency except
 * as told; `extra` is added to the second one. */
static void two_cards(struct sw_aggregate *a, const char *id, const char *level, const char *v1,
                      const char *v2, const char *rec2, struct sw_errors *errs)
{
    char body[512];
    snprintf(body, sizeof body, "<rating competency='design' value='%s'/>"
             "<rating competency='coding' value='%s'/><rating competency='mentoring' "
             "value='%s'/><recommendation value='hire'/>", v1, v1, v1);
    add(a, "1.xml", id, "tech", "ann", level, "submitted", body, errs);
    snprintf(body, sizeof body, "<rating competency='design' value='%s'/>"
             "<rating competency='coding' value='%s'/><rating competency='mentoring' "
             "value='%s'/><recommendation value='%s'/>", v2, v2, v2, rec2);
    add(a, "2.xml", id, "lead", "bob", level, "submitted", body, errs);
}

static void test_aggregate_rule6_every_decision_in_order(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_aggregate *a = sw_aggregate_new(mini);
    /* mid: hire-bar 3, targets 3, 3.5, 2.5, 2.5; policy: 2 scorecards, 3 competencies,
     * at most 1 below target, strong-no-hire vetoes. */
    two_cards(a, "a-no-level", NULL, "5", "5", "strong-no-hire", &errs); /* no level first */
    add(a, "3.xml", "b-thin", "tech", "ann", "mid", "submitted",
        "<rating competency='design' value='5'/>", &errs);                /* 1 scorecard */
    two_cards(a, "c-veto", "mid", "5", "5", "strong-no-hire", &errs);    /* veto beats 5s */
    two_cards(a, "d-hire", "mid", "3.5", "3", "hire", &errs);
    /* overall (3.25 + 3.25 + 3.25) / 3 = 3.25 >= 3; gaps +0.25, -0.25, +0.75: none below */
    two_cards(a, "e-low", "mid", "3", "2.5", "hire", &errs);
    /* means 2.75: overall 2.75 < 3 */
    two_cards(a, "f-gaps", "mid", "5", "1", "hire", &errs);
    /* means 3; gaps 0, -0.5, +0.5 but design/coding/mentoring... all 3: hire-bar 3 met,
     * below-target none -> hire? no: see below, coding gap -0.5 > -1. */
    sw_aggregate_finish(a, -1, &errs);
    assert_int_equal(0, errs.count);
    assert_int_equal(SW_DECISION_NO_LEVEL, a->candidates[0].decision);
    assert_int_equal(SW_DECISION_INSUFFICIENT_EVIDENCE, a->candidates[1].decision);
    assert_int_equal(SW_DECISION_NO_HIRE, a->candidates[2].decision);
    assert_int_equal(SW_DECISION_HIRE, a->candidates[3].decision);
    assert_close(3.25, a->candidates[3].overall);
    assert_int_equal(SW_DECISION_NO_HIRE, a->candidates[4].decision);
    assert_close(2.75, a->candidates[4].overall);
    assert_int_equal(SW_DECISION_HIRE, a->candidates[5].decision);
    assert_int_equal(SW_FLAG_DISAGREEMENT, a->candidates[5].competencies[DESIGN].flags);
    sw_aggregate_free(a);
    sw_errors_release(&errs);
}

static void test_aggregate_rule6_too_many_gaps_and_coverage(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_aggregate *a = sw_aggregate_new(mini);
    /* senior (bar 3.5; targets 4, 4, 3.5, 3.5): design 2.5 and coding 2.5 are each
     * 1.5 below; mentoring 5 and influence 5. overall = (2.5+2.5+5+5)/4 = 3.75 >= 3.5
     * but 2 below-target > max-gaps 1: no-hire. */
    const char *body = "<rating competency='design' value='2.5'/><rating competency='coding' "
                       "value='2.5'/><rating competency='mentoring' value='5'/>"
                       "<rating competency='influence' value='5'/>";
    add(a, "1.xml", "g", "tech", "ann", "senior", "submitted", body, &errs);
    add(a, "2.xml", "g", "lead", "bob", "senior", "submitted", body, &errs);
    /* two scorecards but only design and coding assessed: coverage 2 < 3 */
    add(a, "3.xml", "h", "tech", "ann", "senior", "submitted",
        "<rating question='t1' value='5'/>", &errs);
    add(a, "4.xml", "h", "lead", "bob", "senior", "submitted",
        "<rating competency='coding' value='5'/>", &errs);
    sw_aggregate_finish(a, -1, &errs);
    assert_close(3.75, a->candidates[0].overall);
    assert_int_equal(2, a->candidates[0].below_target);
    assert_int_equal(SW_DECISION_NO_HIRE, a->candidates[0].decision);
    assert_int_equal(2, a->candidates[1].assessed);
    assert_int_equal(SW_DECISION_INSUFFICIENT_EVIDENCE, a->candidates[1].decision);
    sw_aggregate_free(a);
    sw_errors_release(&errs);
}

static void test_aggregate_rule7_archetype_and_balanced_threshold(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_aggregate *a = sw_aggregate_new(mini);
    /* craft 3.5, people 3.0: d = (+0.25, -0.25); max|d| 0.25 is not < 0.25: Builder
     * (centred emphasis (0.5, -0.5), cosine 1). */
    add(a, "1.xml", "p", "tech", "ann", "mid", "submitted",
        "<rating competency='design' value='3.5'/><rating competency='mentoring' value='3'/>",
        &errs);
    /* craft 3.0, people 3.5: d = (-0.25, 0.25): Leader. */
    add(a, "2.xml", "q", "tech", "ann", "mid", "submitted",
        "<rating competency='design' value='3'/><rating competency='mentoring' value='3.5'/>",
        &errs);
    /* craft 3, people 3: d = 0 < 0.25: Balanced (the archetype without emphasis). */
    add(a, "3.xml", "r", "tech", "ann", "mid", "submitted",
        "<rating competency='design' value='3'/><rating competency='mentoring' value='3'/>",
        &errs);
    /* people unassessed: no archetype. */
    add(a, "4.xml", "s", "tech", "ann", "mid", "submitted",
        "<rating competency='design' value='3'/>", &errs);
    sw_aggregate_finish(a, -1, &errs);
    assert_int_equal(0, a->candidates[0].archetype);
    assert_int_equal(1, a->candidates[1].archetype);
    assert_int_equal(2, a->candidates[2].archetype);
    assert_int_equal(-1, a->candidates[3].archetype);
    sw_aggregate_free(a);
    sw_errors_release(&errs);
}

static void test_aggregate_rule7_ties_go_to_first_in_document_order(void **state)
{
    (void)state;
    /* Three pillars; "strong" and "mild" emphasise pillar x by 2 and 1: their centred
     * vectors (4/3, -2/3, -2/3) and (2/3, -1/3, -1/3) have the same direction, so the
     * same cosine with any d: the first in document order wins. */
    const char *text =
        "<rubric xmlns='urn:scorewheel:rubric:1' id='tri' version='1' name='T'>"
        "<scale min='0' max='10' step='1'/>"
        "<pillar id='x' name='X'><competency id='cx' name='CX'/></pillar>"
        "<pillar id='y' name='Y'><competency id='cy' name='CY'/></pillar>"
        "<pillar id='z' name='Z'><competency id='cz' name='CZ'/></pillar>"
        "<archetype id='strong' name='S'><emphasis pillar='x' value='2'/></archetype>"
        "<archetype id='mild' name='M'><emphasis pillar='x' value='1'/></archetype>"
        "<archetype id='zed' name='Z'><emphasis pillar='z' value='1'/></archetype>"
        "<interview id='i' name='I'><question id='q'><text>?</text>"
        "<measures competency='cx'/></question></interview></rubric>";
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *r = sw_rubric_parse(text, strlen(text), "tri.xml", &errs);
    assert_non_null(r);
    struct sw_aggregate *a = sw_aggregate_new(r);
    add(a, "1.xml", "k", "i", "ann", NULL, "submitted",
        "<rating competency='cx' value='9'/><rating competency='cy' value='2'/>"
        "<rating competency='cz' value='4'/>", &errs);
    sw_aggregate_finish(a, -1, &errs);
    assert_int_equal(0, a->candidates[0].archetype);
    assert_int_equal(SW_DECISION_NO_LEVEL, a->candidates[0].decision);
    assert_null_number(a->candidates[0].shortfall);
    sw_aggregate_free(a);
    sw_rubric_free(r);
    sw_errors_release(&errs);
}

static void test_aggregate_rule4_level_mismatch_and_override(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_aggregate *a = sw_aggregate_new(mini);
    add(a, "one.xml", "m", "tech", "ann", "mid", "submitted",
        "<rating competency='design' value='3'/>", &errs);
    add(a, "two.xml", "m", "lead", "bob", "senior", "submitted",
        "<rating competency='design' value='3'/>", &errs);
    assert_int_equal(-1, sw_aggregate_finish(a, -1, &errs));
    assert_int_equal(1, errs.count);
    assert_string_equal("two.xml", errs.items[0].file);
    assert_string_equal("candidate 'm' is assessed for level 'senior' here but 'mid' in one.xml "
                        "(choose one with --level)", errs.items[0].message);
    assert_int_equal(-1, a->candidates[0].level);
    assert_int_equal(SW_DECISION_NO_LEVEL, a->candidates[0].decision);
    sw_aggregate_free(a);
    sw_errors_release(&errs);

    sw_errors_init(&errs);
    a = sw_aggregate_new(mini);
    add(a, "one.xml", "m", "tech", "ann", "mid", "submitted",
        "<rating competency='design' value='3'/>", &errs);
    add(a, "two.xml", "m", "lead", "bob", "senior", "submitted",
        "<rating competency='design' value='3'/>", &errs);
    assert_int_equal(0, sw_aggregate_finish(a, 1, &errs));     /* --level senior */
    assert_int_equal(1, a->candidates[0].level);
    assert_close(-1, a->candidates[0].competencies[DESIGN].gap);
    sw_aggregate_free(a);
    sw_errors_release(&errs);
}

static void test_aggregate_rule5_drafts_pending_tally_interviewers(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_aggregate *a = sw_aggregate_new(mini);
    add(a, "1.xml", "d", "tech", "zed", "mid", "submitted",
        "<rating competency='design' value='4'/><recommendation value='strong-hire'/>", &errs);
    add(a, "2.xml", "d", "lead", "amy", "mid", "draft",
        "<candidate-name>Dee</candidate-name><rating competency='design' value='1'/>"
        "<recommendation value='strong-no-hire'/>", &errs);
    add(a, "3.xml", "d", "lead", "kim", "mid", "submitted",
        "<candidate-name>Dee Two</candidate-name><rating competency='design' value='2'/>",
        &errs);
    sw_aggregate_finish(a, -1, &errs);
    const struct sw_candidate *c = &a->candidates[0];
    assert_int_equal(2, c->scorecards);
    assert_int_equal(1, c->pending);
    assert_int_equal(1, c->recommendations[SW_REC_STRONG_HIRE]);
    assert_int_equal(0, c->recommendations[SW_REC_STRONG_NO_HIRE]);   /* the draft's */
    assert_int_equal(2, c->n_interviewers);
    assert_string_equal("kim", a->interviewers[c->interviewers[0]]);  /* sorted by id */
    assert_string_equal("zed", a->interviewers[c->interviewers[1]]);
    assert_int_equal(2, c->competencies[DESIGN].n);                   /* not the draft's 1 */
    assert_close(3, c->competencies[DESIGN].mean);
    assert_string_equal("Dee", c->name);                              /* the first found */
    sw_aggregate_free(a);
    sw_errors_release(&errs);
}

static void test_aggregate_duplicate_scorecard_names_both_files(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_aggregate *a = sw_aggregate_new(mini);
    assert_int_equal(0, add(a, "first.xml", "c", "tech", "ann", "mid", "submitted", "", &errs));
    assert_int_equal(0, add(a, "draft.xml", "c", "tech", "ann", "mid", "draft", "", &errs));
    assert_int_equal(-1, add(a, "again.xml", "c", "tech", "ann", "mid", "submitted", "", &errs));
    assert_int_equal(1, errs.count);
    assert_string_equal("again.xml", errs.items[0].file);
    assert_int_equal(1, errs.items[0].line);
    assert_string_equal("a second submitted scorecard for candidate 'c', interview 'tech', "
                        "interviewer 'ann': the other is first.xml", errs.items[0].message);
    assert_int_equal(2, a->n_cards);
    sw_aggregate_free(a);
    sw_errors_release(&errs);
}

/* Many scorecards for one candidate (the set of cards grows past its first
 * size and is rebuilt): every duplicate is still found, among many
 * candidates too, the cards stay chained in the order added, and after
 * finish (which renumbers candidates and interviewers) duplicates are still
 * refused. */
static void test_aggregate_duplicates_among_many_scorecards(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_aggregate *a = sw_aggregate_new(mini);
    char who[32], path[64], cand[32];
    for (int i = 0; i < 600; i++) {
        snprintf(who, sizeof who, "iv-%03d", 599 - i);
        snprintf(path, sizeof path, "one/%d.xml", i);
        assert_int_equal(0, add(a, path, "c-one", i % 2 ? "lead" : "tech", who, "mid",
                                "submitted", "", &errs));
        snprintf(cand, sizeof cand, "c-%03d", i);
        assert_int_equal(0, add(a, "other.xml", cand, "tech", who, "mid", "submitted", "",
                                &errs));
    }
    assert_int_equal(0, errs.count);
    assert_int_equal(-1, add(a, "again.xml", "c-one", "lead", "iv-000", "mid", "submitted", "",
                             &errs));
    assert_int_equal(0, add(a, "lead-draft.xml", "c-one", "lead", "iv-000", "mid", "draft", "",
                            &errs));
    assert_int_equal(0, add(a, "tech.xml", "c-one", "tech", "iv-000", "mid", "submitted", "",
                            &errs));
    assert_int_equal(1, errs.count);
    assert_string_equal("a second submitted scorecard for candidate 'c-one', interview 'lead', "
                        "interviewer 'iv-000': the other is one/599.xml", errs.items[0].message);
    long one = sw_aggregate_candidate(a, "c-one");
    assert_true(one >= 0);
    size_t k = a->candidates[one].first_card, n = 0;
    for (; k != SIZE_MAX; k = a->card_next[k], n++)
        if (n < 600) {
            snprintf(path, sizeof path, "one/%zu.xml", n);
            assert_string_equal(path, a->cards[k].path);
        }
    assert_int_equal(602, n);
    assert_int_equal(0, sw_aggregate_finish(a, -1, &errs));
    assert_int_equal(-1, add(a, "late.xml", "c-200", "tech", "iv-399", "mid", "submitted", "",
                             &errs));
    assert_int_equal(2, errs.count);
    assert_string_equal("a second submitted scorecard for candidate 'c-200', interview 'tech', "
                        "interviewer 'iv-399': the other is other.xml", errs.items[1].message);
    sw_aggregate_free(a);
    sw_errors_release(&errs);
}

static void test_aggregate_sort_orders_nulls_last_ties_by_id(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_aggregate *a = sw_aggregate_new(mini);
    add(a, "1.xml", "c3", "tech", "ann", "mid", "submitted",
        "<candidate-name>Zoe</candidate-name><rating competency='design' value='4'/>", &errs);
    add(a, "2.xml", "c1", "tech", "ann", "mid", "submitted",
        "<candidate-name>Ann</candidate-name><rating competency='design' value='2'/>", &errs);
    add(a, "3.xml", "c2", "tech", "ann", "mid", "draft", "", &errs);    /* overall null */
    add(a, "4.xml", "c0", "tech", "ann", "mid", "submitted",
        "<rating competency='design' value='4'/>", &errs);
    sw_aggregate_finish(a, -1, &errs);
    size_t order[4];
    /* ids sorted: c0 c1 c2 c3 = indices 0 1 2 3 */
    sw_aggregate_sort(a, SW_SORT_OVERALL, order);        /* 4 (c0), 4 (c3), 2, null */
    size_t overall[] = { 0, 3, 1, 2 };
    assert_memory_equal(overall, order, sizeof order);
    sw_aggregate_sort(a, SW_SORT_SHORTFALL, order);      /* 0, 0, 1/1, null */
    size_t shortfall[] = { 0, 3, 1, 2 };
    assert_memory_equal(shortfall, order, sizeof order);
    sw_aggregate_sort(a, SW_SORT_NAME, order);           /* Ann, Zoe, then no names by id */
    size_t name[] = { 1, 3, 0, 2 };
    assert_memory_equal(name, order, sizeof order);
    assert_int_equal(2, sw_aggregate_candidate(a, "c2"));
    assert_int_equal(-1, sw_aggregate_candidate(a, "nobody"));
    sw_aggregate_free(a);
    sw_errors_release(&errs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_aggregate_rule1_weights_and_direct_ratings),
        cmocka_unit_test(test_aggregate_rule2_stats_even_median_and_single),
        cmocka_unit_test(test_aggregate_rules3_4_pillars_overall_shortfall),
        cmocka_unit_test(test_aggregate_rule6_every_decision_in_order),
        cmocka_unit_test(test_aggregate_rule6_too_many_gaps_and_coverage),
        cmocka_unit_test(test_aggregate_rule7_archetype_and_balanced_threshold),
        cmocka_unit_test(test_aggregate_rule7_ties_go_to_first_in_document_order),
        cmocka_unit_test(test_aggregate_rule4_level_mismatch_and_override),
        cmocka_unit_test(test_aggregate_rule5_drafts_pending_tally_interviewers),
        cmocka_unit_test(test_aggregate_duplicate_scorecard_names_both_files),
        cmocka_unit_test(test_aggregate_duplicates_among_many_scorecards),
        cmocka_unit_test(test_aggregate_sort_orders_nulls_last_ties_by_id),
    };
    return cmocka_run_group_tests_name("aggregate", tests, mini_setup, mini_teardown);
}
