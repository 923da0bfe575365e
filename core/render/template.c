/* template.c - the template engine: scopes, escaping, filling in templates/ (template.h). */
#include "render/template.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/resource.h"
#include "termtext.h"
#include "util/vec.h"

#define WRAP_COLUMN 78

/* --- fields -------------------------------------------------------------- */

struct item {
    struct sw_tpl_scope *scope;
    struct item *next;
};

struct field {
    const char *key;
    const char *text;           /* a text field, or NULL for a list */
    struct item *first, *last;  /* a list field */
    struct field *next;
};

struct sw_tpl_scope {
    struct sw_arena *arena;
    const struct sw_tpl_scope *parent;
    struct field *fields;
};

struct sw_tpl_scope *sw_tpl_scope_new(struct sw_arena *a)
{
    struct sw_tpl_scope *s = sw_arena_calloc(a, 1, sizeof *s);
    if (s)
        s->arena = a;
    return s;
}

static struct field *own_field(struct sw_tpl_scope *s, const char *key)
{
    for (struct field *f = s->fields; f; f = f->next)
        if (strcmp(f->key, key) == 0)
            return f;
    struct field *f = sw_arena_calloc(s->arena, 1, sizeof *f);
    if (!f)
        return NULL;
    f->key = key;
    f->next = s->fields;
    s->fields = f;
    return f;
}

int sw_tpl_set(struct sw_tpl_scope *s, const char *key, const char *text)
{
    struct field *f = own_field(s, key);
    char *copy = f ? sw_arena_strdup(s->arena, text ? text : "") : NULL;
    if (!copy)
        return -1;
    f->text = copy;
    f->first = f->last = NULL;
    return 0;
}

int sw_tpl_setf(struct sw_tpl_scope *s, const char *key, const char *fmt, ...)
{
    struct sw_buf b = SW_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    if ((size_t)n < sizeof small)
        return sw_tpl_set(s, key, small);
    va_start(ap, fmt);
    int rc = sw_buf_grow(&b, (size_t)n);
    if (rc == 0)
        vsnprintf(b.data, (size_t)n + 1, fmt, ap);
    va_end(ap);
    rc = rc < 0 ? -1 : sw_tpl_set(s, key, b.data);
    sw_buf_release(&b);
    return rc;
}

int sw_tpl_set_number(struct sw_tpl_scope *s, const char *key, double v)
{
    struct sw_buf b = SW_BUF_INIT;
    if (v == v)   /* not NaN */
        sw_buf_add_double(&b, v);
    int rc = b.failed ? -1 : sw_tpl_set(s, key, sw_buf_str(&b));
    sw_buf_release(&b);
    return rc;
}

struct sw_tpl_scope *sw_tpl_add(struct sw_tpl_scope *s, const char *key)
{
    struct field *f = own_field(s, key);
    struct item *it = f ? sw_arena_calloc(s->arena, 1, sizeof *it) : NULL;
    struct sw_tpl_scope *child = it ? sw_tpl_scope_new(s->arena) : NULL;
    if (!child)
        return NULL;
    child->parent = s;
    it->scope = child;
    f->text = NULL;
    if (f->last)
        f->last->next = it;
    else
        f->first = it;
    f->last = it;
    return child;
}

static const struct field *lookup(const struct sw_tpl_scope *s, const char *name, size_t len)
{
    for (; s; s = s->parent)
        for (const struct field *f = s->fields; f; f = f->next)
            if (strlen(f->key) == len && memcmp(f->key, name, len) == 0)
                return f;
    return NULL;
}

/* --- escaping ------------------------------------------------------------ */

static int md_starts_block(const char *s)
{
    if (*s == '#' || *s == '+' || *s == '-')
        return 1;
    const char *p = s;
    while (*p >= '0' && *p <= '9')
        p++;
    return p > s && (*p == '.' || *p == ')');
}

static int escape_md(struct sw_buf *out, const char *s)
{
    if (md_starts_block(s)) {
        const char *p = s;
        while (*p >= '0' && *p <= '9')
            p++;
        sw_buf_add(out, s, (size_t)(p - s));
        sw_buf_addc(out, '\\');
        s = p;
    }
    for (; *s; s++) {
        if (strchr("\\`*_[]<>|", *s))
            sw_buf_addc(out, '\\');
        sw_buf_addc(out, *s);
    }
    return out->failed ? -1 : 0;
}

