/*
 * resource.h - data files built into the library: the schemas
 * (rubric.xsd, scorecard.xsd) and the templates (templates/ *), so the
 * program never depends on finding them at run time.
 */
#ifndef SW_RESOURCE_H
#define SW_RESOURCE_H

#include <stddef.h>

/* The bytes of the resource named `name` (its file's base name), NUL-terminated,
 * static; *len (if not NULL) gets its length. NULL when there is no such resource. */
const char *sw_resource(const char *name, size_t *len);

#endif
