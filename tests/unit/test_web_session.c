/* test_web_session.c - sessions, the sign-in rate limit, finding a person by
 * token and the escaping of the web templates. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "people.h"
#include "session.h"
#include "render/template.h"
#include "web.h"

#define LINK "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

static void test_web_session_find_and_end(void **state)
{
    (void)state;
    struct web_sessions *s = web_sessions_new(4, NULL, NULL);
    char cookie[WEB_TOKEN_HEX], csrf[WEB_TOKEN_HEX], person[WEB_ID_MAX], link[WEB_TOKEN_HEX];
    assert_int_equal(0, web_session_start(s, "akim", LINK, 1000, cookie));
    assert_int_equal(64, strlen(cookie));
    web_csrf_for(s, cookie, csrf);
    assert_int_equal(64, strlen(csrf));
    assert_string_not_equal(cookie, csrf);
    assert_int_equal(0, web_session_find(s, cookie, 1001, person, link));
    assert_string_equal("akim", person);
    assert_string_equal(LINK, link);
    char wrong[WEB_TOKEN_HEX];
    strcpy(wrong, cookie);
    wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
    assert_int_equal(-1, web_session_find(s, wrong, 1001, person, link));
    web_session_end(s, cookie);
    assert_int_equal(-1, web_session_find(s, cookie, 1002, person, link));
    /* Nobody anonymous: a session needs a person and a link. */
    assert_int_equal(-1, web_session_start(s, "", LINK, 1000, cookie));
    assert_int_equal(-1, web_session_start(s, "akim", "00", 1000, cookie));
    web_sessions_free(s);
}

static void test_web_session_expires_idle_and_absolute(void **state)
{
    (void)state;
    struct web_sessions *s = web_sessions_new(4, NULL, NULL);
    char cookie[WEB_TOKEN_HEX], link[WEB_TOKEN_HEX], person[WEB_ID_MAX];
    web_session_start(s, "akim", LINK, 0, cookie);
    assert_int_equal(0, web_session_find(s, cookie, WEB_SESSION_IDLE - 1, person, link));
    /* used at 2h-1s: alive until 4h-1s */
    assert_int_equal(0, web_session_find(s, cookie, 2 * WEB_SESSION_IDLE - 2, person, link));
    assert_int_equal(-1, web_session_find(s, cookie, 4 * WEB_SESSION_IDLE, person, link));
    /* used every hour, still ends at 12 h */
    web_session_start(s, "akim", LINK, 0, cookie);
    for (time_t t = 3600; t < WEB_SESSION_MAX; t += 3600)
        assert_int_equal(0, web_session_find(s, cookie, t, person, link));
    assert_int_equal(-1, web_session_find(s, cookie, WEB_SESSION_MAX, person, link));
    web_sessions_free(s);
}

static void test_web_session_full_store_drops_idle_longest(void **state)
{
    (void)state;
    struct web_sessions *s = web_sessions_new(2, NULL, NULL);
    char a[WEB_TOKEN_HEX], b[WEB_TOKEN_HEX], c[WEB_TOKEN_HEX], link[WEB_TOKEN_HEX];
    char person[WEB_ID_MAX];
    web_session_start(s, "akim", LINK, 10, a);
    web_session_start(s, "cara", LINK, 20, b);
    assert_int_equal(0, web_session_find(s, a, 25, person, link));
    web_session_start(s, "bo", LINK, 30, c);
    assert_int_equal(2, web_session_count(s));
    assert_int_equal(0, web_session_find(s, a, 31, person, link));
    assert_int_equal(-1, web_session_find(s, b, 31, person, link));
    assert_int_equal(0, web_session_find(s, c, 31, person, link));
    assert_string_equal("bo", person);
    web_sessions_free(s);
}

/* The state file: a second store on it (a restart) knows the sessions and
 * the secret (same CSRF proofs); mode 0600; no cookie value in it. */
