/* people.c - the people file; see people.h. */
#include "people.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "entry.h"
#include "files.h"
#include "mail.h"
#include "session.h"
#include "io/xml.h"
#include "util/vec.h"

void web_people_init(struct web_people *p)
{
    memset(p, 0, sizeof *p);
    sw_arena_init(&p->arena);
}

void web_people_release(struct web_people *p)
{
    if (!p)
        return;
    free(p->items);
    sw_arena_release(&p->arena);
    memset(p, 0, sizeof *p);
}

int web_people_add(struct web_people *p, const char *id, const char *name, unsigned roles,
                   const char *token_sha256, const char *created)
{
    if (SW_VEC_GROW(p->items, p->cap, p->n + 1, 8) < 0)
        return -1;
    struct web_person *e = &p->items[p->n];
    e->id = sw_arena_strdup(&p->arena, id);
    e->name = sw_arena_strdup(&p->arena, name ? name : "");
    e->token_sha256 = sw_arena_strdup(&p->arena, token_sha256);
    e->created = sw_arena_strdup(&p->arena, created ? created : "");
    e->email = "";
    e->roles = roles;
    e->role = web_roles_top(roles);
    e->line = 0;
    if (!e->id || !e->name || !e->token_sha256 || !e->created)
        return -1;
    p->n++;
    return 0;
}

int web_people_set_email(struct web_people *p, const char *id, const char *email)
{
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->items[i].id, id) == 0)
            return (p->items[i].email = sw_arena_strdup(&p->arena, email)) ? 0 : -1;
    return -1;
}

int web_people_remove(struct web_people *p, const char *id)
{
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->items[i].id, id) == 0) {
            memmove(&p->items[i], &p->items[i + 1], (p->n - i - 1) * sizeof *p->items);
            p->n--;
            return 0;
        }
    return -1;
}

const struct web_person *web_people_find(const struct web_people *p, const char *id)
{
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->items[i].id, id) == 0)
            return &p->items[i];
    return NULL;
}

const struct web_person *web_people_by_token(const struct web_people *p, const char *token)
{
    char hash[WEB_TOKEN_HEX];
    web_sha256_hex(token, strlen(token), hash);
    const struct web_person *found = NULL;
    for (size_t i = 0; i < p->n; i++)
        if (web_equal_secret(hash, p->items[i].token_sha256) && !found)
            found = &p->items[i];
    return found;
}

static int is_hash(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!strchr("0123456789abcdef", s[n]))
            return 0;
    return n == 64;
}

static void check_person(struct web_people *p, xmlNodePtr n, const char *path,
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
    if (web_people_find(p, id)) {
        sw_fail(errs, path, line, "person '%s' is listed twice", id);
        return;
    }
    unsigned r = role ? web_roles_parse(role) : 0;
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
    if (web_people_add(p, id, sw_xml_attr(n, "name"), r, hash, sw_xml_attr(n, "created")) < 0 ||
        (email && web_people_set_email(p, id, email) < 0))
        sw_fail_oom(errs, path);
    else
        p->items[p->n - 1].line = line;
}

static int from_doc(struct web_people *p, xmlDocPtr doc, const char *path,
                    struct sw_errors *errs)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || !sw_xml_is(root, "people") || !root->ns ||
        strcmp((const char *)root->ns->href, WEB_NS_PEOPLE) != 0)
        return sw_fail(errs, path, root ? sw_xml_line(root) : 1,
                       "not a people file (root element 'people' in namespace '%s')",
                       WEB_NS_PEOPLE);
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

int web_people_load(const char *path, int missing_ok, struct web_people *p,
                    struct sw_errors *errs)
{
    web_people_init(p);
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

int web_people_xml(const struct web_people *p, struct sw_buf *out)
{
    sw_buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<people xmlns=\"" WEB_NS_PEOPLE "\">\n");
    for (size_t i = 0; i < p->n; i++) {
        const struct web_person *e = &p->items[i];
        sw_buf_adds(out, "  <person id=\"");
        sw_buf_add_xml(out, e->id);
        if (*e->name) {
            sw_buf_adds(out, "\" name=\"");
            sw_buf_add_xml(out, e->name);
        }
        char roles[64];
        web_roles_format(e->roles, roles, sizeof roles);
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

int web_write_private(const char *path, const void *data, size_t len, struct sw_errors *errs)
{
    struct sw_write_options opt = {.overwrite = 1, .mode = 0600};
    return sw_write_file(path, data, len, &opt, errs);
}

int web_people_save(const char *path, const struct web_people *p, struct sw_errors *errs)
{
    struct sw_buf xml = SW_BUF_INIT;
    if (web_people_xml(p, &xml) < 0) {
        sw_buf_release(&xml);
        return sw_fail_oom(errs, path);
    }
    int rc = web_write_private(path, xml.data, xml.len, errs);
    sw_buf_release(&xml);
    return rc;
}

int web_people_lock(const char *path, struct sw_errors *errs)
{
    return sw_lock_folder(path, errs);
}
