/* wheel.c - the competency wheel's shapes: layout, sectors, wedges, rings,
 * outlines (the words around them are wheel_text.c's). */
#include "wheel.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/wheel_int.h"

/* Okabe-Ito, reordered so neighbours alternate dark and light. */
static const char *const palette[] = { "#0072B2", "#E69F00", "#009E73", "#F0E442",
                                       "#D55E00", "#56B4E9", "#CC79A7", "#000000" };

const char *wheel_colour(size_t q)
{
    return palette[q % (sizeof palette / sizeof palette[0])];
}

int wheel_colour_light(size_t q)
{
    return q % 8 == 1 || q % 8 == 3 || q % 8 == 5;
}

double sw_wheel_radius(const struct sw_wheel *w, double v)
{
    double f = (v - w->scale_min) / (w->scale_max - w->scale_min);
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    return SW_WHEEL_HUB + f * (SW_WHEEL_RIM - SW_WHEEL_HUB);
}

/* The group a pillar is drawn in: individual first, leadership, then none. */
static int group_of(int half)
{
    return half == SW_HALF_INDIVIDUAL ? 0 : half == SW_HALF_LEADERSHIP ? 1 : 2;
}

/* Places the pillars group by group in rubric order, their competencies in
 * their order, then any competency no pillar holds; position 0 starts half
 * the individual block before 12 o'clock. */
int wheel_layout_init(struct wheel_layout *L, const struct sw_wheel *w)
{
    size_t n = w->n_competencies, np = w->n_pillars, j = 0, q = 0, individual = 0;
    *L = (struct wheel_layout){ w, n, calloc(n + 1, sizeof *L->at),
                                calloc(np + 1, sizeof *L->pillar_at),
                                calloc(np + 1, sizeof *L->pillar_q), 0 };
    unsigned char *placed = calloc(n + 1, 1);
    if (!L->at || !L->pillar_at || !L->pillar_q || !placed) {
        free(placed);
        wheel_layout_release(L);
        return -1;
    }
    for (int g = 0; g < 3; g++)
        for (size_t p = 0; p < np; p++) {
            const struct sw_wheel_pillar *pl = &w->pillars[p];
            if (group_of(pl->half) != g)
                continue;
            L->pillar_q[p] = q;
            L->pillar_at[q++] = p;
            for (size_t k = pl->first; k < pl->first + pl->count && k < n; k++)
                if (!placed[k]) {
                    placed[k] = 1;
                    L->at[j++] = k;
                    individual += g == 0;
                }
        }
    for (size_t k = 0; k < n; k++)
        if (!placed[k])
            L->at[j++] = k;
    free(placed);
    L->start = n ? -M_PI * (double)individual / (double)n : 0;
    return 0;
}

void wheel_layout_release(struct wheel_layout *L)
{
    free(L->at);
    free(L->pillar_at);
    free(L->pillar_q);
    L->at = L->pillar_at = L->pillar_q = NULL;
}

double wheel_angle(const struct wheel_layout *L, size_t j)
{
    return L->start + 2 * M_PI * (double)j / (double)L->n;
}

size_t wheel_pillar_pos(const struct wheel_layout *L, size_t p)
{
    const struct sw_wheel_pillar *pl = &L->w->pillars[p];
    for (size_t j = 0; j < L->n; j++)
        if (L->at[j] >= pl->first && L->at[j] < pl->first + pl->count)
            return j;
    return L->n;
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

static void header(const struct sw_wheel *w, double height, struct sw_buf *b)
{
    sw_buf_addf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"900\" "
                   "height=\"%.0f\" viewBox=\"0 0 900 %.0f\" font-family=\"DejaVu Sans, Arial, "
                   "sans-serif\">\n<defs>\n"
                   "<pattern id=\"hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
                   "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" "
                   "fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" "
                   "stroke=\"#888888\" stroke-width=\"2\"/></pattern>\n</defs>\n"
                   "<rect width=\"900\" height=\"%.0f\" fill=\"#ffffff\"/>\n",
                height, height, height);
    wheel_titles(w, b);
}

static void pillar_backgrounds(const struct wheel_layout *L, struct sw_buf *b)
{
    for (size_t q = 0; q < L->w->n_pillars; q++) {
        const struct sw_wheel_pillar *pl = &L->w->pillars[L->pillar_at[q]];
        size_t j = wheel_pillar_pos(L, L->pillar_at[q]);
        if (j >= L->n)
            continue;
        double a0 = wheel_angle(L, j), a1 = wheel_angle(L, j + pl->count);
        sw_buf_addf(b, "<path class=\"sector\" fill=\"%s\" fill-opacity=\"0.08\" d=\"",
                    wheel_colour(q));
        sector_path(b, SW_WHEEL_HUB, SW_WHEEL_RIM, a0, a1);
        sw_buf_addf(b, "\"/>\n<path class=\"band\" fill=\"%s\" d=\"", wheel_colour(q));
        sector_path(b, BAND_IN, BAND_OUT, a0 + 0.004, a1 - 0.004);
        sw_buf_adds(b, "\"/>\n");
    }
}

