/*
 * template.h - fills in the templates of templates/ (built into the library,
 * see resource.h): the blank scorecard and the interview kit are data, not C.
 *
 * The template language is a small subset of Mustache:
 *   {{name}}             the field's text, escaped for the template's format
 *   {{name|wrap}}        the same, word-wrapped at column 78; continuation lines
 *                        are indented to the column where the tag stood
 *   {{name|comment}}     escaped for the inside of an XML comment instead ("--"
 *                        becomes "- -"); filters combine: {{name|comment|wrap}}
 *   {{name|raw}}         not escaped
 *   {{#name}}...{{/name}}  a list: the inside once per item, with the item's
 *                        fields in scope (then the enclosing ones); a text: the
 *                        inside once when it is not empty; absent: nothing
 *   {{^name}}...{{/name}}  the inside once when the list or text is empty or absent
 *   {{> name.ext}}       the built-in template `name.ext` (a resource: a file of
 *                        templates/), rendered with the fields in scope here;
 *                        partials nest at most 8 deep
 *   {{! comment }}       nothing
 * A line holding nothing but one section, end, partial or comment tag (and
 * blanks) disappears whole, so templates can put their tags on lines of
 * their own.
 *
 * Fields live in scopes allocated from a caller-owned arena; releasing the
 * arena frees them all. Keys are not copied: pass string literals.
 */
#ifndef SW_TEMPLATE_H
#define SW_TEMPLATE_H

#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "error.h"

enum sw_tpl_escape {
    SW_TPL_RAW,    /* plain text, as it is */
    SW_TPL_XML,    /* & < > " ' as entities, CR as &#13; */
    SW_TPL_MD,     /* Markdown: inline punctuation backslash-escaped */
};

struct sw_tpl_scope;

/* --- building the fields ------------------------------------------------- */

/* A new empty scope in arena a; NULL when out of memory. */
struct sw_tpl_scope *sw_tpl_scope_new(struct sw_arena *a);
/* Sets text field `key` to a copy of `text`. 0, or -1 when out of memory. */
int sw_tpl_set(struct sw_tpl_scope *s, const char *key, const char *text);
int sw_tpl_setf(struct sw_tpl_scope *s, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Sets text field `key` to the shortest decimal that reads back as v ("" for NaN). */
int sw_tpl_set_number(struct sw_tpl_scope *s, const char *key, double v);
/* Appends a new item to list field `key` (created on first use) and returns
 * the item's scope, whose lookups fall back to s; NULL when out of memory. */
struct sw_tpl_scope *sw_tpl_add(struct sw_tpl_scope *s, const char *key);

/* --- rendering ----------------------------------------------------------- */

/* Renders the built-in template `name` (a resource) with the fields of s,
 * appending to out. 0, or -1 with an SW_ESYSTEM error naming the template and
 * line (no such template, a syntax error, an unknown field, out of memory). */
int sw_tpl_render(const char *name, const struct sw_tpl_scope *s, enum sw_tpl_escape esc,
                  struct sw_buf *out, struct sw_errors *errs);
/* The same for template text in memory; `name` names it in errors. */
int sw_tpl_render_text(const char *text, size_t len, const char *name,
                       const struct sw_tpl_scope *s, enum sw_tpl_escape esc,
                       struct sw_buf *out, struct sw_errors *errs);

/* Appends s escaped as `esc` says (the escaping of a {{name}} tag). */
int sw_tpl_escape(struct sw_buf *out, const char *s, enum sw_tpl_escape esc);
/* Appends s made safe for the inside of an XML comment: no "--", no final '-'. */
int sw_tpl_escape_comment(struct sw_buf *out, const char *s);

#endif
