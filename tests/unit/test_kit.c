#include "unit.h"
#include "mini.h"

#include <string.h>

#include "kit.h"

static struct sw_errors errs;

static int setup(void **state)
{
    sw_errors_init(&errs);
    return mini_setup(state);
}

static int teardown(void **state)
{
    sw_errors_release(&errs);
    return mini_teardown(state);
}

static void kit_of(const struct sw_rubric *r, size_t interview, enum sw_kit_format format,
                   struct sw_buf *out)
{
    assert_int_equal(0, sw_kit(r, interview, format, out, &errs));
    assert_int_equal(0, errs.count);
}

static void kit(size_t interview, enum sw_kit_format format, struct sw_buf *out)
{
    kit_of(mini, interview, format, out);
}

static void test_kit_text_question(void **state)
{
    (void)state;
    struct sw_buf actual = SW_BUF_INIT;
    kit((size_t)sw_rubric_interview(mini, "tech"), SW_KIT_TEXT, &actual);
    const char *expected =
        "Question 1 of 2 (t1)\n"
        "\n"
        "  Design a queue.\n"
        "\n"
        "  Measures: Design (weight 2), Coding (weight 1)\n"
        "\n"
        "  Design (Craft)\n"
        "    Shapes systems.\n"
        "    1 Needs Focus\n"
        "      Copies a design.\n"
        "    3 On Track\n"
        "      Weighs trade-offs.\n"
        "    5 Outperform\n"
        "      Sets direction.\n"
        "\n"
        "  Coding (Craft)\n"
        "\n"
        "  Rating: ________  (1-5, step 0.5)\n";
    assert_non_null(strstr(sw_buf_str(&actual), expected));
    assert_int_equal(0, strncmp(sw_buf_str(&actual), "INTERVIEW KIT: Technical\n"
                                "Rubric:    Mini wheel (mini, version 2)\n"
                                "Interview: tech\n"
                                "Duration:  45 minutes\n"
                                "Questions: 2\n", 116));
    sw_buf_release(&actual);
}

static void test_kit_markdown_question(void **state)
{
    (void)state;
    struct sw_buf actual = SW_BUF_INIT;
    kit((size_t)sw_rubric_interview(mini, "lead"), SW_KIT_MARKDOWN, &actual);
    const char *expected =
        "## Question 2 of 2 (`l2`)\n"
        "\n"
        "> Change a roadmap.\n"
        "\n"
        "**Measures:** Influence (weight 3), Design (weight 0.5)\n"
        "\n"
        "### Influence\n"
        "\n"
        "### Design\n"
        "\n"
        "Shapes systems.\n"
        "\n"
        "| Anchor | What it looks like |\n"
        "| --- | --- |\n"
        "| 1 Needs Focus | Copies a design. |\n"
        "| 3 On Track | Weighs trade-offs. |\n"
        "| 5 Outperform | Sets direction. |\n"
        "\n"
        "**Rating:** \\_\\_\\_\\_\\_\\_ (1-5, step 0.5)\n";
    assert_non_null(strstr(sw_buf_str(&actual), expected));
    assert_int_equal(0, strncmp(sw_buf_str(&actual), "# Interview kit: Leadership\n", 28));
    sw_buf_release(&actual);
}

/* Rubric text is data: Markdown in it is shown, never interpreted. */
static void test_kit_markdown_escapes_rubric_text(void **state)
{
    (void)state;
    static const char xml[] =
        "<rubric xmlns=\"urn:scorewheel:rubric:1\" id=\"r\" version=\"1\" name=\"*R* | x\">"
        "<scale min=\"0\" max=\"2\" step=\"1\"/>"
        "<pillar id=\"p\" name=\"P\"><competency id=\"c\" name=\"C_1\"/></pillar>"
        "<level id=\"l\" name=\"L\" hire-bar=\"1\"><target competency=\"c\" value=\"1\"/></level>"
        "<interview id=\"i\" name=\"# I\"><question id=\"q\"><text>Use &lt;b&gt; [link](x)\n"
        "   please</text><measures competency=\"c\"/></question></interview></rubric>";
    struct sw_rubric *r = sw_rubric_parse(xml, sizeof xml - 1, "r.xml", &errs);
    assert_non_null(r);
    struct sw_buf actual = SW_BUF_INIT;
    kit_of(r, 0, SW_KIT_MARKDOWN, &actual);
    sw_rubric_free(r);
    assert_int_equal(0, strncmp(sw_buf_str(&actual), "# Interview kit: \\# I\n\n"
                                "- **Rubric:** \\*R\\* \\| x (r, version 1)\n", 63));
    assert_non_null(strstr(sw_buf_str(&actual), "> Use \\<b\\> \\[link\\](x) please\n"));
    assert_non_null(strstr(sw_buf_str(&actual), "**Measures:** C\\_1 (weight 1)\n"));
    assert_null(strstr(sw_buf_str(&actual), "- **Duration:**"));
    sw_buf_release(&actual);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kit_text_question),
        cmocka_unit_test(test_kit_markdown_question),
        cmocka_unit_test(test_kit_markdown_escapes_rubric_text),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
