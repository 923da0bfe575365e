#include "unit.h"
#include "mini.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "aggregate.h"
#include "scorecard.h"
#include "status.h"

/* 2026-11-29T12:00:00Z (date -u -d 2026-11-29T12:00:00Z +%s). */
#define NOW 1795953600.0

static void add(struct sw_aggregate *a, const char *path, const char *candidate,
                const char *interview, const char *interviewer, const char *status,
                const char *created, const char *body)
{
    char text[2048], created_attr[64] = "";
    if (created)
        snprintf(created_attr, sizeof created_attr, " created='%s'", created);
    snprintf(text, sizeof text,
             "<scorecard xmlns='urn:scorewheel:scorecard:1' rubric='mini' candidate='%s' "
             "interview='%s' interviewer='%s' level='mid' status='%s'%s>%s</scorecard>",
             candidate, interview, interviewer, status, created_attr, body);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_scorecard *s = sw_scorecard_parse(mini, text, strlen(text), path, &errs);
    assert_non_null(s);
    assert_int_equal(0, sw_aggregate_add(a, s, &errs));
    sw_scorecard_free(s);
    sw_errors_release(&errs);
}

static struct sw_status *status_of(struct sw_aggregate *a, double now)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_aggregate_finish(a, -1, &errs));
    struct sw_status *s = sw_status_new(a, now, &errs);
    assert_int_equal(0, errs.count);
    sw_errors_release(&errs);
    assert_non_null(s);
    return s;
}

/* Candidate c: one submitted tech card (design, coding assessed), a lead draft
 * by zed created 75 h before NOW (overdue at 48 h), a tech draft by amy
 * created 47.5 h before (not yet). mini's min-scorecards is 2: needs 1.
 * n = 0 for mentoring and influence; the lead draft's questions measure both
 * (l1 mentoring, l2 influence): both awaiting, none uncovered. */
static void test_status_ages_overdue_and_needs(void **state)
{
    (void)state;
    struct sw_aggregate *a = sw_aggregate_new(mini);
    add(a, "1.xml", "c", "tech", "bob", "submitted", NULL,
        "<rating question='t1' value='4'/><rating question='t2' value='3'/>");
    add(a, "2.xml", "c", "lead", "zed", "draft", "2026-11-26T09:00:00Z", "");
    add(a, "3.xml", "c", "tech", "amy", "draft", "2026-11-27T12:30:00Z", "");
    struct sw_status *s = status_of(a, NOW);
    const struct sw_status_candidate *c = &s->candidates[0];
    assert_int_equal(1, c->submitted);
    assert_int_equal(2, c->pending);
    assert_int_equal(3, c->n_cards);
    /* Sorted by interview id, then interviewer: lead/zed, tech/amy, tech/bob. */
    assert_string_equal("zed", a->interviewers[a->cards[c->cards[0].card].interviewer]);
    assert_string_equal("amy", a->interviewers[a->cards[c->cards[1].card].interviewer]);
    assert_string_equal("bob", a->interviewers[a->cards[c->cards[2].card].interviewer]);
    assert_close(75, c->cards[0].age_hours);            /* 3 days + 3 h */
    assert_true(c->cards[0].overdue);
    assert_close(47.5, c->cards[1].age_hours);          /* 2 days - 30 min */
    assert_false(c->cards[1].overdue);
    assert_null_number(c->cards[2].age_hours);
    assert_false(c->cards[2].overdue);
    assert_int_equal(1, c->needs_scorecards);
    assert_int_equal(2, c->n_awaiting);
    assert_int_equal(2, c->awaiting[0]);                /* mentoring */
    assert_int_equal(3, c->awaiting[1]);                /* influence */
    assert_int_equal(0, c->n_uncovered);
    assert_int_equal(1, s->overdue);
    sw_status_free(s);
    sw_aggregate_free(a);
}

/* Exactly at the limit is overdue (age >= policy.overdue); a draft's direct
 * ratings do not make a competency awaited; nothing reaches uncovered ones. */
