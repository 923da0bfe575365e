#include "wheel.h"

#include <math.h>
#include <string.h>

#define BAND_IN (SW_WHEEL_RIM + 6)
#define BAND_OUT (SW_WHEEL_RIM + 28)
#define LABEL_R (SW_WHEEL_RIM + 40)

/* Okabe-Ito, reordered so neighbours alternate dark and light. */
static const char *const palette[] = { "#0072B2", "#E69F00", "#009E73", "#F0E442",
                                       "#D55E00", "#56B4E9", "#CC79A7", "#000000" };

static const char *pillar_colour(size_t p)
{
    return palette[p % (sizeof palette / sizeof palette[0])];
}

double sw_wheel_radius(const struct sw_wheel *w, double v)
{
    double f = (v - w->scale_min) / (w->scale_max - w->scale_min);
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    return SW_WHEEL_HUB + f * (SW_WHEEL_RIM - SW_WHEEL_HUB);
}

/* The point at radius r and angle a (radians clockwise from 12 o'clock). */
static void point(struct sw_buf *b, double r, double a)
{
    sw_buf_addf(b, "%.6f %.6f", SW_WHEEL_CX + r * sin(a), SW_WHEEL_CY - r * cos(a));
}

/* A ring segment between radii r_in and r_out from angle a0 to a1. */
static void sector_path(struct sw_buf *b, double r_in, double r_out, double a0, double a1)
{
    int large = a1 - a0 > M_PI;
    sw_buf_adds(b, "M ");
    point(b, r_in, a0);
    sw_buf_adds(b, " L ");
    point(b, r_out, a0);
    sw_buf_addf(b, " A %.6f %.6f 0 %d 1 ", r_out, r_out, large);
    point(b, r_out, a1);
    sw_buf_adds(b, " L ");
    point(b, r_in, a1);
    sw_buf_addf(b, " A %.6f %.6f 0 %d 0 ", r_in, r_in, large);
    point(b, r_in, a0);
    sw_buf_adds(b, " Z");
}

/* Wedges run clockwise starting at 9 o'clock, so the first half of the
 * competencies spans the top of the wheel (centred on 12 o'clock) and the
 * second half the bottom: with the TPM rubric, the individual half on top. */
static double wedge_angle(const struct sw_wheel *w, size_t k)
{
    return 2 * M_PI * (double)k / (double)w->n_competencies - M_PI / 2;
}

static void header(const struct sw_wheel *w, struct sw_buf *b)
{
    sw_buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"900\" "
                   "height=\"940\" viewBox=\"0 0 900 940\" font-family=\"DejaVu Sans, Arial, "
                   "sans-serif\">\n<defs>\n"
                   "<pattern id=\"hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
                   "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" "
                   "fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" "
                   "stroke=\"#888888\" stroke-width=\"2\"/></pattern>\n</defs>\n"
                   "<rect width=\"900\" height=\"940\" fill=\"#ffffff\"/>\n"
                   "<text x=\"450\" y=\"40\" text-anchor=\"middle\" font-size=\"24\" "
                   "font-weight=\"bold\">");
    sw_buf_add_xml(b, w->title ? w->title : "");
    sw_buf_adds(b, "</text>\n");
    if (w->subtitle) {
        sw_buf_adds(b, "<text x=\"450\" y=\"68\" text-anchor=\"middle\" font-size=\"16\" "
                       "fill=\"#333333\">");
        sw_buf_add_xml(b, w->subtitle);
        sw_buf_adds(b, "</text>\n");
    }
}

static void pillar_backgrounds(const struct sw_wheel *w, struct sw_buf *b)
{
    for (size_t p = 0; p < w->n_pillars; p++) {
        const struct sw_wheel_pillar *pl = &w->pillars[p];
        double a0 = wedge_angle(w, pl->first), a1 = wedge_angle(w, pl->first + pl->count);
        sw_buf_addf(b, "<path class=\"sector\" fill=\"%s\" fill-opacity=\"0.08\" d=\"",
                    pillar_colour(p));
        sector_path(b, SW_WHEEL_HUB, SW_WHEEL_RIM, a0, a1);
        sw_buf_addf(b, "\"/>\n<path class=\"band\" fill=\"%s\" d=\"", pillar_colour(p));
        sector_path(b, BAND_IN, BAND_OUT, a0 + 0.004, a1 - 0.004);
        sw_buf_adds(b, "\"/>\n");
    }
}

