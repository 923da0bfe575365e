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
 * the union, which is the rights of the highest of them (the web app's
 * access rule). Only the SHA-256 of each person's sign-in token is stored.
 * The file is read through the hardened XML parser and written atomically
 * with mode 0600. A struct sw_people owns its strings (one arena); release
 * it with sw_people_release().
 */
#ifndef SW_PEOPLE_H
#define SW_PEOPLE_H

#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "error.h"

#define SW_NS_PEOPLE "urn:scorewheel:people:1"

/* The roles. The file stores interviewer, committee and recruiter; NONE
 * (no role: anonymous, for the web app) and EVERYONE (the web app's
 * single-person mode: the one local person, every right) are never stored. */
enum sw_role {
    SW_ROLE_NONE,
    SW_ROLE_INTERVIEWER,
    SW_ROLE_COMMITTEE,
    SW_ROLE_RECRUITER,
    SW_ROLE_EVERYONE,
};

/* "interviewer", "committee", "recruiter" -> the role; SW_ROLE_NONE when
 * the text names none. */
enum sw_role sw_role_parse(const char *name);
const char *sw_role_name(enum sw_role role);

/* Roles are a set (docs/design.md, "The web app, turn 3: trust first"): a bit
 * per role. Since one's own draft is editable and independent scoring binds
 * whatever one's roles, the rights of a set are those of its highest role:
 * interviewer < committee < recruiter. */
#define SW_ROLE_BIT(r) (1u << (unsigned)(r))
#define SW_ROLES_ALL (SW_ROLE_BIT(SW_ROLE_INTERVIEWER) | SW_ROLE_BIT(SW_ROLE_COMMITTEE) | \
                      SW_ROLE_BIT(SW_ROLE_RECRUITER))
enum sw_role sw_roles_top(unsigned roles);
/* Space-separated role names -> their bits; 0 when one is not a role (or
 * none is given). */
unsigned sw_roles_parse(const char *text);
/* The roles' names, space-separated, into out (size >= 40). */
void sw_roles_format(unsigned roles, char *out, size_t size);

/* One person of the file (growth.h's struct sw_person is another thing:
 * an employee and their assessments). */
struct sw_people_person {
    const char *id;
    const char *name;          /* "" when absent */
    enum sw_role role;         /* the highest of `roles` */
    unsigned roles;            /* SW_ROLE_BIT of each role */
    const char *token_sha256;  /* 64 lowercase hex digits */
    const char *created;       /* "" when absent */
    /* "" when absent (docs/design.md "Mail: sign-in links, reminders, digests") */
    const char *email;
    int line;
};

struct sw_people {
    struct sw_people_person *items;
    size_t n, cap;
    struct sw_arena arena;
};

void sw_people_init(struct sw_people *p);
void sw_people_release(struct sw_people *p);

/* Loads the people file at `path` into p (initialised here). With
 * `missing_ok`, a file that does not exist gives no people. Checks: root
 * element and namespace, ids ([A-Za-z0-9._-]+, not starting with '.' or
 * '-'), roles, 64 hex digits per token hash, mail addresses, no id twice.
 * 0, or -1 with every problem in errs (SW_EINPUT with its line; SW_ESYSTEM
 * when it cannot be read). */
int sw_people_load(const char *path, int missing_ok, struct sw_people *p,
                   struct sw_errors *errs);
/* Appends p as people XML (one person a line, in p's order). */
int sw_people_xml(const struct sw_people *p, struct sw_buf *out);
/* Writes p to path atomically (temporary file, mode 0600, renamed over). */
int sw_people_save(const char *path, const struct sw_people *p, struct sw_errors *errs);

/* Takes an exclusive lock on the folder holding `path` (flock), so that two
 * `people` commands changing one file take turns from reading to writing.
 * Returns a descriptor to close to release it, or -1 with an SW_ESYSTEM
 * error. */
int sw_people_lock(const char *path, struct sw_errors *errs);

/* The person with id `id`, or NULL. */
const struct sw_people_person *sw_people_find(const struct sw_people *p, const char *id);
/* Appends a person with the roles `roles` (SW_ROLE_BIT of each; strings
 * copied). 0, or -1 when out of memory. */
int sw_people_add(struct sw_people *p, const char *id, const char *name, unsigned roles,
                  const char *token_sha256, const char *created);
/* Sets the email of the person `id` (an addr-spec, mail.h; "" for none).
 * 0, or -1 when there is no such person or out of memory. */
int sw_people_set_email(struct sw_people *p, const char *id, const char *email);
/* Removes the person `id`: 0, or -1 when there is none. */
int sw_people_remove(struct sw_people *p, const char *id);

#endif
