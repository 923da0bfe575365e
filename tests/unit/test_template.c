#include "unit.h"

#include <string.h>

#include "render/template.h"

static struct sw_arena arena;
static struct sw_errors errs;
static struct sw_buf out;

static int setup(void **state)
{
    (void)state;
    sw_arena_init(&arena);
    sw_errors_init(&errs);
    sw_buf_init(&out);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sw_arena_release(&arena);
    sw_errors_release(&errs);
    sw_buf_release(&out);
    return 0;
}

static int render(const char *tpl, const struct sw_tpl_scope *s, enum sw_tpl_escape esc)
{
    return sw_tpl_render_text(tpl, strlen(tpl), "t.tpl", s, esc, &out, &errs);
}

static void test_template_fields_and_escapes(void **state)
{
    (void)state;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    assert_int_equal(0, sw_tpl_set(s, "name", "a<b & \"c\" 'd'\r"));
    assert_int_equal(0, render("[{{name}}] [{{ name|raw }}]", s, SW_TPL_XML));
    const char *expected = "[a&lt;b &amp; &quot;c&quot; &apos;d&apos;&#13;] [a<b & \"c\" 'd'\r]";
    assert_string_equal(expected, sw_buf_str(&out));
}

static void test_template_markdown_escape(void **state)
{
    (void)state;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    assert_int_equal(0, sw_tpl_set(s, "a", "# *x* _y_ [z] <b> a|b \\ `c`"));
    assert_int_equal(0, sw_tpl_set(s, "b", "12. twelve"));
    assert_int_equal(0, render("{{a}}\n{{b}}", s, SW_TPL_MD));
    const char *expected = "\\# \\*x\\* \\_y\\_ \\[z\\] \\<b\\> a\\|b \\\\ \\`c\\`\n12\\. twelve";
    assert_string_equal(expected, sw_buf_str(&out));
}

static void test_template_comment_filter(void **state)
{
    (void)state;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    assert_int_equal(0, sw_tpl_set(s, "t", "a--b---c-"));
    assert_int_equal(0, render("<!-- {{t|comment}} -->", s, SW_TPL_XML));
    assert_string_equal("<!-- a- -b- - -c-  -->", sw_buf_str(&out));
}

static void test_template_lists_and_scopes(void **state)
{
    (void)state;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    assert_int_equal(0, sw_tpl_set(s, "who", "top"));
    for (int i = 1; i <= 2; i++) {
        struct sw_tpl_scope *it = sw_tpl_add(s, "items");
        assert_non_null(it);
        assert_int_equal(0, sw_tpl_setf(it, "n", "%d", i));
    }
    const char *tpl = "list:\n{{#items}}\n  - {{n}} of {{who}}\n{{/items}}\nend\n";
    assert_int_equal(0, render(tpl, s, SW_TPL_RAW));
    assert_string_equal("list:\n  - 1 of top\n  - 2 of top\nend\n", sw_buf_str(&out));
}

static void test_template_text_sections_and_inverted(void **state)
{
    (void)state;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    assert_int_equal(0, sw_tpl_set(s, "full", "x"));
    assert_int_equal(0, sw_tpl_set(s, "empty", ""));
    const char *tpl = "{{#full}}F{{/full}}{{#empty}}E{{/empty}}{{^empty}}e{{/empty}}"
                      "{{^full}}f{{/full}}{{#absent}}A{{/absent}}{{^absent}}a{{/absent}}"
                      "{{! a comment }}.";
    assert_int_equal(0, render(tpl, s, SW_TPL_RAW));
    assert_string_equal("Fea.", sw_buf_str(&out));
}

static void test_template_standalone_lines_vanish(void **state)
{
    (void)state;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    assert_int_equal(0, sw_tpl_set(s, "x", "yes"));
    const char *tpl = "a\n  {{#x}}  \nb\n{{! note\n spanning lines }}\n  {{/x}}\nc {{#x}}d{{/x}}\n";
    assert_int_equal(0, render(tpl, s, SW_TPL_RAW));
    assert_string_equal("a\nb\nc d\n", sw_buf_str(&out));
}

static void test_template_wrap_indents_to_the_tag(void **state)
{
    (void)state;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    assert_int_equal(0, sw_tpl_set(s, "t", "one two three four five six seven eight nine ten "
                                           "eleven twelve thirteen fourteen fifteen sixteen"));
    assert_int_equal(0, render("    Text: {{t|wrap}}\n", s, SW_TPL_RAW));
    const char *expected =
        "    Text: one two three four five six seven eight nine ten eleven twelve\n"
        "          thirteen fourteen fifteen sixteen\n";
    assert_string_equal(expected, sw_buf_str(&out));
}

