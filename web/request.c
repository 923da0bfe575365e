/* request.c - request bytes to values; see request.h. */
#include "request.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes len bytes of s into a new NUL-terminated string; '+' becomes a
 * space when `plus` is set. NULL on a bad escape, a decoded NUL or no memory. */
static char *decode(const char *s, size_t len, int plus)
{
    if (len == SIZE_MAX)        /* no room for the NUL */
        return NULL;
    char *out = malloc(len + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        int c = (unsigned char)s[i];
        if (c == '%') {
            int hi = len - i >= 3 ? hex_value(s[i + 1]) : -1;
            int lo = len - i >= 3 ? hex_value(s[i + 2]) : -1;
            c = hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
            i += 2;
        } else if (c == '+' && plus) {
            c = ' ';
        }
        if (c <= 0) {
            free(out);
            return NULL;
        }
        *o++ = (char)c;
    }
    *o = '\0';
    return out;
}

void web_path_release(struct web_path *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->seg[i]);
    p->n = 0;
}

int web_parse_path(const char *uri, size_t len, struct web_path *out)
{
    out->n = 0;
    const char *q = memchr(uri, '?', len);
    size_t plen = q ? (size_t)(q - uri) : len;
    if (len > WEB_MAX_URI || plen == 0 || uri[0] != '/')
        return -1;
    size_t at = 1;
    while (at < plen) {
        const char *slash = memchr(uri + at, '/', plen - at);
        size_t end = slash ? (size_t)(slash - uri) : plen;
        /* An empty segment is only allowed as a trailing slash. */
        if (end == at || out->n == WEB_MAX_SEGMENTS)
            goto refuse;
        char *seg = decode(uri + at, end - at, 0);
        if (!seg || strchr(seg, '/')) {
            free(seg);
            goto refuse;
        }
        out->seg[out->n++] = seg;
        at = end + 1;
    }
    return 0;
refuse:
    web_path_release(out);
    return -1;
}

void web_params_release(struct web_params *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->items[i].name);
        free(p->items[i].value);
    }
    free(p->items);
    p->items = NULL;
    p->n = 0;
}

static int add_pair(struct web_params *out, const char *pair, size_t len)
{
    const char *eq = memchr(pair, '=', len);
    size_t nlen = eq ? (size_t)(eq - pair) : len;
    if (out->n == WEB_MAX_PARAMS)
        return -1;
    char *name = decode(pair, nlen, 1);
    char *value = eq ? decode(eq + 1, len - nlen - 1, 1) : decode("", 0, 1);
    if (!name || !value || strlen(name) > WEB_MAX_NAME) {
        free(name);
        free(value);
        return -1;
    }
    out->items[out->n].name = name;
    out->items[out->n].value = value;
    out->n++;
    return 0;
}

int web_parse_form(const char *data, size_t len, struct web_params *out)
{
    out->items = NULL;
    out->n = 0;
    if (len > WEB_MAX_BODY)
        return -1;
    size_t pairs = 1;
    for (size_t i = 0; i < len; i++)
        pairs += data[i] == '&';
    if (pairs > WEB_MAX_PARAMS)
        pairs = WEB_MAX_PARAMS + 1;   /* enough to notice the excess */
    out->items = calloc(pairs, sizeof *out->items);
    if (!out->items)
        return -1;
    size_t at = 0;
    while (at < len) {
        const char *amp = memchr(data + at, '&', len - at);
        size_t end = amp ? (size_t)(amp - data) : len;
        if (end > at && add_pair(out, data + at, end - at) < 0) {
            web_params_release(out);
            return -1;
        }
        at = end + 1;
    }
    return 0;
}

int web_parse_query(const char *uri, size_t len, struct web_params *out)
{
    const char *q = memchr(uri, '?', len);
    if (!q) {
        out->items = NULL;
        out->n = 0;
        return 0;
    }
    return web_parse_form(q + 1, len - (size_t)(q + 1 - uri), out);
}

const char *web_param(const struct web_params *p, const char *name)
{
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->items[i].name, name) == 0)
            return p->items[i].value;
    return NULL;
}

static int cookie_char_ok(unsigned char c)
{
    return c > 0x20 && c < 0x7F && c != '"' && c != ',' && c != ';' && c != '\\';
}

int web_cookie(const char *header, const char *name, char *out, size_t outsz)
{
    if (!header || strlen(header) > WEB_MAX_COOKIE || outsz == 0)
        return -1;
    size_t nlen = strlen(name);
    const char *p = header;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
            const char *v = p + nlen + 1;
            size_t vlen = len - nlen - 1;
            while (vlen && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
                vlen--;
            if (vlen == 0 || vlen >= outsz)
                return -1;
            for (size_t i = 0; i < vlen; i++)
                if (!cookie_char_ok((unsigned char)v[i]))
                    return -1;
            memcpy(out, v, vlen);
            out[vlen] = '\0';
            return 0;
        }
        if (!end)
            break;
        p = end + 1;
    }
    return -1;
}

int web_origin_ok(const char *origin, const char *fetch_site, const char *host, int tls)
{
    if (fetch_site && (strcmp(fetch_site, "cross-site") == 0 ||
                       strcmp(fetch_site, "same-site") == 0))
        return 0;
    if (!origin)
        return 1;
    if (strcmp(origin, "null") == 0)
        return fetch_site && strcmp(fetch_site, "same-origin") == 0;
    const char *scheme = tls ? "https://" : "http://";
    size_t slen = strlen(scheme);
    return host && *host && strncmp(origin, scheme, slen) == 0 &&
           strcmp(origin + slen, host) == 0;
}

int web_is_urlencoded(const char *ct)
{
    static const char type[] = "application/x-www-form-urlencoded";
    if (!ct)
        return 0;
    while (*ct == ' ')
        ct++;
    size_t n = sizeof type - 1;
    if (strncasecmp(ct, type, n) != 0)
        return 0;
    ct += n;
    while (*ct == ' ')
        ct++;
    return *ct == '\0' || *ct == ';';
}

int web_host_is_loopback(const char *host)
{
    if (!host)
        return 0;
    size_t n = strlen(host);
    const char *colon = host[0] == '[' ? strstr(host, "]:") : strrchr(host, ':');
    if (colon && host[0] == '[')
        colon++;
    if (colon) {
        if (!colon[1] || strspn(colon + 1, "0123456789") != strlen(colon + 1))
            return 0;
        n = (size_t)(colon - host);
    }
    if ((n == 9 && strncasecmp(host, "localhost", 9) == 0) ||
        (n == 5 && strncmp(host, "[::1]", 5) == 0))
        return 1;
    /* 127.D.D.D */
    int parts = 0, digits = 0;
    if (n < 4 || strncmp(host, "127.", 4) != 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (host[i] == '.') {
            if (digits == 0 || digits > 3)
                return 0;
            parts++;
            digits = 0;
        } else if (host[i] >= '0' && host[i] <= '9') {
            digits++;
        } else {
            return 0;
        }
    }
    return parts == 3 && digits > 0 && digits <= 3;
}

int web_forwarded_for(const char *header, char *out, size_t size)
{
    if (!header)
        return -1;
    const char *last = strrchr(header, ',');
    last = last ? last + 1 : header;
    while (*last == ' ' || *last == '\t')
        last++;
    size_t n = strlen(last);
    while (n && (last[n - 1] == ' ' || last[n - 1] == '\t'))
        n--;
    if (n == 0 || n >= size)
        return -1;
    memcpy(out, last, n);
    out[n] = '\0';
    return 0;
}
