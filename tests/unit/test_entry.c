#include "unit.h"
#include "mini.h"

#include <stdlib.h>
#include <string.h>

#include "entry.h"

static struct sw_errors errs;

static int setup(void **state)
{
    sw_errors_init(&errs);
    return mini_setup(state);
}

static int teardown(void **state)
{
    sw_errors_release(&errs);
    return mini_teardown(state);
}

static struct sw_scorecard *blank(void)
{
    struct sw_scorecard *s = sw_entry_blank(mini, (size_t)sw_rubric_interview(mini, "tech"),
                                            "c-1", "jdoe", sw_rubric_level(mini, "mid"),
                                            "Ada", &errs);
    assert_non_null(s);
    return s;
}

static void test_entry_blank_has_one_rating_per_question(void **state)
{
    (void)state;
    struct sw_scorecard *s = blank();
    assert_int_equal(2, s->n_ratings);
    assert_int_equal(sw_rubric_question(mini, "t1"), s->ratings[0].question);
    assert_int_equal(sw_rubric_question(mini, "t2"), s->ratings[1].question);
    assert_null_number(s->ratings[0].value);
    assert_string_equal("", s->ratings[1].evidence);
    assert_int_equal(0, s->submitted);
    assert_int_equal(SW_REC_NONE, s->recommendation);
    sw_scorecard_free(s);
}

static void test_entry_xml_without_guide(void **state)
{
    (void)state;
    struct sw_scorecard *s = blank();
    assert_int_equal(0, sw_entry_set_rating(s, 1, 3.5, "ok"));
    s->recommendation = SW_REC_HIRE;
    struct sw_buf actual = SW_BUF_INIT;
    assert_int_equal(0, sw_entry_xml(mini, s, 0, &actual, &errs));
    const char *expected =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<scorecard xmlns=\"urn:scorewheel:scorecard:1\" rubric=\"mini\" candidate=\"c-1\"\n"
        "           interview=\"tech\" interviewer=\"jdoe\" level=\"mid\"\n"
        "           status=\"draft\">\n"
        "  <candidate-name>Ada</candidate-name>\n"
        "\n"
        "  <rating question=\"t1\">\n"
        "    <evidence></evidence>\n"
        "  </rating>\n"
        "\n"
        "  <rating question=\"t2\" value=\"3.5\">\n"
        "    <evidence>ok</evidence>\n"
        "  </rating>\n"
        "\n"
        "  <recommendation value=\"hire\"/>\n"
        "  <notes></notes>\n"
        "</scorecard>\n";
    assert_string_equal(expected, sw_buf_str(&actual));
    sw_buf_release(&actual);
    sw_scorecard_free(s);
}

static void test_entry_guide_comments_hold_question_and_indicators(void **state)
{
    (void)state;
    struct sw_scorecard *s = blank();
    struct sw_buf actual = SW_BUF_INIT;
    assert_int_equal(0, sw_entry_xml(mini, s, SW_ENTRY_GUIDE, &actual, &errs));
    const char *expected =
        "  <!-- t1. Design a queue.\n"
        "       Measures Design (weight 2), Coding.\n"
        "       Design:\n"
        "         1 Needs Focus\n"
        "           Copies a design.\n"
        "         3 On Track\n"
        "           Weighs trade-offs.\n"
        "         5 Outperform\n"
        "           Sets direction.\n"
        "       Coding:\n"
        "  -->\n"
        "  <rating question=\"t1\">\n";
    assert_non_null(strstr(sw_buf_str(&actual), expected));
    assert_non_null(strstr(sw_buf_str(&actual),
                           "  <!-- <recommendation value=\"hire\"/>   one of: strong-no-hire, "
                           "no-hire, hire, strong-hire -->\n"));
    sw_buf_release(&actual);
    sw_scorecard_free(s);
}

/* Evidence with markup, CDATA's end, quotes, CR, emoji and right-to-left text
 * comes back from the file byte for byte. */
