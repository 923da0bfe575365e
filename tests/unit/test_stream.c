/* The streaming (SAX) way to a scorecard must never accept what the tree way
 * refuses, and must give the very same scorecard when it accepts. */
#include "unit.h"
#include "mini.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "document.h"
#include "rubric.h"
#include "scorecard.h"
#include "io/xml.h"

static struct sw_rubric *tpm;

static int setup(void **state)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    tpm = sw_rubric_load("rubrics/tpm.xml", &errs);
    sw_errors_release(&errs);
    return mini_setup(state) == 0 && tpm ? 0 : -1;
}

static int teardown(void **state)
{
    mini_teardown(state);
    sw_rubric_free(tpm);
    sw_xml_cleanup();
    return 0;
}

/* The tree way, as sw_scorecard_parse() took it before the fast way. */
static struct sw_scorecard *by_tree(const struct sw_rubric *r, const char *data, size_t len)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_scorecard *s = NULL;
    xmlDocPtr doc = sw_xml_parse(data, len, "s.xml", &errs);
    if (doc)
        s = sw_scorecard_from_doc(r, doc, "s.xml", &errs);
    xmlFreeDoc(doc);
    sw_errors_release(&errs);
    return s;
}

static void assert_same_number(double expected, double actual)
{
    if (isnan(expected))
        assert_true(isnan(actual));
    else
        assert_true(expected == actual);
}

static void assert_same_scorecard(const struct sw_scorecard *expected,
                                  const struct sw_scorecard *actual)
{
    assert_string_equal(expected->path, actual->path);
    assert_int_equal(expected->line, actual->line);
    assert_string_equal(expected->rubric, actual->rubric);
    assert_string_equal(expected->candidate, actual->candidate);
    assert_string_equal(expected->interviewer, actual->interviewer);
    assert_int_equal(expected->interview, actual->interview);
    assert_int_equal(expected->level, actual->level);
    assert_int_equal(expected->submitted, actual->submitted);
    assert_string_equal(expected->submitted_at, actual->submitted_at);
    assert_string_equal(expected->candidate_name, actual->candidate_name);
    assert_int_equal(expected->recommendation, actual->recommendation);
    assert_string_equal(expected->notes, actual->notes);
    assert_int_equal(expected->n_ratings, actual->n_ratings);
    for (size_t i = 0; i < expected->n_ratings; i++) {
        const struct sw_rating *e = &expected->ratings[i], *a = &actual->ratings[i];
        assert_int_equal(e->question, a->question);
        assert_int_equal(e->competency, a->competency);
        assert_same_number(e->value, a->value);
        assert_string_equal(e->evidence, a->evidence);
        assert_int_equal(e->line, a->line);
    }
}

/* Whatever the fast way accepts, the tree way accepts the same. Returns
 * whether the fast way accepted. */
static int check_text(const struct sw_rubric *r, const char *data, size_t len)
{
    struct sw_scorecard *fast = sw_scorecard_stream(r, data, len, "s.xml");
    struct sw_scorecard *slow = by_tree(r, data, len);
    if (fast) {
        assert_non_null(slow);
        if (slow)    /* for scan-build: cmocka's asserts are not noreturn */
            assert_same_scorecard(slow, fast);
    }
    sw_scorecard_free(fast);
    sw_scorecard_free(slow);
    return fast != NULL;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *data = malloc((size_t)n + 1);
    assert_non_null(data);
    assert_int_equal((size_t)n, fread(data, 1, (size_t)n, f));
    data[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return data;
}

/* Every fixture, against both rubrics: the fast way agrees, and takes the
 * valid ones. */
static void test_stream_agrees_on_every_fixture(void **state)
{
    (void)state;
    static const char *const dirs[] = { "tests/fixtures/good", "tests/fixtures/bad",
                                        "tests/fixtures/report", "tests/fixtures/leniency" };
    size_t accepted = 0;
    for (size_t d = 0; d < sizeof dirs / sizeof dirs[0]; d++) {
        DIR *dir = opendir(dirs[d]);
        if (!dir)
            continue;
        for (struct dirent *e; (e = readdir(dir));) {
            size_t n = strlen(e->d_name);
            if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0)
                continue;
            char path[512];
            snprintf(path, sizeof path, "%s/%s", dirs[d], e->d_name);
            size_t len;
            char *data = read_file(path, &len);
            accepted += (size_t)check_text(mini, data, len);
            accepted += (size_t)check_text(tpm, data, len);
            free(data);
        }
        closedir(dir);
    }
    assert_true(accepted >= 3);    /* at least the good ones */
}

#define CARD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
    "<scorecard xmlns=\"urn:scorewheel:scorecard:1\" rubric=\"mini\" candidate=\"c-1\"\n" \
    "    interview=\"tech\" interviewer=\"ann\" level=\"mid\" status=\"submitted\"\n" \
    "    submitted=\"2026-11-20T15:04:00Z\">\n" \
    "  <candidate-name>Ada &amp; Lovelace</candidate-name>\n" \
    "  <rating question=\"t1\" value=\"3.5\"><evidence>  led the &lt;design&gt;, " \
    "z\xc3\xa9ro\n   drama  </evidence></rating>\n" \
    "  <rating question=\"t2\"/>\n" \
    "  <rating competency=\"coding\" value=\"4\">\n    <evidence/>\n  </rating>\n" \
    "  <recommendation value=\"hire\"/>\n" \
    "  <notes>\n  first\n  second  </notes>\n" \
    "</scorecard>\n"