int sw_tpl_escape(struct sw_buf *out, const char *s, enum sw_tpl_escape esc)
{
    switch (esc) {
    case SW_TPL_XML:
        for (const char *p = s; *p; p++) {
            static const char specials[] = "&<>\"'\r";
            static const char *const entities[] = { "&amp;", "&lt;", "&gt;", "&quot;",
                                                    "&apos;", "&#13;" };
            const char *r = strchr(specials, *p);
            if (r)
                sw_buf_adds(out, entities[r - specials]);
            else
                sw_buf_addc(out, *p);
        }
        return out->failed ? -1 : 0;
    case SW_TPL_MD:
        return escape_md(out, s);
    case SW_TPL_RAW:
        break;
    }
    return sw_buf_adds(out, s);
}

int sw_tpl_escape_comment(struct sw_buf *out, const char *s)
{
    for (; *s; s++) {
        sw_buf_addc(out, *s);
        if (*s == '-' && (s[1] == '-' || s[1] == '\0'))
            sw_buf_addc(out, ' ');
    }
    return out->failed ? -1 : 0;
}

/* --- parsing ------------------------------------------------------------- */

enum tok_kind { T_TEXT, T_VAR, T_SECTION, T_INVERTED, T_END, T_PARTIAL };
enum { F_WRAP = 1, F_COMMENT = 2, F_RAW = 4 };

struct tok {
    enum tok_kind kind;
    const char *start;   /* the text, or the field's name */
    size_t len;
    unsigned filters;
    int line;
    size_t end;          /* sections: the index of their T_END */
};

struct parser {
    const char *name;
    const char *text, *limit;
    struct tok *toks;
    size_t n, cap;
    struct sw_errors *errs;
};

static int line_at(const struct parser *P, const char *at)
{
    int line = 1;
    for (const char *p = P->text; p < at; p++)
        line += *p == '\n';
    return line;
}

static int syntax(const struct parser *P, const char *at, const char *what)
{
    return sw_error_add(P->errs, SW_ESYSTEM, P->name, line_at(P, at), "template: %s", what);
}

static struct tok *push(struct parser *P, enum tok_kind kind, const char *start, size_t len)
{
    if (SW_VEC_GROW(P->toks, P->cap, P->n + 1, 64) < 0)
        return NULL;
    struct tok *t = &P->toks[P->n++];
    *t = (struct tok){ kind, start, len, 0, 0, 0 };
    return t;
}

static int is_blank_run(const char *from, const char *to)
{
    for (; from < to; from++)
        if (*from != ' ' && *from != '\t')
            return 0;
    return 1;
}

/* For a tag alone on its line: drops the blanks before it (from the last text
 * token) and returns where the text after it starts (past the newline). */
static const char *standalone(struct parser *P, const char *open, const char *after)
{
    const char *line_start = open;
    while (line_start > P->text && line_start[-1] != '\n')
        line_start--;
    const char *eol = after;
    while (eol < P->limit && *eol != '\n')
        eol++;
    if (!is_blank_run(line_start, open) || !is_blank_run(after, eol))
        return after;
    if (P->n && P->toks[P->n - 1].kind == T_TEXT)
        P->toks[P->n - 1].len -= (size_t)(open - line_start);
    return eol < P->limit ? eol + 1 : eol;
}

static int parse_filters(struct parser *P, const char *at, const char *p, const char *end,
                         unsigned *filters)
{
    static const struct { const char *name; unsigned flag; } known[] = {
        { "wrap", F_WRAP }, { "comment", F_COMMENT }, { "raw", F_RAW },
    };
    while (p < end) {
        const char *q = ++p;
        while (q < end && *q != '|')
            q++;
        size_t i = 0;
        while (i < 3 && !(strlen(known[i].name) == (size_t)(q - p) &&
                          memcmp(known[i].name, p, (size_t)(q - p)) == 0))
            i++;
        if (i == 3)
            return syntax(P, at, "unknown filter (use wrap, comment or raw)");
        *filters |= known[i].flag;
        p = q;
    }
    return 0;
}

