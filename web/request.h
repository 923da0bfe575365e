/*
 * request.h - the one place where the bytes of an HTTP request become values
 * (docs/design.md, "The web app"): the path split into segments, percent
 * decoding, query strings and urlencoded forms, cookies, and the rule for
 * where a POST may come from. Pure functions over bytes: no I/O, no globals,
 * so they are unit-tested and fuzzed (tests/fuzz/fuzz_request.c) alone.
 *
 * Everything a parser returns is a copy the caller owns: release a path with
 * web_path_release() and parameters with web_params_release(). Limits are
 * refusals, never truncations: a request over a limit does not parse.
 */
#ifndef SW_WEB_REQUEST_H
#define SW_WEB_REQUEST_H

#include <stddef.h>

#define WEB_MAX_URI 4096        /* bytes of a request target (path and query) */
#define WEB_MAX_SEGMENTS 8      /* path segments: /r/REQ/s/CAND/INTERVIEW/INTERVIEWER is 6 */
#define WEB_MAX_PARAMS 512      /* fields of one query string or form */
#define WEB_MAX_NAME 64         /* bytes of a field name */
#define WEB_MAX_BODY ((size_t)1 << 20)   /* bytes of a request body (413 above) */
#define WEB_MAX_COOKIE 4096     /* bytes of a Cookie header */

/* A request path split at '/', each segment percent-decoded. "/" has no
 * segments; "/a/b/" is the same as "/a/b". */
struct web_path {
    char *seg[WEB_MAX_SEGMENTS];
    size_t n;
};

struct web_param {
    char *name;
    char *value;
};

struct web_params {
    struct web_param *items;
    size_t n;
};

/* Splits the request target `uri` (len bytes; a query after '?' is ignored)
 * into out. The target must start with '/'. The split happens before
 * decoding, so an encoded slash ("%2F") can never make a segment boundary:
 * a segment that decodes to something holding '/' or NUL, an empty segment
 * between two slashes ("/a//b"), a bad escape ("%G1", "%4"), more than
 * WEB_MAX_SEGMENTS segments or a target over WEB_MAX_URI bytes are refused.
 * 0, or -1 (out is then empty) when refused or out of memory. */
int web_parse_path(const char *uri, size_t len, struct web_path *out);
void web_path_release(struct web_path *p);

/* Parses name=value pairs separated by '&' (a query string, or a body of
 * type application/x-www-form-urlencoded): '+' is a space, %XX a byte. A
 * pair without '=' has the value "". Empty pairs ("a=1&&b=2") are skipped.
 * Refused (-1, out empty): a bad escape, a decoded NUL in a name or value,
 * a name over WEB_MAX_NAME bytes, more than WEB_MAX_PARAMS pairs, len over
 * WEB_MAX_BODY, out of memory. 0 otherwise. */
int web_parse_form(const char *data, size_t len, struct web_params *out);
/* The query of a request target: the form after the first '?' (none: empty). */
int web_parse_query(const char *uri, size_t len, struct web_params *out);
void web_params_release(struct web_params *p);
/* The value of the first field named `name`, or NULL. */
const char *web_param(const struct web_params *p, const char *name);

/* Finds cookie `name` in a Cookie header ("a=1; b=2") and copies its value
 * into out (size outsz, NUL-terminated). Only the first cookie of that name
 * counts. Values are taken as they are (no decoding) and must be made of
 * visible ASCII other than '"', ',', ';' and '\\'. 0 when found and it fits;
 * -1 otherwise (absent, empty, malformed, too long, header over WEB_MAX_COOKIE). */
int web_cookie(const char *header, const char *name, char *out, size_t outsz);

/* Whether a state-changing request (POST) may be trusted to come from our
 * own pages, by the headers a browser sets (docs/design.md, "Requests, CSRF and Origin"):
 * refused when Sec-Fetch-Site is "cross-site" or "same-site"; when Origin is
 * "null", accepted only with Sec-Fetch-Site "same-origin" (Chromium under
 * Referrer-Policy: no-referrer); any other Origin must be exactly
 * "http://HOST" (https with `tls`), HOST being the Host header. Absent
 * headers (clients that are not browsers) are accepted: the CSRF token is
 * the other half of the rule. Any argument may be NULL (absent). 1 or 0. */
int web_origin_ok(const char *origin, const char *fetch_site, const char *host, int tls);

/* Whether a Host header names this machine: "localhost", an address of
 * 127.0.0.0/8 or "[::1]", with or without ":PORT". Single-person mode
 * answers only such requests, so that a web page whose name an attacker
 * points at 127.0.0.1 (DNS rebinding) cannot read it. NULL: 0. */
int web_host_is_loopback(const char *host);

/* The last address of an X-Forwarded-For header ("a, b, c" -> "c"), spaces
 * trimmed, into out. Nothing changes (and -1 is returned) when the header
 * is NULL, its last entry empty, or too long for out; else 0. */
int web_forwarded_for(const char *header, char *out, size_t size);

/* Whether `ct` (a Content-Type header, may be NULL) names
 * application/x-www-form-urlencoded, with or without parameters. */
int web_is_urlencoded(const char *ct);

#endif
