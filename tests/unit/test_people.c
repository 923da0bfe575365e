/* test_people.c - the people file (core/model/people.c): loading, its errors
 * with their lines, the XML round trip, the edits and the role set. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "people.h"

#define HASH_A "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define HASH_B "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"

/* Writes text to a new temporary file; its name into path (size >= 32). */
static void write_temp(char *path, const char *text)
{
    strcpy(path, "/tmp/sw-people-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal((ssize_t)strlen(text), write(fd, text, strlen(text)));
    close(fd);
}

static const char good[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<people xmlns=\"urn:scorewheel:people:1\">\n"
    "  <person id=\"akim\" name=\"Ana &amp; Kim\" role=\"interviewer committee\" "
    "token-sha256=\"" HASH_A "\" created=\"2026-11-29T12:00:00Z\" "
    "email=\"akim@example.org\"/>\n"
    "  <person id=\"bo\" role=\"recruiter\" token-sha256=\"" HASH_B "\"/>\n"
    "</people>\n";

/* Loads `good` from a new temporary file (its name into path). */
static void load_good(char *path, struct sw_people *p, struct sw_errors *errs)
{
    write_temp(path, good);
    sw_errors_init(errs);
    assert_int_equal(0, sw_people_load(path, 0, p, errs));
}

static void test_people_load_good(void **state)
{
    (void)state;
    char path[32];
    struct sw_people p;
    struct sw_errors errs;
    load_good(path, &p, &errs);
    assert_int_equal(0, errs.count);
    assert_int_equal(2, p.n);
    const struct sw_people_person *a = &p.items[0], *b = &p.items[1];
    assert_string_equal("akim", a->id);
    assert_string_equal("Ana & Kim", a->name);
    assert_int_equal(SW_ROLE_BIT(SW_ROLE_INTERVIEWER) | SW_ROLE_BIT(SW_ROLE_COMMITTEE), a->roles);
    assert_int_equal(SW_ROLE_COMMITTEE, a->role);      /* the highest of the set */
    assert_string_equal(HASH_A, a->token_sha256);
    assert_string_equal("2026-11-29T12:00:00Z", a->created);
    assert_string_equal("akim@example.org", a->email);
    assert_int_equal(3, a->line);
    assert_string_equal("bo", b->id);
    assert_string_equal("", b->name);
    assert_string_equal("", b->created);
    assert_string_equal("", b->email);
    assert_int_equal(SW_ROLE_RECRUITER, b->role);
    assert_int_equal(4, b->line);
    sw_people_release(&p);
    sw_errors_release(&errs);
    unlink(path);
}

static void test_people_missing(void **state)
{
    (void)state;
    struct sw_people p;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_people_load("/nonexistent/people.xml", 1, &p, &errs));
    assert_int_equal(0, p.n);
    sw_people_release(&p);
    assert_int_equal(-1, sw_people_load("/nonexistent/people.xml", 0, &p, &errs));
    assert_int_equal(1, errs.count);
    assert_int_equal(SW_ESYSTEM, errs.items[0].code);
    sw_people_release(&p);
    sw_errors_release(&errs);
}

static void test_people_wrong_root(void **state)
{
    (void)state;
    char path[32];
    write_temp(path, "<?xml version=\"1.0\"?>\n\n<people xmlns=\"urn:scorewheel:other:1\"/>\n");
    struct sw_people p;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(-1, sw_people_load(path, 0, &p, &errs));
    assert_int_equal(1, errs.count);
    assert_int_equal(SW_EINPUT, errs.items[0].code);
    assert_int_equal(3, errs.items[0].line);
    assert_string_equal("not a people file (root element 'people' in namespace "
                        "'urn:scorewheel:people:1')", errs.items[0].message);
    sw_people_release(&p);
    sw_errors_release(&errs);
    unlink(path);
}

static void test_people_bad_file(void **state)
{
    (void)state;
    char path[32];
    write_temp(path,
        "<people xmlns=\"urn:scorewheel:people:1\">\n"
        "  <person id=\"../x\" role=\"interviewer\" token-sha256=\"" HASH_A "\"/>\n"
        "  <person id=\"a\" role=\"boss\" token-sha256=\"" HASH_A "\"/>\n"
        "  <person id=\"b\" role=\"committee\" token-sha256=\"XYZ\"/>\n"
        "  <person id=\"c\" role=\"committee\" token-sha256=\"" HASH_A "\"/>\n"
        "  <person id=\"c\" role=\"recruiter\" token-sha256=\"" HASH_B "\"/>\n"
        "  <person id=\"d\" role=\"committee\" token-sha256=\"" HASH_A "\" email=\"nobody\"/>\n"
        "  <member id=\"e\"/>\n"
        "</people>\n");
    struct sw_people p;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(-1, sw_people_load(path, 0, &p, &errs));
    assert_int_equal(6, errs.count);
    static const struct { int line; const char *message; } want[] = {
        {2, "person id '../x' is not an id ([A-Za-z0-9._-]+, not starting with '.' or '-')"},
        {3, "role 'boss' of person 'a' is not interviewer, committee or recruiter "
            "(or several of them, separated by spaces)"},
        {4, "token-sha256 of person 'b' is not 64 lowercase hex digits"},
        {6, "person 'c' is listed twice"},
        {7, "email 'nobody' of person 'd' is not a mail address (LOCAL@DOMAIN)"},
        {8, "unexpected element 'member' (only 'person')"},
    };
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(SW_EINPUT, errs.items[i].code);
        assert_string_equal(path, errs.items[i].file);
        assert_int_equal(want[i].line, errs.items[i].line);
        assert_string_equal(want[i].message, errs.items[i].message);
    }
    sw_people_release(&p);
    sw_errors_release(&errs);
    unlink(path);
}