static void wedges(const struct sw_wheel *w, struct sw_buf *b)
{
    for (size_t p = 0; p < w->n_pillars; p++) {
        const struct sw_wheel_pillar *pl = &w->pillars[p];
        for (size_t k = pl->first; k < pl->first + pl->count && k < w->n_competencies; k++) {
            double a0 = wedge_angle(w, k), a1 = wedge_angle(w, k + 1);
            int unassessed = isnan(w->means[k]);
            if (unassessed)
                sw_buf_addf(b, "<path class=\"wedge unassessed\" data-competency=\"%zu\" "
                               "fill=\"url(#hatch)\" d=\"", k);
            else
                sw_buf_addf(b, "<path class=\"wedge\" data-competency=\"%zu\" fill=\"%s\" "
                               "fill-opacity=\"0.85\" d=\"", k, pillar_colour(p));
            sector_path(b, SW_WHEEL_HUB,
                        unassessed ? SW_WHEEL_RIM : sw_wheel_radius(w, w->means[k]), a0, a1);
            sw_buf_adds(b, "\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n");
        }
    }
}

static void rings(const struct sw_wheel *w, struct sw_buf *b)
{
    sw_buf_addf(b, "<circle cx=\"%.6f\" cy=\"%.6f\" r=\"%.6f\" fill=\"none\" stroke=\"#444444\" "
                   "stroke-width=\"1.5\"/>\n", SW_WHEEL_CX, SW_WHEEL_CY, SW_WHEEL_RIM);
    for (size_t i = 0; i < w->n_anchors; i++) {
        double r = sw_wheel_radius(w, w->anchors[i].value);
        sw_buf_addf(b, "<circle class=\"anchor\" cx=\"%.6f\" cy=\"%.6f\" r=\"%.6f\" fill=\"none\" "
                       "stroke=\"#666666\" stroke-width=\"0.8\" stroke-dasharray=\"2 3\"/>\n",
                    SW_WHEEL_CX, SW_WHEEL_CY, r);
        sw_buf_addf(b, "<text x=\"%.6f\" y=\"%.6f\" font-size=\"11\" fill=\"#222222\" "
                       "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">%g ",
                    SW_WHEEL_CX + 4, SW_WHEEL_CY - r + 13, w->anchors[i].value);
        sw_buf_add_xml(b, w->anchors[i].label);
        sw_buf_adds(b, "</text>\n");
    }
    for (size_t p = 0; p < w->n_pillars; p++) {
        double a = wedge_angle(w, w->pillars[p].first);
        sw_buf_adds(b, "<path class=\"divider\" stroke=\"#444444\" stroke-width=\"1.5\" d=\"M ");
        point(b, SW_WHEEL_HUB, a);
        sw_buf_adds(b, " L ");
        point(b, BAND_OUT, a);
        sw_buf_adds(b, "\"/>\n");
    }
}

/* One closed outline: an arc at the target's radius across each wedge, joined
 * by radial steps between neighbours. */
static void target_outline(const struct sw_wheel *w, struct sw_buf *b)
{
    if (!w->targets)
        return;
    sw_buf_adds(b, "<path class=\"target\" fill=\"none\" stroke=\"#000000\" stroke-width=\"2.5\" "
                   "stroke-dasharray=\"7 4\" d=\"");
    for (size_t k = 0; k < w->n_competencies; k++) {
        double r = sw_wheel_radius(w, w->targets[k]);
        sw_buf_adds(b, k ? " L " : "M ");
        point(b, r, wedge_angle(w, k));
        sw_buf_addf(b, " A %.6f %.6f 0 0 1 ", r, r);
        point(b, r, wedge_angle(w, k + 1));
    }
    sw_buf_adds(b, " Z\"/>\n");
}

/* The outline of the second profile: an arc across each wedge that has a
 * value, joined by radial steps where neighbours both have one. */