static void test_entry_xml_round_trips_text(void **state)
{
    (void)state;
    static const char evidence[] = "a < b && c > d ]]> \"q\" 'a'\r\n\tline 2 \xF0\x9F\x9A\x80 "
                                   "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D -- end-";
    struct sw_scorecard *s = blank();
    assert_int_equal(0, sw_entry_set_rating(s, 0, 4, evidence));
    assert_int_equal(0, sw_entry_set_text(s, &s->notes, evidence));
    assert_int_equal(0, sw_entry_set_text(s, &s->candidate_name, "  Zo\xC3\xAB  "));
    struct sw_buf xml = SW_BUF_INIT;
    assert_int_equal(0, sw_entry_xml(mini, s, SW_ENTRY_GUIDE, &xml, &errs));
    struct sw_scorecard *back = sw_scorecard_parse(mini, xml.data, xml.len, "x.xml", &errs);
    assert_int_equal(0, errs.count);
    assert_non_null(back);
    assert_string_equal(evidence, back->ratings[0].evidence);
    assert_close(4, back->ratings[0].value);
    assert_string_equal(evidence, back->notes);
    assert_string_equal("  Zo\xC3\xAB  ", back->candidate_name);
    sw_buf_release(&xml);
    sw_scorecard_free(back);
    sw_scorecard_free(s);
}

/* `created` and `scheduled` are written on the root element, read back, and
 * a card parsed from those bytes is written again byte for byte. */
static void test_entry_xml_round_trips_scheduled(void **state)
{
    (void)state;
    struct sw_scorecard *s = blank();
    assert_int_equal(0, sw_entry_set_text(s, &s->created, "2026-12-01T09:00:00Z"));
    assert_int_equal(0, sw_entry_set_text(s, &s->scheduled, "2026-12-08T14:00:00Z"));
    struct sw_buf xml = SW_BUF_INIT, again = SW_BUF_INIT;
    assert_int_equal(0, sw_entry_xml(mini, s, SW_ENTRY_GUIDE, &xml, &errs));
    assert_non_null(strstr(sw_buf_str(&xml), "           status=\"draft\"\n           created=\"2026-"
                           "12-01T09:00:00Z\" scheduled=\"2026-12-08T14:00:00Z\">\n"));
    struct sw_scorecard *back = sw_scorecard_parse(mini, xml.data, xml.len, "x.xml", &errs);
    assert_int_equal(0, errs.count);
    assert_non_null(back);
    assert_string_equal("2026-12-08T14:00:00Z", back->scheduled);
    struct sw_scorecard *copy = sw_entry_from(mini, back, &errs);
    assert_non_null(copy);
    assert_int_equal(0, sw_entry_xml(mini, copy, SW_ENTRY_GUIDE, &again, &errs));
    assert_string_equal(sw_buf_str(&xml), sw_buf_str(&again));
    sw_buf_release(&xml);
    sw_buf_release(&again);
    sw_scorecard_free(copy);
    sw_scorecard_free(back);
    sw_scorecard_free(s);
}

/* A `scheduled` that is not UTC is refused with the file's line. */
static void test_entry_scheduled_must_be_utc(void **state)
{
    (void)state;
    static const char xml[] =
        "<scorecard xmlns=\"urn:scorewheel:scorecard:1\" rubric=\"mini\" candidate=\"c-2\" "
        "interview=\"tech\" interviewer=\"amy\" status=\"draft\" "
        "scheduled=\"2026-12-08T14:00:00+01:00\"><notes/></scorecard>";
    struct sw_scorecard *s = sw_scorecard_parse(mini, xml, sizeof xml - 1, "y.xml", &errs);
    assert_null(s);
    assert_int_equal(1, errs.count);
    assert_string_equal("scheduled '2026-12-08T14:00:00+01:00' is not a UTC time: write it "
                        "as YYYY-MM-DDTHH:MM:SSZ", errs.items[0].message);
    assert_int_equal(1, errs.items[0].line);
}