static void test_status_boundary_direct_ratings_uncovered(void **state)
{
    (void)state;
    struct sw_aggregate *a = sw_aggregate_new(mini);
    add(a, "1.xml", "d", "tech", "amy", "draft", "2026-11-27T12:00:00Z",
        "<rating competency='mentoring' value='3'/>");
    add(a, "2.xml", "d", "tech", "bob", "submitted", NULL, "<rating question='t2' value='3'/>");
    add(a, "3.xml", "d", "tech", "cy", "submitted", NULL, "<rating question='t2' value='4'/>");
    struct sw_status *s = status_of(a, NOW);
    const struct sw_status_candidate *c = &s->candidates[0];
    assert_close(48, c->cards[0].age_hours);
    assert_true(c->cards[0].overdue);
    assert_int_equal(0, c->needs_scorecards);           /* 2 submitted, 2 needed */
    /* coding assessed; the tech draft's t1 measures design: awaiting. */
    assert_int_equal(1, c->n_awaiting);
    assert_int_equal(0, c->awaiting[0]);
    assert_int_equal(2, c->n_uncovered);                /* mentoring, influence */
    assert_int_equal(2, c->uncovered[0]);
    assert_int_equal(3, c->uncovered[1]);
    sw_status_free(s);
    sw_aggregate_free(a);
}

/* Without created, a draft's age comes from its file's modification time. */
static void test_status_age_from_file_time(void **state)
{
    (void)state;
    char path[] = "/tmp/sw-status-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    struct utimbuf times = { .actime = (time_t)NOW, .modtime = (time_t)NOW - 36 * 3600 };
    assert_int_equal(0, utime(path, &times));
    struct sw_aggregate *a = sw_aggregate_new(mini);
    add(a, path, "e", "lead", "amy", "draft", NULL, "");
    struct sw_status *s = status_of(a, NOW);
    assert_close(36, s->candidates[0].cards[0].age_hours);
    assert_false(s->candidates[0].cards[0].overdue);
    sw_status_free(s);
    sw_aggregate_free(a);
    unlink(path);
}

static void test_status_missing_file_is_an_io_error(void **state)
{
    (void)state;
    struct sw_aggregate *a = sw_aggregate_new(mini);
    add(a, "/nonexistent/sw/x.xml", "e", "lead", "amy", "draft", NULL, "");
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_aggregate_finish(a, -1, &errs));
    assert_null(sw_status_new(a, NOW, &errs));
    assert_int_equal(1, errs.count);
    assert_int_equal(SW_ESYSTEM, errs.items[0].code);
    assert_string_equal("/nonexistent/sw/x.xml", errs.items[0].file);
    assert_string_equal("cannot read its time: No such file or directory",
                        errs.items[0].message);
    sw_errors_release(&errs);
    sw_aggregate_free(a);
}

static void test_status_json(void **state)
{
    (void)state;
    struct sw_aggregate *a = sw_aggregate_new(mini);
    add(a, "1.xml", "c", "lead", "zed", "draft", "2026-11-26T09:00:00Z",
        "<candidate-name>Ada</candidate-name>");
    struct sw_status *s = status_of(a, NOW);
    struct sw_buf out = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_status_json(s, &out, &errs));
    /* The lead interview measures mentoring (l1), influence and design (l2):
     * all three awaited; coding is in no draft's interview. */
    const char *expected =
        "{\n"
        "  \"now\": \"2026-11-29T12:00:00Z\",\n"
        "  \"overdue_hours\": 48,\n"
        "  \"candidates\": [\n"
        "    {\n"
        "      \"id\": \"c\",\n"
        "      \"name\": \"Ada\",\n"
        "      \"submitted\": 0,\n"
        "      \"pending\": 1,\n"
        "      \"cards\": [\n"
        "        {\n"
        "          \"interview\": \"lead\",\n"
        "          \"interviewer\": \"zed\",\n"
        "          \"status\": \"draft\",\n"
        "          \"created\": \"2026-11-26T09:00:00Z\",\n"
        "          \"age_hours\": 75,\n"
        "          \"overdue\": true\n"
        "        }\n"
        "      ],\n"
        "      \"needs\": {\n"
        "        \"scorecards\": 2,\n"
        "        \"awaiting\": [\n"
        "          \"design\",\n"
        "          \"mentoring\",\n"
        "          \"influence\"\n"
        "        ],\n"
        "        \"uncovered\": [\n"
        "          \"coding\"\n"
        "        ]\n"
        "      }\n"
        "    }\n"
        "  ]\n"
        "}\n";
    assert_string_equal(expected, sw_buf_str(&out));
    sw_buf_release(&out);
    sw_errors_release(&errs);
    sw_status_free(s);
    sw_aggregate_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_ages_overdue_and_needs),
        cmocka_unit_test(test_status_boundary_direct_ratings_uncovered),
        cmocka_unit_test(test_status_age_from_file_time),
        cmocka_unit_test(test_status_missing_file_is_an_io_error),
        cmocka_unit_test(test_status_json),
    };
    return cmocka_run_group_tests_name("status", tests, mini_setup, mini_teardown);
}
