/* test_mail.c - rule 15 worked by hand, messages byte for byte, the outbox. */
#include "unit.h"
#include "mini.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aggregate.h"
#include "mail.h"
#include "scorecard.h"
#include "status.h"
#include "timestamp.h"

static double at(const char *stamp)
{
    double t;
    assert_int_equal(0, sw_utc_parse(stamp, &t));
    return t;
}

/* Rule 15 with the defaults (remind-after 1 h, remind-every 24 h, remind-max
 * 10), worked by hand. Draft created Monday 2026-12-07 09:00 UTC:
 * t(k) = Mon 10:00 + k days, so t(0) Mon 7th, t(1) Tue 8th ... t(4) Fri 11th,
 * t(5) Sat 12th and t(6) Sun 13th (weekend: skipped, still counted), t(7) Mon
 * 14th, t(9) Wed 16th, the last (k < 10). */
static void test_rule15_defaults_worked_by_hand(void **state)
{
    (void)state;
    struct sw_policy p = { .remind_after = 1, .remind_every = 24, .remind_max = 10 };
    double created = at("2026-12-07T09:00:00Z");
    assert_close(at("2026-12-07T10:00:00Z"), sw_remind_time(created, &p, 0));
    assert_close(at("2026-12-14T10:00:00Z"), sw_remind_time(created, &p, 7));
    assert_int_equal(-1, sw_remind_due(created, &p, at("2026-12-07T09:59:59Z")));
    assert_int_equal(0, sw_remind_due(created, &p, at("2026-12-07T10:00:00Z")));
    assert_int_equal(0, sw_remind_due(created, &p, at("2026-12-08T09:59:59Z")));
    assert_int_equal(1, sw_remind_due(created, &p, at("2026-12-08T10:00:00Z")));
    /* A gap: run Friday 11:00 after nothing since Monday: K = 4 (t(4) Fri
     * 10:00); 1 to 3 are never sent late. */
    assert_int_equal(4, sw_remind_due(created, &p, at("2026-12-11T11:00:00Z")));
    /* Weekend: Saturday and Sunday noon still give t(4), Friday's. */
    assert_int_equal(4, sw_remind_due(created, &p, at("2026-12-12T12:00:00Z")));
    assert_int_equal(4, sw_remind_due(created, &p, at("2026-12-13T12:00:00Z")));
    assert_int_equal(7, sw_remind_due(created, &p, at("2026-12-14T10:00:00Z")));
    assert_int_equal(9, sw_remind_due(created, &p, at("2026-12-16T10:00:00Z")));
    /* Past remind-max: K stays 9 (already queued: nothing more). */
    assert_int_equal(9, sw_remind_due(created, &p, at("2026-12-31T10:00:00Z")));
}

/* Created Friday 2026-12-11 23:30: t(0) = Sat 00:30, t(1) = Sun 00:30 (both
 * skipped), t(2) = Mon 14th 00:30. Saturday noon: none; Monday 00:30: K = 2. */
static void test_rule15_created_before_a_weekend(void **state)
{
    (void)state;
    struct sw_policy p = { .remind_after = 1, .remind_every = 24, .remind_max = 10 };
    double created = at("2026-12-11T23:30:00Z");
    assert_int_equal(-1, sw_remind_due(created, &p, at("2026-12-12T12:00:00Z")));
    assert_int_equal(-1, sw_remind_due(created, &p, at("2026-12-14T00:29:59Z")));
    assert_int_equal(2, sw_remind_due(created, &p, at("2026-12-14T00:30:00Z")));
}

/* remind-after 0.5, remind-every 2, remind-max 3; created Tuesday 08:00:
 * t(0) 08:30, t(1) 10:30, t(2) 12:30; at 20:00 K = 2, the last; remind-max
 * 0 sends none. */
