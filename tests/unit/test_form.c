#include "unit.h"
#include "mini.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "form.h"

/* Errors of the test running (none expected unless it says so). */
static struct sw_errors errs;

static void card_form(struct sw_form *f)
{
    struct sw_scorecard *s = sw_entry_blank(mini, (size_t)sw_rubric_interview(mini, "tech"),
                                            "c-1", "jdoe", -1, NULL, &errs);
    assert_non_null(s);
    sw_form_of_scorecard(f, mini, s);
}

static void assessment_form(struct sw_form *f)
{
    struct sw_assessment *a = sw_assessment_blank(mini, "p-ann", "p-max", SW_REL_MANAGER,
                                                  "2026-h1", -1, NULL, &errs);
    assert_non_null(a);
    sw_form_of_assessment(f, mini, a);
}

static void assert_unrated(const struct sw_form *f, size_t n, const char *ids)
{
    struct sw_buf b = SW_BUF_INIT;
    assert_int_equal(n, sw_form_unrated(f, &b));
    assert_string_equal(ids, sw_buf_str(&b));
    sw_buf_release(&b);
}

static void assert_refused(const struct sw_form *f, const char *why)
{
    struct sw_buf b = SW_BUF_INIT;
    assert_int_equal(-1, sw_form_submit_check(f, &b));
    assert_string_equal(why, sw_buf_str(&b));
    sw_buf_release(&b);
}

/* A scorecard: questions t1 and t2, the recommendation, notes, submission;
 * a draft resumes after its last answer, then at what is missing. */
static void test_form_scorecard_steps_and_resume(void **state)
{
    (void)state;
    sw_errors_init(&errs);
    struct sw_form f;
    card_form(&f);
    assert_int_equal(2, f.n_items);
    assert_int_equal(5, sw_form_steps(&f));
    assert_int_equal(SW_STEP_ITEM, sw_form_step_kind(&f, 1));
    assert_int_equal(SW_STEP_RECOMMENDATION, sw_form_step_kind(&f, 2));
    assert_int_equal(SW_STEP_NOTES, sw_form_step_kind(&f, 3));
    assert_int_equal(SW_STEP_SUBMIT, sw_form_step_kind(&f, 4));
    assert_string_equal("t2", sw_form_item_id(&f, 1));
    assert_int_equal(0, sw_form_resume_step(&f));
    assert_int_equal(0, sw_form_rate(&f, 0, NAN, "said little"));
    assert_int_equal(1, sw_form_resume_step(&f));
    assert_int_equal(0, sw_form_answered(&f));
    assert_int_equal(0, sw_form_rate(&f, 1, 4.5, NULL));
    assert_int_equal(2, sw_form_resume_step(&f));
    f.s->recommendation = SW_REC_HIRE;
    assert_int_equal(3, sw_form_resume_step(&f));
    assert_int_equal(0, sw_form_set_notes(&f, "solid"));
    assert_int_equal(4, sw_form_resume_step(&f));
    assert_int_equal(1, sw_form_answered(&f));
    char *path = sw_form_default_path(&f);
    assert_string_equal("c-1/tech--jdoe.xml", path);
    free(path);
    sw_form_release(&f);
    assert_null(f.s);
    sw_errors_release(&errs);
}

/* The submit rule through the form: no rating, then no recommendation. */
static void test_form_scorecard_submit_rule(void **state)
{
    (void)state;
    sw_errors_init(&errs);
    struct sw_form f;
    card_form(&f);
    assert_unrated(&f, 2, "t1, t2");
    assert_refused(&f, SW_ENTRY_NO_RATING);
    assert_int_equal(0, sw_form_rate(&f, 0, 3, NULL));
    assert_unrated(&f, 1, "t2");
    assert_refused(&f, SW_ENTRY_NO_RECOMMENDATION);
    f.s->recommendation = SW_REC_NO_HIRE;
    assert_int_equal(0, sw_form_submit_check(&f, NULL));
    assert_int_equal(0, sw_form_set_submitted(&f, (time_t)1795000000));
    assert_int_equal(1, sw_form_submitted(&f));
    assert_string_equal("2026-11-18T11:06:40Z", sw_form_submitted_at(&f));
    sw_form_release(&f);
    sw_errors_release(&errs);
}

