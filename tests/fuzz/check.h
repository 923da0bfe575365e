/*
 * check.h - oracles for the report harness: what every output must be,
 * whatever the input: valid UTF-8, JSON that parses, XML that is well formed.
 * A failed check traps, which libFuzzer reports as a crash.
 */
#ifndef SW_FUZZ_CHECK_H
#define SW_FUZZ_CHECK_H

#include <stddef.h>
#include <string.h>

#include <libxml/parser.h>

#define fuzz_assert(cond) do { if (!(cond)) __builtin_trap(); } while (0)

/* The checkers are not what is fuzzed: no coverage feedback from them (it
 * would also slow every byte they read). */
#define FUZZ_PLAIN __attribute__((no_sanitize("coverage"), unused))

FUZZ_PLAIN static int fuzz_utf8_ok(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned c = *p++;
        size_t more = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2
                    : (c & 0xF8) == 0xF0 ? 3 : 9;
        if (more == 9 || (size_t)(end - p) < more || (more == 1 && c < 0xC2))
            return 0;
        for (size_t i = 0; i < more; i++)
            if ((p[i] & 0xC0) != 0x80)
                return 0;
        p += more;
    }
    return 1;
}

/* --- a strict JSON reader (RFC 8259), just enough to say yes or no -------- */

struct fuzz_json {
    const char *p, *end;
    int depth;
};

FUZZ_PLAIN static void fj_space(struct fuzz_json *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\r' || *j->p == '\t'))
        j->p++;
}

FUZZ_PLAIN static int fj_lit(struct fuzz_json *j, const char *lit)
{
    size_t k = strlen(lit);
    if ((size_t)(j->end - j->p) < k || memcmp(j->p, lit, k) != 0)
        return 0;
    j->p += k;
    return 1;
}

FUZZ_PLAIN static int fj_string(struct fuzz_json *j)
{
    if (j->p >= j->end || *j->p != '"')
        return 0;
    for (j->p++; j->p < j->end; j->p++) {
        unsigned char c = (unsigned char)*j->p;
        if (c == '"') {
            j->p++;
            return 1;
        }
        if (c < 0x20)
            return 0;
        if (c == '\\') {
            if (++j->p >= j->end)
                return 0;
            if (*j->p == 'u') {
                for (int i = 0; i < 4; i++)
                    if (++j->p >= j->end || !strchr("0123456789abcdefABCDEF", *j->p) || !*j->p)
                        return 0;
            } else if (!strchr("\"\\/bfnrt", *j->p) || !*j->p) {
                return 0;
            }
        }
    }
    return 0;
}

FUZZ_PLAIN static int fj_digits(struct fuzz_json *j)
{
    const char *start = j->p;
    while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
        j->p++;
    return j->p > start;
}

FUZZ_PLAIN static int fj_number(struct fuzz_json *j)
{
    if (j->p < j->end && *j->p == '-')
        j->p++;
    if (j->p < j->end && *j->p == '0')
        j->p++;
    else if (!fj_digits(j))
        return 0;
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (!fj_digits(j))
            return 0;
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
            j->p++;
        if (!fj_digits(j))
            return 0;
    }
    return 1;
}

FUZZ_PLAIN static int fj_value(struct fuzz_json *j)
{
    fj_space(j);
    if (j->p >= j->end || ++j->depth > 64)
        return 0;
    int ok = 1;
    char c = *j->p;
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        j->p++;
        fj_space(j);
        if (j->p < j->end && *j->p == close) {
            j->p++;
        } else {
            for (;;) {
                if (c == '{') {
                    fj_space(j);
                    if (!fj_string(j))
                        return 0;
                    fj_space(j);
                    if (!fj_lit(j, ":"))
                        return 0;
                }
                if (!fj_value(j))
                    return 0;
                fj_space(j);
                if (fj_lit(j, ","))
                    continue;
                if (j->p < j->end && *j->p == close) {
                    j->p++;
                    break;
                }
                return 0;
            }
        }
    } else if (c == '"') {
        ok = fj_string(j);
    } else if (c == 't' || c == 'f' || c == 'n') {
        ok = fj_lit(j, "true") || fj_lit(j, "false") || fj_lit(j, "null");
    } else {
        ok = fj_number(j);
    }
    j->depth--;
    return ok;
}

/* Whether s[0..n) is exactly one JSON value (white space around allowed). */
FUZZ_PLAIN static int fuzz_json_ok(const char *s, size_t n)
{
    struct fuzz_json j = { s, s + n, 0 };
    if (!fj_value(&j))
        return 0;
    fj_space(&j);
    return j.p == j.end;
}

/* Whether s[0..n) is a well-formed XML document. */
FUZZ_PLAIN static int fuzz_xml_ok(const char *s, size_t n)
{
    xmlDocPtr doc = xmlReadMemory(s, (int)n, "out.svg", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlFreeDoc(doc);
    return doc != NULL;
}

/* RFC 4180 as report.h promises: every quote opens or closes a quoted field,
 * quotes inside one are doubled, and lines end in CRLF outside quotes. */
FUZZ_PLAIN static int fuzz_csv_ok(const char *s, size_t n)
{
    int quoted = 0, field_start = 1, closed = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < n && s[i + 1] == '"')
                    i++;
                else
                    quoted = 0, closed = 1;
            }
            continue;
        }
        if (closed && c != ',' && c != '\r')
            return 0;
        closed = 0;
        if (c == '"') {
            if (!field_start)
                return 0;
            quoted = 1;
            field_start = 0;
        } else if (c == ',') {
            field_start = 1;
        } else if (c == '\r') {
            if (i + 1 >= n || s[i + 1] != '\n')
                return 0;
            i++;
            field_start = 1;
        } else if (c == '\n') {
            return 0;
        } else {
            field_start = 0;
        }
    }
    return !quoted && (n == 0 || (n >= 2 && s[n - 2] == '\r' && s[n - 1] == '\n'));
}

#endif
