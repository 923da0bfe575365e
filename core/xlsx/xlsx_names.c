/* xlsx_names.c - the workbook's pure helpers: sheet names by Excel's rules,
 * cell text limits, and the case folding they share with xlsx_redact.c. */
#include "xlsx_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "util/vec.h"

#define SHEET_MAX 31

/* --- characters (decoded by utf8.h) ----------------------------------------- */

/* Excel counts characters in UTF-16 units. */
static size_t units(uint32_t c)
{
    return c >= 0x10000 ? 2 : 1;
}

/* Simple case folding for the scripts names are mostly written in: ASCII,
 * Latin-1, Latin Extended-A, Greek and Cyrillic; typographic apostrophes and
 * hyphens fold to ASCII ones. */
uint32_t xw_fold(uint32_t c)
{
    if (c == 0x2019 || c == 0x2018)
        return '\'';
    if (c == 0x2010 || c == 0x2011)
        return '-';
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c | 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return c & 1 ? c + 1 : c;
    if (c == 0x178)
        return 0xFF;
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
        return c + 32;
    if (c == 0x3C2)
        return 0x3C3;
    if (c == 0x386)
        return 0x3AC;
    if (c >= 0x388 && c <= 0x38A)
        return c + 37;
    if (c == 0x38C)
        return 0x3CC;
    if (c == 0x38E || c == 0x38F)
        return c + 63;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    return c;
}

static int add_cp(struct sw_buf *b, uint32_t c)
{
    char s[4];
    return sw_buf_add(b, s, sw_utf8_encode(c, s));
}

/* --- sheet names -------------------------------------------------------------- */

static int forbidden(uint32_t c)
{
    return c < 0x20 || c == 0x7F || (c < 0x80 && strchr("[]:*?/\\", (int)c));
}

/* Appends s cleaned: forbidden characters as spaces, space runs as one,
 * spaces and apostrophes trimmed at both ends, at most `max` units. */
