/* xlsx_redact.c - what --anonymize does to the workbook's text: anonymous
 * labels for candidates, and the redaction of their names (whole names,
 * compounds and every word of any length, matched case-insensitively on
 * word boundaries; in scripts written without spaces, anywhere) and ids in
 * evidence and notes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "util/vec.h"
#include "xlsx_int.h"

/* --- words ----------------------------------------------------------------- */

/* Letters and digits: ASCII ones, and any non-ASCII character that is not
 * Latin-1 punctuation, general punctuation or CJK punctuation. */
static int is_word(uint32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
    if (c < 0xC0 || c == 0xD7 || c == 0xF7 || c == 0xFFFD)
        return 0;
    if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F))
        return 0;
    return 1;
}

/* Scripts written without spaces between words (Han, kana, Thai): a name in
 * them has no word boundary to wait for. */
static int is_unspaced(uint32_t c)
{
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x2FFFF) || (c >= 0x0E00 && c <= 0x0E7F);
}

/* Whether a match must stop at a word boundary beside code point c. */
static int needs_boundary(uint32_t c)
{
    return is_word(c) && !is_unspaced(c);
}

static int is_letter(uint32_t c)
{
    return is_word(c) && !(c >= '0' && c <= '9');
}

/* The folded code points of s[0..len), in a new array (caller frees); *n its length. */
static uint32_t *folded_cps(const char *s, size_t len, size_t *n)
{
    uint32_t *cps = malloc((len + 1) * sizeof *cps);
    if (!cps)
        return NULL;
    const char *p = s, *end = s + len;
    *n = 0;
    while (p < end && *p)
        cps[(*n)++] = xw_fold(sw_utf8_next(&p));
    return cps;
}

/* --- anonymity -------------------------------------------------------------- */

void sw_xlsx_label(size_t i, char *out)
{
    char tmp[16];
    size_t n = 0;
    for (size_t v = i + 1; v > 0 && n < sizeof tmp; v = (v - 1) / 26)
        tmp[n++] = (char)('A' + (v - 1) % 26);
    for (size_t k = 0; k < n; k++)
        out[k] = tmp[n - 1 - k];
    out[n] = '\0';
}

struct pattern {
    uint32_t *cps;      /* folded */
    size_t n;
};

struct patterns {
    struct pattern *items;
    size_t count, cap;
};

static void patterns_release(struct patterns *ps)
{
    for (size_t i = 0; i < ps->count; i++)
        free(ps->items[i].cps);
    free(ps->items);
}

/* Adds s[0..len) unless it has fewer than `min_letters` letters or is there already. */
static int pattern_add(struct patterns *ps, const char *s, size_t len, size_t min_letters)
{
    struct pattern p;
    p.cps = folded_cps(s, len, &p.n);
    if (!p.cps)
        return -1;
    size_t letters = 0;
    for (size_t i = 0; i < p.n; i++)
        letters += (size_t)is_letter(p.cps[i]);
    int keep = p.n > 0 && letters >= min_letters;
    for (size_t i = 0; keep && i < ps->count; i++)
        if (ps->items[i].n == p.n && memcmp(ps->items[i].cps, p.cps, p.n * sizeof *p.cps) == 0)
            keep = 0;
    if (!keep) {
        free(p.cps);
        return 0;
    }
    if (SW_VEC_GROW(ps->items, ps->cap, ps->count + 1, 8) < 0) {
        free(p.cps);
        return -1;
    }
    ps->items[ps->count++] = p;
    return 0;
}

static int is_joiner(uint32_t c)
{
    c = xw_fold(c);
    return c == '-' || c == '\'';
}

static int by_length_desc(const void *x, const void *y)
{
    const struct pattern *a = x, *b = y;
    return a->n < b->n ? 1 : a->n > b->n ? -1 : 0;
}

/* A word of 2 to 4 characters of an unspaced script ("王芳"): also its first
 * character (the family name) and the rest (the given name). */
static int unspaced_parts(const char *word, size_t len, struct patterns *ps)
{
    const char *p = word, *end = word + len, *second = NULL;
    size_t n = 0;
    while (p < end) {
        if (!is_unspaced(sw_utf8_next(&p)))
            return 0;
        if (++n == 1)
            second = p;
    }
    if (n < 2 || n > 4)
        return 0;
    return pattern_add(ps, word, (size_t)(second - word), 1) |
           pattern_add(ps, second, (size_t)(end - second), 1);
}

/* Adds the name, its compounds (words joined by one hyphen or apostrophe)
 * and its words, each with `min` or more letters (the whole name always). */
