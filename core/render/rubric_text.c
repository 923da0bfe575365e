/* rubric_text.c - the rubric as a table for people and JSON for programs (rubric_text.h). */
#include "rubric_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/json.h"
#include "render/termtable.h"
#include "termtext.h"

static const char *half_name(enum sw_half h)
{
    return h == SW_HALF_INDIVIDUAL ? "individual" : h == SW_HALF_LEADERSHIP ? "leadership" : NULL;
}

static void json_scale(struct sw_json *j, const struct sw_scale *s)
{
    sw_json_key(j, "scale");
    sw_json_begin_object(j);
    sw_json_put_number(j, "min", s->min);
    sw_json_put_number(j, "max", s->max);
    sw_json_put_number(j, "step", s->step);
    sw_json_key(j, "anchors");
    sw_json_begin_array(j);
    for (size_t i = 0; i < s->n_anchors; i++) {
        sw_json_begin_object(j);
        sw_json_put_number(j, "value", s->anchors[i].value);
        sw_json_put_string(j, "label", s->anchors[i].label);
        sw_json_end_object(j);
    }
    sw_json_end_array(j);
    sw_json_end_object(j);
}

static void json_policy(struct sw_json *j, const struct sw_policy *p)
{
    sw_json_key(j, "policy");
    sw_json_begin_object(j);
    sw_json_put_integer(j, "min-scorecards", (long long)p->min_scorecards);
    sw_json_put_integer(j, "min-coverage", (long long)p->min_coverage);
    sw_json_put_number(j, "disagreement", p->disagreement);
    sw_json_put_number(j, "gap", p->gap);
    sw_json_put_integer(j, "max-gaps", (long long)p->max_gaps);
    sw_json_put_string(j, "veto", sw_recommendation_name(p->veto));
    sw_json_put_number(j, "balanced", p->balanced);
    sw_json_end_object(j);
}

static void json_competency(struct sw_json *j, const struct sw_competency *c)
{
    sw_json_begin_object(j);
    sw_json_put_string(j, "id", c->id);
    sw_json_put_string(j, "name", c->name);
    sw_json_put_string(j, "description", c->description);
    sw_json_key(j, "indicators");
    sw_json_begin_array(j);
    for (size_t i = 0; i < c->n_indicators; i++) {
        sw_json_begin_object(j);
        sw_json_put_number(j, "value", c->indicators[i].value);
        sw_json_put_string(j, "text", c->indicators[i].text);
        sw_json_end_object(j);
    }
    sw_json_end_array(j);
    sw_json_end_object(j);
}

static void json_pillars(struct sw_json *j, const struct sw_rubric *r)
{
    sw_json_key(j, "pillars");
    sw_json_begin_array(j);
    for (size_t p = 0; p < r->n_pillars; p++) {
        const struct sw_pillar *pl = &r->pillars[p];
        sw_json_begin_object(j);
        sw_json_put_string(j, "id", pl->id);
        sw_json_put_string(j, "name", pl->name);
        sw_json_key(j, "half");
        if (half_name(pl->half))
            sw_json_string(j, half_name(pl->half));
        else
            sw_json_null(j);
        sw_json_key(j, "competencies");
        sw_json_begin_array(j);
        for (size_t c = pl->first; c < pl->first + pl->count; c++)
            json_competency(j, &r->competencies[c]);
        sw_json_end_array(j);
        sw_json_end_object(j);
    }
    sw_json_end_array(j);
}

static void json_levels(struct sw_json *j, const struct sw_rubric *r)
{
    sw_json_key(j, "levels");
    sw_json_begin_array(j);
    for (size_t l = 0; l < r->n_levels; l++) {
        const struct sw_level *lv = &r->levels[l];
        sw_json_begin_object(j);
        sw_json_put_string(j, "id", lv->id);
        sw_json_put_string(j, "name", lv->name);
        sw_json_put_number(j, "hire_bar", lv->hire_bar);
        /* The key's old spelling, the only one with '-', kept readable for
         * one release (docs/design.md "Rubric"). */
        sw_json_put_number(j, "hire-bar", lv->hire_bar);
        sw_json_put_string_or_null(j, "track", lv->track);
        sw_json_key(j, "targets");
        sw_json_begin_object(j);
        for (size_t c = 0; c < r->n_competencies; c++) {
            sw_json_key(j, r->competencies[c].id);
            sw_json_number(j, lv->targets[c]);
        }
        sw_json_end_object(j);
        sw_json_end_object(j);
    }
    sw_json_end_array(j);
}

