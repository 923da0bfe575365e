/* test_utf8.c - decoding, validation, encoding and display width. */
#include "unit.h"

#include <string.h>

#include "util/utf8.h"

/* Each valid sequence decodes to its code point and length. */
static void test_utf8_decode_valid(void **state)
{
    (void)state;
    static const struct { const char *s; uint32_t cp; size_t len; } cases[] = {
        { "A", 0x41, 1 },
        { "\x7F", 0x7F, 1 },
        { "\xC2\x80", 0x80, 2 },               /* the first 2-byte */
        { "\xC3\xA9", 0xE9, 2 },               /* é */
        { "\xDF\xBF", 0x7FF, 2 },
        { "\xE0\xA0\x80", 0x800, 3 },          /* the first 3-byte */
        { "\xED\x9F\xBF", 0xD7FF, 3 },         /* just below the surrogates */
        { "\xEE\x80\x80", 0xE000, 3 },         /* just above them */
        { "\xEF\xBF\xBD", 0xFFFD, 3 },         /* U+FFFD itself is valid */
        { "\xF0\x90\x80\x80", 0x10000, 4 },    /* the first 4-byte */
        { "\xF0\x9F\x9A\x80", 0x1F680, 4 },    /* rocket */
        { "\xF4\x8F\xBF\xBF", 0x10FFFF, 4 },   /* the last code point */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t actual = 0;
        assert_int_equal(cases[i].len, sw_utf8_decode(cases[i].s, strlen(cases[i].s), &actual));
        assert_int_equal(cases[i].cp, actual);
    }
}

/* Overlongs, surrogates, values past U+10FFFF, lone continuation bytes,
 * truncated sequences and bytes that never occur all decode as invalid. */
static void test_utf8_decode_invalid(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "\xC0\x80",                 /* U+0000 overlong */
        "\xC1\xBF",                 /* U+007F overlong */
        "\xE0\x80\xAF",             /* '/' overlong in 3 bytes */
        "\xE0\x9F\xBF",             /* U+07FF overlong */
        "\xF0\x8F\xBF\xBF",         /* U+FFFF overlong */
        "\xED\xA0\x80",             /* U+D800, a surrogate */
        "\xED\xBF\xBF",             /* U+DFFF */
        "\xF4\x90\x80\x80",         /* U+110000 */
        "\xF5\x80\x80\x80",
        "\xFF",
        "\x80",                     /* a continuation byte alone */
        "\xBF",
        "\xC3",                     /* truncated */
        "\xE2\x82",
        "\xF0\x9F\x9A",
        "\xC3\x28",                 /* a continuation that is not one */
        "\xE2\x28\xA1",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t actual = 0;
        assert_int_equal(0, sw_utf8_decode(cases[i], strlen(cases[i]), &actual));
        assert_int_equal(SW_UTF8_REPLACEMENT, actual);
        assert_false(sw_utf8_valid(cases[i], strlen(cases[i])));
    }
    uint32_t actual = 0;
    assert_int_equal(0, sw_utf8_decode("\xC3\xA9", 1, &actual));   /* len cuts it */
    assert_int_equal(0, sw_utf8_decode("", 0, &actual));
}

static void test_utf8_valid_and_count(void **state)
{
    (void)state;
    static const char text[] = "Z\xC3\xB6" "e \xE6\x9D\x8E \xF0\x9F\x9A\x80";
    assert_true(sw_utf8_valid(text, strlen(text)));
    assert_true(sw_utf8_valid("", 0));
    assert_int_equal(7, sw_utf8_count(text, strlen(text)));
    /* one per invalid byte: 'a', C0, 80, 'b', E2 82 (two), 'c' */
    assert_int_equal(7, sw_utf8_count("a\xC0\x80" "b\xE2\x82" "c", 7));
}

/* sw_utf8_next walks NUL-terminated text, one byte per invalid one. */
static void test_utf8_next_walks_text(void **state)
{
    (void)state;
    const char *p = "a\xC3\xA9\xED\xA0\x80\xF0\x9F\x9A\x80";
    static const uint32_t expected[] = { 0x61, 0xE9, 0xFFFD, 0xFFFD, 0xFFFD, 0x1F680, 0 };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        assert_int_equal(expected[i], sw_utf8_next(&p));
    assert_int_equal(0, sw_utf8_next(&p));   /* stays at the end */
    const char *cut = "\xE2\x82";            /* NUL ends a sequence early */
    assert_int_equal(0xFFFD, sw_utf8_next(&cut));
    assert_int_equal(0xFFFD, sw_utf8_next(&cut));
    assert_int_equal(0, sw_utf8_next(&cut));
}