/* One {{...}} tag starting at `open`; returns where parsing goes on, NULL on error. */
static const char *parse_tag(struct parser *P, const char *open, size_t *depth_stack,
                             size_t *depth)
{
    const char *body = open + 2;
    const char *close = body;
    while (close + 1 < P->limit && !(close[0] == '}' && close[1] == '}'))
        close++;
    if (close + 1 >= P->limit)
        return syntax(P, open, "'{{' without '}}'"), NULL;
    const char *after = close + 2;
    char sigil = *body;
    if (sigil == '!')
        return standalone(P, open, after);
    if (sigil == '#' || sigil == '^' || sigil == '/' || sigil == '>')
        body++;
    while (body < close && *body == ' ')
        body++;
    const char *name_end = body;
    while (name_end < close && strchr(sigil == '>' ? "abcdefghijklmnopqrstuvwxyz0123456789_-."
                                      : "abcdefghijklmnopqrstuvwxyz0123456789_-", *name_end))
        name_end++;
    const char *tail = name_end;
    while (tail < close && *tail == ' ')
        tail++;
    const char *last = close;
    while (last > tail && last[-1] == ' ')
        last--;
    if (name_end == body || (tail < last && (*tail != '|' || sigil == '>')))
        return syntax(P, open, "a tag holds a field name (a-z, 0-9, _ or -)"), NULL;
    enum tok_kind kind = sigil == '#' ? T_SECTION : sigil == '^' ? T_INVERTED
                       : sigil == '/' ? T_END : sigil == '>' ? T_PARTIAL : T_VAR;
    if (kind != T_VAR)
        after = standalone(P, open, after);
    struct tok *t = push(P, kind, body, (size_t)(name_end - body));
    if (!t)
        return sw_fail_oom(P->errs, P->name), NULL;
    t->line = line_at(P, open);
    if (kind == T_VAR && parse_filters(P, open, tail, last, &t->filters) < 0)
        return NULL;
    if (kind == T_SECTION || kind == T_INVERTED) {
        if (*depth == 64)
            return syntax(P, open, "sections nested deeper than 64"), NULL;
        depth_stack[(*depth)++] = P->n - 1;
    } else if (kind == T_END) {
        if (*depth == 0)
            return syntax(P, open, "'{{/' closes no section"), NULL;
        struct tok *s = &P->toks[depth_stack[--*depth]];
        if (s->len != t->len || memcmp(s->start, t->start, t->len) != 0)
            return syntax(P, open, "'{{/' does not match the section it closes"), NULL;
        s->end = P->n - 1;
    }
    return after;
}

static int parse(struct parser *P)
{
    size_t stack[64], depth = 0;
    const char *p = P->text;
    while (p < P->limit) {
        const char *open = p;
        while (open + 1 < P->limit && !(open[0] == '{' && open[1] == '{'))
            open++;
        if (open + 1 >= P->limit)
            open = P->limit;
        if (open > p && !push(P, T_TEXT, p, (size_t)(open - p)))
            return sw_fail_oom(P->errs, P->name);
        if (open == P->limit)
            break;
        p = parse_tag(P, open, stack, &depth);
        if (!p)
            return -1;
    }
    if (depth)
        return syntax(P, P->toks[stack[depth - 1]].start, "section not closed");
    return 0;
}

/* --- rendering ----------------------------------------------------------- */

struct renderer {
    const struct parser *P;
    enum sw_tpl_escape esc;
    struct sw_buf *out;
    struct sw_buf scratch;
    int depth;           /* partials inside partials */
};

#define MAX_PARTIAL_DEPTH 8

static int render_text(const char *text, size_t len, const char *name,
                       const struct sw_tpl_scope *s, enum sw_tpl_escape esc, int depth,
                       struct sw_buf *out, struct sw_errors *errs);

static size_t current_column(const struct sw_buf *out)
{
    if (out->len == 0)
        return 0;
    const char *line = out->data + out->len;
    while (line > out->data && line[-1] != '\n')
        line--;
    return sw_text_width(line);
}

