/* test_web_request.c - web/request.c on ordinary and hostile requests. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "request.h"

/* The path as "seg|seg|..." or "REFUSED". */
static char *path_of(const char *uri)
{
    static char out[1024];
    struct web_path p;
    if (web_parse_path(uri, strlen(uri), &p) < 0)
        return strcpy(out, "REFUSED");
    out[0] = '\0';
    for (size_t i = 0; i < p.n; i++) {
        strcat(out, i ? "|" : "");
        strcat(out, p.seg[i]);
    }
    web_path_release(&p);
    return out;
}

static void test_web_request_path_splits_and_decodes(void **state)
{
    (void)state;
    assert_string_equal("", path_of("/"));
    assert_string_equal("r|req-1|s|c 1|tdd|akim",
                        path_of("/r/req-1/s/c%201/tdd/akim?x=1/2"));
    assert_string_equal("login", path_of("/login/"));
    assert_string_equal("a+b", path_of("/a+b"));   /* '+' is a space only in forms */
    assert_string_equal("..", path_of("/%2e%2e"));   /* decoded; ids are checked later */
}

static void test_web_request_path_refuses_hostile(void **state)
{
    (void)state;
    static const char *const hostile[] = {
        "", "r/x", "//", "/a//b", "/a%2Fb", "/a%2fb", "/%00", "/a%", "/a%4", "/a%G1",
        "/1/2/3/4/5/6/7/8/9", "?a=1",
    };
    for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++)
        assert_string_equal("REFUSED", path_of(hostile[i]));
    char *long_uri = malloc(WEB_MAX_URI + 2);
    long_uri[0] = '/';
    memset(long_uri + 1, 'a', WEB_MAX_URI);
    long_uri[WEB_MAX_URI + 1] = '\0';
    assert_string_equal("REFUSED", path_of(long_uri));
    free(long_uri);
}

static void test_web_request_form_decodes(void **state)
{
    (void)state;
    static const char body[] = "csrf=ab12&e0=Led+the+%22migration%22%0D%0Ain+Q3&&v0=3.5&flag";
    struct web_params p;
    assert_int_equal(0, web_parse_form(body, strlen(body), &p));
    assert_int_equal(4, p.n);
    assert_string_equal("ab12", web_param(&p, "csrf"));
    assert_string_equal("Led the \"migration\"\r\nin Q3", web_param(&p, "e0"));
    assert_string_equal("3.5", web_param(&p, "v0"));
    assert_string_equal("", web_param(&p, "flag"));
    assert_null(web_param(&p, "missing"));
    web_params_release(&p);
}

static void test_web_request_form_first_of_duplicates(void **state)
{
    (void)state;
    struct web_params p;
    assert_int_equal(0, web_parse_form("a=1&a=2", 7, &p));
    assert_string_equal("1", web_param(&p, "a"));
    web_params_release(&p);
}

static void test_web_request_form_refuses_hostile(void **state)
{
    (void)state;
    static const char *const hostile[] = { "a=%00", "%00=1", "a=%", "a=%zz", "a=1%2" };
    struct web_params p;
    for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
        assert_int_equal(-1, web_parse_form(hostile[i], strlen(hostile[i]), &p));
        assert_int_equal(0, p.n);
    }
    char name[WEB_MAX_NAME + 4];
    memset(name, 'n', WEB_MAX_NAME + 1);
    strcpy(name + WEB_MAX_NAME + 1, "=1");
    assert_int_equal(-1, web_parse_form(name, strlen(name), &p));
    size_t n = (WEB_MAX_PARAMS + 1) * 2;
    char *many = malloc(n + 1);
    for (size_t i = 0; i < n; i += 2)
        memcpy(many + i, "a&", 2);
    many[n] = '\0';
    assert_int_equal(-1, web_parse_form(many, n, &p));
    assert_int_equal(0, web_parse_form(many, WEB_MAX_PARAMS * 2, &p));
    assert_int_equal(WEB_MAX_PARAMS, p.n);
    web_params_release(&p);
    free(many);
    assert_int_equal(-1, web_parse_form("a=1", WEB_MAX_BODY + 1, &p));
}

static void test_web_request_query(void **state)
{
    (void)state;
    struct web_params p;
    const char *uri = "/login?t=00ff%41&x";
    assert_int_equal(0, web_parse_query(uri, strlen(uri), &p));
    assert_int_equal(2, p.n);
    assert_string_equal("00ffA", web_param(&p, "t"));
    web_params_release(&p);
    assert_int_equal(0, web_parse_query("/", 1, &p));
    assert_int_equal(0, p.n);
}