static void json_archetypes(struct sw_json *j, const struct sw_rubric *r)
{
    sw_json_key(j, "archetypes");
    sw_json_begin_array(j);
    for (size_t a = 0; a < r->n_archetypes; a++) {
        const struct sw_archetype *ar = &r->archetypes[a];
        sw_json_begin_object(j);
        sw_json_put_string(j, "id", ar->id);
        sw_json_put_string(j, "name", ar->name);
        sw_json_put_string(j, "description", ar->description);
        sw_json_key(j, "emphasis");
        sw_json_begin_object(j);
        for (size_t p = 0; p < r->n_pillars; p++) {
            if (ar->emphasis[p] == 0)
                continue;
            sw_json_key(j, r->pillars[p].id);
            sw_json_number(j, ar->emphasis[p]);
        }
        sw_json_end_object(j);
        sw_json_end_object(j);
    }
    sw_json_end_array(j);
}

static void json_question(struct sw_json *j, const struct sw_rubric *r,
                          const struct sw_question *q)
{
    sw_json_begin_object(j);
    sw_json_put_string(j, "id", q->id);
    sw_json_put_string(j, "text", q->text);
    sw_json_key(j, "measures");
    sw_json_begin_array(j);
    for (size_t m = 0; m < q->n_measures; m++) {
        sw_json_begin_object(j);
        sw_json_put_string(j, "competency", r->competencies[q->measures[m].competency].id);
        sw_json_put_number(j, "weight", q->measures[m].weight);
        sw_json_end_object(j);
    }
    sw_json_end_array(j);
    sw_json_end_object(j);
}

static void json_interviews(struct sw_json *j, const struct sw_rubric *r)
{
    sw_json_key(j, "interviews");
    sw_json_begin_array(j);
    for (size_t i = 0; i < r->n_interviews; i++) {
        const struct sw_interview *iv = &r->interviews[i];
        sw_json_begin_object(j);
        sw_json_put_string(j, "id", iv->id);
        sw_json_put_string(j, "name", iv->name);
        sw_json_key(j, "minutes");
        if (iv->minutes)
            sw_json_integer(j, iv->minutes);
        else
            sw_json_null(j);
        sw_json_put_string(j, "description", iv->description);
        sw_json_key(j, "questions");
        sw_json_begin_array(j);
        for (size_t q = iv->first; q < iv->first + iv->count; q++)
            json_question(j, r, &r->questions[q]);
        sw_json_end_array(j);
        sw_json_end_object(j);
    }
    sw_json_end_array(j);
}

int sw_rubric_json(const struct sw_rubric *r, struct sw_buf *out, struct sw_errors *errs)
{
    struct sw_json j;
    sw_json_init(&j, out);
    sw_json_begin_object(&j);
    sw_json_put_string(&j, "id", r->id);
    sw_json_put_string(&j, "version", r->version);
    sw_json_put_string(&j, "name", r->name);
    json_scale(&j, &r->scale);
    json_policy(&j, &r->policy);
    json_pillars(&j, r);
    json_levels(&j, r);
    json_archetypes(&j, r);
    json_interviews(&j, r);
    sw_json_end_object(&j);
    return out->failed ? sw_buf_fail(out, errs, "rubric") : 0;
}

/* --- table ----------------------------------------------------------------- */

/* Whether the level columns are headed L1, L2... (listed under Levels)
 * because two level ids would look the same cut to the column's 11. */
static int levels_numbered(const struct sw_rubric *r)
{
    for (size_t l = 0; l < r->n_levels; l++)
        for (size_t k = 0; k < l; k++)
            if (strlen(r->levels[l].id) > 11 && strlen(r->levels[k].id) > 11 &&
                strncmp(r->levels[l].id, r->levels[k].id, 11) == 0)
                return 1;
    return 0;
}

/* Every level's targets: one column per level (headed by its id, or L1,
 * L2... as listed under Levels), a row per pillar and per competency. A
 * rubric with more levels than fit 80 columns gets further blocks of level
 * columns below, each repeating the competency column (termtable.h): no
 * level is left out. */
