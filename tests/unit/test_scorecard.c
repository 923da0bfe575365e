#include "unit.h"
#include "mini.h"

#include <stdio.h>
#include <string.h>

#include "document.h"
#include "rubric.h"
#include "scorecard.h"


#define OPEN "<scorecard xmlns='urn:scorewheel:scorecard:1' rubric='mini' candidate='c-9' " \
             "interview='tech' interviewer='ann' status='submitted'>\n"

/* Parses text that must fail; the first error's message, its line in *line. */
static const char *first_error(const char *text, int *line)
{
    static char message[512];
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_null(sw_scorecard_parse(mini, text, strlen(text), "s.xml", &errs));
    assert_true(errs.count > 0);
    snprintf(message, sizeof message, "%s", errs.items[0].message);
    *line = errs.items[0].line;
    sw_errors_release(&errs);
    return message;
}

static void test_scorecard_loads_fields(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_scorecard *s = sw_scorecard_load(mini, "tests/fixtures/good/a.xml", &errs);
    assert_non_null(s);
    assert_string_equal("c-1", s->candidate);
    assert_string_equal("ann", s->interviewer);
    assert_int_equal(0, s->interview);
    assert_int_equal(0, s->level);
    assert_int_equal(1, s->submitted);
    assert_string_equal("2026-11-20T15:04:00Z", s->submitted_at);
    assert_string_equal("Ada", s->candidate_name);
    assert_int_equal(2, s->n_ratings);
    assert_int_equal(0, s->ratings[0].question);
    assert_int_equal(-1, s->ratings[0].competency);
    assert_close(4, s->ratings[0].value);
    assert_string_equal("Clear & crisp.", s->ratings[0].evidence);
    assert_int_equal(4, s->ratings[0].line);
    assert_int_equal(SW_REC_HIRE, s->recommendation);
    assert_string_equal("", s->notes);
    sw_scorecard_free(s);
    sw_errors_release(&errs);
}

static void test_scorecard_unanswered_and_direct_ratings(void **state)
{
    (void)state;
    const char *text = OPEN "<rating question='t1'/>\n<rating competency='mentoring' value='2'/>\n"
                            "</scorecard>";
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_scorecard *s = sw_scorecard_parse(mini, text, strlen(text), "s.xml", &errs);
    assert_non_null(s);
    assert_null_number(s->ratings[0].value);
    assert_int_equal(2, s->ratings[1].competency);
    assert_int_equal(-1, s->ratings[1].question);
    assert_int_equal(-1, s->level);
    assert_int_equal(SW_REC_NONE, s->recommendation);
    sw_scorecard_free(s);
    sw_errors_release(&errs);
}

static void test_scorecard_evidence_round_trips_exactly(void **state)
{
    (void)state;
    const char *text = OPEN "<rating question='t1' value='3'><evidence>a &lt;b&gt; &amp; "
                            "<![CDATA[<raw> ]] & stuff]]> \"q\" \xf0\x9f\x98\x80 "
                            "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\n  line two</evidence></rating>\n"
                            "</scorecard>";
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_scorecard *s = sw_scorecard_parse(mini, text, strlen(text), "s.xml", &errs);
    assert_non_null(s);
    assert_string_equal("a <b> & <raw> ]] & stuff \"q\" \xf0\x9f\x98\x80 "
                        "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\n  line two", s->ratings[0].evidence);
    sw_scorecard_free(s);
    sw_errors_release(&errs);
}

static void test_scorecard_errors(void **state)
{
    (void)state;
    int line;
    assert_string_equal("value '0.5' is off the scale 1 to 5",
                        first_error(OPEN "<rating question='t1' value='0.5'/></scorecard>", &line));
    assert_int_equal(2, line);
    assert_string_equal("value '2.75' is off the scale's step 0.5",
                        first_error(OPEN "<rating question='t1' value='2.75'/></scorecard>", &line));
    assert_string_equal("unknown question 'zz' (interview 'tech' has: t1, t2)",
                        first_error(OPEN "<rating question='zz' value='2'/></scorecard>", &line));
    assert_string_equal("a rating names exactly one of question=\"...\" or competency=\"...\"",
                        first_error(OPEN "<rating value='2'/></scorecard>", &line));
    assert_string_equal("'coding' is rated twice (first on line 2)",
                        first_error(OPEN "<rating competency='coding' value='2'/>\n"
                                         "<rating competency='coding' value='3'/></scorecard>",
                                    &line));
    assert_int_equal(3, line);
    assert_string_equal("element 'rating', attribute 'value': '' is not a valid value of the "
                        "atomic type 'xs:decimal'",
                        first_error(OPEN "<rating question='t1' value=''/></scorecard>", &line));
    assert_string_equal("element 'rating', attribute 'value': 'INF' is not a valid value of the "
                        "atomic type 'xs:decimal'",
                        first_error(OPEN "<rating question='t1' value='INF'/></scorecard>",
                                    &line));
}