static void test_web_request_cookie(void **state)
{
    (void)state;
    char v[65];
    assert_int_equal(0, web_cookie("a=1; sw_session=abc; sw_session=def", "sw_session", v,
                                   sizeof v));
    assert_string_equal("abc", v);
    assert_int_equal(0, web_cookie("sw_session=x1 ", "sw_session", v, sizeof v));
    assert_string_equal("x1", v);
    assert_int_equal(-1, web_cookie("xsw_session=abc", "sw_session", v, sizeof v));
    assert_int_equal(-1, web_cookie("sw_session=", "sw_session", v, sizeof v));
    assert_int_equal(-1, web_cookie("sw_session=a\"b", "sw_session", v, sizeof v));
    assert_int_equal(-1, web_cookie("sw_session=a\\b", "sw_session", v, sizeof v));
    assert_int_equal(-1, web_cookie(NULL, "sw_session", v, sizeof v));
    assert_int_equal(-1, web_cookie("sw_session=0123456789", "sw_session", v, 10));
}

static void test_web_request_origin_rule(void **state)
{
    (void)state;
    const char *host = "127.0.0.1:8080";
    assert_int_equal(1, web_origin_ok(NULL, NULL, host, 0));
    assert_int_equal(1, web_origin_ok("http://127.0.0.1:8080", "same-origin", host, 0));
    assert_int_equal(0, web_origin_ok("https://127.0.0.1:8080", NULL, host, 0));
    assert_int_equal(1, web_origin_ok("https://127.0.0.1:8080", NULL, host, 1));
    assert_int_equal(0, web_origin_ok("http://evil.example", NULL, host, 0));
    assert_int_equal(0, web_origin_ok("http://127.0.0.1:8080.evil", NULL, host, 0));
    assert_int_equal(0, web_origin_ok(NULL, "cross-site", host, 0));
    assert_int_equal(0, web_origin_ok(NULL, "same-site", host, 0));
    assert_int_equal(1, web_origin_ok("null", "same-origin", host, 0));
    assert_int_equal(0, web_origin_ok("null", NULL, host, 0));
    assert_int_equal(0, web_origin_ok("null", "cross-site", host, 0));
    assert_int_equal(0, web_origin_ok("http://127.0.0.1:8080", NULL, NULL, 0));
}

static void test_web_request_content_type(void **state)
{
    (void)state;
    assert_int_equal(1, web_is_urlencoded("application/x-www-form-urlencoded"));
    assert_int_equal(1, web_is_urlencoded("Application/X-WWW-Form-Urlencoded;charset=UTF-8"));
    assert_int_equal(0, web_is_urlencoded("multipart/form-data; boundary=x"));
    assert_int_equal(0, web_is_urlencoded("application/x-www-form-urlencodedx"));
    assert_int_equal(0, web_is_urlencoded(NULL));
}

static void test_web_request_loopback_host(void **state)
{
    (void)state;
    static const char *const yes[] = { "localhost", "LocalHost:8080", "127.0.0.1",
                                       "127.0.0.1:8080", "127.1.2.3:1", "[::1]", "[::1]:8080" };
    static const char *const no[] = { "evil.example", "evil.example:8080", "127.0.0.1.evil.example",
                                      "localhost.evil.example", "127.0.0.1:", "127.0.0.1:80a",
                                      "127.0.0", "127.0.0.1234", "128.0.0.1", "[::2]:80", "",
                                      "127..0.1", "[::1]x" };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        assert_int_equal(1, web_host_is_loopback(yes[i]));
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_int_equal(0, web_host_is_loopback(no[i]));
    assert_int_equal(0, web_host_is_loopback(NULL));
}

static void test_web_request_forwarded_for(void **state)
{
    (void)state;
    char out[64] = "peer";
    assert_int_equal(0, web_forwarded_for("203.0.113.9, 10.0.0.2 , 198.51.100.7 ", out,
                                          sizeof out));
    assert_string_equal("198.51.100.7", out);
    assert_int_equal(0, web_forwarded_for("2001:db8::1", out, sizeof out));
    assert_string_equal("2001:db8::1", out);
    strcpy(out, "peer");
    assert_int_equal(-1, web_forwarded_for(NULL, out, sizeof out));
    assert_int_equal(-1, web_forwarded_for("a, ", out, sizeof out));
    assert_int_equal(-1, web_forwarded_for("0123456789", out, 8));
    assert_string_equal("peer", out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_request_forwarded_for),
        cmocka_unit_test(test_web_request_path_splits_and_decodes),
        cmocka_unit_test(test_web_request_path_refuses_hostile),
        cmocka_unit_test(test_web_request_form_decodes),
        cmocka_unit_test(test_web_request_form_first_of_duplicates),
        cmocka_unit_test(test_web_request_form_refuses_hostile),
        cmocka_unit_test(test_web_request_query),
        cmocka_unit_test(test_web_request_cookie),
        cmocka_unit_test(test_web_request_origin_rule),
        cmocka_unit_test(test_web_request_content_type),
        cmocka_unit_test(test_web_request_loopback_host),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
