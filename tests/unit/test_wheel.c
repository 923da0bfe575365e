#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wheel.h"

static const struct sw_wheel_pillar pillars[] = { { "Craft", SW_HALF_INDIVIDUAL, 0, 2 },
                                                  { "People", SW_HALF_LEADERSHIP, 2, 2 } };
static const struct sw_wheel_anchor anchors[] = { { 1, "Needs Focus" }, { 3, "On Track" },
                                                  { 5, "Outperform" } };
static const char *const names[] = { "Design", "Coding", "Mentoring", "Influence" };

static struct sw_wheel fixture(const double *means, const double *targets)
{
    return (struct sw_wheel){ "Ada <&\"> (c-1)", "Mid", 1, 5, anchors, 3, pillars, 2, names,
                              means, targets, 4, NULL, NULL, NULL, NULL };
}

static char *render(const struct sw_wheel *w)
{
    struct sw_buf b = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_wheel_svg(w, &b, &errs));
    assert_int_equal(0, errs.count);
    sw_errors_release(&errs);
    return sw_buf_detach(&b, NULL);
}

/* Wedge k's path data after its leading "M ". */
static const char *wedge_path(const char *svg, int k)
{
    char key[64];
    snprintf(key, sizeof key, "data-competency=\"%d\"", k);
    const char *p = strstr(svg, key);
    assert_non_null(p);
    p = strstr(p, " d=\"M ");
    assert_non_null(p);
    return p + 6;
}

/* The largest distance from the centre of any point of a wedge's path: its
 * outer arc's radius. */
static double outer_radius(const char *svg, int k)
{
    const char *p = wedge_path(svg, k);
    double best = 0;
    /* points follow "M", "L" and the last two numbers of each "A" */
    while (*p && *p != '"') {
        double x, y;
        if (*p == 'A') {
            double rx, ry, rot, large, sweep;
            int n = 0;
            sscanf(p, "A %lf %lf %lf %lf %lf %n", &rx, &ry, &rot, &large, &sweep, &n);
            p += n;
            continue;
        }
        if (*p == 'L' || *p == 'Z') {
            p += 2;
            continue;
        }
        int n = 0;
        if (sscanf(p, "%lf %lf %n", &x, &y, &n) != 2 || n == 0)
            break;
        double r = hypot(x - SW_WHEEL_CX, y - SW_WHEEL_CY);
        best = r > best ? r : best;
        p += n;
    }
    return best;
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)); p++)
        n++;
    return n;
}

static void test_wheel_radius_maps_the_scale(void **state)
{
    (void)state;
    double means[] = { 1, 2, 3, 5 };
    struct sw_wheel w = fixture(means, NULL);
    assert_close(SW_WHEEL_HUB, sw_wheel_radius(&w, 1));
    assert_close(SW_WHEEL_RIM, sw_wheel_radius(&w, 5));
    assert_close(SW_WHEEL_HUB + (SW_WHEEL_RIM - SW_WHEEL_HUB) / 2, sw_wheel_radius(&w, 3));
    assert_close(SW_WHEEL_RIM, sw_wheel_radius(&w, 9));     /* clamped */
}

static void test_wheel_wedges_reach_their_means(void **state)
{
    (void)state;
    double means[] = { 4.5, 2, 3.25, 1.5 };
    double targets[] = { 3, 3.5, 2.5, 2.5 };
    struct sw_wheel w = fixture(means, targets);
    char *svg = render(&w);
    assert_int_equal(4, count(svg, "class=\"wedge"));
    for (int k = 0; k < 4; k++)
        assert_true(fabs(outer_radius(svg, k) - sw_wheel_radius(&w, means[k])) < 1e-6);
    assert_int_equal(1, count(svg, "class=\"target\""));
    assert_int_equal(3, count(svg, "class=\"anchor\""));
    free(svg);
}

static void test_wheel_hatches_unassessed_and_skips_target_without_level(void **state)
{
    (void)state;
    double means[] = { 4, NAN, 3, NAN };
    struct sw_wheel w = fixture(means, NULL);
    char *svg = render(&w);
    assert_int_equal(2, count(svg, "class=\"wedge unassessed\""));
    assert_true(fabs(outer_radius(svg, 1) - SW_WHEEL_RIM) < 1e-6);
    assert_int_equal(0, count(svg, "class=\"target\""));
    assert_non_null(strstr(svg, "no level: no target"));
    free(svg);
}

static void test_wheel_escapes_text_and_is_deterministic(void **state)
{
    (void)state;
    double means[] = { 4, 3, 3, 2 };
    struct sw_wheel w = fixture(means, NULL);
    char *one = render(&w), *two = render(&w);
    assert_string_equal(one, two);
    assert_non_null(strstr(one, ">Ada &lt;&amp;&quot;&gt; (c-1)<"));
    assert_null(strstr(one, "Ada <&"));
    free(one);
    free(two);
}