static int put_value(struct renderer *R, const struct tok *t, const char *text)
{
    struct sw_buf *dst = t->filters & F_WRAP ? &R->scratch : R->out;
    sw_buf_reset(&R->scratch);
    if (t->filters & F_COMMENT)
        sw_tpl_escape_comment(dst, text);
    else
        sw_tpl_escape(dst, text, t->filters & F_RAW ? SW_TPL_RAW : R->esc);
    if (t->filters & F_WRAP) {
        size_t col = current_column(R->out);
        sw_text_wrap(R->out, sw_buf_str(&R->scratch), col, col, WRAP_COLUMN);
        if (!R->out->failed)
            R->out->data[--R->out->len] = '\0';   /* sw_text_wrap ends with a newline */
    }
    return R->out->failed || R->scratch.failed ? -1 : 0;
}

/* {{> name}}: the built-in template `name`, with the fields in scope. */
static int render_partial(struct renderer *R, const struct tok *t, const struct sw_tpl_scope *s)
{
    const struct parser *P = R->P;
    char name[128];
    snprintf(name, sizeof name, "%.*s", (int)t->len, t->start);
    size_t len;
    const char *text = sw_resource(name, &len);
    if (!text || R->depth >= MAX_PARTIAL_DEPTH)
        return sw_error_add(P->errs, SW_ESYSTEM, P->name, t->line, !text
                            ? "template: no built-in template '%s'"
                            : "template: '%s' is in partials nested deeper than 8", name);
    return render_text(text, len, name, s, R->esc, R->depth + 1, R->out, P->errs);
}

static int render(struct renderer *R, size_t from, size_t to, const struct sw_tpl_scope *s)
{
    const struct parser *P = R->P;
    for (size_t i = from; i < to; i++) {
        const struct tok *t = &P->toks[i];
        const struct field *f = t->kind == T_TEXT ? NULL : lookup(s, t->start, t->len);
        int empty = !f || (f->text ? !*f->text : !f->first);
        switch (t->kind) {
        case T_TEXT:
            if (sw_buf_add(R->out, t->start, t->len) < 0)
                return sw_fail_oom(P->errs, P->name);
            break;
        case T_VAR:
            if (!f || !f->text)
                return sw_error_add(P->errs, SW_ESYSTEM, P->name, t->line,
                                    "template: '%.*s' is not a text field", (int)t->len,
                                    t->start);
            if (put_value(R, t, f->text) < 0)
                return sw_fail_oom(P->errs, P->name);
            break;
        case T_SECTION:
            if (f && !f->text) {
                for (const struct item *it = f->first; it; it = it->next)
                    if (render(R, i + 1, t->end, it->scope) < 0)
                        return -1;
            } else if (!empty && render(R, i + 1, t->end, s) < 0) {
                return -1;
            }
            i = t->end;
            break;
        case T_INVERTED:
            if (empty && render(R, i + 1, t->end, s) < 0)
                return -1;
            i = t->end;
            break;
        case T_PARTIAL:
            if (render_partial(R, t, s) < 0)
                return -1;
            break;
        case T_END:
            break;
        }
    }
    return 0;
}

static int render_text(const char *text, size_t len, const char *name,
                       const struct sw_tpl_scope *s, enum sw_tpl_escape esc, int depth,
                       struct sw_buf *out, struct sw_errors *errs)
{
    struct parser P = { name, text, text + len, NULL, 0, 0, errs };
    int rc = parse(&P);
    if (rc == 0) {
        struct renderer R = { &P, esc, out, SW_BUF_INIT, depth };
        rc = render(&R, 0, P.n, s);
        if (rc < 0 && (out->failed || R.scratch.failed))    /* render records the rest */
            sw_buf_fail(out->failed ? out : &R.scratch, errs, name);
        sw_buf_release(&R.scratch);
    }
    free(P.toks);
    return rc;
}

int sw_tpl_render_text(const char *text, size_t len, const char *name,
                       const struct sw_tpl_scope *s, enum sw_tpl_escape esc,
                       struct sw_buf *out, struct sw_errors *errs)
{
    return render_text(text, len, name, s, esc, 0, out, errs);
}

int sw_tpl_render(const char *name, const struct sw_tpl_scope *s, enum sw_tpl_escape esc,
                  struct sw_buf *out, struct sw_errors *errs)
{
    size_t len;
    const char *text = sw_resource(name, &len);
    if (!text)
        return sw_error_add(errs, SW_ESYSTEM, name, 0, "no built-in template '%s'", name);
    return render_text(text, len, name, s, esc, 0, out, errs);
}