static void test_entry_from_puts_questions_first_and_keeps_the_rest(void **state)
{
    (void)state;
    static const char xml[] =
        "<scorecard xmlns=\"urn:scorewheel:scorecard:1\" rubric=\"mini\" candidate=\"c-2\" "
        "interview=\"tech\" interviewer=\"amy\" status=\"submitted\" "
        "submitted=\"2026-11-20T15:04:00Z\">"
        "<rating competency=\"mentoring\" value=\"2\"><evidence>direct</evidence></rating>"
        "<rating question=\"t2\" value=\"5\"><evidence>second</evidence></rating>"
        "<recommendation value=\"no-hire\"/><notes>n</notes></scorecard>";
    struct sw_scorecard *loaded = sw_scorecard_parse(mini, xml, sizeof xml - 1, "y.xml", &errs);
    assert_non_null(loaded);
    struct sw_scorecard *s = sw_entry_from(mini, loaded, &errs);
    sw_scorecard_free(loaded);
    assert_non_null(s);
    assert_int_equal(3, s->n_ratings);
    assert_int_equal(sw_rubric_question(mini, "t1"), s->ratings[0].question);
    assert_null_number(s->ratings[0].value);
    assert_int_equal(sw_rubric_question(mini, "t2"), s->ratings[1].question);
    assert_close(5, s->ratings[1].value);
    assert_string_equal("second", s->ratings[1].evidence);
    assert_int_equal(sw_rubric_competency(mini, "mentoring"), s->ratings[2].competency);
    assert_string_equal("direct", s->ratings[2].evidence);
    assert_string_equal("2026-11-20T15:04:00Z", s->submitted_at);
    assert_int_equal(SW_REC_NO_HIRE, s->recommendation);
    assert_string_equal("n", s->notes);
    struct sw_buf out = SW_BUF_INIT;
    assert_int_equal(0, sw_entry_xml(mini, s, 0, &out, &errs));
    assert_non_null(strstr(sw_buf_str(&out),
                           "  <rating competency=\"mentoring\" value=\"2\">\n"
                           "    <evidence>direct</evidence>\n"
                           "  </rating>\n"));
    assert_non_null(strstr(sw_buf_str(&out), "status=\"submitted\" "
                                             "submitted=\"2026-11-20T15:04:00Z\">"));
    sw_buf_release(&out);
    sw_scorecard_free(s);
}

static void test_entry_parse_value(void **state)
{
    (void)state;
    static const struct { const char *typed; double value; } good[] = {
        { "3", 3 }, { "3.5", 3.5 }, { " 4 ", 4 }, { "1.0", 1 }, { "5", 5 },
        { "on track", 3 }, { "ON   Track", 3 }, { " needs focus ", 1 }, { "Outperform", 5 },
    };
    static const char *const bad[] = {
        "", "3.25", "6", "0.5", "nan", "inf", "0x3", "1e0", "abc", "3 4", "on", "track on",
        "-1", "on trackx", ".5e0",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        double actual = -1;
        assert_int_equal(0, sw_entry_parse_value(&mini->scale, good[i].typed, &actual));
        assert_close(good[i].value, actual);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double actual = -1;
        assert_int_equal(-1, sw_entry_parse_value(&mini->scale, bad[i], &actual));
        assert_close(-1, actual);
    }
}

static void test_entry_describe_scale(void **state)
{
    (void)state;
    struct sw_buf actual = SW_BUF_INIT;
    assert_int_equal(0, sw_entry_describe_scale(&mini->scale, &actual));
    assert_string_equal("1 to 5 in steps of 0.5; anchors: 1 Needs Focus, 3 On Track, "
                        "5 Outperform", sw_buf_str(&actual));
    sw_buf_release(&actual);
}

static void test_entry_clean_text(void **state)
{
    (void)state;
    /* a lone continuation byte, an overlong '/', a surrogate, U+FFFF, controls */
    static const char typed[] = "ok\x80|\xC0\xAF|\xED\xA0\x80|\xEF\xBF\xBF|\x1B[A\x7F\r\t\n\xC3\xA9";
    struct sw_buf actual = SW_BUF_INIT;
    size_t changed = sw_entry_clean_text(typed, sizeof typed - 1, &actual);
    const char *expected = "ok\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD|"
                           "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|"
                           "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|[A\t\n\xC3\xA9";
    assert_string_equal(expected, sw_buf_str(&actual));
    assert_int_equal(12, changed);
    sw_buf_release(&actual);
}