/* The first point of wedge k's path: its inner corner where it starts. */
static void wedge_start(const char *svg, int k, double *x, double *y)
{
    assert_int_equal(2, sscanf(wedge_path(svg, k), "%lf %lf", x, y));
}

/* docs/design.md "The wheel picture": the individual wedges form one block
 * centred on 12 o'clock whatever the rubric's order, then clockwise the
 * leadership half, then pillars without a half. Here the rubric lists the
 * leadership pillar first, then one without a half, then the individual
 * one: the individual pair spans 10 to 2 o'clock (angles -60 and 0 of six
 * 60-degree wedges), the leadership pair follows at 2 o'clock, and the
 * no-half pair at 6 o'clock. */
static void test_wheel_individual_half_on_top(void **state)
{
    (void)state;
    static const struct sw_wheel_pillar order[] = { { "Lead", SW_HALF_LEADERSHIP, 0, 2 },
                                                    { "Other", SW_HALF_NONE, 2, 2 },
                                                    { "Own", SW_HALF_INDIVIDUAL, 4, 2 } };
    static const char *const six[] = { "L1", "L2", "N1", "N2", "I1", "I2" };
    double means[] = { 3, 3, 3, 3, 3, 3 };
    struct sw_wheel w = { "t", NULL, 1, 5, anchors, 3, order, 3, six, means, NULL, 6,
                          NULL, NULL, NULL, NULL };
    char *svg = render(&w);
    /* start angle of each competency in degrees clockwise from 12 o'clock */
    static const double start[] = { 60, 120, 180, 240, -60, 0 };
    for (int k = 0; k < 6; k++) {
        double x, y, a = start[k] * M_PI / 180;
        wedge_start(svg, k, &x, &y);
        assert_true(fabs(x - (SW_WHEEL_CX + SW_WHEEL_HUB * sin(a))) < 1e-6);
        assert_true(fabs(y - (SW_WHEEL_CY - SW_WHEEL_HUB * cos(a))) < 1e-6);
    }
    free(svg);
}

/* The thumbnail: an inline <svg> element, wedges to their means (an
 * unassessed one grey to the rim), the target, no text, no ids. */
static void test_wheel_thumbnail_is_inline_and_small(void **state)
{
    (void)state;
    double means[] = { 4.5, NAN, 3.25, 1.5 };
    double targets[] = { 3, 3.5, 2.5, 2.5 };
    struct sw_wheel w = fixture(means, targets);
    struct sw_buf b = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_wheel_thumbnail_svg(&w, 96, &b, &errs));
    const char *svg = sw_buf_str(&b);
    const char *expected = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wheel-thumb\" "
                           "width=\"96\" height=\"96\" viewBox=\"174 204 552 552\" role=\"img\" "
                           "aria-label=\"Ada &lt;&amp;&quot;&gt; (c-1)\">\n";
    assert_int_equal(0, strncmp(expected, svg, strlen(expected)));
    assert_int_equal(4, count(svg, "class=\"wedge\""));
    assert_true(fabs(outer_radius(svg, 0) - sw_wheel_radius(&w, 4.5)) < 1e-6);
    assert_true(fabs(outer_radius(svg, 1) - SW_WHEEL_RIM) < 1e-6);
    assert_true(fabs(outer_radius(svg, 3) - sw_wheel_radius(&w, 1.5)) < 1e-6);
    assert_int_equal(1, count(svg, "fill=\"#dddddd\""));
    assert_int_equal(1, count(svg, "class=\"target\""));
    assert_int_equal(0, count(svg, "<text"));
    assert_int_equal(0, count(svg, " id="));
    assert_int_equal(0, count(svg, "<?xml"));
    assert_int_equal(1, count(svg, "</svg>"));
    w.n_competencies = 0;
    assert_int_equal(-1, sw_wheel_thumbnail_svg(&w, 96, &b, &errs));
    assert_int_equal(1, errs.count);
    assert_string_equal("a wheel needs competencies and means", errs.items[0].message);
    sw_errors_release(&errs);
    sw_buf_release(&b);
}

static void test_wheel_refuses_unusable_input(void **state)
{
    (void)state;
    double means[] = { 4, 3, 3, 2 };
    struct sw_wheel w = fixture(means, NULL);
    struct sw_buf b = SW_BUF_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    w.scale_max = w.scale_min;
    assert_int_equal(-1, sw_wheel_svg(&w, &b, &errs));
    w = fixture(means, NULL);
    w.n_competencies = 0;
    assert_int_equal(-1, sw_wheel_svg(&w, &b, &errs));
    assert_int_equal(2, errs.count);
    assert_int_equal(SW_ESYSTEM, errs.items[0].code);
    assert_string_equal("a wheel's scale must end above its start, not 1..1",
                        errs.items[0].message);
    assert_string_equal("a wheel needs competencies and means", errs.items[1].message);
    assert_int_equal(0, b.len);
    sw_errors_release(&errs);
    sw_buf_release(&b);
}

