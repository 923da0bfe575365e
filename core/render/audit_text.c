/* audit_text.c - the output functions of audit.h: JSON, CSV and the table. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "render/json.h"


void sw_audit_label(const struct sw_audit *au, const struct sw_audit_dimension *dim,
                    const struct sw_audit_group *g, const char *sep, struct sw_buf *out)
{
    size_t n = dim->id ? 1 : au->n_dimensions;
    for (size_t i = 0; i < n; i++) {
        if (i)
            sw_buf_adds(out, sep);
        sw_buf_adds(out, g->values[i]);
    }
}

/* --- JSON ------------------------------------------------------------------ */

static void json_count(struct sw_json *j, const char *key, size_t v)
{
    sw_json_key(j, key);
    if (v == SW_AUDIT_NULL)
        sw_json_null(j);
    else
        sw_json_integer(j, (long long)v);
}

static void json_group_body(struct sw_json *j, const struct sw_audit_group *g)
{
    json_count(j, "n", g->n);
    json_count(j, "decided", g->decided);
    json_count(j, "selected", g->selected);
    sw_json_put_number(j, "selection_rate", g->selection_rate);
    sw_json_put_number(j, "selection_impact", g->selection_impact);
    json_count(j, "scored", g->scored);
    json_count(j, "above", g->above);
    sw_json_put_number(j, "scoring_rate", g->scoring_rate);
    sw_json_put_number(j, "scoring_impact", g->scoring_impact);
    sw_json_put_number(j, "fisher_p", g->fisher_p);
    sw_json_put_bool(j, "excluded", g->excluded);
    sw_json_put_bool(j, "suppressed", g->suppressed);
    sw_json_put_bool(j, "flag", g->flag);
}

static void json_dimensions(struct sw_json *j, const struct sw_audit *au)
{
    sw_json_key(j, "dimensions");
    sw_json_begin_array(j);
    for (size_t k = 0; k < au->n_dimensions; k++) {
        const struct sw_audit_dimension *dim = &au->dimensions[k];
        sw_json_begin_object(j);
        sw_json_put_string(j, "id", dim->id);
        json_count(j, "unknown", dim->unknown);
        json_count(j, "withheld", dim->withheld);
        sw_json_key(j, "groups");
        sw_json_begin_array(j);
        for (size_t g = 0; g < dim->n_groups; g++) {
            sw_json_begin_object(j);
            sw_json_put_string(j, "value", dim->groups[g].values[0]);
            json_group_body(j, &dim->groups[g]);
            sw_json_end_object(j);
        }
        sw_json_end_array(j);
        sw_json_end_object(j);
    }
    sw_json_end_array(j);
}

static void json_intersections(struct sw_json *j, const struct sw_audit *au)
{
    const struct sw_audit_dimension *x = &au->intersections;
    json_count(j, "intersection_unknown", x->unknown);
    json_count(j, "intersection_withheld", x->withheld);
    sw_json_key(j, "intersections");
    sw_json_begin_array(j);
    for (size_t g = 0; g < x->n_groups; g++) {
        sw_json_begin_object(j);
        sw_json_key(j, "values");
        sw_json_begin_object(j);
        for (size_t k = 0; k < au->n_dimensions; k++) {
            sw_json_key(j, au->dimensions[k].id);
            sw_json_string(j, x->groups[g].values[k]);
        }
        sw_json_end_object(j);
        json_group_body(j, &x->groups[g]);
        sw_json_end_object(j);
    }
    sw_json_end_array(j);
}

