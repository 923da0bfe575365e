/* test_web_access.c - the access rule as a table: role x page x state ->
 * status (docs/design.md, "The web app": roles, independent scoring). */
#include "unit.h"

#include <stdio.h>

#include "access.h"

enum { I = SW_ROLE_INTERVIEWER, C = SW_ROLE_COMMITTEE, R = SW_ROLE_RECRUITER, E = SW_ROLE_EVERYONE,
       A = SW_ROLE_NONE };
enum { N = WEB_CARD_NONE, D = WEB_CARD_DRAFT, S = WEB_CARD_SUBMITTED };
enum { GET = 0, POST = 1 };

struct row {
    int role;
    enum web_page page;
    int write, own, card, mine;
    int expected;
};

static const struct row table[] = {
    /* sign-in and assets: everyone */
    { A, WEB_PAGE_SIGNIN, POST, 0, N, N, 200 }, { A, WEB_PAGE_ASSET, GET, 0, N, N, 200 },
    { I, WEB_PAGE_SIGNIN, GET, 0, N, N, 200 },
    /* anonymous: sign in first, whatever the page */
    { A, WEB_PAGE_HOME, GET, 0, N, N, 303 }, { A, WEB_PAGE_SCORECARD, GET, 1, D, D, 303 },
    { A, WEB_PAGE_DASHBOARD, GET, 0, N, N, 303 }, { A, WEB_PAGE_KIT, GET, 0, N, D, 303 },
    /* home: everyone signed in */
    { I, WEB_PAGE_HOME, GET, 0, N, N, 200 }, { C, WEB_PAGE_HOME, GET, 0, N, N, 200 },
    { R, WEB_PAGE_HOME, GET, 0, N, N, 200 }, { E, WEB_PAGE_HOME, GET, 0, N, N, 200 },
    /* interviewer: own scorecard, read and write, draft or submitted */
    { I, WEB_PAGE_SCORECARD, GET, 1, D, D, 200 }, { I, WEB_PAGE_SCORECARD, POST, 1, D, D, 200 },
    { I, WEB_PAGE_SCORECARD, GET, 1, S, S, 200 }, { I, WEB_PAGE_SCORECARD, POST, 1, S, S, 200 },
    { I, WEB_PAGE_SCORECARD, GET, 1, N, N, 404 }, { I, WEB_PAGE_SCORECARD, POST, 1, N, N, 404 },
    /* independent scoring: another's card only after submitting one's own */
    { I, WEB_PAGE_SCORECARD, GET, 0, S, N, 404 }, { I, WEB_PAGE_SCORECARD, GET, 0, S, D, 404 },
    { I, WEB_PAGE_SCORECARD, GET, 0, S, S, 200 }, { I, WEB_PAGE_SCORECARD, GET, 0, D, S, 404 },
    { I, WEB_PAGE_SCORECARD, POST, 0, S, S, 404 }, { I, WEB_PAGE_SCORECARD, POST, 0, D, S, 404 },
    { I, WEB_PAGE_PACKET, GET, 0, N, N, 404 }, { I, WEB_PAGE_PACKET, GET, 0, N, D, 404 },
    { I, WEB_PAGE_PACKET, GET, 0, N, S, 200 }, { I, WEB_PAGE_PACKET, POST, 0, N, S, 404 },
    /* interviewer: kits of their interviews; nothing of the committee's */
    { I, WEB_PAGE_KIT, GET, 0, N, D, 200 }, { I, WEB_PAGE_KIT, GET, 0, N, N, 404 },
    { I, WEB_PAGE_DASHBOARD, GET, 0, N, S, 404 }, { I, WEB_PAGE_COMPARE, GET, 0, N, S, 404 },
    { I, WEB_PAGE_CALIBRATE, GET, 0, N, S, 404 }, { I, WEB_PAGE_STATUS, GET, 0, N, S, 404 },
    { I, WEB_PAGE_EXPORT, GET, 0, N, S, 404 }, { I, WEB_PAGE_SCHEDULE, GET, 0, N, S, 404 },
    { I, WEB_PAGE_SCHEDULE, POST, 0, N, S, 404 },
    /* committee: reads everything, writes nothing */
    { C, WEB_PAGE_DASHBOARD, GET, 0, N, N, 200 }, { C, WEB_PAGE_PACKET, GET, 0, N, N, 200 },
    { C, WEB_PAGE_COMPARE, GET, 0, N, N, 200 }, { C, WEB_PAGE_CALIBRATE, GET, 0, N, N, 200 },
    { C, WEB_PAGE_STATUS, GET, 0, N, N, 200 }, { C, WEB_PAGE_EXPORT, GET, 0, N, N, 200 },
    { C, WEB_PAGE_KIT, GET, 0, N, N, 200 }, { C, WEB_PAGE_SCORECARD, GET, 0, D, N, 200 },
    { C, WEB_PAGE_SCORECARD, GET, 0, S, N, 200 }, { C, WEB_PAGE_SCORECARD, POST, 0, D, N, 404 },
    { C, WEB_PAGE_SCORECARD, GET, 0, N, N, 404 }, { C, WEB_PAGE_SCHEDULE, GET, 0, N, N, 404 },
    { C, WEB_PAGE_SCHEDULE, POST, 0, N, N, 404 }, { C, WEB_PAGE_DASHBOARD, POST, 0, N, N, 404 },
    /* recruiter: the committee's rights and schedule */
    { R, WEB_PAGE_DASHBOARD, GET, 0, N, N, 200 }, { R, WEB_PAGE_SCHEDULE, GET, 0, N, N, 200 },
    { R, WEB_PAGE_SCHEDULE, POST, 0, N, N, 200 }, { R, WEB_PAGE_SCORECARD, GET, 0, D, N, 200 },
    { R, WEB_PAGE_SCORECARD, POST, 0, D, N, 404 }, { R, WEB_PAGE_EXPORT, POST, 0, N, N, 404 },
    /* turn 3: one's own card is editable whatever one's other roles (roles
     * are a set; its rights are its highest role's) ... */
    { C, WEB_PAGE_SCORECARD, GET, 1, D, D, 200 }, { C, WEB_PAGE_SCORECARD, POST, 1, D, D, 200 },
    { R, WEB_PAGE_SCORECARD, POST, 1, D, D, 200 }, { R, WEB_PAGE_SCORECARD, POST, 1, N, N, 404 },
    /* ... and independent scoring binds every role with a draft for k */
    { C, WEB_PAGE_PACKET, GET, 0, N, D, 404 }, { C, WEB_PAGE_SCORECARD, GET, 0, S, D, 404 },
    { R, WEB_PAGE_PACKET, GET, 0, N, D, 404 }, { R, WEB_PAGE_SCORECARD, GET, 0, S, D, 404 },
    { C, WEB_PAGE_PACKET, GET, 0, N, S, 200 }, { R, WEB_PAGE_SCORECARD, GET, 0, S, S, 200 },
    /* the mail page (the outbox): recruiters only, read only */
    { R, WEB_PAGE_MAIL, GET, 0, N, N, 200 }, { R, WEB_PAGE_MAIL, POST, 0, N, N, 404 },
    { C, WEB_PAGE_MAIL, GET, 0, N, N, 404 }, { I, WEB_PAGE_MAIL, GET, 0, N, N, 404 },
    { E, WEB_PAGE_MAIL, GET, 0, N, N, 200 },
    /* single-person mode: every page, writes every existing card */
    { E, WEB_PAGE_SCORECARD, POST, 1, D, N, 200 }, { E, WEB_PAGE_SCORECARD, GET, 1, S, N, 200 },
    { E, WEB_PAGE_SCORECARD, GET, 1, N, N, 404 }, { E, WEB_PAGE_SCHEDULE, POST, 0, N, N, 200 },
    { E, WEB_PAGE_DASHBOARD, GET, 0, N, N, 200 }, { E, WEB_PAGE_KIT, GET, 0, N, N, 200 },
};