static void test_rule15_policy_attributes(void **state)
{
    (void)state;
    struct sw_policy p = { .remind_after = 0.5, .remind_every = 2, .remind_max = 3 };
    double created = at("2026-12-08T08:00:00Z");
    assert_int_equal(1, sw_remind_due(created, &p, at("2026-12-08T12:29:59Z")));
    assert_int_equal(2, sw_remind_due(created, &p, at("2026-12-08T20:00:00Z")));
    p.remind_max = 0;
    assert_int_equal(-1, sw_remind_due(created, &p, at("2026-12-08T20:00:00Z")));
}

static void test_rubric_policy_defaults(void **state)
{
    (void)state;
    assert_close(1, mini->policy.remind_after);
    assert_close(24, mini->policy.remind_every);
    assert_int_equal(10, mini->policy.remind_max);
}

static struct sw_mail sample(const char *subject)
{
    struct sw_mail m = { .kind = "reminder", .k = -1 };
    strcpy(m.id, "reminder-0123");
    m.to = strdup("ana@example.org");
    m.subject = strdup(subject);
    m.body = strdup("Hello,\n.dot line\nbye");
    return m;
}

static void test_compose_exact_bytes(void **state)
{
    (void)state;
    struct sw_mail m = sample("Reminder: Zoë");
    struct sw_buf out = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_mail_compose(&m, "sw@example.org", at("2026-12-07T17:00:00Z"), &out,
                                        &errs));
    assert_string_equal("Date: Mon, 07 Dec 2026 17:00:00 +0000\r\n"
                        "From: sw@example.org\r\nTo: ana@example.org\r\n"
                        "Subject: =?UTF-8?B?UmVtaW5kZXI6IFpvw6s=?=\r\n"
                        "Message-ID: <reminder-0123@example.org>\r\nMIME-Version: 1.0\r\n"
                        "Content-Type: text/plain; charset=UTF-8\r\n"
                        "Content-Transfer-Encoding: 8bit\r\nAuto-Submitted: auto-generated\r\n"
                        "\r\nHello,\r\n.dot line\r\nbye\r\n", sw_buf_str(&out));
    sw_buf_release(&out);
    sw_mail_release(&m);
    sw_errors_release(&errs);
}

/* 60 × "é" (120 bytes): words of 38 bytes of text (39 would split a
 * character), 38 + 38 + 38 + 6, each line of the header at most 76 bytes. */
static void test_compose_long_subject_folds(void **state)
{
    (void)state;
    char subject[121] = "";
    for (int i = 0; i < 60; i++)
        strcat(subject, "é");
    struct sw_mail m = sample(subject);
    struct sw_buf out = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_mail_compose(&m, "sw@example.org", 0, &out, &errs));
    const char *s = strstr(sw_buf_str(&out), "Subject: ");
    const char *end = strstr(s, "\r\nMessage-ID");
    int words = 0;
    for (const char *p = s; p < end; p = strstr(p, "\r\n") + 2) {
        const char *eol = strstr(p, "\r\n");
        assert_true(eol - p <= 76);
        words += strstr(p, "=?UTF-8?B?") != NULL && strstr(p, "=?UTF-8?B?") < eol;
        if (eol == end)
            break;
    }
    assert_int_equal(4, words);
    /* A long ASCII subject (a name of 1,000 letters) is folded the same way. */
    char *name = malloc(1001);
    memset(name, 'a', 1000);
    name[1000] = 0;
    free(m.subject);
    m.subject = name;
    sw_buf_reset(&out);
    assert_int_equal(0, sw_mail_compose(&m, "sw@example.org", 0, &out, &errs));
    for (const char *p = sw_buf_str(&out), *eol; (eol = strstr(p, "\r\n")); p = eol + 2)
        assert_true(eol - p <= 998);
    assert_non_null(strstr(sw_buf_str(&out), "Subject: =?UTF-8?B?YWFh"));
    sw_buf_release(&out);
    sw_mail_release(&m);
    sw_errors_release(&errs);
}

