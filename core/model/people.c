/* people.c - the people file (urn:scorewheel:people:1) and the role set it stores. */
#include "people.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "entry.h"
#include "files.h"
#include "mail.h"
#include "io/xml.h"
#include "util/vec.h"

static const char *const role_names[] = {
    [SW_ROLE_NONE] = "", [SW_ROLE_INTERVIEWER] = "interviewer", [SW_ROLE_COMMITTEE] = "committee",
    [SW_ROLE_RECRUITER] = "recruiter", [SW_ROLE_EVERYONE] = "everyone",
};

enum sw_role sw_role_parse(const char *name)
{
    for (int r = SW_ROLE_INTERVIEWER; r <= SW_ROLE_RECRUITER; r++)
        if (strcmp(name, role_names[r]) == 0)
            return (enum sw_role)r;
    return SW_ROLE_NONE;
}

const char *sw_role_name(enum sw_role role)
{
    return role_names[role];
}

enum sw_role sw_roles_top(unsigned roles)
{
    for (int r = SW_ROLE_RECRUITER; r >= SW_ROLE_INTERVIEWER; r--)
        if (roles & SW_ROLE_BIT(r))
            return (enum sw_role)r;
    return SW_ROLE_NONE;
}

unsigned sw_roles_parse(const char *text)
{
    unsigned roles = 0;
    char word[16];
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, " ");
        if (n == 0) {
            p++;
            continue;
        }
        if (n >= sizeof word)
            return 0;
        memcpy(word, p, n);
        word[n] = '\0';
        enum sw_role r = sw_role_parse(word);
        if (r == SW_ROLE_NONE)
            return 0;
        roles |= SW_ROLE_BIT(r);
        p += n;
    }
    return roles;
}

void sw_roles_format(unsigned roles, char *out, size_t size)
{
    size_t at = 0;
    out[0] = '\0';
    for (int r = SW_ROLE_INTERVIEWER; r <= SW_ROLE_RECRUITER; r++)
        if (roles & SW_ROLE_BIT(r) && at < size)
            at += (size_t)snprintf(out + at, size - at, "%s%s", at ? " " : "", role_names[r]);
}

void sw_people_init(struct sw_people *p)
{
    memset(p, 0, sizeof *p);
    sw_arena_init(&p->arena);
}

void sw_people_release(struct sw_people *p)
{
    if (!p)
        return;
    free(p->items);
    sw_arena_release(&p->arena);
    memset(p, 0, sizeof *p);
}

int sw_people_add(struct sw_people *p, const char *id, const char *name, unsigned roles,
                  const char *token_sha256, const char *created)
{
    if (SW_VEC_GROW(p->items, p->cap, p->n + 1, 8) < 0)
        return -1;
    struct sw_people_person *e = &p->items[p->n];
    e->id = sw_arena_strdup(&p->arena, id);
    e->name = sw_arena_strdup(&p->arena, name ? name : "");
    e->token_sha256 = sw_arena_strdup(&p->arena, token_sha256);
    e->created = sw_arena_strdup(&p->arena, created ? created : "");
    e->email = "";
    e->roles = roles;
    e->role = sw_roles_top(roles);
    e->line = 0;
    if (!e->id || !e->name || !e->token_sha256 || !e->created)
        return -1;
    p->n++;
    return 0;
}

int sw_people_set_email(struct sw_people *p, const char *id, const char *email)
{
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->items[i].id, id) == 0)
            return (p->items[i].email = sw_arena_strdup(&p->arena, email)) ? 0 : -1;
    return -1;
}

int sw_people_remove(struct sw_people *p, const char *id)
{
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->items[i].id, id) == 0) {
            memmove(&p->items[i], &p->items[i + 1], (p->n - i - 1) * sizeof *p->items);
            p->n--;
            return 0;
        }
    return -1;
}

const struct sw_people_person *sw_people_find(const struct sw_people *p, const char *id)
{
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->items[i].id, id) == 0)
            return &p->items[i];
    return NULL;
}

static int is_hash(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!strchr("0123456789abcdef", s[n]))
            return 0;
    return n == 64;
}

