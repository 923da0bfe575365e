/* wheel_int.h - what wheel.c and wheel_text.c share: the wheel's layout
 * (which wedge goes where) and the text fitting that keeps every word inside
 * the picture (docs/design.md "The wheel picture", "Any rubric, any
 * language"). */
#ifndef SW_WHEEL_INT_H
#define SW_WHEEL_INT_H

#include <stddef.h>

#include "wheel.h"

#define SW_WHEEL_WIDTH 900.0
#define SW_WHEEL_MIN_HEIGHT 940.0
#define BAND_IN (SW_WHEEL_RIM + 6)
#define BAND_OUT (SW_WHEEL_RIM + 34)
#define LABEL_R (SW_WHEEL_RIM + 46)
/* No text comes closer than this to the picture's left and right edges. */
#define SW_WHEEL_MARGIN 8.0

/* Where each wedge goes: the individual pillars' wedges in one block
 * centred on 12 o'clock, then clockwise the leadership pillars, then pillars
 * without a half, each group in rubric order. Positions count clockwise. */
struct wheel_layout {
    const struct sw_wheel *w;
    size_t n;              /* positions = w->n_competencies */
    size_t *at;            /* at[j]: the competency drawn at position j */
    size_t *pillar_at;     /* pillar_at[q]: the pillar drawn q-th */
    size_t *pillar_q;      /* pillar_q[p]: where pillar p is drawn (its colour) */
    double start;          /* angle of position 0 (radians clockwise from 12) */
};

int wheel_layout_init(struct wheel_layout *L, const struct sw_wheel *w);
void wheel_layout_release(struct wheel_layout *L);
/* The angle where position j starts (j = n: where the last one ends). */
double wheel_angle(const struct wheel_layout *L, size_t j);
/* The first position of pillar p (its wedges are consecutive). */
size_t wheel_pillar_pos(const struct wheel_layout *L, size_t p);
const char *wheel_colour(size_t q);
/* Whether text on colour q must be dark (a light colour). */
int wheel_colour_light(size_t q);

/* Estimated width in user units of text at font size `size`: each display
 * column (utf8.h: 2 for CJK and most emoji) takes 0.66 em, 0.72 em in bold.
 * DejaVu Sans averages about 0.6 em, so the estimate errs on the wide side;
 * tests/cli/wheel_check.py estimates the same way. */
double wheel_text_width(const char *s, double size, int bold);
/* A line of text fitted into `avail` units: at `size` if it fits, else at
 * the largest size down to `min` that fits, else at `min` cut with a
 * trailing ellipsis. Writes the text into out (NUL-terminated) and returns
 * the size. */
double wheel_fit(const char *s, double size, double min, int bold, double avail, char *out,
                 size_t out_size);

/* The text parts of the picture (wheel_text.c). */
void wheel_names(const struct wheel_layout *L, struct sw_buf *b);
void wheel_anchor_label(const struct sw_wheel *w, double r, double r_next, struct sw_buf *b);
/* The legend into b, starting at y; returns the y below its last line. */
double wheel_legend(const struct wheel_layout *L, double y, struct sw_buf *b);
void wheel_titles(const struct sw_wheel *w, struct sw_buf *b);

#endif
