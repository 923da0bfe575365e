#include "json.h"

#include <math.h>

void sw_json_init(struct sw_json *j, struct sw_buf *out)
{
    j->out = out;
    j->depth = 0;
    j->count[0] = 0;
    j->after_key = 0;
}

static void indent(struct sw_json *j)
{
    sw_buf_addc(j->out, '\n');
    for (int i = 0; i < j->depth; i++)
        sw_buf_adds(j->out, "  ");
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

void sw_json_add_string(struct sw_buf *b, const char *s)
{
    sw_buf_addc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': sw_buf_adds(b, "\\\""); break;
        case '\\': sw_buf_adds(b, "\\\\"); break;
        case '\n': sw_buf_adds(b, "\\n"); break;
        case '\r': sw_buf_adds(b, "\\r"); break;
        case '\t': sw_buf_adds(b, "\\t"); break;
        default:
            if (*p < 0x20)
                sw_buf_addf(b, "\\u%04x", *p);
            else
                sw_buf_addc(b, (char)*p);
        }
    }
    sw_buf_addc(b, '"');
}

void sw_json_key(struct sw_json *j, const char *key)
{
    before_value(j);
    sw_json_add_string(j->out, key);
    sw_buf_adds(j->out, ": ");
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
    sw_buf_addf(j->out, "%lld", v);
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
