#include "unit.h"

#include <string.h>

#include "assessment.h"
#include "document.h"
#include "mini.h"

#define HEAD "<assessment xmlns='urn:scorewheel:assessment:1' rubric='mini' "

static struct sw_assessment *parse(const char *text, struct sw_errors *errs)
{
    return sw_assessment_parse(mini, text, strlen(text), "a.xml", errs);
}

static void test_assessment_loads_fields(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_assessment *a = sw_assessment_load(mini, "tests/fixtures/growth/2026-h1/p-ann--p-bob.xml",
                                                 &errs);
    assert_int_equal(0, errs.count);
    assert_non_null(a);
    assert_string_equal("p-ann", a->person);
    assert_string_equal("p-bob", a->assessor);
    assert_int_equal(SW_REL_PEER, a->relation);
    assert_string_equal("2026-h1", a->cycle);
    assert_int_equal(-1, a->level);
    assert_int_equal(1, a->submitted);
    assert_string_equal("", a->person_name);
    assert_int_equal(4, a->n_ratings);
    assert_int_equal(2, a->ratings[2].competency);
    assert_close(3, a->ratings[2].value);
    assert_null_number(a->ratings[3].value);    /* unanswered */
    assert_int_equal(7, a->ratings[3].line);
    sw_assessment_free(a);
    sw_errors_release(&errs);
}

static void test_assessment_every_problem_reported(void **state)
{
    (void)state;
    const char *text = HEAD "person='p' assessor='p' relation='manager' cycle='h 1' level='x' "
                       "status='draft'>\n"
                       "<rating competency='design' value='6'/>\n"
                       "<rating competency='nope' value='3'/>\n"
                       "</assessment>\n";
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_null(parse(text, &errs));
    assert_int_equal(5, errs.count);
    assert_string_equal("cycle 'h 1' is not an id: use letters, digits, '.', '_' and '-', "
                        "named to sort in time (2026-h1, 2026-h2)", errs.items[0].message);
    assert_string_equal("assessor 'p' is the person assessed: relation is 'self', not 'manager'",
                        errs.items[1].message);
    assert_string_equal("unknown level 'x' (rubric 'mini' has: mid, senior)",
                        errs.items[2].message);
    assert_string_equal("value '6' is off the scale 1 to 5", errs.items[3].message);
    assert_int_equal(2, errs.items[3].line);
    assert_string_equal("unknown competency 'nope' in rubric 'mini'", errs.items[4].message);
    assert_int_equal(3, errs.items[4].line);
    sw_errors_release(&errs);
}

/* A schema error does not hide the others (docs/design.md "File
 * formats"): an unknown relation, a rating without its competency and a
 * value that is no number (schema), then every check of meaning; nothing is
 * said twice, and the missing attributes crash nothing. */
static void test_assessment_schema_error_hides_nothing(void **state)
{
    (void)state;
    const char *text = HEAD "person='p' assessor='p' relation='boss' cycle='h 1' "
                       "status='draft'>\n"
                       "<rating value='3'/>\n"
                       "<rating competency='design' value='6'/>\n"
                       "<rating competency='coding' value='lots'/>\n"
                       "<rating competency='design' value='2'/>\n"
                       "</assessment>\n";
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_null(parse(text, &errs));
    assert_int_equal(6, errs.count);
    assert_int_equal(1, errs.items[0].line);
    assert_non_null(strstr(errs.items[0].message, "'boss'"));
    assert_int_equal(2, errs.items[1].line);
    assert_non_null(strstr(errs.items[1].message, "'competency' is required but missing"));
    assert_int_equal(4, errs.items[2].line);
    assert_non_null(strstr(errs.items[2].message, "'lots' is not a valid value"));
    assert_string_equal("cycle 'h 1' is not an id: use letters, digits, '.', '_' and '-', "
                        "named to sort in time (2026-h1, 2026-h2)", errs.items[3].message);
    assert_string_equal("value '6' is off the scale 1 to 5", errs.items[4].message);
    assert_int_equal(3, errs.items[4].line);
    assert_string_equal("'design' is rated twice (first on line 3)", errs.items[5].message);
    assert_int_equal(5, errs.items[5].line);
    sw_errors_release(&errs);
    sw_errors_init(&errs);
    const char *bare = "<assessment xmlns='urn:scorewheel:assessment:1'>\n"
                       "<rating competency='nope'/>\n</assessment>";
    assert_null(parse(bare, &errs));
    assert_int_equal(6, errs.count);    /* the six required attributes, nothing else */
    for (size_t i = 0; i < errs.count; i++)
        assert_non_null(strstr(errs.items[i].message, "is required but missing"));
    sw_errors_release(&errs);
}

static void test_assessment_document_kinds_and_skips(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_document d;
    const char *path = "tests/fixtures/growth/2026-h2/p-bob--p-max.xml";
    assert_int_equal(0, sw_document_load(mini, path, 0, &d, &errs));
    assert_int_equal(SW_DOC_ASSESSMENT, d.kind);
    assert_non_null(d.assessment);
    sw_document_release(&d);
    assert_int_equal(0, sw_document_load(mini, path, SW_DOC_SKIP_ASSESSMENTS, &d, &errs));
    assert_int_equal(SW_DOC_ASSESSMENT, d.kind);
    assert_null(d.assessment);
    sw_document_release(&d);
    assert_int_equal(0, sw_document_load(mini, "tests/fixtures/good/a.xml", SW_DOC_SKIP_SCORECARDS,
                                         &d, &errs));
    assert_int_equal(SW_DOC_SCORECARD, d.kind);
    assert_null(d.scorecard);
    sw_document_release(&d);
    assert_int_equal(0, errs.count);
    sw_errors_release(&errs);
}

