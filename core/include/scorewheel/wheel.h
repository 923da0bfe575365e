/*
 * wheel.h - the competency wheel as an SVG 1.1 picture (docs/design.md "The wheel
 * picture"). Pure drawing: no files, no terminal.
 *
 * Geometry: the canvas is 900 units wide and at least 940 high (taller when
 * the legend needs more lines); the wheel is centred at (450, 480).
 * Competencies are wedges of equal angle, clockwise: the `individual`
 * pillars' wedges form one block centred on 12 o'clock, followed by the
 * `leadership` pillars and then pillars without a half, each group in rubric
 * order (the TPM wheel: individual from 9 o'clock over the top to 3 o'clock,
 * leadership below). A value v lies at radius sw_wheel_radius(v): the hub (40) at the
 * scale's minimum, the rim (240) at its maximum, linear between. Each wedge is
 * filled from the hub to its mean; the level's target is one closed, dashed
 * outline stepping through every wedge at the target's radius; rings mark the
 * anchors; a coloured band outside the rim names the pillars; competency names
 * stand outside the band. Unassessed wedges are hatched to the rim.
 *
 * Colours are the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal
 * Design"), chosen to stay distinct for colour-blind readers; consecutive
 * pillars alternate dark and light members so they also differ in grey print.
 *
 * Every word stays inside the picture: a name too wide for its place wraps
 * (competencies), shrinks, and at last is cut with an ellipsis; pillar names
 * stay inside their band (the legend names every pillar whole).
 *
 * Output is deterministic: coordinates with 6 decimals, no time, no locale.
 * Elements tests can find: <path class="wedge" data-competency="K" d="..."/>,
 * "wedge unassessed" for hatched ones, <path class="target" .../>.
 */
#ifndef SW_WHEEL_H
#define SW_WHEEL_H

#include <stddef.h>

#include "aggregate.h"
#include "buf.h"

struct sw_wheel_pillar {
    const char *name;
    int half;                /* enum sw_half: where the wheel draws it */
    size_t first, count;     /* its competencies: [first, first + count) */
};

struct sw_wheel_anchor {
    double value;
    const char *label;
};

struct sw_wheel {
    const char *title;       /* e.g. "Ada Lovelace (c-0042)" */
    const char *subtitle;    /* e.g. "Staff TPM · overall 3.85 · hire"; may be NULL */
    double scale_min, scale_max;
    const struct sw_wheel_anchor *anchors;
    size_t n_anchors;
    const struct sw_wheel_pillar *pillars;
    size_t n_pillars;
    const char *const *competencies;   /* names, in rubric order */
    const double *means;               /* per competency; NaN = unassessed */
    const double *targets;             /* per competency, or NULL without a level */
    size_t n_competencies;
    /* Optional, NULL when unused (a person's wheel, docs/design.md "Growth
     * and promotion"): a second profile drawn as a solid outline, class
     * "self" (NaN: no arc in that wedge), and the legend's words for what
     * the wedges, the outline and the dashed target show. */
    const double *outline;
    const char *fill_label;       /* default "the mean score" */
    const char *outline_label;    /* default "outline" */
    const char *target_label;     /* default "level target" */
};

#define SW_WHEEL_CX 450.0
#define SW_WHEEL_CY 480.0
#define SW_WHEEL_HUB 40.0
#define SW_WHEEL_RIM 240.0

/* Fills w with candidate c of aggregate a as `scorewheel wheel` draws it:
 * title "NAME (ID)" (or "ID") and subtitle "LEVEL · overall X.XX · DECISION"
 * written into the caller's buffers, means and targets per competency (no
 * targets without a level). 0, or -1 when out of memory (recorded in errs).
 * The arrays are allocated: free them with sw_wheel_release(). */
int sw_wheel_of_candidate(const struct sw_aggregate *a, const struct sw_candidate *c,
                          struct sw_wheel *w, char *title, size_t title_size, char *subtitle,
                          size_t subtitle_size, struct sw_errors *errs);
/* Fills w with person p of finished growth set g in cycle y as `wheel
 * --person` draws it: wedges filled to others(c), self(c) as the outline,
 * the targets of level `to` (-1: none) dashed; title "NAME (ID)", subtitle
 * "cycle Y · N assessors · overall X.XX · target LEVEL" in the caller's
 * buffers. 0, or -1 when out of memory (recorded in errs); free with
 * sw_wheel_release(). */
struct sw_growth;
struct sw_person;
struct sw_growth_cycle;
int sw_wheel_of_person(const struct sw_growth *g, const struct sw_person *p,
                       const struct sw_growth_cycle *y, long to, struct sw_wheel *w,
                       char *title, size_t title_size, char *subtitle, size_t subtitle_size,
                       struct sw_errors *errs);
/* Frees the arrays sw_wheel_of_candidate() or sw_wheel_of_person() allocated.
 * Accepts NULL. */
void sw_wheel_release(struct sw_wheel *w);

/* Appends a complete standalone SVG document. 0, or -1 with the reason
 * recorded in errs (SW_ESYSTEM): out of memory or over SW_BUF_MAX
 * (sw_buf_fail), or the input is unusable (no competencies or means,
 * scale_max <= scale_min). */
int sw_wheel_svg(const struct sw_wheel *w, struct sw_buf *out, struct sw_errors *errs);
/* Appends a small wheel for a list of candidates: an <svg> element (no XML
 * declaration, no ids: fit to sit inline in HTML, many on one page) `px`
 * pixels square, labelled by the title (role="img", aria-label), holding the
 * pillar sectors and bands, the wedges filled to their means (unassessed
 * ones plain light grey), the rim and the target outline, without text.
 * 0, or -1 with errors as sw_wheel_svg(). */
int sw_wheel_thumbnail_svg(const struct sw_wheel *w, unsigned px, struct sw_buf *out,
                           struct sw_errors *errs);
/* The radius at which value v lies (clamped to the scale). */
double sw_wheel_radius(const struct sw_wheel *w, double v);

#endif