static void test_utf8_encode_round_trips(void **state)
{
    (void)state;
    static const uint32_t cps[] = { 0, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000,
                                    0xFFFD, 0xFFFF, 0x10000, 0x1F680, 0x10FFFF };
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char buf[4];
        uint32_t actual = 0;
        size_t n = sw_utf8_encode(cps[i], buf);
        assert_int_equal(n, sw_utf8_decode(buf, n, &actual));
        assert_int_equal(cps[i], actual);
    }
    char buf[4];
    assert_int_equal(3, sw_utf8_encode(0x20AC, buf));
    assert_memory_equal("\xE2\x82\xAC", buf, 3);
    assert_int_equal(0, sw_utf8_encode(0xD800, buf));
    assert_int_equal(0, sw_utf8_encode(0x110000, buf));
}

/* Exact columns of single code points at the edges of the tables. */
static void test_utf8_cp_width_exact(void **state)
{
    (void)state;
    static const struct { uint32_t cp; int width; } cases[] = {
        { 0x00, 0 }, { 0x09, 0 }, { 0x1B, 0 }, { 0x7F, 0 }, { 0x9B, 0 },  /* controls */
        { 0x20, 1 }, { 0x41, 1 }, { 0xA0, 1 }, { 0xE9, 1 },
        { 0xAD, 1 },                  /* soft hyphen: shown */
        { 0x300, 0 }, { 0x301, 0 }, { 0x36F, 0 }, { 0x370, 1 },  /* combining accents */
        { 0x20DD, 0 },                /* combining enclosing circle (Me) */
        { 0x200B, 0 }, { 0x200D, 0 }, { 0x202E, 0 }, { 0x2066, 0 }, { 0xFEFF, 0 },  /* Cf */
        { 0xFE0F, 0 },                /* variation selector 16 */
        { 0x1160, 0 }, { 0x11FF, 0 }, /* conjoining Hangul vowels and finals */
        { 0x10FF, 1 }, { 0x1100, 2 }, { 0x115F, 2 },   /* Hangul initial consonants */
        { 0x2E80, 2 }, { 0x3000, 2 }, { 0x3042, 2 },   /* CJK radicals, ideographic space, kana */
        { 0x3099, 0 },                /* combining kana voiced mark: zero beats wide */
        { 0x4E00, 2 }, { 0x674E, 2 }, { 0x9FFF, 2 },   /* CJK ideographs */
        { 0xAC00, 2 }, { 0xD7A3, 2 }, { 0xD7A4, 1 },   /* Hangul syllables, and past them */
        { 0xFF01, 2 }, { 0xFF60, 2 }, { 0xFF61, 1 },   /* fullwidth vs halfwidth forms */
        { 0x1F600, 2 }, { 0x1F680, 2 },                /* emoji */
        { 0x20000, 2 }, { 0x2FFFD, 2 }, { 0x30000, 2 },
        { 0x378, 1 },                 /* unassigned, outside the ideograph ranges */
        { 0xE0001, 0 },               /* language tag (Cf) */
        { 0x10FFFF, 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (sw_utf8_cp_width(cases[i].cp) != cases[i].width)
            fail_msg("U+%04X: width %d, expected %d", (unsigned)cases[i].cp,
                     sw_utf8_cp_width(cases[i].cp), cases[i].width);
    }
}

static void test_utf8_width_of_text(void **state)
{
    (void)state;
    /* "Li Wei" in hanzi: 2 + 2 */
    assert_int_equal(4, sw_utf8_width("\xE6\x9D\x8E\xE4\xBC\x9F", (size_t)-1));
    /* e + combining acute, n + combining tilde: 2 columns for 4 code points */
    assert_int_equal(2, sw_utf8_width("e\xCC\x81n\xCC\x83", (size_t)-1));
    /* fullwidth "ＡＢ", a zero-width space, "a" */
    assert_int_equal(5, sw_utf8_width("\xEF\xBC\xA1\xEF\xBC\xA2\xE2\x80\x8B" "a", (size_t)-1));
    /* an invalid byte takes one column, like the U+FFFD a terminal shows */
    assert_int_equal(3, sw_utf8_width("a\xFF" "b", (size_t)-1));
    /* len and NUL both end the text */
    assert_int_equal(2, sw_utf8_width("\xE6\x9D\x8E\xE4\xBC\x9F", 3));
    assert_int_equal(1, sw_utf8_width("a\0bc", 4));
    assert_string_equal("14.0.0", sw_utf8_unicode_version());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_decode_valid),
        cmocka_unit_test(test_utf8_decode_invalid),
        cmocka_unit_test(test_utf8_valid_and_count),
        cmocka_unit_test(test_utf8_next_walks_text),
        cmocka_unit_test(test_utf8_encode_round_trips),
        cmocka_unit_test(test_utf8_cp_width_exact),
        cmocka_unit_test(test_utf8_width_of_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
