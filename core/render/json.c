/* json.c - writing JSON text into a struct sw_buf (json.h). */
#include "render/json.h"

#include <math.h>
#include <string.h>

void sw_json_init(struct sw_json *j, struct sw_buf *out)
{
    j->out = out;
    j->depth = 0;
    j->count[0] = 0;
    j->after_key = 0;
}

static void indent(struct sw_json *j)
{
    size_t width = 1 + 2 * (size_t)j->depth;
    if (sw_buf_grow(j->out, width) < 0)
        return;
    char *at = j->out->data + j->out->len;
    at[0] = '\n';
    memset(at + 1, ' ', width - 1);
    j->out->len += width;
    j->out->data[j->out->len] = '\0';
}

/* Separates a value from the one before it, unless it follows its key. */
static void before_value(struct sw_json *j)
{
    if (j->after_key) {
        j->after_key = 0;
        return;
    }
    if (j->count[j->depth]++ > 0)
        sw_buf_addc(j->out, ',');
    if (j->depth > 0)
        indent(j);
}

static void open_container(struct sw_json *j, char c)
{
    before_value(j);
    sw_buf_addc(j->out, c);
    if (j->depth + 1 < SW_JSON_MAX_DEPTH)
        j->depth++;
    j->count[j->depth] = 0;
}

static void close_container(struct sw_json *j, char c)
{
    int had = j->count[j->depth];
    if (j->depth > 0)
        j->depth--;
    if (had)
        indent(j);
    sw_buf_addc(j->out, c);
    if (j->depth == 0)
        sw_buf_addc(j->out, '\n');
}

void sw_json_begin_object(struct sw_json *j) { open_container(j, '{'); }
void sw_json_end_object(struct sw_json *j) { close_container(j, '}'); }
void sw_json_begin_array(struct sw_json *j) { open_container(j, '['); }
void sw_json_end_array(struct sw_json *j) { close_container(j, ']'); }

/* Whether byte c must be escaped in a JSON string. */
static int needs_escape(unsigned char c)
{
    return c < 0x20 || c == '"' || c == '\\';
}

void sw_json_add_string(struct sw_buf *b, const char *s)
{
    sw_buf_addc(b, '"');
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        const unsigned char *run = p;
        while (*p && !needs_escape(*p))
            p++;
        if (p > run)
            sw_buf_add(b, run, (size_t)(p - run));
        if (!*p)
            break;
        switch (*p) {
        case '"': sw_buf_adds(b, "\\\""); break;
        case '\\': sw_buf_adds(b, "\\\\"); break;
        case '\n': sw_buf_adds(b, "\\n"); break;
        case '\r': sw_buf_adds(b, "\\r"); break;
        case '\t': sw_buf_adds(b, "\\t"); break;
        default: sw_buf_addf(b, "\\u%04x", *p); break;
        }
        p++;
    }
    sw_buf_addc(b, '"');
}

/* Whether a key is short and needs no escaping: copied as it is. */
static int plain_key(const char *key, size_t n)
{
    if (n > 64)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (needs_escape((unsigned char)key[i]))
            return 0;
    return 1;
}

void sw_json_key(struct sw_json *j, const char *key)
{
    before_value(j);
    size_t n = strlen(key);
    if (plain_key(key, n)) {
        char text[68];    /* "key": */
        text[0] = '"';
        memcpy(text + 1, key, n);
        memcpy(text + 1 + n, "\": ", 3);
        sw_buf_add(j->out, text, n + 4);
    } else {
        sw_json_add_string(j->out, key);
        sw_buf_adds(j->out, ": ");
    }
    j->after_key = 1;
}

void sw_json_string(struct sw_json *j, const char *s)
{
    before_value(j);
    sw_json_add_string(j->out, s ? s : "");
}

void sw_json_number(struct sw_json *j, double v)
{
    before_value(j);
    if (!isfinite(v))
        sw_buf_adds(j->out, "null");
    else
        sw_buf_add_double(j->out, v == 0 ? 0.0 : v);   /* never "-0" */
}

void sw_json_integer(struct sw_json *j, long long v)
{
    before_value(j);
    char text[24];
    int len = 0;
    unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
    do
        text[sizeof text - 1 - len++] = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        text[sizeof text - 1 - len++] = '-';
    sw_buf_add(j->out, text + sizeof text - len, (size_t)len);
}

void sw_json_bool(struct sw_json *j, int v)
{
    before_value(j);
    sw_buf_adds(j->out, v ? "true" : "false");
}

void sw_json_null(struct sw_json *j)
{
    before_value(j);
    sw_buf_adds(j->out, "null");
}

/* --- members ------------------------------------------------------------- */

void sw_json_put_string(struct sw_json *j, const char *key, const char *s)
{
    sw_json_key(j, key);
    sw_json_string(j, s);
}

void sw_json_put_number(struct sw_json *j, const char *key, double v)
{
    sw_json_key(j, key);
    sw_json_number(j, v);
}

void sw_json_put_integer(struct sw_json *j, const char *key, long long v)
{
    sw_json_key(j, key);
    sw_json_integer(j, v);
}

void sw_json_put_bool(struct sw_json *j, const char *key, int v)
{
    sw_json_key(j, key);
    sw_json_bool(j, v);
}

void sw_json_put_string_or_null(struct sw_json *j, const char *key, const char *s)
{
    sw_json_key(j, key);
    if (s)
        sw_json_string(j, s);
    else
        sw_json_null(j);
}

void sw_json_put_pillars(struct sw_json *j, const struct sw_rubric *r, const double *score)
{
    sw_json_key(j, "pillars");
    sw_json_begin_array(j);
    for (size_t p = 0; p < r->n_pillars; p++) {
        sw_json_begin_object(j);
        sw_json_put_string(j, "id", r->pillars[p].id);
        sw_json_put_number(j, "score", score[p]);
        sw_json_end_object(j);
    }
    sw_json_end_array(j);
}