static void test_web_session_state_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/sw-sessions-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/people.xml.sessions", dir);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct web_sessions *s = web_sessions_new(8, path, &errs);
    assert_non_null(s);
    char cookie[WEB_TOKEN_HEX], csrf[WEB_TOKEN_HEX], again[WEB_TOKEN_HEX];
    char person[WEB_ID_MAX], link[WEB_TOKEN_HEX], proof[WEB_TOKEN_HEX];
    assert_int_equal(0, web_session_start(s, "akim", LINK, 1000, cookie));
    web_csrf_for(s, cookie, csrf);
    web_signin_proof(s, 1000, proof);
    web_sessions_free(s);
    struct stat st;
    assert_int_equal(0, stat(path, &st));
    assert_int_equal(0600, st.st_mode & 0777);
    FILE *f = fopen(path, "r");
    char text[1024] = "";
    assert_true(fread(text, 1, sizeof text - 1, f) > 0);
    fclose(f);
    assert_null(strstr(text, cookie));
    assert_non_null(strstr(text, " akim\n"));
    s = web_sessions_new(8, path, &errs);
    assert_non_null(s);
    assert_int_equal(0, web_session_find(s, cookie, 1001, person, link));
    assert_string_equal("akim", person);
    web_csrf_for(s, cookie, again);
    assert_string_equal(csrf, again);
    assert_int_equal(1, web_signin_proof_ok(s, proof, 1000 + WEB_SIGNIN_FORM_LIFE));
    web_session_end(s, cookie);
    web_sessions_free(s);
    s = web_sessions_new(8, path, &errs);
    assert_int_equal(-1, web_session_find(s, cookie, 1002, person, link));
    web_sessions_free(s);
    f = fopen(path, "w");
    fputs("garbage\n", f);
    fclose(f);
    assert_null(web_sessions_new(8, path, &errs));
    assert_int_equal(1, errs.count);
    assert_string_equal("not a sessions file (first line 'scorewheel-sessions 1')",
                        errs.items[0].message);
    sw_errors_release(&errs);
    unlink(path);
    rmdir(dir);
}

static void test_web_session_signin_proof(void **state)
{
    (void)state;
    struct web_sessions *s = web_sessions_new(1, NULL, NULL);
    struct web_sessions *other = web_sessions_new(1, NULL, NULL);
    char proof[WEB_TOKEN_HEX];
    web_signin_proof(s, 0x5f000000, proof);
    assert_int_equal(64, strlen(proof));
    assert_memory_equal("5f000000", proof, 8);
    assert_int_equal(1, web_signin_proof_ok(s, proof, 0x5f000000));
    assert_int_equal(1, web_signin_proof_ok(s, proof, 0x5f000000 + WEB_SIGNIN_FORM_LIFE));
    assert_int_equal(0, web_signin_proof_ok(s, proof, 0x5f000000 + WEB_SIGNIN_FORM_LIFE + 1));
    assert_int_equal(0, web_signin_proof_ok(s, proof, 0x5f000000 - 1));   /* from the future */
    assert_int_equal(0, web_signin_proof_ok(other, proof, 0x5f000000));   /* another secret */
    proof[8] = proof[8] == 'a' ? 'b' : 'a';
    assert_int_equal(0, web_signin_proof_ok(s, proof, 0x5f000000));
    proof[0] = '6';   /* a later time with the old MAC */
    assert_int_equal(0, web_signin_proof_ok(s, proof, 0x6f000000));
    assert_int_equal(0, web_signin_proof_ok(s, "", 0));
    web_sessions_free(s);
    web_sessions_free(other);
}