static int clean_name(const char *s, size_t max, struct sw_buf *out)
{
    struct sw_buf b = SW_BUF_INIT;
    const char *p = s;
    while (*p) {
        uint32_t c = sw_utf8_next(&p);
        if (forbidden(c))
            c = ' ';
        if (c == ' ' && (b.len == 0 || b.data[b.len - 1] == ' '))
            continue;
        add_cp(&b, c);
    }
    /* Trim, cut, trim again (the cut may leave a space or apostrophe last). */
    const char *start = sw_buf_str(&b);
    while (*start == ' ' || *start == '\'')
        start++;
    size_t n = 0, len = 0;
    for (const char *q = start; *q;) {
        uint32_t c = sw_utf8_next(&q);
        if (n + units(c) > max)
            break;
        n += units(c);
        len = (size_t)(q - start);
    }
    while (len > 0 && (start[len - 1] == ' ' || start[len - 1] == '\''))
        len--;
    int rc = b.failed ? -1 : sw_buf_add(out, start, len);
    sw_buf_release(&b);
    return rc;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_alpha(char c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}

/* Whether a formula could read this unquoted name as a cell reference:
 * libxlsxwriter quotes only names with characters beyond [A-Za-z0-9_.]. */
static int looks_like_reference(const char *s)
{
    for (const char *p = s; *p; p++)
        if (!is_digit(*p) && !is_alpha(*p) && *p != '_' && *p != '.')
            return 0;
    if (is_digit(s[0]) || s[0] == '.')
        return 1;
    size_t letters = 0;
    while (is_alpha(s[letters]))
        letters++;
    size_t digits = 0;
    while (is_digit(s[letters + digits]))
        digits++;
    if (letters >= 1 && letters <= 3 && digits > 0 && s[letters + digits] == '\0')
        return 1;    /* A1 .. XFD1048576 */
    /* R1C1 style, as a prefix: R, R1, C, C1, RC, R1C1... */
    const char *p = s;
    int has_digit = 0;
    if ((*p | 32) == 'r') {
        for (p++; is_digit(*p); p++)
            has_digit = 1;
    }
    if ((*p | 32) == 'c') {
        for (p++; is_digit(*p); p++)
            has_digit = 1;
    }
    if (p == s)
        return 0;
    return has_digit || *p == '\0';
}

int sw_xlsx_sheet_base(const char *name, const char *id, struct sw_buf *out)
{
    struct sw_buf b = SW_BUF_INIT;
    if (name && *name)
        clean_name(name, SHEET_MAX, &b);
    if (b.len == 0 && id)
        clean_name(id, SHEET_MAX, &b);
    if (b.len == 0)
        sw_buf_adds(&b, "Candidate");
    int rc;
    if (b.failed) {
        rc = -1;
    } else if (looks_like_reference(b.data)) {
        struct sw_buf cut = SW_BUF_INIT;
        clean_name(b.data, SHEET_MAX - 2, &cut);
        rc = sw_buf_addf(out, "(%s)", sw_buf_str(&cut));
        sw_buf_release(&cut);
    } else {
        rc = sw_buf_add(out, b.data, b.len);
    }
    sw_buf_release(&b);
    return rc;
}

static char *fold_string(const char *s)
{
    struct sw_buf b = SW_BUF_INIT;
    sw_buf_adds(&b, "");
    for (const char *p = s; *p;)
        add_cp(&b, xw_fold(sw_utf8_next(&p)));
    if (b.failed) {
        sw_buf_release(&b);
        return NULL;
    }
    return sw_buf_detach(&b, NULL);
}

/* Index where `folded` is or would go in the sorted set; *found whether it is. */
static size_t find(const struct sw_sheet_names *s, const char *folded, int *found)
{
    size_t lo = 0, hi = s->count;
    *found = 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(s->folded[mid], folded);
        if (cmp == 0) {
            *found = 1;
            return mid;
        }
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Takes `name` if free: 1 taken, 0 taken already, -1 out of memory. */
static int take(struct sw_sheet_names *s, const char *name)
{
    char *folded = fold_string(name);
    if (!folded)
        return -1;
    int found;
    size_t at = find(s, folded, &found);
    if (found) {
        free(folded);
        return 0;
    }
    if (SW_VEC_GROW(s->folded, s->cap, s->count + 1, 16) < 0) {
        free(folded);
        return -1;
    }
    memmove(s->folded + at + 1, s->folded + at, (s->count - at) * sizeof *s->folded);
    s->folded[at] = folded;
    s->count++;
    return 1;
}

int sw_sheet_names_init(struct sw_sheet_names *s)
{
    static const char *const reserved[] = { "Summary", "Compare", "Interviewers", "Audit",
                                            "Data", "History" };
    memset(s, 0, sizeof *s);
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (take(s, reserved[i]) < 0)
            return -1;
    return 0;
}

void sw_sheet_names_release(struct sw_sheet_names *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->count; i++)
        free(s->folded[i]);
    free(s->folded);
    memset(s, 0, sizeof *s);
}

int sw_sheet_names_take(struct sw_sheet_names *s, const char *base, struct sw_buf *out)
{
    int rc = take(s, base);
    if (rc != 0)
        return rc < 0 ? -1 : sw_buf_adds(out, base);
    struct sw_buf name = SW_BUF_INIT;
    for (unsigned k = 2; rc == 0; k++) {
        char suffix[16];
        int n = snprintf(suffix, sizeof suffix, " (%u)", k);
        sw_buf_reset(&name);
        if (clean_name(base, SHEET_MAX - (size_t)n, &name) < 0)
            break;
        sw_buf_adds(&name, suffix);
        if (name.failed)
            break;
        rc = take(s, name.data);
    }
    if (rc > 0)
        rc = sw_buf_add(out, name.data, name.len);
    else
        rc = -1;
    sw_buf_release(&name);
    return rc;
}

int sw_xlsx_quote_sheet(const char *name, struct sw_buf *out)
{
    sw_buf_addc(out, '\'');
    for (const char *p = name; *p; p++) {
        if (*p == '\'')
            sw_buf_addc(out, '\'');
        sw_buf_addc(out, *p);
    }
    return sw_buf_addc(out, '\'');
}

int sw_xlsx_cell_text(const char *text, struct sw_buf *out)
{
    size_t keep = SW_XLSX_MAX_TEXT - (sizeof SW_XLSX_TRUNCATED - 1);
    size_t n = 0, cut = 0;
    const char *p = text;
    while (*p) {
        uint32_t c = sw_utf8_next(&p);
        n += units(c);
        if (n <= keep)
            cut = (size_t)(p - text);
        if (n > SW_XLSX_MAX_TEXT) {
            sw_buf_add(out, text, cut);
            return sw_buf_adds(out, SW_XLSX_TRUNCATED);
        }
    }
    return sw_buf_add(out, text, (size_t)(p - text));
}