static void table_competencies(const struct sw_rubric *r, struct sw_buf *b)
{
    size_t n = r->n_levels + 1;
    struct sw_table_column *cols = calloc(n, sizeof *cols);
    char (*heads)[24] = calloc(n, sizeof *heads);
    if (!cols || !heads) {
        free(cols);
        free(heads);
        b->failed = 1;
        return;
    }
    int numbered = levels_numbered(r);
    cols[0] = (struct sw_table_column){ "", 0, 30 };
    for (size_t l = 0; l < r->n_levels; l++) {
        if (numbered)
            snprintf(heads[l + 1], sizeof heads[l + 1], "L%zu", l + 1);
        cols[l + 1] = (struct sw_table_column){ numbered ? heads[l + 1] : r->levels[l].id, 0,
                                                0 };
    }
    struct sw_table t;
    sw_table_init(&t, cols, n);
    int rc = 0;
    char cell[64];
    for (size_t p = 0; p < r->n_pillars; p++) {
        const struct sw_pillar *pl = &r->pillars[p];
        struct sw_buf name = SW_BUF_INIT;
        sw_buf_adds(&name, pl->name);
        if (half_name(pl->half))
            sw_buf_addf(&name, " (%s)", half_name(pl->half));
        rc |= name.failed ? -1 : sw_table_add(&t, sw_buf_str(&name), NULL);
        sw_buf_release(&name);
        for (size_t l = 0; l < r->n_levels; l++)
            rc |= sw_table_add(&t, "", NULL);
        for (size_t c = pl->first; c < pl->first + pl->count; c++) {
            struct sw_buf cname = SW_BUF_INIT;
            sw_buf_addf(&cname, "  %s", r->competencies[c].name);
            rc |= cname.failed ? -1 : sw_table_add(&t, sw_buf_str(&cname), NULL);
            sw_buf_release(&cname);
            for (size_t l = 0; l < r->n_levels; l++) {
                snprintf(cell, sizeof cell, "%g", r->levels[l].targets[c]);
                rc |= sw_table_add(&t, cell, NULL);
            }
        }
    }
    sw_buf_adds(b, "\nCompetencies and targets by level\n");
    if (rc < 0 || sw_table_render(&t, 80, b) < 0)
        b->failed = 1;
    sw_table_release(&t);
    free(cols);
    free(heads);
}

/* One line per level in one layout: id (or L1...), name, hire bar and, when
 * any level names one, its track. */
static void table_levels(const struct sw_rubric *r, struct sw_buf *b)
{
    int tracks = 0, numbered = levels_numbered(r);
    for (size_t l = 0; l < r->n_levels; l++)
        tracks |= r->levels[l].track != NULL;
    static const struct sw_table_column cols[] = {
        { "level", 0, 0 }, { "name", 0, 16 }, { "hire bar", 1, 0 }, { "track", 0, 8 } };
    struct sw_table t;
    sw_table_init(&t, cols, tracks ? 4 : 3);
    int rc = 0;
    char cell[64];
    for (size_t l = 0; l < r->n_levels; l++) {
        const struct sw_level *lv = &r->levels[l];
        if (numbered) {
            struct sw_buf id = SW_BUF_INIT;
            sw_buf_addf(&id, "L%zu %s", l + 1, lv->id);
            rc |= id.failed ? -1 : sw_table_add(&t, sw_buf_str(&id), NULL);
            sw_buf_release(&id);
        } else {
            rc |= sw_table_add(&t, lv->id, NULL);
        }
        snprintf(cell, sizeof cell, "%g", lv->hire_bar);
        rc |= sw_table_add(&t, lv->name, NULL) | sw_table_add(&t, cell, NULL);
        if (tracks)
            rc |= sw_table_add(&t, lv->track ? lv->track : "-", NULL);
    }
    sw_buf_adds(b, "\nLevels\n");
    if (rc < 0 || sw_table_render(&t, 80, b) < 0)
        b->failed = 1;
    sw_table_release(&t);
}

static void table_policy(const struct sw_rubric *r, struct sw_buf *b)
{
    const struct sw_policy *p = &r->policy;
    sw_buf_addf(b, "\nPolicy\n  at least %zu submitted scorecards and %zu of %zu competencies "
                   "assessed;\n  disagreement at a spread of %g; below target at a gap of "
                   "-%g; at most %zu\n  below target to hire; a '%s' vetoes; balanced "
                   "within %g\n",
                p->min_scorecards, p->min_coverage, r->n_competencies, p->disagreement,
                p->gap, p->max_gaps, sw_recommendation_name(p->veto), p->balanced);
}