/* An empty output buffer has no line to measure: the wrap starts at column 0. */
static void test_template_wrap_into_an_empty_buffer(void **state)
{
    (void)state;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    assert_int_equal(0, sw_tpl_set(s, "x", "one two three four five six seven eight nine ten "
                                           "eleven twelve thirteen fourteen fifteen sixteen"));
    assert_int_equal(0, render("{{x|wrap}}", s, SW_TPL_RAW));
    const char *expected =
        "one two three four five six seven eight nine ten eleven twelve thirteen\n"
        "fourteen fifteen sixteen";
    assert_string_equal(expected, sw_buf_str(&out));
}

static void test_template_unknown_field_is_an_error(void **state)
{
    (void)state;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    assert_int_equal(-1, render("line one\n{{nope}}", s, SW_TPL_RAW));
    assert_int_equal(1, errs.count);
    assert_int_equal(SW_ESYSTEM, errs.items[0].code);
    assert_string_equal("t.tpl", errs.items[0].file);
    assert_int_equal(2, errs.items[0].line);
    assert_string_equal("template: 'nope' is not a text field", errs.items[0].message);
}

static void test_template_syntax_errors(void **state)
{
    (void)state;
    static const struct { const char *tpl, *message; } cases[] = {
        { "{{#a}}x", "template: section not closed" },
        { "x{{/a}}", "template: '{{/' closes no section" },
        { "{{#a}}{{/b}}", "template: '{{/' does not match the section it closes" },
        { "{{a", "template: '{{' without '}}'" },
        { "{{A}}", "template: a tag holds a field name (a-z, 0-9, _ or -)" },
        { "{{a|shout}}", "template: unknown filter (use wrap, comment or raw)" },
    };
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sw_errors_release(&errs);
        assert_int_equal(-1, render(cases[i].tpl, s, SW_TPL_RAW));
        assert_int_equal(1, errs.count);
        assert_string_equal(cases[i].message, errs.items[0].message);
    }
}

static void test_template_builtin_missing(void **state)
{
    (void)state;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    assert_int_equal(-1, sw_tpl_render("nope.txt", s, SW_TPL_RAW, &out, &errs));
    assert_string_equal("no built-in template 'nope.txt'", errs.items[0].message);
}

/* {{> name}} renders a built-in template (here templates/web/sort_links.html)
 * with the fields in scope, escaped as the including template is; its line
 * vanishes like a section's; its errors name the partial and its line. */
static void test_template_partials(void **state)
{
    (void)state;
    struct sw_tpl_scope *s = sw_tpl_scope_new(&arena);
    struct sw_tpl_scope *a = sw_tpl_add(s, "sorts"), *b = sw_tpl_add(s, "sorts");
    assert_int_equal(0, sw_tpl_set(a, "url", "/a?x=1&y") | sw_tpl_set(a, "label", "A<")
                        | sw_tpl_set(a, "current", "yes"));
    assert_int_equal(0, sw_tpl_set(b, "url", "/b") | sw_tpl_set(b, "label", "B")
                        | sw_tpl_set(b, "current", ""));
    assert_int_equal(0, render("<div>\n  {{> sort_links.html}}\n</div>\n", s, SW_TPL_XML));
    assert_string_equal("<div>\n<p><span class=\"views-label\">Sort by</span>\n"
                        "<a href=\"/a?x=1&amp;y\" aria-current=\"true\" class=\"current\">"
                        "A&lt;</a>\n<a href=\"/b\">B</a>\n</p>\n</div>\n", sw_buf_str(&out));

    sw_buf_reset(&out);
    assert_int_equal(-1, render("x\n{{> nope.html}}", s, SW_TPL_XML));
    assert_string_equal("t.tpl", errs.items[0].file);
    assert_int_equal(2, errs.items[0].line);
    assert_string_equal("template: no built-in template 'nope.html'", errs.items[0].message);

    sw_errors_release(&errs);
    sw_errors_init(&errs);
    assert_int_equal(-1, render("{{> sort_links.html|raw}}", s, SW_TPL_XML));
    assert_string_equal("template: a tag holds a field name (a-z, 0-9, _ or -)",
                        errs.items[0].message);

    sw_errors_release(&errs);
    sw_errors_init(&errs);
    struct sw_tpl_scope *t = sw_tpl_scope_new(&arena);
    assert_non_null(sw_tpl_add(t, "sorts"));
    assert_int_equal(-1, render("{{> sort_links.html}}", t, SW_TPL_XML));
    assert_string_equal("sort_links.html", errs.items[0].file);
    assert_int_equal(4, errs.items[0].line);
    assert_string_equal("template: 'url' is not a text field", errs.items[0].message);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_template_fields_and_escapes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_template_markdown_escape, setup, teardown),
        cmocka_unit_test_setup_teardown(test_template_comment_filter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_template_lists_and_scopes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_template_text_sections_and_inverted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_template_standalone_lines_vanish, setup, teardown),
        cmocka_unit_test_setup_teardown(test_template_wrap_indents_to_the_tag, setup, teardown),
        cmocka_unit_test_setup_teardown(test_template_wrap_into_an_empty_buffer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_template_unknown_field_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_template_syntax_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_template_builtin_missing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_template_partials, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