static void test_compose_refuses_injection(void **state)
{
    (void)state;
    struct sw_mail m = sample("Hi\r\nBcc: eve@evil.example");
    struct sw_buf out = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(-1, sw_mail_compose(&m, "sw@example.org", 0, &out, &errs));
    assert_string_equal("the subject of mail reminder-0123 has a control character (no header "
                        "may carry CR, LF or other controls)", errs.items[0].message);
    assert_int_equal(-1, sw_mail_compose(&m, "sw@example.org\r\nBcc: x@y", 0, &out, &errs));
    free(m.to);
    m.to = strdup("ana@example.org>\r\nBcc: <eve@evil.example");
    free(m.subject);
    m.subject = strdup("fine");
    assert_int_equal(-1, sw_mail_compose(&m, "sw@example.org", 0, &out, &errs));
    assert_int_equal(3, errs.count);
    assert_false(sw_mail_addr_ok("a b@c"));
    assert_false(sw_mail_addr_ok("@c"));
    assert_true(sw_mail_addr_ok("first.last+tag@example.co.uk"));
    assert_false(sw_mail_header_ok("tab\there"));
    assert_false(sw_mail_header_ok("c1\xc2\x85" "control"));
    assert_true(sw_mail_header_ok("Zoë 王芳"));
    sw_buf_release(&out);
    sw_mail_release(&m);
    sw_errors_release(&errs);
}

static void test_mail_ids_are_stable(void **state)
{
    (void)state;
    char a[SW_MAIL_ID_SIZE], b[SW_MAIL_ID_SIZE], c[SW_MAIL_ID_SIZE];
    sw_mail_id("reminder", "req/c/x.xml\n1\n2", 15, a);
    sw_mail_id("reminder", "req/c/x.xml\n1\n2", 15, b);
    sw_mail_id("reminder", "req/c/x.xml\n1\n3", 15, c);
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    assert_int_equal(strlen("reminder-") + 32, strlen(a));
}

/* A sender that fails while `down` and counts what it was given. */
struct fake {
    int down, calls;
    char last_to[64];
};

static int fake_send(void *ctx, const char *from, const char *to, const char *message,
                     size_t len, struct sw_buf *why)
{
    struct fake *f = ctx;
    (void)from;
    f->calls++;
    snprintf(f->last_to, sizeof f->last_to, "%s", to);
    assert_non_null(strstr(message, "\r\n\r\n"));
    assert_true(len > 0);
    if (f->down)
        return sw_buf_adds(why, "connection refused\r\n(SMTP 0)"), -f->down;
    return 0;
}

static void test_backoff(void **state)
{
    (void)state;
    assert_close(60, sw_outbox_backoff(1));
    assert_close(120, sw_outbox_backoff(2));
    assert_close(240, sw_outbox_backoff(3));
    assert_close(1920, sw_outbox_backoff(6));
    assert_close(3600, sw_outbox_backoff(7));
    assert_close(3600, sw_outbox_backoff(40));
}