/* The colour index of competency k: its pillar's place in the drawing. */
static size_t colour_of(const struct wheel_layout *L, size_t k)
{
    for (size_t p = 0; p < L->w->n_pillars; p++)
        if (k >= L->w->pillars[p].first && k < L->w->pillars[p].first + L->w->pillars[p].count)
            return L->pillar_q[p];
    return L->w->n_pillars;
}

/* thumb: plain grey for unassessed wedges and wider white seams. */
static void wedges(const struct wheel_layout *L, int thumb, struct sw_buf *b)
{
    const struct sw_wheel *w = L->w;
    for (size_t j = 0; j < L->n; j++) {
        size_t k = L->at[j];
        double a0 = wheel_angle(L, j), a1 = wheel_angle(L, j + 1);
        int unassessed = isnan(w->means[k]);
        if (thumb)
            sw_buf_addf(b, "<path class=\"wedge\" data-competency=\"%zu\" fill=\"%s\" d=\"", k,
                        unassessed ? "#dddddd" : wheel_colour(colour_of(L, k)));
        else if (unassessed)
            sw_buf_addf(b, "<path class=\"wedge unassessed\" data-competency=\"%zu\" "
                           "fill=\"url(#hatch)\" d=\"", k);
        else
            sw_buf_addf(b, "<path class=\"wedge\" data-competency=\"%zu\" fill=\"%s\" "
                           "fill-opacity=\"0.85\" d=\"", k, wheel_colour(colour_of(L, k)));
        sector_path(b, SW_WHEEL_HUB,
                    unassessed ? SW_WHEEL_RIM : sw_wheel_radius(w, w->means[k]), a0, a1);
        sw_buf_addf(b, "\" stroke=\"#ffffff\" stroke-width=\"%s\"/>\n", thumb ? "4" : "1.5");
    }
}

static void rings(const struct wheel_layout *L, struct sw_buf *b)
{
    const struct sw_wheel *w = L->w;
    sw_buf_addf(b, "<circle cx=\"%.6f\" cy=\"%.6f\" r=\"%.6f\" fill=\"none\" stroke=\"#444444\" "
                   "stroke-width=\"1.5\"/>\n", SW_WHEEL_CX, SW_WHEEL_CY, SW_WHEEL_RIM);
    for (size_t i = 0; i < w->n_anchors; i++) {
        double r = sw_wheel_radius(w, w->anchors[i].value), next = SW_WHEEL_HUB;
        for (size_t m = 0; m < w->n_anchors; m++) {
            double rm = sw_wheel_radius(w, w->anchors[m].value);
            if (rm < r && rm > next)
                next = rm;
        }
        sw_buf_addf(b, "<circle class=\"anchor\" cx=\"%.6f\" cy=\"%.6f\" r=\"%.6f\" fill=\"none\" "
                       "stroke=\"#666666\" stroke-width=\"0.8\" stroke-dasharray=\"2 3\"/>\n",
                    SW_WHEEL_CX, SW_WHEEL_CY, r);
        wheel_anchor_label(w, r, next, b);
    }
    for (size_t q = 0; q < w->n_pillars; q++) {
        size_t j = wheel_pillar_pos(L, L->pillar_at[q]);
        if (j >= L->n)
            continue;
        double a = wheel_angle(L, j);
        sw_buf_adds(b, "<path class=\"divider\" stroke=\"#444444\" stroke-width=\"1.5\" d=\"M ");
        point(b, SW_WHEEL_HUB, a);
        sw_buf_adds(b, " L ");
        point(b, BAND_OUT, a);
        sw_buf_adds(b, "\"/>\n");
    }
}

/* One closed outline: an arc at the target's radius across each wedge, joined
 * by radial steps between neighbours. */
static void target_outline(const struct wheel_layout *L, struct sw_buf *b)
{
    const struct sw_wheel *w = L->w;
    if (!w->targets)
        return;
    sw_buf_adds(b, "<path class=\"target\" fill=\"none\" stroke=\"#000000\" stroke-width=\"2.5\" "
                   "stroke-dasharray=\"7 4\" d=\"");
    for (size_t j = 0; j < L->n; j++) {
        double r = sw_wheel_radius(w, w->targets[L->at[j]]);
        sw_buf_adds(b, j ? " L " : "M ");
        point(b, r, wheel_angle(L, j));
        sw_buf_addf(b, " A %.6f %.6f 0 0 1 ", r, r);
        point(b, r, wheel_angle(L, j + 1));
    }
    sw_buf_adds(b, " Z\"/>\n");
}