static void test_entry_ids_and_paths(void **state)
{
    (void)state;
    assert_int_equal(1, sw_entry_id_ok("c-0042"));
    assert_int_equal(1, sw_entry_id_ok("a.b_c"));
    assert_int_equal(1, sw_entry_id_ok("a..b-"));
    assert_int_equal(0, sw_entry_id_ok("..."));
    assert_int_equal(0, sw_entry_id_ok(".hidden"));
    assert_int_equal(0, sw_entry_id_ok("-rf"));
    assert_int_equal(0, sw_entry_id_ok("."));
    assert_int_equal(0, sw_entry_id_ok(".."));
    assert_int_equal(0, sw_entry_id_ok(""));
    assert_int_equal(0, sw_entry_id_ok("a/b"));
    assert_int_equal(0, sw_entry_id_ok("/etc"));
    assert_int_equal(0, sw_entry_id_ok("a b"));
    char *actual = sw_entry_default_path("c-1", "tech", "jdoe");
    assert_string_equal("c-1/tech--jdoe.xml", actual);
    free(actual);
}

static void test_entry_submitted_stamp(void **state)
{
    (void)state;
    struct sw_scorecard *s = blank();
    assert_int_equal(0, sw_entry_set_submitted(s, (time_t)1795000000));
    assert_int_equal(1, s->submitted);
    assert_string_equal("2026-11-18T11:06:40Z", s->submitted_at);
    assert_int_equal(0, sw_entry_set_submitted(s, (time_t)-1));
    assert_int_equal(0, s->submitted);
    assert_string_equal("", s->submitted_at);
    sw_scorecard_free(s);
}

static void test_entry_submit_needs_a_rating_and_a_recommendation(void **state)
{
    (void)state;
    struct sw_scorecard *s = blank();
    struct sw_buf why;
    sw_buf_init(&why);
    size_t unrated[4];
    assert_int_equal(2, sw_entry_unrated(mini, s, unrated, 4));
    assert_int_equal((size_t)sw_rubric_question(mini, "t1"), unrated[0]);
    assert_int_equal((size_t)sw_rubric_question(mini, "t2"), unrated[1]);
    assert_int_equal(-1, sw_entry_submit_check(s, &why));
    assert_string_equal(SW_ENTRY_NO_RATING, sw_buf_str(&why));

    assert_int_equal(0, sw_entry_set_rating(s, 1, 4.0, NULL));
    assert_int_equal(1, sw_entry_unrated(mini, s, unrated, 1));
    assert_int_equal((size_t)sw_rubric_question(mini, "t1"), unrated[0]);
    sw_buf_reset(&why);
    assert_int_equal(-1, sw_entry_submit_check(s, &why));
    assert_string_equal(SW_ENTRY_NO_RECOMMENDATION, sw_buf_str(&why));

    s->recommendation = SW_REC_HIRE;
    sw_buf_reset(&why);
    assert_int_equal(0, sw_entry_submit_check(s, &why));
    assert_string_equal("", sw_buf_str(&why));
    assert_int_equal(1, sw_entry_unrated(mini, s, unrated, 0));
    sw_buf_release(&why);
    sw_scorecard_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_entry_blank_has_one_rating_per_question),
        cmocka_unit_test(test_entry_xml_without_guide),
        cmocka_unit_test(test_entry_guide_comments_hold_question_and_indicators),
        cmocka_unit_test(test_entry_xml_round_trips_text),
        cmocka_unit_test(test_entry_xml_round_trips_scheduled),
        cmocka_unit_test(test_entry_scheduled_must_be_utc),
        cmocka_unit_test(test_entry_from_puts_questions_first_and_keeps_the_rest),
        cmocka_unit_test(test_entry_parse_value),
        cmocka_unit_test(test_entry_describe_scale),
        cmocka_unit_test(test_entry_clean_text),
        cmocka_unit_test(test_entry_ids_and_paths),
        cmocka_unit_test(test_entry_submitted_stamp),
        cmocka_unit_test(test_entry_submit_needs_a_rating_and_a_recommendation),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