static void self_outline(const struct sw_wheel *w, struct sw_buf *b)
{
    if (!w->outline)
        return;
    sw_buf_adds(b, "<path class=\"self\" fill=\"none\" stroke=\"#CC0033\" stroke-width=\"3\" "
                   "stroke-linejoin=\"round\" d=\"");
    size_t n = w->n_competencies, drawn = 0;
    for (size_t k = 0; k < n; k++) {
        if (isnan(w->outline[k]))
            continue;
        double r = sw_wheel_radius(w, w->outline[k]);
        sw_buf_adds(b, drawn ? " " : "");
        sw_buf_adds(b, k && !isnan(w->outline[k - 1]) ? "L " : "M ");
        point(b, r, wedge_angle(w, k));
        sw_buf_addf(b, " A %.6f %.6f 0 0 1 ", r, r);
        point(b, r, wedge_angle(w, k + 1));
        drawn++;
    }
    sw_buf_adds(b, drawn == n ? " Z\"/>\n" : "\"/>\n");
}

/* Text placed at angle a outside the band, anchored away from the wheel. */
static void label(struct sw_buf *b, double r, double a, const char *text, const char *attrs)
{
    double s = sin(a), c = cos(a);
    const char *anchor = s > 0.1 ? "start" : s < -0.1 ? "end" : "middle";
    double dy = c < -0.1 ? 12 : c > 0.1 ? -2 : 4;
    sw_buf_addf(b, "<text x=\"%.6f\" y=\"%.6f\" text-anchor=\"%s\" %s>", SW_WHEEL_CX + r * s,
                SW_WHEEL_CY - r * c + dy, anchor, attrs);
    sw_buf_add_xml(b, text);
    sw_buf_adds(b, "</text>\n");
}

static void names(const struct sw_wheel *w, struct sw_buf *b)
{
    double step = 2 * M_PI / (double)w->n_competencies;
    for (size_t k = 0; k < w->n_competencies; k++)
        label(b, LABEL_R, wedge_angle(w, k) + step / 2, w->competencies[k],
              "class=\"competency\" font-size=\"13\" fill=\"#111111\"");
    /* Pillar names ride on their band, turned to its tangent at the middle
     * (and half a turn more below 3 and 9 o'clock, so they read upright). A
     * straight line strays at most a few units from the band's arc, and unlike
     * textPath every SVG renderer draws it. */
    for (size_t p = 0; p < w->n_pillars; p++) {
        const struct sw_wheel_pillar *pl = &w->pillars[p];
        double mid = (wedge_angle(w, pl->first) + wedge_angle(w, pl->first + pl->count)) / 2;
        double r = (BAND_IN + BAND_OUT) / 2, deg = mid * 180 / M_PI;
        if (cos(mid) < 0)
            deg += 180;
        double x = SW_WHEEL_CX + r * sin(mid), y = SW_WHEEL_CY - r * cos(mid);
        sw_buf_addf(b, "<text class=\"pillar\" x=\"%.6f\" y=\"%.6f\" dy=\"4.5\" "
                       "text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" "
                       "fill=\"%s\" transform=\"rotate(%.6f %.6f %.6f)\">", x, y,
                    p % 8 == 3 || p % 8 == 1 || p % 8 == 5 ? "#000000" : "#ffffff", deg, x, y);
        sw_buf_add_xml(b, pl->name);
        sw_buf_adds(b, "</text>\n");
    }
}

static void legend(const struct sw_wheel *w, struct sw_buf *b)
{
    double x = 40, y = 880;
    for (size_t p = 0; p < w->n_pillars; p++) {
        if (x > 700) {
            x = 40;
            y += 22;
        }
        sw_buf_addf(b, "<rect x=\"%.0f\" y=\"%.0f\" width=\"14\" height=\"14\" fill=\"%s\"/>"
                       "<text x=\"%.0f\" y=\"%.0f\" font-size=\"13\">", x, y - 11,
                    pillar_colour(p), x + 20, y);
        sw_buf_add_xml(b, w->pillars[p].name);
        sw_buf_adds(b, "</text>\n");
        x += 40 + 7.5 * (double)strlen(w->pillars[p].name);
    }
    y += 24;
    sw_buf_addf(b, "<path d=\"M 40 %.0f L 80 %.0f\" stroke=\"#000000\" stroke-width=\"2.5\" "
                   "stroke-dasharray=\"7 4\"/><text x=\"88\" y=\"%.0f\" font-size=\"13\">",
                y - 4, y - 4, y);
    if (w->targets && w->target_label)
        sw_buf_adds(b, "target: ");
    sw_buf_add_xml(b, !w->targets ? "no level: no target"
                      : w->target_label ? w->target_label : "level target");
    sw_buf_addf(b, "</text>\n<rect x=\"260\" y=\"%.0f\" width=\"14\" height=\"14\" "
                   "fill=\"url(#hatch)\" stroke=\"#888888\"/><text x=\"280\" y=\"%.0f\" "
                   "font-size=\"13\">unassessed</text>\n<text x=\"420\" y=\"%.0f\" "
                   "font-size=\"13\" fill=\"#333333\">wedges fill from the centre to ",
                y - 11, y, y);
    sw_buf_add_xml(b, w->fill_label ? w->fill_label : "the mean score");
    sw_buf_adds(b, "</text>\n");
    if (!w->outline)
        return;
    y += 22;
    sw_buf_addf(b, "<path d=\"M 40 %.0f L 80 %.0f\" stroke=\"#CC0033\" stroke-width=\"3\"/>"
                   "<text x=\"88\" y=\"%.0f\" font-size=\"13\">", y - 4, y - 4, y);
    sw_buf_add_xml(b, w->outline_label ? w->outline_label : "outline");
    sw_buf_adds(b, "</text>\n");
}