static void test_wheel_of_candidate(void **state)
{
    (void)state;
    static const char xml[] =
        "<scorecard xmlns=\"urn:scorewheel:scorecard:1\" rubric=\"mini\" candidate=\"c-1\" "
        "interview=\"tech\" interviewer=\"amy\" level=\"mid\" status=\"submitted\">"
        "<candidate-name>Ada</candidate-name>"
        "<rating question=\"t1\" value=\"4\"/><rating question=\"t2\" value=\"3\"/>"
        "</scorecard>";
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *r = sw_rubric_load("tests/fixtures/rubrics/mini.xml", &errs);
    assert_non_null(r);
    struct sw_scorecard *card = sw_scorecard_parse(r, xml, sizeof xml - 1, "x.xml", &errs);
    assert_non_null(card);
    struct sw_aggregate *a = sw_aggregate_new(r);
    assert_int_equal(0, sw_aggregate_add(a, card, &errs));
    assert_int_equal(0, sw_aggregate_finish(a, -1, &errs));
    struct sw_wheel w;
    char title[64], subtitle[128];
    assert_int_equal(0, sw_wheel_of_candidate(a, &a->candidates[0], &w, title, sizeof title,
                                              subtitle, sizeof subtitle, &errs));
    assert_string_equal("Ada (c-1)", w.title);
    /* overall = mean of the assessed competency means = (4 + 3.5) / 2 */
    assert_string_equal("Mid \u00b7 overall 3.75 \u00b7 insufficient-evidence", w.subtitle);
    assert_int_equal(4, w.n_competencies);
    assert_int_equal(2, w.n_pillars);
    assert_string_equal("Coding", w.competencies[1]);
    assert_close(4, w.means[0]);            /* design: t1 only */
    assert_close(3.5, w.means[1]);          /* coding: (4 + 3) / 2 */
    assert_null_number(w.means[2]);
    assert_close(3.5, w.targets[1]);        /* mid's target for coding */
    assert_int_equal(SW_HALF_LEADERSHIP, w.pillars[1].half);
    sw_wheel_release(&w);
    sw_wheel_release(NULL);
    sw_aggregate_free(a);
    sw_scorecard_free(card);
    sw_rubric_free(r);
    sw_errors_release(&errs);
}

/* A person's wheel: self as a solid outline in the wedges that have a value
 * (one arc per defined wedge, a new subpath after a gap, closed only when
 * every wedge has one), and a legend naming fill, outline and target. */
static void test_wheel_self_outline_and_legend(void **state)
{
    (void)state;
    const double means[] = { 3, 3, 3, 3 }, targets[] = { 4, 4, 3.5, 3.5 };
    const double gap[] = { 3, NAN, 4, 5 }, full[] = { 3, 3, 4, 5 };
    struct sw_wheel w = fixture(means, targets);
    w.outline = gap;
    w.fill_label = "the others' mean";
    w.outline_label = "self-assessment";
    w.target_label = "Senior";
    char *svg = render(&w);
    const char *self = strstr(svg, "<path class=\"self\"");
    assert_non_null(self);
    size_t len = strcspn(self, "\n");
    char *line = strndup(self, len);
    assert_int_equal(2, count(line, "M "));     /* wedge 0, then wedges 2 and 3 */
    assert_int_equal(1, count(line, " L "));    /* joined 2 to 3 */
    assert_int_equal(3, count(line, " A "));
    assert_int_equal(0, count(line, " Z"));
    free(line);
    assert_non_null(strstr(svg, ">self-assessment</text>"));
    assert_non_null(strstr(svg, ">target: Senior</text>"));
    assert_non_null(strstr(svg, "wedges fill from the centre to the others&apos; mean</text>"));
    free(svg);
    w.outline = full;
    svg = render(&w);
    self = strstr(svg, "<path class=\"self\"");
    assert_non_null(strstr(self, " Z\"/>"));
    assert_true(strstr(self, " Z\"/>") < strchr(self, '\n'));
    free(svg);
    w.outline = NULL;
    svg = render(&w);
    assert_null(strstr(svg, "class=\"self\""));
    assert_null(strstr(svg, "self-assessment"));
    free(svg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wheel_radius_maps_the_scale),
        cmocka_unit_test(test_wheel_wedges_reach_their_means),
        cmocka_unit_test(test_wheel_hatches_unassessed_and_skips_target_without_level),
        cmocka_unit_test(test_wheel_escapes_text_and_is_deterministic),
        cmocka_unit_test(test_wheel_thumbnail_is_inline_and_small),
        cmocka_unit_test(test_wheel_individual_half_on_top),
        cmocka_unit_test(test_wheel_refuses_unusable_input),
        cmocka_unit_test(test_wheel_of_candidate),
        cmocka_unit_test(test_wheel_self_outline_and_legend),
    };
    return cmocka_run_group_tests_name("wheel", tests, NULL, NULL);
}
