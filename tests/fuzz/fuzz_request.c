/*
 * fuzz_request.c - libFuzzer harness for web/request.c, the one place where
 * request bytes become values. The input is three parts separated by '\n':
 * a request target, a Cookie header, and a form body (the rest, newlines
 * included). Checks: a parsed path has at most WEB_MAX_SEGMENTS non-empty
 * segments, none holding '/'; form names fit WEB_MAX_NAME; a cookie value is
 * visible ASCII without '"', ',', ';' or '\\' and fits its buffer.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "request.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_path(const char *uri, size_t len)
{
    struct web_path p;
    if (web_parse_path(uri, len, &p) < 0) {
        if (p.n != 0)
            abort();
        return;
    }
    if (p.n > WEB_MAX_SEGMENTS)
        abort();
    for (size_t i = 0; i < p.n; i++)
        if (!p.seg[i][0] || strchr(p.seg[i], '/'))
            abort();
    web_path_release(&p);
    struct web_params q;
    if (web_parse_query(uri, len, &q) == 0)
        web_params_release(&q);
}

static void check_form(const char *body, size_t len)
{
    struct web_params f;
    if (web_parse_form(body, len, &f) < 0) {
        if (f.n != 0)
            abort();
        return;
    }
    if (f.n > WEB_MAX_PARAMS)
        abort();
    for (size_t i = 0; i < f.n; i++)
        if (strlen(f.items[i].name) > WEB_MAX_NAME || web_param(&f, f.items[i].name) == NULL)
            abort();
    web_params_release(&f);
}

static void check_cookie(const char *header)
{
    char v[65];
    if (web_cookie(header, "sw_session", v, sizeof v) < 0)
        return;
    size_t n = strlen(v);
    if (n == 0 || n >= sizeof v)
        abort();
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)v[i] <= 0x20 || (unsigned char)v[i] >= 0x7F || strchr("\",;\\", v[i]))
            abort();
    (void)web_origin_ok(header, v, "127.0.0.1:8080", 0);
    (void)web_is_urlencoded(header);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy = malloc(size + 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    copy[size] = '\0';
    char *nl1 = memchr(copy, '\n', size);
    size_t uri_len = nl1 ? (size_t)(nl1 - copy) : size;
    check_path(copy, uri_len);
    if (nl1) {
        *nl1 = '\0';
        char *cookie = nl1 + 1;
        char *nl2 = strchr(cookie, '\n');
        if (nl2)
            *nl2 = '\0';
        check_cookie(cookie);
        if (nl2)
            check_form(nl2 + 1, size - (size_t)(nl2 + 1 - copy));
    }
    free(copy);
    return 0;
}