static int name_patterns(const char *name, size_t min, struct patterns *ps)
{
    size_t len = strlen(name);
    while (len > 0 && strchr(" \t\r\n", name[len - 1]))
        len--;
    while (len > 0 && strchr(" \t\r\n", *name))
        name++, len--;
    if (pattern_add(ps, name, len, 1) < 0)
        return -1;
    const char *p = name, *end = name + len;
    const char *compound = NULL, *word_end = NULL;
    while (p < end) {
        /* Skip to the next word. */
        const char *gap = p;
        while (p < end) {
            const char *at = p;
            if (is_word(sw_utf8_next(&p))) {
                p = at;
                break;
            }
        }
        if (p >= end)
            break;
        /* One joiner between two words keeps the compound going. */
        const char *q = gap;
        int joined = 0;
        if (compound && q < p) {
            uint32_t j = sw_utf8_next(&q);
            joined = q == p && is_joiner(j);
        }
        if (!joined) {
            if (compound && pattern_add(ps, compound, (size_t)(word_end - compound), min) < 0)
                return -1;
            compound = p;
        }
        const char *word = p;
        while (p < end) {
            const char *at = p;
            if (!is_word(sw_utf8_next(&p))) {
                p = at;
                break;
            }
        }
        word_end = p;
        if (pattern_add(ps, word, (size_t)(word_end - word), min) < 0 ||
            (min <= 1 && unspaced_parts(word, (size_t)(word_end - word), ps) < 0))
            return -1;
    }
    if (compound && pattern_add(ps, compound, (size_t)(word_end - compound), min) < 0)
        return -1;
    return 0;
}

/* Every name's patterns (parts of `min` letters or more) and the id whole,
 * longest first. */
static int all_patterns(const char *const *names, size_t n, const char *id, size_t min,
                        struct patterns *ps)
{
    memset(ps, 0, sizeof *ps);
    for (size_t i = 0; i < n; i++)
        if (names[i] && *names[i] && name_patterns(names[i], min, ps) < 0)
            return -1;
    if (id && *id && pattern_add(ps, id, strlen(id), 1) < 0)
        return -1;
    if (ps->count > 1)
        qsort(ps->items, ps->count, sizeof *ps->items, by_length_desc);
    return 0;
}

/* Whether pattern p matches at s (folded), returning the end of the match. */
static const char *match_at(const char *s, const struct pattern *pat)
{
    const char *q = s;
    for (size_t i = 0; i < pat->n; i++) {
        if (!*q || xw_fold(sw_utf8_next(&q)) != pat->cps[i])
            return NULL;
    }
    return q;
}

int sw_xlsx_redact(const char *text, const char *const *names, size_t n_names,
                   const char *placeholder, struct sw_buf *out)
{
    return sw_xlsx_redact_all(text, names, n_names, NULL, placeholder, out);
}

int sw_xlsx_redact_all(const char *text, const char *const *names, size_t n_names,
                       const char *id, const char *placeholder, struct sw_buf *out)
{
    struct patterns ps;
    if (all_patterns(names, n_names, id, 1, &ps) < 0) {
        patterns_release(&ps);
        return -1;
    }
    int prev_word = 0, placed = 0;   /* placed: the last thing out is a placeholder */
    const char *p = text;
    while (*p) {
        const char *hit = NULL;
        for (size_t i = 0; i < ps.count && !hit; i++) {
            const struct pattern *pat = &ps.items[i];
            if (prev_word && needs_boundary(pat->cps[0]))
                continue;
            const char *end = match_at(p, pat);
            if (!end)
                continue;
            const char *peek = end;
            if (*end && needs_boundary(pat->cps[pat->n - 1]) &&
                needs_boundary(sw_utf8_next(&peek)))
                continue;
            hit = end;
        }
        if (hit) {
            if (!placed)   /* "山田花子": two parts, one placeholder */
                sw_buf_adds(out, placeholder);
            p = hit;
            prev_word = placed = 1;    /* the placeholder ends a word */
            continue;
        }
        placed = 0;
        const char *start = p;
        uint32_t c = sw_utf8_next(&p);
        sw_buf_add(out, start, (size_t)(p - start));
        prev_word = needs_boundary(c);
    }
    patterns_release(&ps);
    return out->failed ? -1 : 0;
}

int sw_xlsx_mentions(const char *s, const char *name)
{
    if (!s || !name || !*name)
        return 0;
    struct patterns ps;
    if (all_patterns(&name, 1, NULL, 3, &ps) < 0) {
        patterns_release(&ps);
        return 1;    /* out of memory: assume the worst */
    }
    int found = 0;
    for (const char *p = s; *p && !found;) {
        for (size_t i = 0; i < ps.count && !found; i++)
            found = match_at(p, &ps.items[i]) != NULL;
        sw_utf8_next(&p);
    }
    patterns_release(&ps);
    return found;
}