/* Parses text that must fail and checks every error, in order: lines[i] and
 * a message that is messages[i] exactly, or holds it after a '~' (the
 * schema's own words, from libxml2). */
static void expect_errors(const char *text, size_t n, const int *lines,
                          const char *const *messages)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_null(sw_scorecard_parse(mini, text, strlen(text), "s.xml", &errs));
    assert_int_equal(n, errs.count);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(lines[i], errs.items[i].line);
        if (messages[i][0] == '~')
            assert_non_null(strstr(errs.items[i].message, messages[i] + 1));
        else
            assert_string_equal(messages[i], errs.items[i].message);
    }
    sw_errors_release(&errs);
}

/* A schema error does not hide the others (docs/design.md "File
 * formats"): a missing status, a stray attribute, a value that is no
 * number and a recommendation without one (schema), then every check of meaning, each problem once. */
static void test_scorecard_schema_error_hides_nothing(void **state)
{
    (void)state;
    const char *text = "<scorecard xmlns='urn:scorewheel:scorecard:1' rubric='mini' "
                       "candidate='c-9' interview='tech' interviewer='ann'>\n"
                       "<rating question='t2' mood='x'/>\n"
                       "<rating question='zz' value='2'/>\n"
                       "<rating question='t1' value='0.5'/>\n"
                       "<rating question='t1' value='many'/>\n"
                       "<rating question='l1' competency='coding' value='2'/>\n"
                       "<rating question='l1'/>\n"
                       "<rating/>\n"
                       "<recommendation/>\n"
                       "</scorecard>";
    static const int lines[] = { 1, 2, 5, 9, 3, 4, 5, 6, 7, 8 };
    static const char *const messages[] = {
        "~'status' is required but missing",
        "~attribute 'mood': The attribute 'mood' is not allowed",
        "~'many' is not a valid value of the atomic type 'xs:decimal'",
        "~'value' is required but missing",
        "unknown question 'zz' (interview 'tech' has: t1, t2)",
        "value '0.5' is off the scale 1 to 5",
        "'t1' is rated twice (first on line 4)",
        "a rating names exactly one of question=\"...\" or competency=\"...\"",
        "question 'l1' belongs to interview 'lead', not 'tech'",
        "a rating names exactly one of question=\"...\" or competency=\"...\"",
    };
    expect_errors(text, 10, lines, messages);
}

/* Without its rubric or interview a scorecard's ratings cannot be checked:
 * the schema's word only, and no crash on the missing attributes. */
static void test_scorecard_schema_error_missing_header(void **state)
{
    (void)state;
    static const int one[] = { 1 };
    static const char *const no_interview[] = { "~'interview' is required but missing" };
    expect_errors("<scorecard xmlns='urn:scorewheel:scorecard:1' rubric='mini' candidate='c' "
                  "interviewer='x' status='draft'>\n<rating question='zz'/></scorecard>",
                  1, one, no_interview);
    static const char *const no_rubric[] = { "~'rubric' is required but missing" };
    expect_errors("<scorecard xmlns='urn:scorewheel:scorecard:1' candidate='c' "
                  "interview='tech' interviewer='x' status='draft'/>", 1, one, no_rubric);
    static const int five[] = { 1, 1, 1, 1, 1 };
    static const char *const bare[] = {
        "~'rubric' is required but missing", "~'candidate' is required but missing",
        "~'interview' is required but missing", "~'interviewer' is required but missing",
        "~'status' is required but missing",
    };
    expect_errors("<scorecard xmlns='urn:scorewheel:scorecard:1'/>", 5, five, bare);
}