static void test_outbox_queue_retry_send_fail(void **state)
{
    (void)state;
    char dir[] = "/tmp/sw-mail-XXXXXX", people[PATH_MAX], path[PATH_MAX + 32];
    assert_non_null(mkdtemp(dir));
    snprintf(people, sizeof people, "%s/people.xml", dir);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_outbox o;
    assert_int_equal(0, sw_outbox_open(&o, people, &errs));
    /* Static, so that a failing assertion (a longjmp) leaves them reachable. */
    static struct sw_mail m, n, x, y, z;
    m = sample("one");
    n = sample("two");
    strcpy(n.id, "digest-99");
    double t0 = at("2026-12-07T10:00:00Z");
    assert_int_equal(1, sw_outbox_queue(&o, &m, "sw@example.org", t0, &errs));
    assert_int_equal(0, sw_outbox_queue(&o, &m, "sw@example.org", t0, &errs));
    assert_int_equal(1, sw_outbox_queue(&o, &n, "sw@example.org", t0, &errs));
    struct fake f = { .down = 1 };
    struct sw_outbox_tally t = { 0 };
    int rc = sw_outbox_flush(&o, t0, fake_send, &f, &t, &errs);
    for (size_t i = 0; i < errs.count; i++)
        fprintf(stderr, "%s: %s\n", errs.items[i].file, errs.items[i].message);
    assert_int_equal(0, rc);
    assert_int_equal(2, f.calls);
    assert_int_equal(2, t.waiting);
    /* Not yet due (1 minute later): nothing tried. */
    memset(&t, 0, sizeof t);
    assert_int_equal(0, sw_outbox_flush(&o, t0 + 59, fake_send, &f, &t, &errs));
    assert_int_equal(2, f.calls);
    /* The relay is back: both sent once, then recorded; a second pass sends nothing. */
    f.down = 0;
    assert_int_equal(0, sw_outbox_flush(&o, t0 + 60, fake_send, &f, &t, &errs));
    assert_int_equal(4, f.calls);
    assert_int_equal(2, t.sent);
    assert_int_equal(0, sw_outbox_flush(&o, t0 + 999, fake_send, &f, &t, &errs));
    assert_int_equal(4, f.calls);
    assert_int_equal(0, sw_outbox_queue(&o, &m, "sw@example.org", t0, &errs));
    struct sw_outbox_list l;
    assert_int_equal(0, sw_outbox_list(people, SW_OUTBOX_SENT, &l, &errs));
    assert_int_equal(2, l.n);
    assert_string_equal("digest-99", l.items[0].id);  /* queued together: by id */
    assert_string_equal("two", l.items[0].subject);
    assert_int_equal(2, l.items[0].attempts);
    assert_close(t0 + 60, l.items[0].at);
    sw_outbox_list_release(&l);
    /* A third mail fails for 3 days: then failed/ with the reason on one line. */
    x = sample("three");
    strcpy(x.id, "packet-7");
    assert_int_equal(1, sw_outbox_queue(&o, &x, "sw@example.org", t0, &errs));
    f.down = 1;
    memset(&t, 0, sizeof t);
    assert_int_equal(0, sw_outbox_flush(&o, t0 + SW_OUTBOX_GIVE_UP, fake_send, &f, &t, &errs));
    assert_int_equal(1, t.failed);
    assert_int_equal(0, sw_outbox_list(people, SW_OUTBOX_FAILED, &l, &errs));
    assert_int_equal(1, l.n);
    assert_string_equal("connection refused  (SMTP 0)", l.items[0].reason);
    sw_outbox_list_release(&l);
    snprintf(path, sizeof path, "%s.outbox/packet-7", people);
    assert_int_equal(-1, access(path, F_OK));
    /* The relay unreachable (-2): the first due mail is tried, no other. */
    y = sample("four");
    z = sample("five");
    strcpy(y.id, "packet-8");
    strcpy(z.id, "packet-9");
    assert_int_equal(1, sw_outbox_queue(&o, &y, "sw@example.org", t0, &errs));
    assert_int_equal(1, sw_outbox_queue(&o, &z, "sw@example.org", t0, &errs));
    f.down = 2;
    f.calls = 0;
    memset(&t, 0, sizeof t);
    assert_int_equal(0, sw_outbox_flush(&o, t0, fake_send, &f, &t, &errs));
    assert_int_equal(1, f.calls);
    assert_int_equal(2, t.waiting);
    sw_mail_release(&y);
    sw_mail_release(&z);
    assert_int_equal(0, errs.count);
    sw_outbox_close(&o);
    sw_mail_release(&m);
    sw_mail_release(&n);
    sw_mail_release(&x);
    sw_errors_release(&errs);
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(0, system(cmd));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rule15_defaults_worked_by_hand),
        cmocka_unit_test(test_rule15_created_before_a_weekend),
        cmocka_unit_test(test_rule15_policy_attributes),
        cmocka_unit_test(test_rubric_policy_defaults),
        cmocka_unit_test(test_compose_exact_bytes),
        cmocka_unit_test(test_compose_long_subject_folds),
        cmocka_unit_test(test_compose_refuses_injection),
        cmocka_unit_test(test_mail_ids_are_stable),
        cmocka_unit_test(test_backoff),
        cmocka_unit_test(test_outbox_queue_retry_send_fail),
    };
    return cmocka_run_group_tests(tests, mini_setup, mini_teardown);
}
