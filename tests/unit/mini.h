/*
 * mini.h - the small test rubric (tests/fixtures/rubrics/mini.xml: 2 pillars,
 * 4 competencies, interviews "tech" and "lead", levels "mid" and "senior")
 * loaded once for a suite:
 *
 *     return cmocka_run_group_tests(tests, mini_setup, mini_teardown);
 *
 * Include it after unit.h, in one test file per program.
 */
#ifndef SW_UNIT_MINI_H
#define SW_UNIT_MINI_H

#include "error.h"
#include "rubric.h"

#define MINI_PATH "tests/fixtures/rubrics/mini.xml"

static struct sw_rubric *mini;

static int mini_setup(void **state)
{
    (void)state;
    struct sw_errors mini_errs;
    sw_errors_init(&mini_errs);
    mini = sw_rubric_load(MINI_PATH, &mini_errs);
    sw_errors_release(&mini_errs);
    return mini ? 0 : -1;
}

static int mini_teardown(void **state)
{
    (void)state;
    sw_rubric_free(mini);
    return 0;
}

#endif
