/* wheel_text.c - the wheel's words, each fitted inside the picture: titles,
 * competency and pillar names, anchor labels, the legend (docs/design.md
 * "The wheel picture"). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render/wheel_int.h"
#include "termtext.h"

#define ELLIPSIS "\xe2\x80\xa6"   /* U+2026, one column */

double wheel_text_width(const char *s, double size, int bold)
{
    return size * (bold ? 0.72 : 0.66) * (double)sw_text_width(s);
}

double wheel_fit(const char *s, double size, double min, int bold, double avail, char *out,
                 size_t out_size)
{
    for (; size >= min; size -= 0.5)
        if (wheel_text_width(s, size, bold) <= avail) {
            snprintf(out, out_size, "%s", s);
            return size;
        }
    size = min;
    double per = size * (bold ? 0.72 : 0.66);
    size_t cols = avail / per >= 2 ? (size_t)(avail / per) - 1 : 0;
    size_t bytes = sw_text_fit(s, strlen(s), cols);
    while (bytes > 0 && s[bytes - 1] == ' ')
        bytes--;
    if (bytes + sizeof ELLIPSIS > out_size)
        bytes = out_size > sizeof ELLIPSIS ? sw_text_fit(s, out_size - sizeof ELLIPSIS, cols) : 0;
    snprintf(out, out_size, "%.*s" ELLIPSIS, (int)bytes, s);
    return size;
}

/* One <text> element; lines after the first are <tspan>s below it. */
static void text_lines(struct sw_buf *b, double x, double y, const char *anchor, double size,
                       const char *attrs, char lines[][256], size_t n, double lh)
{
    sw_buf_addf(b, "<text x=\"%.6f\" y=\"%.6f\" text-anchor=\"%s\" font-size=\"%g\" %s>", x, y,
                anchor, size, attrs);
    for (size_t i = 0; i < n; i++) {
        if (i)
            sw_buf_addf(b, "<tspan x=\"%.6f\" dy=\"%g\">", x, lh);
        sw_buf_add_xml(b, lines[i]);
        if (i)
            sw_buf_adds(b, "</tspan>");
    }
    sw_buf_adds(b, "</text>\n");
}

void wheel_titles(const struct sw_wheel *w, struct sw_buf *b)
{
    char line[1][256];
    double avail = SW_WHEEL_WIDTH - 2 * 20;
    double size = wheel_fit(w->title ? w->title : "", 24, 12, 1, avail, line[0], sizeof line[0]);
    text_lines(b, SW_WHEEL_WIDTH / 2, 40, "middle", size, "font-weight=\"bold\"", line, 1, 0);
    if (w->subtitle) {
        size = wheel_fit(w->subtitle, 16, 10, 0, avail, line[0], sizeof line[0]);
        text_lines(b, SW_WHEEL_WIDTH / 2, 68, "middle", size, "fill=\"#333333\"", line, 1, 0);
    }
}

/* Greedy wrap of s into lines no wider than avail at size (a word wider
 * than avail stays whole on its own line); at most max lines, the last
 * taking the rest. Returns the number of lines. */
static size_t wrap(const char *s, double size, double avail, char lines[][256], size_t max)
{
    size_t n = 0;
    while (*s && n < max) {
        while (*s == ' ')
            s++;
        size_t take = strlen(s);
        if (n + 1 < max) {
            size_t best = 0;
            for (size_t i = 1; s[i - 1]; i++) {
                if (s[i] != ' ' && s[i] != 0)
                    continue;
                char head[256];
                snprintf(head, sizeof head, "%.*s", (int)i, s);
                if (best && wheel_text_width(head, size, 0) > avail)
                    break;
                best = i;
                if (!s[i])
                    break;
            }
            take = best ? best : take;
        }
        snprintf(lines[n++], 256, "%.*s", (int)take, s);
        s += take;
    }
    return n;
}

/* The room for a label at x anchored there, left and right margins kept. */
static double room(double x, const char *anchor)
{
    double left = x - SW_WHEEL_MARGIN, right = SW_WHEEL_WIDTH - SW_WHEEL_MARGIN - x;
    return strcmp(anchor, "start") == 0 ? right : strcmp(anchor, "end") == 0 ? left
           : 2 * (left < right ? left : right);
}

/* A competency name outside the band at angle a: one line at 13 if it fits,
 * else wrapped at spaces into up to three lines, shrunk to 9 at the least,
 * then cut. */