/* Small edits of a valid scorecard, each tried: what one would write by hand
 * or by mistake (CDATA, comments, references, white space, other values). */
static void test_stream_agrees_on_edits(void **state)
{
    (void)state;
    const char *card = CARD;
    size_t len = strlen(card);
    assert_true(check_text(mini, card, len));
    static const char *const inserts[] = {
        "<![CDATA[ x ]]>", "<!-- c -->", "<?pi x?>", "&amp;", "&#65;", "  ", "\n", "&lt;",
        "<evidence>e</evidence>", "x", "\"", "'", "<", ">", "&", "&nope;", "\xff",
        " value=\"2\"", " xmlns:x=\"urn:x\" x:a=\"1\"", "</notes>", "<notes>n</notes>",
        "<!DOCTYPE scorecard>", "\xef\xbb\xbf", "\t", "\r\n",
    };
    char *buf = malloc(len + 64);
    assert_non_null(buf);
    size_t accepted = 0, tried = 0;
    for (size_t at = 0; at <= len; at++) {
        for (size_t k = 0; k < sizeof inserts / sizeof inserts[0]; k++) {
            size_t n = strlen(inserts[k]);
            memcpy(buf, card, at);
            memcpy(buf + at, inserts[k], n);
            memcpy(buf + at + n, card + at, len - at);
            accepted += (size_t)check_text(mini, buf, len + n);
            tried++;
        }
        if (at < len) {    /* and without the byte at `at` */
            memcpy(buf, card, at);
            memcpy(buf + at, card + at + 1, len - at - 1);
            accepted += (size_t)check_text(mini, buf, len - 1);
            tried++;
        }
    }
    free(buf);
    assert_true(accepted > 0 && accepted < tried);
}

/* CARD with `insert` put in place of the first occurrence of `at`
 * (malloc'd); *len set. */
static char *card_with(const char *at, const char *insert, size_t *len)
{
    const char *card = CARD, *where = strstr(card, at);
    assert_non_null(where);
    size_t before = (size_t)(where - card), n = strlen(insert);
    *len = strlen(card) - strlen(at) + n;
    char *text = malloc(*len + 1);
    assert_non_null(text);
    memcpy(text, card, before);
    memcpy(text + before, insert, n);
    strcpy(text + before + n, where + strlen(at));
    return text;
}

/* A long text reaches the parser's callbacks in many pieces (at every
 * reference and every 300 bytes); the fast way joins them as the tree. */
static void test_stream_joins_text_pieces(void **state)
{
    (void)state;
    struct sw_buf evidence = SW_BUF_INIT, expected = SW_BUF_INIT;
    sw_buf_adds(&evidence, "<evidence>");
    for (int i = 0; i < 40; i++) {
        sw_buf_addf(&evidence, "piece %d of forty words and words &amp; &lt;more&gt; &#233;, ", i);
        sw_buf_addf(&expected, "piece %d of forty words and words & <more> \xc3\xa9, ", i);
    }
    sw_buf_adds(&evidence, "</evidence>");
    assert_false(evidence.failed || expected.failed);
    size_t len;
    char *text = card_with("<evidence/>", evidence.data, &len);
    assert_true(check_text(mini, text, len));
    struct sw_scorecard *s = sw_scorecard_stream(mini, text, len, "s.xml");
    assert_non_null(s);
    assert_int_equal(3, s->n_ratings);
    assert_string_equal(expected.data, s->ratings[2].evidence);
    sw_scorecard_free(s);
    free(text);
    sw_buf_release(&evidence);
    sw_buf_release(&expected);
}

/* Where only elements may stand (in a <rating>), white space is allowed,
 * from references too, but no other text and no CDATA section, even a
 * blank one: the validator sees CDATA apart from the text around it. */
static void test_stream_element_only_content(void **state)
{
    (void)state;
    static const struct { const char *insert; int valid; } cases[] = {
        { "\n    &#32;&#10; <evidence/>", 1 },
        { "\n    &#32;x <evidence/>", 0 },
        { "\n    <![CDATA[ ]]> <evidence/>", 0 },
        { "\n    <![CDATA[]]><evidence/>", 0 },
        { "&#x20;<!-- c --> <evidence/>", 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len;
        char *text = card_with("\n    <evidence/>", cases[i].insert, &len);
        struct sw_scorecard *slow = by_tree(mini, text, len);
        struct sw_scorecard *fast = sw_scorecard_stream(mini, text, len, "s.xml");
        assert_int_equal(cases[i].valid, slow != NULL);
        assert_int_equal(cases[i].valid, fast != NULL);
        if (fast && slow)    /* both or neither, asserted above */
            assert_same_scorecard(slow, fast);
        sw_scorecard_free(fast);
        sw_scorecard_free(slow);
        free(text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stream_agrees_on_every_fixture),
        cmocka_unit_test(test_stream_agrees_on_edits),
        cmocka_unit_test(test_stream_joins_text_pieces),
        cmocka_unit_test(test_stream_element_only_content),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
