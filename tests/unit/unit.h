/* unit.h - what every cmocka test file includes. */
#ifndef SW_UNIT_H
#define SW_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

/* Exact comparison of doubles to 1e-9, and of "null" (NaN) values. */
#define assert_close(expected, actual) assert_true(fabs((double)(expected) - (double)(actual)) <= 1e-9)
#define assert_null_number(actual) assert_true(isnan(actual))

#endif