static void table_interviews(const struct sw_rubric *r, struct sw_buf *b)
{
    sw_buf_adds(b, "\nInterviews\n");
    for (size_t i = 0; i < r->n_interviews; i++) {
        const struct sw_interview *iv = &r->interviews[i];
        struct sw_buf line = SW_BUF_INIT;
        sw_buf_addf(&line, "%s: %s", iv->id, iv->name);
        if (iv->minutes)
            sw_buf_addf(&line, ", %d min", iv->minutes);
        sw_buf_addf(&line, ", %zu question%s", iv->count, iv->count == 1 ? "" : "s");
        sw_buf_adds(b, "  ");
        sw_text_wrap(b, sw_buf_str(&line), 2, 4, 80);
        b->failed |= line.failed;
        sw_buf_release(&line);
        struct sw_buf probes = SW_BUF_INIT;
        for (size_t c = 0; c < r->n_competencies; c++) {
            int probed = 0;
            for (size_t q = iv->first; q < iv->first + iv->count && !probed; q++)
                for (size_t m = 0; m < r->questions[q].n_measures; m++)
                    probed |= r->questions[q].measures[m].competency == c;
            if (probed)
                sw_buf_addf(&probes, "%s%s", probes.len ? ", " : "", r->competencies[c].name);
        }
        sw_buf_adds(b, "    probes: ");
        sw_text_wrap(b, sw_buf_str(&probes), 12, 12, 78);
        sw_buf_release(&probes);
    }
}

static void table_archetypes(const struct sw_rubric *r, struct sw_buf *b)
{
    sw_buf_adds(b, "\nArchetypes\n");
    for (size_t a = 0; a < r->n_archetypes; a++) {
        const struct sw_archetype *ar = &r->archetypes[a];
        struct sw_buf line = SW_BUF_INIT;
        sw_buf_addf(&line, "%s: %s", ar->id, ar->name);
        if (!ar->has_emphasis)
            sw_buf_adds(&line, " (no emphasis: the balanced shape)");
        for (size_t p = 0, first = 1; p < r->n_pillars; p++) {
            if (ar->emphasis[p] == 0)
                continue;
            sw_buf_addf(&line, "%s%s %+g", first ? ", emphasis " : ", ", r->pillars[p].id,
                        ar->emphasis[p]);
            first = 0;
        }
        sw_buf_adds(b, "  ");
        sw_text_wrap(b, sw_buf_str(&line), 2, 4, 80);
        b->failed |= line.failed;
        sw_buf_release(&line);
    }
}

int sw_rubric_table(const struct sw_rubric *r, struct sw_buf *out, struct sw_errors *errs)
{
    struct sw_buf line = SW_BUF_INIT;
    sw_buf_addf(&line, "%s (%s, version %s)", r->name, r->id, r->version);
    sw_text_wrap(out, sw_buf_str(&line), 0, 2, 80);
    sw_buf_reset(&line);
    sw_buf_addf(&line, "Scale %g to %g, step %g", r->scale.min, r->scale.max, r->scale.step);
    for (size_t i = 0; i < r->scale.n_anchors; i++)
        sw_buf_addf(&line, "%s%g %s", i ? "; " : ": ", r->scale.anchors[i].value,
                    r->scale.anchors[i].label);
    sw_text_wrap(out, sw_buf_str(&line), 0, 2, 80);
    out->failed |= line.failed;
    sw_buf_release(&line);
    table_competencies(r, out);
    table_levels(r, out);
    table_policy(r, out);
    table_interviews(r, out);
    table_archetypes(r, out);
    return out->failed ? sw_buf_fail(out, errs, "rubric") : 0;
}

/* --- ids ------------------------------------------------------------------- */

static const char *const id_kinds[SW_ID_KINDS] = {
    "pillars", "competencies", "levels", "interviews", "questions", "archetypes",
};

const char *sw_id_kind_name(enum sw_id_kind k)
{
    return id_kinds[k];
}

int sw_id_kind_parse(const char *name)
{
    for (int k = 0; k < SW_ID_KINDS; k++)
        if (strcmp(name, id_kinds[k]) == 0)
            return k;
    return -1;
}

/* The id of item i of kind k; NULL past the last. */
static const char *id_at(const struct sw_rubric *r, enum sw_id_kind k, size_t i)
{
    switch (k) {
    case SW_IDS_PILLARS: return i < r->n_pillars ? r->pillars[i].id : NULL;
    case SW_IDS_COMPETENCIES: return i < r->n_competencies ? r->competencies[i].id : NULL;
    case SW_IDS_LEVELS: return i < r->n_levels ? r->levels[i].id : NULL;
    case SW_IDS_INTERVIEWS: return i < r->n_interviews ? r->interviews[i].id : NULL;
    case SW_IDS_QUESTIONS: return i < r->n_questions ? r->questions[i].id : NULL;
    default: return i < r->n_archetypes ? r->archetypes[i].id : NULL;
    }
}

int sw_rubric_ids(const struct sw_rubric *r, enum sw_id_kind k, const char *sep,
                  struct sw_buf *out)
{
    const char *id;
    for (size_t i = 0; (id = id_at(r, k, i)); i++) {
        if (i)
            sw_buf_adds(out, sep);
        sw_buf_adds(out, id);
    }
    return out->failed ? -1 : 0;
}
