#include "unit.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "aggregate.h"
#include "rubric.h"
#include "rubric_text.h"

#define MINI "tests/fixtures/rubrics/mini.xml"

static struct sw_rubric *load_ok(const char *path)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *r = sw_rubric_load(path, &errs);
    assert_int_equal(0, errs.count);
    assert_non_null(r);
    sw_errors_release(&errs);
    return r;
}

/* Parses `text` as a rubric that must fail; returns the first message, line in *line. */
static char *first_error(const char *text, int *line, size_t *count)
{
    static char message[512];
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *r = sw_rubric_parse(text, strlen(text), "t.xml", &errs);
    assert_null(r);
    assert_true(errs.count > 0);
    snprintf(message, sizeof message, "%s", errs.items[0].message);
    *line = errs.items[0].line;
    *count = errs.count;
    sw_errors_release(&errs);
    return message;
}

static void test_rubric_loads_structure(void **state)
{
    (void)state;
    struct sw_rubric *r = load_ok(MINI);
    assert_string_equal("mini", r->id);
    assert_string_equal("2", r->version);
    assert_int_equal(2, r->n_pillars);
    assert_int_equal(4, r->n_competencies);
    assert_int_equal(2, r->pillars[1].first);
    assert_int_equal(2, r->pillars[1].count);
    assert_int_equal(SW_HALF_LEADERSHIP, r->pillars[1].half);
    assert_int_equal(1, r->competencies[3].pillar);
    assert_string_equal("Shapes systems.", r->competencies[0].description);
    assert_int_equal(3, r->competencies[0].n_indicators);
    assert_string_equal("Sets direction.", r->competencies[0].indicators[2].text);
    assert_string_equal("", r->competencies[1].description);
    assert_int_equal(3, r->scale.n_anchors);
    assert_string_equal("On Track", sw_scale_anchor_label(&r->scale, 3));
    assert_null(sw_scale_anchor_label(&r->scale, 2));
    sw_rubric_free(r);
}

static void test_rubric_levels_questions_archetypes(void **state)
{
    (void)state;
    struct sw_rubric *r = load_ok(MINI);
    assert_int_equal(1, sw_rubric_level(r, "senior"));
    assert_close(3.5, r->levels[1].hire_bar);
    assert_close(3.5, r->levels[0].targets[1]);
    assert_int_equal(4, r->n_questions);
    const struct sw_question *t1 = &r->questions[sw_rubric_question(r, "t1")];
    assert_int_equal(2, t1->n_measures);
    assert_close(2, t1->measures[0].weight);
    assert_close(1, t1->measures[1].weight);      /* the default weight */
    assert_int_equal(1, r->questions[3].interview);
    assert_int_equal(2, r->interviews[1].first);
    assert_int_equal(30, r->interviews[1].minutes);
    assert_int_equal(0, r->archetypes[2].has_emphasis);
    assert_close(1, r->archetypes[1].emphasis[1]);
    assert_close(0, r->archetypes[1].emphasis[0]);
    assert_int_equal(-1, sw_rubric_competency(r, "nope"));
    sw_rubric_free(r);
}

static void test_rubric_policy_and_defaults(void **state)
{
    (void)state;
    struct sw_rubric *r = load_ok(MINI);
    assert_int_equal(2, r->policy.min_scorecards);
    assert_int_equal(3, r->policy.min_coverage);
    sw_rubric_free(r);
    const char *text =
        "<rubric xmlns='urn:scorewheel:rubric:1' id='x' version='1' name='X'>"
        "<scale min='0' max='10' step='1'/>"
        "<pillar id='p' name='P'><competency id='a' name='A'/><competency id='b' name='B'/>"
        "</pillar></rubric>";
    struct sw_errors errs;
    sw_errors_init(&errs);
    r = sw_rubric_parse(text, strlen(text), "x.xml", &errs);
    assert_non_null(r);
    assert_int_equal(3, r->policy.min_scorecards);
    assert_int_equal(2, r->policy.min_coverage);     /* every competency */
    assert_close(2, r->policy.disagreement);
    assert_close(1, r->policy.gap);
    assert_int_equal(1, r->policy.max_gaps);
    assert_int_equal(SW_REC_STRONG_NO_HIRE, r->policy.veto);
    assert_close(0.25, r->policy.balanced);
    assert_close(48, r->policy.overdue);
    assert_int_equal(2, r->policy.min_assessors);
    assert_close(1, r->policy.self_gap);
    assert_int_equal(SW_HALF_NONE, r->pillars[0].half);
    sw_rubric_free(r);
    sw_errors_release(&errs);
}

/* Counts past size_t or int were converted out of range (undefined behaviour:
 * fuzz_rubric's UBSan stops on tests/fuzz/regress/rubric/huge-counts.xml).
 * They are capped instead. */