static void test_scorecard_unknown_interview_and_level(void **state)
{
    (void)state;
    int line;
    const char *text = "<scorecard xmlns='urn:scorewheel:scorecard:1' rubric='mini' "
                       "candidate='c' interview='nope' interviewer='x' status='draft'/>";
    assert_string_equal("unknown interview 'nope' (rubric 'mini' has: tech, lead)",
                        first_error(text, &line));
    const char *lvl = "<scorecard xmlns='urn:scorewheel:scorecard:1' rubric='mini' "
                      "candidate='c' interview='tech' interviewer='x' level='vp' status='draft'/>";
    assert_string_equal("unknown level 'vp' (rubric 'mini' has: mid, senior)",
                        first_error(lvl, &line));
}

/* One message per mistake: where the schema and our own check reject the
 * same attribute, ours alone (it says what to do); the schema's on another
 * attribute of the same element stays. */
static void test_scorecard_one_message_per_attribute(void **state)
{
    (void)state;
    const char *text = "<scorecard xmlns='urn:scorewheel:scorecard:1' rubric='mini' "
                       "candidate='-c' interview='tech' interviewer='ann' status='draft' "
                       "level='-x' created='yesterday' scheduled='soon'>\n"
                       "<rating question='t 1' value='2'/>\n"
                       "<rating competency='-c' value='2'/>\n"
                       "</scorecard>";
    static const int lines[] = { 1, 1, 1, 1, 2, 3 };
    static const char *const messages[] = {
        "~attribute 'candidate': [facet 'pattern'] The value '-c' is not accepted",
        "created 'yesterday' is not a UTC time: write it as YYYY-MM-DDTHH:MM:SSZ",
        "scheduled 'soon' is not a UTC time: write it as YYYY-MM-DDTHH:MM:SSZ",
        "unknown level '-x' (rubric 'mini' has: mid, senior)",
        "unknown question 't 1' (interview 'tech' has: t1, t2)",
        "unknown competency '-c' in rubric 'mini'",
    };
    expect_errors(text, 6, lines, messages);
}

static void test_scorecard_document_tells_kinds(void **state)
{
    (void)state;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_document d;
    assert_int_equal(0, sw_document_load(mini, "tests/fixtures/rubrics/mini.xml", 0, &d, &errs));
    assert_int_equal(SW_DOC_RUBRIC, d.kind);
    assert_non_null(d.rubric);
    sw_document_release(&d);
    assert_int_equal(0, sw_document_load(mini, "tests/fixtures/good/b.xml", 0, &d, &errs));
    assert_int_equal(SW_DOC_SCORECARD, d.kind);
    assert_string_equal("bob", d.scorecard->interviewer);
    sw_document_release(&d);
    assert_int_equal(-1, sw_document_load(mini, "tests/fixtures/bad/xxe.xml", 0, &d, &errs));
    assert_int_equal(SW_DOC_OTHER, d.kind);
    assert_int_equal(1, errs.count);
    assert_int_equal(2, errs.items[0].line);
    assert_string_equal("a DOCTYPE is not allowed (no DTDs or entities): remove the "
                        "<!DOCTYPE ...> declaration", errs.items[0].message);
    sw_document_release(&d);
    sw_errors_release(&errs);
    sw_errors_init(&errs);
    assert_int_equal(0, sw_document_load(mini, "tests/fixtures/bad/duplicate-id-rubric.xml",
                                         SW_DOC_SKIP_RUBRICS, &d, &errs));
    assert_int_equal(SW_DOC_RUBRIC, d.kind);    /* skipped: not even checked */
    assert_null(d.rubric);
    assert_int_equal(0, errs.count);
    sw_errors_release(&errs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scorecard_loads_fields),
        cmocka_unit_test(test_scorecard_unanswered_and_direct_ratings),
        cmocka_unit_test(test_scorecard_evidence_round_trips_exactly),
        cmocka_unit_test(test_scorecard_errors),
        cmocka_unit_test(test_scorecard_schema_error_hides_nothing),
        cmocka_unit_test(test_scorecard_schema_error_missing_header),
        cmocka_unit_test(test_scorecard_unknown_interview_and_level),
        cmocka_unit_test(test_scorecard_one_message_per_attribute),
        cmocka_unit_test(test_scorecard_document_tells_kinds),
    };
    return cmocka_run_group_tests_name("scorecard", tests, mini_setup, mini_teardown);
}