static void check_person(struct sw_people *p, xmlNodePtr n, const char *path,
                        struct sw_errors *errs)
{
    int line = sw_xml_line(n);
    const char *id = sw_xml_attr(n, "id"), *role = sw_xml_attr(n, "role");
    const char *hash = sw_xml_attr(n, "token-sha256");
    if (!id || !sw_entry_id_ok(id)) {
        sw_fail(errs, path, line, "person id '%s' is not an id ([A-Za-z0-9._-]+, not starting "
                "with '.' or '-')", id ? id : "");
        return;
    }
    if (sw_people_find(p, id)) {
        sw_fail(errs, path, line, "person '%s' is listed twice", id);
        return;
    }
    unsigned r = role ? sw_roles_parse(role) : 0;
    if (!r) {
        sw_fail(errs, path, line, "role '%s' of person '%s' is not interviewer, committee or "
                "recruiter (or several of them, separated by spaces)", role ? role : "", id);
        return;
    }
    if (!hash || !is_hash(hash)) {
        sw_fail(errs, path, line, "token-sha256 of person '%s' is not 64 lowercase hex digits",
                id);
        return;
    }
    const char *email = sw_xml_attr(n, "email");
    if (email && !sw_mail_addr_ok(email)) {
        sw_fail(errs, path, line, "email '%s' of person '%s' is not a mail address "
                "(LOCAL@DOMAIN)", email, id);
        return;
    }
    if (sw_people_add(p, id, sw_xml_attr(n, "name"), r, hash, sw_xml_attr(n, "created")) < 0 ||
        (email && sw_people_set_email(p, id, email) < 0))
        sw_fail_oom(errs, path);
    else
        p->items[p->n - 1].line = line;
}

static int from_doc(struct sw_people *p, xmlDocPtr doc, const char *path,
                   struct sw_errors *errs)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || !sw_xml_is(root, "people") || !root->ns ||
        strcmp((const char *)root->ns->href, SW_NS_PEOPLE) != 0)
        return sw_fail(errs, path, root ? sw_xml_line(root) : 1,
                       "not a people file (root element 'people' in namespace '%s')",
                       SW_NS_PEOPLE);
    size_t before = errs->count;
    for (xmlNodePtr n = sw_xml_element(root->children); n; n = sw_xml_element(n->next)) {
        if (sw_xml_is(n, "person"))
            check_person(p, n, path, errs);
        else
            sw_fail(errs, path, sw_xml_line(n), "unexpected element '%s' (only 'person')",
                    (const char *)n->name);
    }
    return errs->count > before ? -1 : 0;
}

int sw_people_load(const char *path, int missing_ok, struct sw_people *p,
                   struct sw_errors *errs)
{
    sw_people_init(p);
    struct stat st;
    if (missing_ok && stat(path, &st) < 0 && errno == ENOENT)
        return 0;
    size_t len = 0;
    char *data = sw_xml_slurp(path, &len, errs);
    if (!data)
        return -1;
    xmlDocPtr doc = sw_xml_parse(data, len, path, errs);
    free(data);
    if (!doc)
        return -1;
    int rc = from_doc(p, doc, path, errs);
    xmlFreeDoc(doc);
    return rc;
}

int sw_people_xml(const struct sw_people *p, struct sw_buf *out)
{
    sw_buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<people xmlns=\"" SW_NS_PEOPLE "\">\n");
    for (size_t i = 0; i < p->n; i++) {
        const struct sw_people_person *e = &p->items[i];
        sw_buf_adds(out, "  <person id=\"");
        sw_buf_add_xml(out, e->id);
        if (*e->name) {
            sw_buf_adds(out, "\" name=\"");
            sw_buf_add_xml(out, e->name);
        }
        char roles[64];
        sw_roles_format(e->roles, roles, sizeof roles);
        sw_buf_addf(out, "\" role=\"%s\" token-sha256=\"%s\"", roles, e->token_sha256);
        if (*e->created) {
            sw_buf_adds(out, " created=\"");
            sw_buf_add_xml(out, e->created);
            sw_buf_addc(out, '"');
        }
        if (*e->email) {
            sw_buf_adds(out, " email=\"");
            sw_buf_add_xml(out, e->email);
            sw_buf_addc(out, '"');
        }
        sw_buf_adds(out, "/>\n");
    }
    sw_buf_adds(out, "</people>\n");
    return out->failed ? -1 : 0;
}

int sw_people_save(const char *path, const struct sw_people *p, struct sw_errors *errs)
{
    struct sw_buf xml = SW_BUF_INIT;
    if (sw_people_xml(p, &xml) < 0) {
        sw_buf_release(&xml);
        return sw_fail_oom(errs, path);
    }
    struct sw_write_options opt = {.overwrite = 1, .mode = 0600};
    int rc = sw_write_file(path, xml.data, xml.len, &opt, errs);
    sw_buf_release(&xml);
    return rc;
}

int sw_people_lock(const char *path, struct sw_errors *errs)
{
    return sw_lock_folder(path, errs);
}