static void test_assessment_relation_names(void **state)
{
    (void)state;
    assert_string_equal("report", sw_relation_name(SW_REL_REPORT));
    assert_int_equal(SW_REL_MANAGER, sw_relation_parse("manager"));
    assert_int_equal(SW_REL_COUNT, sw_relation_parse("boss"));
    assert_int_equal(SW_REL_COUNT, sw_relation_parse(NULL));
}

static void test_assessment_policy_attributes(void **state)
{
    (void)state;
    const char *text =
        "<rubric xmlns='urn:scorewheel:rubric:1' id='x' version='1' name='X'>"
        "<scale min='1' max='5' step='1'/><policy min-assessors='3' self-gap='0.5'/>"
        "<pillar id='p' name='P'><competency id='a' name='A'/></pillar></rubric>";
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *r = sw_rubric_parse(text, strlen(text), "x.xml", &errs);
    assert_non_null(r);
    assert_int_equal(3, r->policy.min_assessors);
    assert_close(0.5, r->policy.self_gap);
    sw_rubric_free(r);
    const char *zero =
        "<rubric xmlns='urn:scorewheel:rubric:1' id='x' version='1' name='X'>"
        "<scale min='1' max='5' step='1'/><policy self-gap='0'/>"
        "<pillar id='p' name='P'><competency id='a' name='A'/></pillar></rubric>";
    assert_null(sw_rubric_parse(zero, strlen(zero), "x.xml", &errs));
    assert_int_equal(1, errs.count);
    assert_string_equal("policy self-gap 0 must be above 0", errs.items[0].message);
    sw_errors_release(&errs);
}

/* The editable form: one rating per competency in rubric order, the file's
 * ratings in their places, `created` written once. */
static void test_assessment_entry_form_and_created(void **state)
{
    (void)state;
    const char *text = HEAD "person='p' assessor='q' relation='peer' cycle='y1' status='draft' "
                       "created='2026-01-02T03:04:05Z'>\n"
                       "<rating competency='influence' value='4'><evidence>E</evidence></rating>\n"
                       "<rating competency='design' value='2.5'/>\n"
                       "</assessment>\n";
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_assessment *loaded = parse(text, &errs);
    assert_non_null(loaded);
    struct sw_assessment *a = sw_assessment_entry(mini, loaded, &errs);
    assert_non_null(a);
    assert_int_equal(4, a->n_ratings);
    assert_close(2.5, a->ratings[0].value);
    assert_null_number(a->ratings[1].value);
    assert_close(4, a->ratings[3].value);
    assert_string_equal("E", a->ratings[3].evidence);
    assert_int_equal(0, sw_assessment_set_created(a, 1790000000));
    assert_string_equal("2026-01-02T03:04:05Z", a->created);   /* never changed */
    struct sw_assessment *b = sw_assessment_blank(mini, "p", "p", SW_REL_SELF, "y2", 1, "P",
                                                  &errs);
    assert_non_null(b);
    assert_int_equal(0, sw_assessment_set_created(b, 1790000000));
    assert_string_equal("2026-09-21T14:13:20Z", b->created);
    struct sw_buf xml = SW_BUF_INIT;
    assert_int_equal(0, sw_assessment_xml(mini, b, 0, &xml, &errs));
    assert_non_null(strstr(sw_buf_str(&xml), " level=\"senior\""));
    assert_non_null(strstr(sw_buf_str(&xml), "status=\"draft\" created=\"2026-09-21T14:13:20Z\">"));
    assert_null(strstr(sw_buf_str(&xml), "<!--"));    /* no guide without the flag */
    struct sw_assessment *again = sw_assessment_parse(mini, xml.data, xml.len, "b.xml", &errs);
    assert_non_null(again);                            /* what it writes reads back */
    assert_int_equal(0, errs.count);
    sw_buf_release(&xml);
    sw_assessment_free(again);
    sw_assessment_free(b);
    sw_assessment_free(a);
    sw_assessment_free(loaded);
    sw_errors_release(&errs);
}

/* The submit rule for an assessment: at least one rating with a value. */
static void test_assessment_submit_needs_a_rating(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_assessment *a = sw_assessment_blank(mini, "p", "p", SW_REL_SELF, "y1", -1, NULL,
                                                  &errs);
    assert_non_null(a);
    size_t unrated[4];
    struct sw_buf why = SW_BUF_INIT;
    assert_int_equal(4, sw_assessment_unrated(a, unrated, 2));
    assert_int_equal(0, unrated[0]);
    assert_int_equal(1, unrated[1]);
    assert_int_equal(-1, sw_assessment_submit_check(a, &why));
    assert_string_equal("nothing is rated yet: rate at least one competency before submitting",
                        sw_buf_str(&why));
    assert_int_equal(0, sw_assessment_set_rating(a, 0, 2.5, NULL));
    assert_int_equal(3, sw_assessment_unrated(a, unrated, 4));
    assert_int_equal(1, unrated[0]);
    assert_int_equal(3, unrated[2]);
    assert_int_equal(0, sw_assessment_submit_check(a, NULL));
    sw_buf_release(&why);
    sw_assessment_free(a);
    sw_errors_release(&errs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_assessment_loads_fields),
        cmocka_unit_test(test_assessment_every_problem_reported),
        cmocka_unit_test(test_assessment_schema_error_hides_nothing),
        cmocka_unit_test(test_assessment_document_kinds_and_skips),
        cmocka_unit_test(test_assessment_relation_names),
        cmocka_unit_test(test_assessment_policy_attributes),
        cmocka_unit_test(test_assessment_entry_form_and_created),
        cmocka_unit_test(test_assessment_submit_needs_a_rating),
    };
    return cmocka_run_group_tests(tests, mini_setup, mini_teardown);
}
