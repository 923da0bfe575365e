/*
 * utf8.h - UTF-8 text: decoding, validation, encoding, and display width in
 * terminal columns. The one place that knows the encoding; everything else
 * calls these.
 *
 * Well-formed UTF-8 is the Unicode Standard's (chapter 3, table 3-7, the
 * same as RFC 3629): 1 to 4 bytes, no overlong form (C0 80 for U+0000 is
 * invalid), no surrogate (U+D800..U+DFFF, ED A0 80..ED BF BF), nothing past
 * U+10FFFF (F4 90 80 80 and F5..FF). A byte that starts no well-formed
 * sequence is invalid on its own: decoders read it as U+FFFD, one byte long,
 * and go on with the next byte (the Standard's "maximal subpart" practice,
 * one replacement per bad byte).
 *
 * Display width (what a terminal gives a code point; wcwidth's convention,
 * computed from tables derived from the Unicode Character Database by
 * tools/gen_utf8_tables.py):
 *   0  U+0000, controls (C0, DEL, C1; the caller decides how to show them),
 *      nonspacing and enclosing marks (Mn, Me: combining accents), format
 *      characters (Cf: zero-width space and joiners, bidi marks) except
 *      U+00AD SOFT HYPHEN, and the conjoining Hangul vowels and finals
 *      U+1160..U+11FF;
 *   2  East Asian Wide and Fullwidth characters (UAX #11: CJK ideographs,
 *      kana, Hangul syllables, fullwidth forms, most emoji);
 *   1  everything else, and an invalid byte (a terminal shows one U+FFFD).
 */
#ifndef SW_UTF8_H
#define SW_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define SW_UTF8_REPLACEMENT 0xFFFDu

/* Decodes the character at s[0..len): returns its length in bytes (1 to 4)
 * and sets *cp; returns 0 with *cp = U+FFFD when s starts no well-formed
 * sequence (or len is 0). */
size_t sw_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* The character at *p in NUL-terminated text, advancing *p past it (by one
 * byte when invalid, read as U+FFFD); 0 at the end, without advancing. */
uint32_t sw_utf8_next(const char **p);
/* Writes cp (at most U+10FFFF, not a surrogate) as UTF-8 into out; returns
 * the number of bytes (1 to 4), 0 for a value that is no character. */
size_t sw_utf8_encode(uint32_t cp, char out[4]);
/* Whether s[0..len) is well-formed UTF-8 throughout. */
int sw_utf8_valid(const char *s, size_t len);
/* Characters in s[0..len), an invalid byte counting as one. */
size_t sw_utf8_count(const char *s, size_t len);

/* Columns of code point cp: 0, 1 or 2 (see above). */
int sw_utf8_cp_width(uint32_t cp);
/* Columns of s[0..len) (stops at a NUL), the sum of its characters'. */
size_t sw_utf8_width(const char *s, size_t len);
/* The Unicode version the width tables come from ("14.0.0"). */
const char *sw_utf8_unicode_version(void);

#endif