/* Only failures count: ten failures refuse the eleventh attempt for a minute. */
static void test_web_session_rate_limit(void **state)
{
    (void)state;
    struct web_ratelimit *r = web_ratelimit_new();
    for (int i = 0; i < 100; i++)
        assert_int_equal(1, web_ratelimit_allow(r, "10.0.0.1", 100));
    for (int i = 0; i < WEB_SIGNIN_PER_MINUTE; i++) {
        assert_int_equal(1, web_ratelimit_allow(r, "10.0.0.1", 100 + i));
        web_ratelimit_fail(r, "10.0.0.1", 100 + i);
    }
    assert_int_equal(0, web_ratelimit_allow(r, "10.0.0.1", 130));
    assert_int_equal(1, web_ratelimit_allow(r, "10.0.0.2", 130));
    assert_int_equal(0, web_ratelimit_allow(r, "10.0.0.1", 159));
    assert_int_equal(1, web_ratelimit_allow(r, "10.0.0.1", 160));
    web_ratelimit_free(r);
}

static void test_web_session_sha256(void **state)
{
    (void)state;
    char h[WEB_TOKEN_HEX];
    web_sha256_hex("abc", 3, h);   /* FIPS 180-2, appendix B.1 */
    assert_string_equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", h);
    assert_int_equal(1, web_equal_secret("abc", "abc"));
    assert_int_equal(0, web_equal_secret("abc", "abd"));
    assert_int_equal(0, web_equal_secret("abc", "abcd"));
}

static void test_web_people_by_token(void **state)
{
    (void)state;
    struct sw_people p;
    sw_people_init(&p);
    char hash[WEB_TOKEN_HEX];
    web_sha256_hex("tok", 3, hash);
    static const char other[] =
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    assert_int_equal(0, sw_people_add(&p, "bo", NULL, SW_ROLE_BIT(SW_ROLE_RECRUITER), other,
                                      NULL));
    assert_int_equal(0, sw_people_add(&p, "akim", "Ana", SW_ROLE_BIT(SW_ROLE_INTERVIEWER),
                                      hash, NULL));
    assert_ptr_equal(&p.items[1], web_people_by_token(&p, "tok"));
    assert_null(web_people_by_token(&p, "tok2"));
    assert_null(web_people_by_token(&p, ""));
    sw_people_release(&p);
}

static void test_web_templates_escape(void **state)
{
    (void)state;
    struct sw_arena a = SW_ARENA_INIT;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&a);
    sw_tpl_set(s, "title", "<script>alert(1)</script>");
    sw_tpl_set(s, "message", "\"><img src=x onerror=alert(1)> & 'q'");
    struct sw_buf out = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_tpl_render("message.html", s, SW_TPL_XML, &out, &errs));
    assert_string_equal("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>\n"
                        "<p>&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &apos;q&apos;</p>\n"
                        "<p><a href=\"/\">Back to your scorecards</a></p>\n", sw_buf_str(&out));
    sw_buf_release(&out);
    sw_errors_release(&errs);
    sw_arena_release(&a);
}

static void test_web_age_words(void **state)
{
    (void)state;
    char out[32];
    web_age(1000, 1059, out, sizeof out);
    assert_string_equal("just now", out);
    web_age(1000, 1000 + 3599, out, sizeof out);
    assert_string_equal("59 min ago", out);
    web_age(1000, 1000 + 2 * 86400 - 1, out, sizeof out);
    assert_string_equal("47 h ago", out);
    web_age(1000, 1000 + 3 * 86400, out, sizeof out);
    assert_string_equal("3 days ago", out);
    web_age(2000, 1000, out, sizeof out);   /* a clock that went back */
    assert_string_equal("just now", out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_session_find_and_end),
        cmocka_unit_test(test_web_session_expires_idle_and_absolute),
        cmocka_unit_test(test_web_session_full_store_drops_idle_longest),
        cmocka_unit_test(test_web_session_state_file),
        cmocka_unit_test(test_web_session_signin_proof),
        cmocka_unit_test(test_web_session_rate_limit),
        cmocka_unit_test(test_web_session_sha256),
        cmocka_unit_test(test_web_people_by_token),
        cmocka_unit_test(test_web_templates_escape),
        cmocka_unit_test(test_web_age_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
