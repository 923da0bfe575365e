/*
 * json.h - writing JSON text into a struct sw_buf.
 *
 * The writer tracks nesting and commas; the caller says what comes next.
 * Output is indented by two spaces per level, keys in the order written.
 * Numbers are written at full precision (the shortest text that reads back
 * as the same double); NaN, scorewheel's "undefined", is written as null.
 * Strings are escaped per RFC 8259 (control characters as \uXXXX).
 */
#ifndef SW_JSON_H
#define SW_JSON_H

#include <stddef.h>

#include "buf.h"
#include "rubric.h"

#define SW_JSON_MAX_DEPTH 32

struct sw_json {
    struct sw_buf *out;
    int depth;
    int count[SW_JSON_MAX_DEPTH];   /* values written at each depth */
    int after_key;
};

void sw_json_init(struct sw_json *j, struct sw_buf *out);
void sw_json_begin_object(struct sw_json *j);
void sw_json_end_object(struct sw_json *j);
void sw_json_begin_array(struct sw_json *j);
void sw_json_end_array(struct sw_json *j);
/* Writes an object key; the next call writes its value. */
void sw_json_key(struct sw_json *j, const char *key);
void sw_json_string(struct sw_json *j, const char *s);
void sw_json_number(struct sw_json *j, double v);
void sw_json_integer(struct sw_json *j, long long v);
void sw_json_bool(struct sw_json *j, int v);
void sw_json_null(struct sw_json *j);
/* An object's member in one call: the key, then the value as above. */
void sw_json_put_string(struct sw_json *j, const char *key, const char *s);
void sw_json_put_number(struct sw_json *j, const char *key, double v);
void sw_json_put_integer(struct sw_json *j, const char *key, long long v);
void sw_json_put_bool(struct sw_json *j, const char *key, int v);
/* The member with string s, or null when s is NULL. */
void sw_json_put_string_or_null(struct sw_json *j, const char *key, const char *s);
/* "pillars": [{"id", "score"}] for each pillar of r, score[p] its score. */
void sw_json_put_pillars(struct sw_json *j, const struct sw_rubric *r, const double *score);
/* Appends s as a JSON string literal, quotes included. */
void sw_json_add_string(struct sw_buf *b, const char *s);

#endif
