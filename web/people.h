/*
 * people.h - the people file of `serve --people` and `people`
 * (urn:scorewheel:people:1; docs/design.md, "The web app"):
 *
 *   <people xmlns="urn:scorewheel:people:1">
 *     <person id="akim" name="Ana Kim" role="interviewer committee"
 *             token-sha256="64 HEX DIGITS" created="2026-11-29T12:00:00Z"
 *             email="akim@example.org"/>
 *   </people>
 *
 * A person's roles are a set (space-separated in the file); their rights are
 * the union, which is the rights of the highest of them (access.h).
 * Only the SHA-256 of each person's sign-in token is stored. The file is
 * read through core's hardened XML parser and written atomically with mode
 * 0600. A struct web_people owns its strings (one arena); release it with
 * web_people_release().
 */
#ifndef SW_WEB_PEOPLE_H
#define SW_WEB_PEOPLE_H

#include <stddef.h>
#include <time.h>

#include "access.h"
#include "arena.h"
#include "buf.h"
#include "error.h"

#define WEB_NS_PEOPLE "urn:scorewheel:people:1"

struct web_person {
    const char *id;
    const char *name;          /* "" when absent */
    enum web_role role;        /* the highest of `roles` */
    unsigned roles;            /* WEB_ROLE_BIT of each role */
    const char *token_sha256;  /* 64 lowercase hex digits */
    const char *created;       /* "" when absent */
    /* "" when absent (docs/design.md "Mail: sign-in links, reminders, digests") */
    const char *email;
    int line;
};

struct web_people {
    struct web_person *items;
    size_t n, cap;
    struct sw_arena arena;
};

void web_people_init(struct web_people *p);
void web_people_release(struct web_people *p);

/* Loads the people file at `path` into p (initialised here). With
 * `missing_ok`, a file that does not exist gives no people. Checks: root
 * element and namespace, ids ([A-Za-z0-9._-]+, not starting with '.' or
 * '-'), roles, 64 hex digits per token hash, no id twice. 0, or -1 with
 * every problem in errs (SW_EINPUT with its line; SW_ESYSTEM when it cannot
 * be read). */
int web_people_load(const char *path, int missing_ok, struct web_people *p,
                    struct sw_errors *errs);
/* Appends p as people XML (one person a line, in p's order). */
int web_people_xml(const struct web_people *p, struct sw_buf *out);
/* Writes p to path atomically (temporary file, mode 0600, renamed over). */
int web_people_save(const char *path, const struct web_people *p, struct sw_errors *errs);
/* Writes len bytes to path as web_people_save does (mode 0600, atomic):
 * for the people file and the sessions file beside it. 0 or -1. */
int web_write_private(const char *path, const void *data, size_t len, struct sw_errors *errs);

/* Takes an exclusive lock on the folder holding `path` (flock), so that two
 * `people` commands changing one file take turns from reading to writing.
 * Returns a descriptor to close to release it, or -1 with an SW_ESYSTEM
 * error. */
int web_people_lock(const char *path, struct sw_errors *errs);

/* The person with id `id`, or NULL. */
const struct web_person *web_people_find(const struct web_people *p, const char *id);
/* The person whose token hash is SHA-256(token), comparing with every
 * person in constant time; NULL when none. */
const struct web_person *web_people_by_token(const struct web_people *p, const char *token);
/* Appends a person with the roles `roles` (WEB_ROLE_BIT of each; strings
 * copied). 0, or -1 when out of memory. */
int web_people_add(struct web_people *p, const char *id, const char *name, unsigned roles,
                   const char *token_sha256, const char *created);
/* Sets the email of the person `id` (an addr-spec, mail.h; "" for none).
 * 0, or -1 when there is no such person or out of memory. */
int web_people_set_email(struct web_people *p, const char *id, const char *email);
/* Removes the person `id`: 0, or -1 when there is none. */
int web_people_remove(struct web_people *p, const char *id);

#endif