static void test_rubric_huge_counts_are_capped(void **state)
{
    (void)state;
    const char *text =
        "<rubric xmlns='urn:scorewheel:rubric:1' id='x' version='1' name='X'>"
        "<scale min='0' max='10' step='1'/>"
        "<policy min-scorecards='100000000000000000000' max-gaps='999999999999999999999999'/>"
        "<pillar id='p' name='P'><competency id='a' name='A'/></pillar>"
        "<interview id='i' name='I' minutes='99999999999'><question id='q'><text>T</text>"
        "<measures competency='a'/></question></interview></rubric>";
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *r = sw_rubric_parse(text, strlen(text), "x.xml", &errs);
    assert_int_equal(0, errs.count);
    assert_non_null(r);
    assert_true(r->policy.min_scorecards == (size_t)1 << 53);
    assert_true(r->policy.max_gaps == (size_t)1 << 53);
    assert_int_equal(INT_MAX, r->interviews[0].minutes);
    sw_rubric_free(r);
    sw_errors_release(&errs);
}

static void test_rubric_scale_contains(void **state)
{
    (void)state;
    struct sw_scale s = { 1, 5, 0.5, NULL, 0 };
    assert_true(sw_scale_contains(&s, 1));
    assert_true(sw_scale_contains(&s, 3.5));
    assert_true(sw_scale_contains(&s, 5));
    assert_false(sw_scale_contains(&s, 3.25));
    assert_false(sw_scale_contains(&s, 0.5));
    assert_false(sw_scale_contains(&s, 5.5));
    assert_false(sw_scale_contains(&s, NAN));
    struct sw_scale tenths = { 0, 1, 0.1, NULL, 0 };
    assert_true(sw_scale_contains(&tenths, 0.3));   /* 0.3 / 0.1 is 2.9999999999999996 */
}

#define HEAD "<rubric xmlns='urn:scorewheel:rubric:1' id='x' version='1' name='X'>\n"
#define SCALE "<scale min='1' max='5' step='0.5'/>\n"
#define PILLAR "<pillar id='p' name='P'><competency id='a' name='A'/></pillar>\n"

static void test_rubric_rejects_target_off_step(void **state)
{
    (void)state;
    int line;
    size_t n;
    const char *text = HEAD SCALE PILLAR
        "<level id='l' name='L' hire-bar='3'><target competency='a' value='3.3'/></level>\n"
        "</rubric>";
    assert_string_equal("target 3.3 is off the scale's step 0.5", first_error(text, &line, &n));
    assert_int_equal(4, line);
    assert_int_equal(1, n);
}

static void test_rubric_rejects_level_missing_target(void **state)
{
    (void)state;
    int line;
    size_t n;
    const char *text = HEAD SCALE
        "<pillar id='p' name='P'><competency id='a' name='A'/><competency id='b' name='B'/>"
        "</pillar>\n"
        "<level id='l' name='L' hire-bar='3'><target competency='a' value='3'/></level>\n"
        "</rubric>";
    assert_string_equal("level 'l' has no target for competency 'b': every level needs one "
                        "per competency", first_error(text, &line, &n));
    assert_int_equal(4, line);
}

static void test_rubric_rejects_bad_weight_and_reference(void **state)
{
    (void)state;
    int line;
    size_t n;
    const char *text = HEAD SCALE PILLAR
        "<interview id='i' name='I'><question id='q'><text>Q?</text>\n"
        "<measures competency='a' weight='0'/>\n"
        "<measures competency='zz'/></question></interview>\n"
        "</rubric>";
    assert_string_equal("question 'q' weight 0 for 'a' must be above 0",
                        first_error(text, &line, &n));
    assert_int_equal(5, line);
    assert_int_equal(2, n);   /* and the unknown competency on line 6 */
}

static void test_rubric_rejects_duplicate_question_across_interviews(void **state)
{
    (void)state;
    int line;
    size_t n;
    const char *text = HEAD SCALE PILLAR
        "<interview id='i' name='I'><question id='q'><text>Q?</text>"
        "<measures competency='a'/></question></interview>\n"
        "<interview id='j' name='J'><question id='q'><text>Q?</text>"
        "<measures competency='a'/></question></interview>\n"
        "</rubric>";
    assert_string_equal("duplicate question id 'q' (first used on line 4)",
                        first_error(text, &line, &n));
    assert_int_equal(5, line);
}