static void test_web_access_table(void **state)
{
    (void)state;
    int failures = 0;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        const struct row *t = &table[i];
        struct web_access a = { (enum sw_role)t->role, t->page, t->write, t->own,
                                (enum web_card)t->card, (enum web_card)t->mine };
        int actual = (int)web_access_check(&a);
        if (actual != t->expected) {
            printf("row %zu: role %d page %d write %d own %d card %d mine %d: %d, expected %d\n",
                   i, t->role, t->page, t->write, t->own, t->card, t->mine, actual, t->expected);
            failures++;
        }
    }
    assert_int_equal(0, failures);
}

static void test_web_access_role_names(void **state)
{
    (void)state;
    assert_int_equal(SW_ROLE_INTERVIEWER, sw_role_parse("interviewer"));
    assert_int_equal(SW_ROLE_COMMITTEE, sw_role_parse("committee"));
    assert_int_equal(SW_ROLE_RECRUITER, sw_role_parse("recruiter"));
    assert_int_equal(SW_ROLE_NONE, sw_role_parse("everyone"));
    assert_int_equal(SW_ROLE_NONE, sw_role_parse("Interviewer"));
    assert_string_equal("recruiter", sw_role_name(SW_ROLE_RECRUITER));
}

static void test_web_access_role_sets(void **state)
{
    (void)state;
    unsigned ic = SW_ROLE_BIT(SW_ROLE_INTERVIEWER) | SW_ROLE_BIT(SW_ROLE_COMMITTEE);
    assert_int_equal(ic, sw_roles_parse("interviewer committee"));
    assert_int_equal(ic, sw_roles_parse(" committee  interviewer "));
    assert_int_equal(0, sw_roles_parse("interviewer boss"));
    assert_int_equal(0, sw_roles_parse(""));
    assert_int_equal(SW_ROLE_COMMITTEE, sw_roles_top(ic));
    assert_int_equal(SW_ROLE_RECRUITER, sw_roles_top(SW_ROLES_ALL));
    assert_int_equal(SW_ROLE_NONE, sw_roles_top(0));
    char text[64];
    sw_roles_format(SW_ROLES_ALL, text, sizeof text);
    assert_string_equal("interviewer committee recruiter", text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_access_table),
        cmocka_unit_test(test_web_access_role_names),
        cmocka_unit_test(test_web_access_role_sets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