static void competency_label(struct sw_buf *b, double a, double step, const char *name)
{
    double s = sin(a), c = cos(a);
    const char *anchor = s > 0.1 ? "start" : s < -0.1 ? "end" : "middle";
    double x = SW_WHEEL_CX + LABEL_R * s, y = SW_WHEEL_CY - LABEL_R * c;
    double avail = room(x, anchor);
    if (strcmp(anchor, "middle") == 0 && step < M_PI / 2) {
        double between = 2 * (LABEL_R * sin(step) - 6);   /* up to the neighbours */
        avail = between < avail ? between : avail;
    }
    char lines[3][256];
    double size = 13;
    size_t n = 1;
    for (; size >= 9; size -= 0.5) {
        n = wrap(name, size, avail, lines, 3);
        int fits = 1;
        for (size_t i = 0; i < n; i++)
            fits &= wheel_text_width(lines[i], size, 0) <= avail;
        if (fits && (n == 1 || size < 13 || wheel_text_width(name, 13, 0) > avail))
            break;
    }
    if (size < 9) {   /* cut what still does not fit at 9 */
        size = 9;
        n = wrap(name, size, avail, lines, 3);
        for (size_t i = 0; i < n; i++) {
            char fitted[256];
            wheel_fit(lines[i], size, size, 0, avail, fitted, sizeof fitted);
            memcpy(lines[i], fitted, sizeof fitted);
        }
    }
    double lh = size + 2;
    double dy = c < -0.1 ? size - 1 : c > 0.1 ? -2 - (double)(n - 1) * lh
                                               : 4 - (double)(n - 1) * lh / 2;
    text_lines(b, x, y + dy, anchor, size, "class=\"competency\" fill=\"#111111\"", lines, n,
               lh);
}

/* A pillar name rides on its band as a straight line turned to the band's
 * tangent at its middle (half a turn more below 3 and 9 o'clock, so it reads
 * upright): unlike textPath every SVG renderer draws it. Its glyphs (taken
 * as 0.73 em above the baseline and 0.24 em below) hug the band's inner edge
 * at the middle, so that its ends, which stray outwards, stay inside the band
 * too; and it is no longer than the pillar's arc. A longer name shrinks to 8
 * and is then cut (the legend gives it whole). */
static double band_room(double size, double arc)
{
    double mid = BAND_IN + 1 + 0.49 * size, outer = mid + 0.49 * size;
    double chord = 2 * sqrt((BAND_OUT - 1) * (BAND_OUT - 1) - outer * outer);
    return chord < arc ? chord : arc;
}

static void pillar_label(struct sw_buf *b, const struct wheel_layout *L, size_t q)
{
    const struct sw_wheel_pillar *pl = &L->w->pillars[L->pillar_at[q]];
    size_t j = wheel_pillar_pos(L, L->pillar_at[q]);
    if (j >= L->n)
        return;
    double a0 = wheel_angle(L, j), a1 = wheel_angle(L, j + pl->count);
    double mid = (a0 + a1) / 2, deg = mid * 180 / M_PI, arc = BAND_IN * (a1 - a0) - 8;
    char name[1][256];
    double size = 13;
    while (size > 8 && wheel_text_width(pl->name, size, 1) > band_room(size, arc))
        size -= 0.5;
    wheel_fit(pl->name, size, size, 1, band_room(size, arc), name[0], sizeof name[0]);
    if (cos(mid) < 0)
        deg += 180;
    double r = BAND_IN + 1 + 0.49 * size;
    double x = SW_WHEEL_CX + r * sin(mid), y = SW_WHEEL_CY - r * cos(mid);
    char attrs[200];
    /* dy puts the glyphs' middle on radius r: down the page is inwards on
     * top and, turned upright, outwards below. */
    snprintf(attrs, sizeof attrs,
             "class=\"pillar\" dy=\"%.6f\" font-weight=\"bold\" fill=\"%s\" "
             "transform=\"rotate(%.6f %.6f %.6f)\"", 0.245 * size,
             wheel_colour_light(q) ? "#000000" : "#ffffff", deg, x, y);
    text_lines(b, x, y, "middle", size, attrs, name, 1, 0);
}

void wheel_names(const struct wheel_layout *L, struct sw_buf *b)
{
    double step = 2 * M_PI / (double)L->n;
    for (size_t j = 0; j < L->n; j++)
        competency_label(b, wheel_angle(L, j) + step / 2, step, L->w->competencies[L->at[j]]);
    for (size_t q = 0; q < L->w->n_pillars; q++)
        pillar_label(b, L, q);
}

/* An anchor's label ("3 On Track") is centred on 12 o'clock just inside its
 * ring. Its top corners must stay inside the rim: a wide label moves down (a
 * little, never onto the next ring's label), then shrinks to 8, then is cut
 * at 9 (the legend's scale line gives every anchor whole). */