static void test_rubric_rejects_bad_scale(void **state)
{
    (void)state;
    int line;
    size_t n;
    const char *text = HEAD "<scale min='1' max='5' step='0.3'/>\n" PILLAR "</rubric>";
    assert_string_equal("scale step 0.3 does not divide the range 1 to 5 into whole steps",
                        first_error(text, &line, &n));
    const char *reversed = HEAD "<scale min='5' max='1' step='1'/>\n" PILLAR "</rubric>";
    assert_string_equal("scale max 1 must be above its min 5", first_error(reversed, &line, &n));
}

static void test_rubric_schema_error_names_line(void **state)
{
    (void)state;
    int line;
    size_t n;
    const char *text = HEAD SCALE "<pillar id='p'><competency id='a' name='A'/></pillar>\n"
                       "</rubric>";
    assert_string_equal("element 'pillar': The attribute 'name' is required but missing",
                        first_error(text, &line, &n));
    assert_int_equal(3, line);
}

static void test_rubric_recommendation_names(void **state)
{
    (void)state;
    assert_string_equal("strong-no-hire", sw_recommendation_name(SW_REC_STRONG_NO_HIRE));
    assert_string_equal("strong-hire", sw_recommendation_name(SW_REC_STRONG_HIRE));
    assert_string_equal("", sw_recommendation_name(SW_REC_NONE));
    assert_int_equal(SW_REC_HIRE, sw_recommendation_parse("hire"));
    assert_int_equal(SW_REC_NONE, sw_recommendation_parse("maybe"));
}

static void test_rubric_policy_overdue(void **state)
{
    (void)state;
    const char *text =
        "<rubric xmlns='urn:scorewheel:rubric:1' id='x' version='1' name='X'>"
        "<scale min='0' max='10' step='1'/><policy overdue='%s'/>"
        "<pillar id='p' name='P'><competency id='a' name='A'/></pillar></rubric>";
    char doc[512];
    struct sw_errors errs;
    sw_errors_init(&errs);
    snprintf(doc, sizeof doc, text, "12.5");
    struct sw_rubric *r = sw_rubric_parse(doc, strlen(doc), "x.xml", &errs);
    assert_non_null(r);
    assert_close(12.5, r->policy.overdue);
    sw_rubric_free(r);
    snprintf(doc, sizeof doc, text, "-1");
    r = sw_rubric_parse(doc, strlen(doc), "x.xml", &errs);
    assert_null(r);
    assert_int_equal(1, errs.count);
    assert_string_equal("policy overdue -1 must not be negative (hours)", errs.items[0].message);
    sw_errors_release(&errs);
}

/* The one list of known ids (messages and `rubric --ids`), and the names of
 * sort keys and decisions every front end shares. */
static void test_rubric_ids_sort_keys_decisions(void **state)
{
    (void)state;
    struct sw_rubric *r = load_ok(MINI);
    struct sw_buf b = SW_BUF_INIT;
    assert_int_equal(0, sw_rubric_ids(r, SW_IDS_LEVELS, ", ", &b));
    assert_string_equal("mid, senior", sw_buf_str(&b));
    sw_buf_release(&b);
    assert_int_equal(SW_IDS_QUESTIONS, sw_id_kind_parse("questions"));
    assert_int_equal(-1, sw_id_kind_parse("level"));
    assert_string_equal("archetypes", sw_id_kind_name(SW_IDS_ARCHETYPES));
    assert_int_equal(1, sw_sort_key("shortfall"));
    assert_int_equal(SW_SORT_NAME, sw_sort_keys[sw_sort_key("name")].sort);
    assert_int_equal(-1, sw_sort_key("id"));
    assert_string_equal("Overall", sw_sort_keys[0].label);
    assert_int_equal(SW_DECISION_INSUFFICIENT_EVIDENCE, sw_decision_parse("insufficient-evidence"));
    assert_int_equal(-1, sw_decision_parse("strong-hire"));
    sw_rubric_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rubric_loads_structure),
        cmocka_unit_test(test_rubric_levels_questions_archetypes),
        cmocka_unit_test(test_rubric_policy_and_defaults),
        cmocka_unit_test(test_rubric_policy_overdue),
        cmocka_unit_test(test_rubric_huge_counts_are_capped),
        cmocka_unit_test(test_rubric_scale_contains),
        cmocka_unit_test(test_rubric_rejects_target_off_step),
        cmocka_unit_test(test_rubric_rejects_level_missing_target),
        cmocka_unit_test(test_rubric_rejects_bad_weight_and_reference),
        cmocka_unit_test(test_rubric_rejects_duplicate_question_across_interviews),
        cmocka_unit_test(test_rubric_rejects_bad_scale),
        cmocka_unit_test(test_rubric_schema_error_names_line),
        cmocka_unit_test(test_rubric_recommendation_names),
        cmocka_unit_test(test_rubric_ids_sort_keys_decisions),
    };
    return cmocka_run_group_tests_name("rubric", tests, NULL, NULL);
}