/* An assessment: four competencies, no recommendation; one rating is
 * enough to submit; its wheel is its ratings. */
static void test_form_assessment(void **state)
{
    (void)state;
    sw_errors_init(&errs);
    struct sw_form f;
    assessment_form(&f);
    assert_int_equal(4, f.n_items);
    assert_int_equal(6, sw_form_steps(&f));
    assert_false(sw_form_has_recommendation(&f));
    assert_int_equal(SW_STEP_NOTES, sw_form_step_kind(&f, 4));
    assert_int_equal(SW_STEP_SUBMIT, sw_form_step_kind(&f, 5));
    assert_unrated(&f, 4, "design, coding, mentoring, influence");
    assert_refused(&f, SW_ASSESSMENT_NO_RATING);
    assert_int_equal(0, sw_form_rate(&f, 2, 3.5, "mentors two"));
    assert_unrated(&f, 3, "design, coding, influence");
    assert_int_equal(0, sw_form_submit_check(&f, NULL));
    assert_int_equal(3, sw_form_resume_step(&f));
    assert_int_equal(0, sw_form_rate(&f, 3, 2, NULL));
    assert_int_equal(4, sw_form_resume_step(&f));
    assert_int_equal(0, sw_form_set_notes(&f, "n"));
    assert_int_equal(5, sw_form_resume_step(&f));
    double scores[4];
    sw_form_scores(&f, scores);
    assert_null_number(scores[0]);
    assert_close(3.5, scores[2]);
    assert_close(2, scores[3]);
    char *path = sw_form_default_path(&f);
    assert_string_equal("2026-h1/p-ann--p-max.xml", path);
    free(path);
    sw_form_release(&f);
    sw_errors_release(&errs);
}

/* What a form writes, the one loader reads back in entry order; the other
 * kind's document is refused with the root's message. */
static void test_form_parse_round_trip(void **state)
{
    (void)state;
    sw_errors_init(&errs);
    struct sw_form f, back;
    assessment_form(&f);
    assert_int_equal(0, sw_form_rate(&f, 1, 4, "ships"));
    assert_int_equal(0, sw_form_set_name(&f, "Ann Lee"));
    sw_form_set_level(&f, sw_rubric_level(mini, "senior"));
    struct sw_buf xml = SW_BUF_INIT;
    assert_int_equal(0, sw_form_xml(&f, &xml, &errs));
    assert_int_equal(0, sw_form_parse(&back, mini, SW_FORM_ASSESSMENT, xml.data, xml.len,
                                      "a.xml", &errs));
    assert_int_equal(4, back.n_items);
    assert_close(4, sw_form_value(&back, 1));
    assert_string_equal("ships", sw_form_evidence(&back, 1));
    assert_string_equal("Ann Lee", sw_form_name(&back));
    assert_int_equal(sw_rubric_level(mini, "senior"), sw_form_level(&back));
    sw_form_release(&f);
    assert_int_equal(-1, sw_form_parse(&f, mini, SW_FORM_SCORECARD, xml.data, xml.len,
                                       "a.xml", &errs));
    assert_null(f.s);
    assert_int_equal(1, errs.count);
    assert_string_equal("not a scorecard: expected a <scorecard> element in namespace "
                        "'urn:scorewheel:scorecard:1'", errs.items[0].message);
    sw_form_release(&back);
    sw_buf_release(&xml);
    sw_errors_release(&errs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_form_scorecard_steps_and_resume),
        cmocka_unit_test(test_form_scorecard_submit_rule),
        cmocka_unit_test(test_form_assessment),
        cmocka_unit_test(test_form_parse_round_trip),
    };
    return cmocka_run_group_tests(tests, mini_setup, mini_teardown);
}
