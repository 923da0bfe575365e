#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sw_buf_init(struct sw_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->failed = 0;
}

void sw_buf_release(struct sw_buf *b)
{
    if (!b)
        return;
    free(b->data);
    sw_buf_init(b);
}

void sw_buf_reset(struct sw_buf *b)
{
    b->len = 0;
    b->failed = 0;
    if (b->data)
        b->data[0] = '\0';
}

int sw_buf_grow(struct sw_buf *b, size_t extra)
{
    if (extra > SW_BUF_MAX - b->len) {
        b->failed = 1;
        return -1;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *data = realloc(b->data, cap);
    if (!data) {
        b->failed = 1;
        return -1;
    }
    b->data = data;
    b->cap = cap;
    b->data[b->len] = '\0';
    return 0;
}

int sw_buf_add(struct sw_buf *b, const void *data, size_t len)
{
    if (sw_buf_grow(b, len) < 0)
        return -1;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

int sw_buf_adds(struct sw_buf *b, const char *s)
{
    return sw_buf_add(b, s, strlen(s));
}

int sw_buf_addc(struct sw_buf *b, char c)
{
    return sw_buf_add(b, &c, 1);
}

int sw_buf_addf(struct sw_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || sw_buf_grow(b, (size_t)n) < 0) {
        b->failed = 1;
        return -1;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

int sw_buf_add_xml(struct sw_buf *b, const char *s)
{
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&apos;"; break;
        default: break;
        }
        if ((rep ? sw_buf_adds(b, rep) : sw_buf_addc(b, *s)) < 0)
            return -1;
    }
    return 0;
}

int sw_buf_add_double(struct sw_buf *b, double v)
{
    char text[32];
    /* %g drops trailing zeros, and every decimal of up to DBL_DIG (15)
     * significant digits reads back as the double nearest it, so 15 digits
     * already give the shortest text for every value that has one that short. */
    for (int precision = 15; precision <= 17; precision++) {
        snprintf(text, sizeof text, "%.*g", precision, v);
        if (strtod(text, NULL) == v)
            break;
    }
    return sw_buf_adds(b, text);
}

char *sw_buf_detach(struct sw_buf *b, size_t *len)
{
    if (!b->data && sw_buf_grow(b, 0) < 0)
        return NULL;
    char *data = b->data;
    if (len)
        *len = b->len;
    sw_buf_init(b);
    return data;
}

const char *sw_buf_str(const struct sw_buf *b)
{
    return b->data ? b->data : "";
}