void wheel_anchor_label(const struct sw_wheel *w, double r, double r_next, struct sw_buf *b)
{
    for (size_t i = 0; i < w->n_anchors; i++) {
        if (sw_wheel_radius(w, w->anchors[i].value) != r)
            continue;
        char text[1][256], full[256];
        snprintf(full, sizeof full, "%g %s", w->anchors[i].value, w->anchors[i].label);
        double lim = SW_WHEEL_RIM - 2, y0 = SW_WHEEL_CY - r + 13, y = y0;
        double size = 11, floor_y = r > r_next ? SW_WHEEL_CY - r_next - 4 : 1e9;
        floor_y = floor_y < y0 + 26 ? floor_y : y0 + 26;   /* stays by its ring */
        for (; size >= 8; size -= 0.5) {
            double dx = 2 + wheel_text_width(full, size, 0) / 2;
            if (dx >= lim)
                continue;
            double need = SW_WHEEL_CY - sqrt(lim * lim - dx * dx) + 0.73 * size;
            y = need > y0 ? need : y0;
            if (y + 0.24 * size <= floor_y)
                break;
        }
        if (size < 8) {
            size = 9;
            y = floor_y - 0.24 * size > y0 ? floor_y - 0.24 * size : y0;
            double top = SW_WHEEL_CY - (y - 0.73 * size);
            wheel_fit(full, 9, 9, 0, 2 * (sqrt(lim * lim - top * top) - 4), text[0],
                      sizeof text[0]);
        } else {
            snprintf(text[0], sizeof text[0], "%s", full);
        }
        text_lines(b, SW_WHEEL_CX, y, "middle", size,
                   "class=\"anchor-label\" fill=\"#222222\" stroke=\"#ffffff\" "
                   "stroke-width=\"3\" paint-order=\"stroke\"", text, 1, 0);
        return;
    }
}

/* The legend flows left to right from x = 40 and wraps before 860: each
 * item is a sample (a swatch, a line, the hatch) and its words. */
struct flow {
    struct sw_buf *b;
    double x, y;
};

#define LEGEND_LEFT 40.0
#define LEGEND_RIGHT 860.0
#define LEGEND_LINE 22.0

static void newline(struct flow *f)
{
    if (f->x > LEGEND_LEFT) {
        f->x = LEGEND_LEFT;
        f->y += LEGEND_LINE;
    }
}

/* kind: 's' swatch of colour, 't' dashed target line, 'h' hatch, 'o' the
 * outline's line, 0 words alone (fill #333333). */
static void item(struct flow *f, int kind, const char *colour, const char *words)
{
    double sample = kind == 's' || kind == 'h' ? 20 : kind ? 48 : 0;
    char text[1][256];
    double size = 13, tw = wheel_text_width(words, 13, 0);
    if (f->x > LEGEND_LEFT && f->x + sample + tw > LEGEND_RIGHT)
        newline(f);
    size = wheel_fit(words, 13, 9, 0, LEGEND_RIGHT - f->x - sample, text[0], sizeof text[0]);
    double x = f->x, y = f->y;
    if (kind == 's')
        sw_buf_addf(f->b, "<rect x=\"%.0f\" y=\"%.0f\" width=\"14\" height=\"14\" fill=\"%s\"/>",
                    x, y - 11, colour);
    else if (kind == 'h')
        sw_buf_addf(f->b, "<rect x=\"%.0f\" y=\"%.0f\" width=\"14\" height=\"14\" "
                          "fill=\"url(#hatch)\" stroke=\"#888888\"/>", x, y - 11);
    else if (kind == 't')
        sw_buf_addf(f->b, "<path d=\"M %.0f %.0f L %.0f %.0f\" stroke=\"#000000\" "
                          "stroke-width=\"2.5\" stroke-dasharray=\"7 4\"/>",
                    x, y - 4, x + 40, y - 4);
    else if (kind == 'o')
        sw_buf_addf(f->b, "<path d=\"M %.0f %.0f L %.0f %.0f\" stroke=\"#CC0033\" "
                          "stroke-width=\"3\"/>", x, y - 4, x + 40, y - 4);
    text_lines(f->b, x + sample, y, "start", size,
               kind ? "class=\"legend\"" : "class=\"legend\" fill=\"#333333\"", text, 1, 0);
    f->x = x + sample + wheel_text_width(text[0], size, 0) + 24;
}

double wheel_legend(const struct wheel_layout *L, double y, struct sw_buf *b)
{
    const struct sw_wheel *w = L->w;
    struct flow f = { b, LEGEND_LEFT, y };
    for (size_t q = 0; q < w->n_pillars; q++)
        item(&f, 's', wheel_colour(q), w->pillars[L->pillar_at[q]].name);
    newline(&f);
    char target[300];
    if (!w->targets)
        snprintf(target, sizeof target, "no level: no target");
    else if (w->target_label)
        snprintf(target, sizeof target, "target: %s", w->target_label);
    else
        snprintf(target, sizeof target, "level target");
    item(&f, 't', NULL, target);
    item(&f, 'h', NULL, "unassessed");
    char fill[300];
    snprintf(fill, sizeof fill, "wedges fill from the centre to %s",
             w->fill_label ? w->fill_label : "the mean score");
    item(&f, 0, NULL, fill);
    if (w->outline) {
        newline(&f);
        item(&f, 'o', NULL, w->outline_label ? w->outline_label : "outline");
    }
    newline(&f);
    char scale[64];
    snprintf(scale, sizeof scale, "scale %g to %g:", w->scale_min, w->scale_max);
    item(&f, 0, NULL, scale);
    for (size_t i = 0; i < w->n_anchors; i++) {
        char anchor[300];
        snprintf(anchor, sizeof anchor, "%g %s", w->anchors[i].value, w->anchors[i].label);
        item(&f, 0, NULL, anchor);
    }
    return f.y;
}