/* 0 when w can be drawn, else -1 with the reason recorded. */
static int drawable(const struct sw_wheel *w, struct sw_errors *errs)
{
    if (w->n_competencies == 0 || !w->means)
        return sw_error_add(errs, SW_ESYSTEM, NULL, 0, "a wheel needs competencies and means");
    if (!(w->scale_max > w->scale_min))
        return sw_error_add(errs, SW_ESYSTEM, NULL, 0,
                            "a wheel's scale must end above its start, not %g..%g",
                            w->scale_min, w->scale_max);
    return 0;
}

int sw_wheel_svg(const struct sw_wheel *w, struct sw_buf *out, struct sw_errors *errs)
{
    if (drawable(w, errs) < 0)
        return -1;
    header(w, out);
    pillar_backgrounds(w, out);
    wedges(w, out);
    rings(w, out);
    target_outline(w, out);
    self_outline(w, out);
    names(w, out);
    legend(w, out);
    sw_buf_adds(out, "</svg>\n");
    return out->failed ? sw_buf_fail(out, errs, "wheel") : 0;
}

/* The thumbnail: the wheel's disc alone, cropped to the band's outer edge. */
int sw_wheel_thumbnail_svg(const struct sw_wheel *w, unsigned px, struct sw_buf *out,
                           struct sw_errors *errs)
{
    if (drawable(w, errs) < 0)
        return -1;
    double r = BAND_OUT + 2;
    sw_buf_addf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wheel-thumb\" "
                     "width=\"%u\" height=\"%u\" viewBox=\"%.0f %.0f %.0f %.0f\" role=\"img\" "
                     "aria-label=\"", px, px, SW_WHEEL_CX - r, SW_WHEEL_CY - r, 2 * r, 2 * r);
    sw_buf_add_xml(out, w->title ? w->title : "");
    sw_buf_adds(out, "\">\n");
    pillar_backgrounds(w, out);
    for (size_t p = 0; p < w->n_pillars; p++) {
        const struct sw_wheel_pillar *pl = &w->pillars[p];
        for (size_t k = pl->first; k < pl->first + pl->count && k < w->n_competencies; k++) {
            int unassessed = isnan(w->means[k]);
            sw_buf_addf(out, "<path class=\"wedge\" data-competency=\"%zu\" fill=\"%s\" d=\"", k,
                        unassessed ? "#dddddd" : pillar_colour(p));
            sector_path(out, SW_WHEEL_HUB,
                        unassessed ? SW_WHEEL_RIM : sw_wheel_radius(w, w->means[k]),
                        wedge_angle(w, k), wedge_angle(w, k + 1));
            sw_buf_adds(out, "\" stroke=\"#ffffff\" stroke-width=\"4\"/>\n");
        }
    }
    sw_buf_addf(out, "<circle cx=\"%.6f\" cy=\"%.6f\" r=\"%.6f\" fill=\"none\" "
                     "stroke=\"#444444\" stroke-width=\"4\"/>\n",
                SW_WHEEL_CX, SW_WHEEL_CY, (double)SW_WHEEL_RIM);
    target_outline(w, out);
    sw_buf_adds(out, "</svg>\n");
    return out->failed ? sw_buf_fail(out, errs, "wheel") : 0;
}