/* The outline of the second profile: an arc across each wedge that has a
 * value, joined by radial steps where neighbours both have one. */
static void self_outline(const struct wheel_layout *L, struct sw_buf *b)
{
    const struct sw_wheel *w = L->w;
    if (!w->outline)
        return;
    sw_buf_adds(b, "<path class=\"self\" fill=\"none\" stroke=\"#CC0033\" stroke-width=\"3\" "
                   "stroke-linejoin=\"round\" d=\"");
    size_t n = L->n, drawn = 0;
    for (size_t j = 0; j < n; j++) {
        double v = w->outline[L->at[j]];
        if (isnan(v))
            continue;
        double r = sw_wheel_radius(w, v);
        sw_buf_adds(b, drawn ? " " : "");
        sw_buf_adds(b, j && !isnan(w->outline[L->at[j - 1]]) ? "L " : "M ");
        point(b, r, wheel_angle(L, j));
        sw_buf_addf(b, " A %.6f %.6f 0 0 1 ", r, r);
        point(b, r, wheel_angle(L, j + 1));
        drawn++;
    }
    sw_buf_adds(b, drawn == n ? " Z\"/>\n" : "\"/>\n");
}

/* 0 when w can be drawn, else -1 with the reason recorded. */
static int drawable(const struct sw_wheel *w, struct wheel_layout *L, struct sw_errors *errs)
{
    if (w->n_competencies == 0 || !w->means) {
        sw_error_add(errs, SW_ESYSTEM, NULL, 0, "a wheel needs competencies and means");
        return -1;
    }
    if (!(w->scale_max > w->scale_min)) {
        sw_error_add(errs, SW_ESYSTEM, NULL, 0,
                     "a wheel's scale must end above its start, not %g..%g", w->scale_min,
                     w->scale_max);
        return -1;
    }
    if (wheel_layout_init(L, w) < 0) {
        sw_fail_oom(errs, NULL);
        return -1;
    }
    return 0;
}

/* The legend goes below the wheel and the picture grows to hold it, so no
 * line of it leaves the picture however many pillars wrap it. */
int sw_wheel_svg(const struct sw_wheel *w, struct sw_buf *out, struct sw_errors *errs)
{
    struct wheel_layout L;
    if (drawable(w, &L, errs) < 0)
        return -1;
    struct sw_buf legend = SW_BUF_INIT;
    double bottom = wheel_legend(&L, 880, &legend);
    double height = bottom + 12 > SW_WHEEL_MIN_HEIGHT ? ceil(bottom + 12) : SW_WHEEL_MIN_HEIGHT;
    header(w, height, out);
    pillar_backgrounds(&L, out);
    wedges(&L, 0, out);
    rings(&L, out);
    target_outline(&L, out);
    self_outline(&L, out);
    wheel_names(&L, out);
    sw_buf_add(out, legend.data ? legend.data : "", legend.len);
    sw_buf_adds(out, "</svg>\n");
    int failed = legend.failed;
    sw_buf_release(&legend);
    wheel_layout_release(&L);
    if (failed)
        out->failed = 1;
    return out->failed ? sw_buf_fail(out, errs, "wheel") : 0;
}

/* The thumbnail: the wheel's disc alone, cropped to the band's outer edge. */
int sw_wheel_thumbnail_svg(const struct sw_wheel *w, unsigned px, struct sw_buf *out,
                           struct sw_errors *errs)
{
    struct wheel_layout L;
    if (drawable(w, &L, errs) < 0)
        return -1;
    double r = BAND_OUT + 2;
    sw_buf_addf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wheel-thumb\" "
                     "width=\"%u\" height=\"%u\" viewBox=\"%.0f %.0f %.0f %.0f\" role=\"img\" "
                     "aria-label=\"", px, px, SW_WHEEL_CX - r, SW_WHEEL_CY - r, 2 * r, 2 * r);
    sw_buf_add_xml(out, w->title ? w->title : "");
    sw_buf_adds(out, "\">\n");
    pillar_backgrounds(&L, out);
    wedges(&L, 1, out);
    sw_buf_addf(out, "<circle cx=\"%.6f\" cy=\"%.6f\" r=\"%.6f\" fill=\"none\" "
                     "stroke=\"#444444\" stroke-width=\"4\"/>\n",
                SW_WHEEL_CX, SW_WHEEL_CY, (double)SW_WHEEL_RIM);
    target_outline(&L, out);
    sw_buf_adds(out, "</svg>\n");
    wheel_layout_release(&L);
    return out->failed ? sw_buf_fail(out, errs, "wheel") : 0;
}