int sw_audit_json(const struct sw_audit *au, const struct sw_aggregate *a, struct sw_buf *out,
                  struct sw_errors *errs)
{
    struct sw_json j;
    sw_json_init(&j, out);
    sw_json_begin_object(&j);
    json_count(&j, "population", au->population);
    json_count(&j, "decided", au->decided);
    sw_json_put_number(&j, "median_overall", au->median_overall);
    json_count(&j, "unmatched", au->unmatched);
    json_count(&j, "min_cell", au->min_cell);
    json_dimensions(&j, au);
    json_intersections(&j, au);
    sw_json_key(&j, "interviewers");
    sw_json_begin_array(&j);
    for (size_t i = 0; i < au->n_gaps; i++) {
        const struct sw_audit_gap *gap = &au->gaps[i];
        const struct sw_audit_dimension *dim = &au->dimensions[gap->dimension];
        sw_json_begin_object(&j);
        sw_json_put_string(&j, "id", a->interviewers[gap->interviewer]);
        sw_json_put_string(&j, "dimension", dim->id);
        sw_json_put_string(&j, "value", dim->groups[gap->group].values[0]);
        json_count(&j, "n_in", gap->n_in);
        json_count(&j, "n_out", gap->n_out);
        sw_json_put_number(&j, "gap", gap->gap);
        sw_json_put_number(&j, "se", gap->se);
        sw_json_put_bool(&j, "flag", gap->flag);
        sw_json_end_object(&j);
    }
    sw_json_end_array(&j);
    sw_json_end_object(&j);
    sw_buf_addc(out, '\n');
    return out->failed ? sw_buf_fail(out, errs, "audit") : 0;
}

/* --- CSV ------------------------------------------------------------------- */

static void csv_count(struct sw_buf *out, size_t v)
{
    if (v == SW_AUDIT_NULL)
        sw_buf_addc(out, ',');
    else
        sw_buf_addf(out, ",%zu", v);
}

static void csv_groups(const struct sw_audit *au, const struct sw_audit_dimension *dim,
                       enum sw_csv_mode mode, struct sw_buf *out)
{
    struct sw_buf key = SW_BUF_INIT;
    for (size_t k = 0; k < (dim->id ? 1 : au->n_dimensions); k++)
        sw_buf_addf(&key, "%s%s", k ? "+" : "", dim->id ? dim->id : au->dimensions[k].id);
    for (size_t i = 0; i < dim->n_groups; i++) {
        const struct sw_audit_group *g = &dim->groups[i];
        struct sw_buf label = SW_BUF_INIT;
        sw_audit_label(au, dim, g, "+", &label);
        sw_csv_field(out, sw_buf_str(&key), mode);
        sw_csv_text(out, sw_buf_str(&label), mode);
        sw_buf_release(&label);
        csv_count(out, g->n);
        csv_count(out, g->decided);
        csv_count(out, g->selected);
        sw_csv_number(out, g->selection_rate);
        sw_csv_number(out, g->selection_impact);
        csv_count(out, g->scored);
        csv_count(out, g->above);
        sw_csv_number(out, g->scoring_rate);
        sw_csv_number(out, g->scoring_impact);
        sw_csv_number(out, g->fisher_p);
        sw_buf_addf(out, ",%s,%s,%s\r\n", g->excluded ? "true" : "false",
                    g->suppressed ? "true" : "false", g->flag ? "true" : "false");
    }
    sw_buf_release(&key);
}

int sw_audit_csv(const struct sw_audit *au, const struct sw_aggregate *a, enum sw_csv_mode mode,
                 struct sw_buf *out, struct sw_errors *errs)
{
    sw_buf_adds(out, "dimension,value,n,decided,selected,selection_rate,selection_impact,"
                     "scored,above,scoring_rate,scoring_impact,fisher_p,excluded,suppressed,"
                     "flag\r\n");
    for (size_t k = 0; k < au->n_dimensions; k++)
        csv_groups(au, &au->dimensions[k], mode, out);
    csv_groups(au, &au->intersections, mode, out);
    sw_buf_adds(out, "\r\ninterviewer,dimension,value,n_in,n_out,gap,se,flag\r\n");
    for (size_t i = 0; i < au->n_gaps; i++) {
        const struct sw_audit_gap *gap = &au->gaps[i];
        const struct sw_audit_dimension *dim = &au->dimensions[gap->dimension];
        sw_csv_field(out, a->interviewers[gap->interviewer], mode);
        sw_csv_text(out, dim->id, mode);
        sw_csv_text(out, dim->groups[gap->group].values[0], mode);
        sw_buf_addf(out, ",%zu,%zu", gap->n_in, gap->n_out);
        sw_csv_number(out, gap->gap);
        sw_csv_number(out, gap->se);
        sw_buf_adds(out, gap->flag ? ",true\r\n" : ",false\r\n");
    }
    return out->failed ? sw_buf_fail(out, errs, "audit") : 0;
}