static void test_people_round_trip(void **state)
{
    (void)state;
    char path[32];
    struct sw_people p;
    struct sw_errors errs;
    load_good(path, &p, &errs);
    struct sw_buf xml = SW_BUF_INIT;
    assert_int_equal(0, sw_people_xml(&p, &xml));
    sw_buf_addc(&xml, '\0');
    assert_string_equal(good, xml.data);      /* one person a line, in order */
    sw_buf_release(&xml);
    assert_int_equal(0, sw_people_save(path, &p, &errs));
    struct stat st;
    assert_int_equal(0, stat(path, &st));
    assert_int_equal(0600, st.st_mode & 0777);
    sw_people_release(&p);
    assert_int_equal(0, sw_people_load(path, 0, &p, &errs));
    assert_int_equal(2, p.n);
    assert_string_equal("Ana & Kim", p.items[0].name);
    sw_people_release(&p);
    sw_errors_release(&errs);
    unlink(path);
}

static void test_people_edit(void **state)
{
    (void)state;
    struct sw_people p;
    sw_people_init(&p);
    assert_int_equal(0, sw_people_add(&p, "akim", "Ana <Kim>", SW_ROLES_ALL, HASH_A, NULL));
    assert_int_equal(0, sw_people_add(&p, "bo", NULL, SW_ROLE_BIT(SW_ROLE_INTERVIEWER),
                                      HASH_B, "2026-12-01T09:00:00Z"));
    const struct sw_people_person *a = sw_people_find(&p, "akim");
    assert_ptr_equal(&p.items[0], a);
    assert_int_equal(SW_ROLE_RECRUITER, a->role);
    assert_string_equal("", a->created);
    assert_string_equal("", p.items[1].name);
    assert_null(sw_people_find(&p, "cy"));
    assert_int_equal(0, sw_people_set_email(&p, "bo", "bo@example.org"));
    assert_int_equal(-1, sw_people_set_email(&p, "cy", "cy@example.org"));
    struct sw_buf xml = SW_BUF_INIT;
    assert_int_equal(0, sw_people_xml(&p, &xml));
    sw_buf_addc(&xml, '\0');
    assert_string_equal(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<people xmlns=\"urn:scorewheel:people:1\">\n"
        "  <person id=\"akim\" name=\"Ana &lt;Kim&gt;\" role=\"interviewer committee recruiter\" "
        "token-sha256=\"" HASH_A "\"/>\n"
        "  <person id=\"bo\" role=\"interviewer\" token-sha256=\"" HASH_B "\" "
        "created=\"2026-12-01T09:00:00Z\" email=\"bo@example.org\"/>\n"
        "</people>\n", xml.data);
    sw_buf_release(&xml);
    assert_int_equal(0, sw_people_remove(&p, "akim"));
    assert_int_equal(-1, sw_people_remove(&p, "akim"));
    assert_int_equal(1, p.n);
    assert_string_equal("bo", p.items[0].id);
    assert_string_equal("bo@example.org", sw_people_find(&p, "bo")->email);
    sw_people_release(&p);
}

static void test_people_roles(void **state)
{
    (void)state;
    assert_int_equal(SW_ROLE_COMMITTEE, sw_role_parse("committee"));
    assert_int_equal(SW_ROLE_NONE, sw_role_parse("everyone"));   /* never from a file */
    assert_int_equal(SW_ROLE_NONE, sw_role_parse(""));
    assert_string_equal("recruiter", sw_role_name(SW_ROLE_RECRUITER));
    assert_int_equal(SW_ROLE_BIT(SW_ROLE_INTERVIEWER) | SW_ROLE_BIT(SW_ROLE_RECRUITER),
                     sw_roles_parse("  recruiter interviewer "));
    assert_int_equal(0, sw_roles_parse("interviewer boss"));
    assert_int_equal(0, sw_roles_parse(""));
    assert_int_equal(0, sw_roles_parse("interviewerinterviewer"));
    assert_int_equal(SW_ROLE_RECRUITER, sw_roles_top(SW_ROLES_ALL));
    assert_int_equal(SW_ROLE_NONE, sw_roles_top(0));
    char out[40];
    sw_roles_format(SW_ROLES_ALL, out, sizeof out);
    assert_string_equal("interviewer committee recruiter", out);
    sw_roles_format(0, out, sizeof out);
    assert_string_equal("", out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_people_load_good),
        cmocka_unit_test(test_people_missing),
        cmocka_unit_test(test_people_wrong_root),
        cmocka_unit_test(test_people_bad_file),
        cmocka_unit_test(test_people_round_trip),
        cmocka_unit_test(test_people_edit),
        cmocka_unit_test(test_people_roles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
