/* cmd_people.c - scorewheel people: who may sign in to `serve`. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <time.h>

#include "cli.h"
#include "entry.h"
#include "mail_pass.h"
#include "options.h"
#include "people.h"
#include "session.h"
#include "timestamp.h"

static const struct cli_command people_command = {
    .name = "people",
    .synopsis = "add --people FILE --role ROLE...\n"
                "    [--name TEXT] [--email ADDR] [--public-url URL]\n"
                "    [--send --mail URL --mail-from ADDR] ID\n"
                "revoke --people FILE ID\n"
                "list --people FILE",
    .about = "Keeps the people file of 'scorewheel serve --people FILE'. add draws a\n"
             "sign-in token of 256 random bits, prints the sign-in link once and keeps\n"
             "only the token's SHA-256 (the file is written with mode 0600). Roles:\n"
             "interviewer (their own scorecards), committee (reads everything),\n"
             "recruiter (the committee's rights, and schedules interviews); --role\n"
             "again gives several. revoke removes a person: their link and sessions\n"
             "stop working at once, also after a new add of the same ID. With\n"
             "--email and --send, the link is mailed instead of printed.\n",
    .min_operands = 1, .max_operands = 2, .operand_name = "ARGUMENT",
};

static int load(const char *path, int missing_ok, struct sw_people *p)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    int rc = sw_people_load(path, missing_ok, p, &errs) == 0 ? EXIT_OK : EXIT_INPUT;
    if (rc != EXIT_OK) {
        diag_print(&errs);
        rc = diag_exit_code(&errs);
    }
    sw_errors_release(&errs);
    return rc;
}

static int save(const char *path, const struct sw_people *p)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    int rc = EXIT_OK;
    if (sw_people_save(path, p, &errs) < 0) {
        diag_print(&errs);
        rc = diag_exit_code(&errs);
    }
    sw_errors_release(&errs);
    return rc;
}

/* The --role values as a set; 0 when one is not a role or none is given. */
static unsigned roles_of(const struct cli_list *names)
{
    unsigned roles = 0;
    for (size_t i = 0; i < names->n; i++) {
        enum sw_role r = sw_role_parse(names->items[i]);
        if (r == SW_ROLE_NONE)
            return 0;
        roles |= SW_ROLE_BIT(r);
    }
    return roles;
}

/* What `add` takes besides the file and the id. */
struct add_args {
    const struct cli_list *role;
    const char *name, *url, *email;
    const struct cli_mail *send;    /* --send: NULL when not */
};

static int person_add(const char *path, const char *id, const struct add_args *a)
{
    int rc = cli_people_check(path, id, a->name, a->email);
    if (rc != EXIT_OK)
        return rc;
    const char *name = a->name, *url = a->url;
    unsigned roles = roles_of(a->role);
    if (!roles)
        return diag_usage("people", "add needs --role interviewer, committee or recruiter");
    if (!sw_entry_id_ok(id))
        return diag_usage("people", "'%s' is not an id ([A-Za-z0-9._-]+, not starting with "
                          "'.' or '-')", id);
    struct sw_people p;
    rc = load(path, 1, &p);
    if (rc == EXIT_OK && sw_people_find(&p, id))
        rc = diag_error(EXIT_INPUT, path, "person '%s' is already there (revoke first to give "
                        "a new link)", id);
    char token[WEB_TOKEN_HEX], hash[WEB_TOKEN_HEX], created[32] = "", role_text[64];
    time_t now = time(NULL);
    if (sw_utc_format(now, created) < 0)
        created[0] = '\0';   /* a clock past 9999: the attribute is optional */
    web_random_hex(token, 32);   /* starts libsodium */
    web_sha256_hex(token, strlen(token), hash);
    sw_roles_format(roles, role_text, sizeof role_text);
    if (rc == EXIT_OK && (sw_people_add(&p, id, name, roles, hash, created) < 0 ||
                          (a->email && sw_people_set_email(&p, id, a->email) < 0)))
        rc = diag_oom();
    if (rc == EXIT_OK)
        rc = save(path, &p);
    if (rc == EXIT_OK && a->send)
        rc = cli_people_send(a->send, sw_people_find(&p, id), url, token, hash);
    else if (rc == EXIT_OK)
        printf("Sign-in link for %s (%s), shown only this once:\n%s/login?t=%s\n", id,
               role_text, url, token);
    explicit_bzero(token, sizeof token);
    sw_people_release(&p);
    return rc;
}

static int person_revoke(const char *path, const char *id)
{
    struct sw_people p;
    int rc = load(path, 0, &p);
    if (rc == EXIT_OK && sw_people_remove(&p, id) < 0)
        rc = diag_error(EXIT_INPUT, path, "no person '%s'", id);
    if (rc == EXIT_OK && (rc = save(path, &p)) == EXIT_OK)
        printf("Revoked %s: their link and sessions no longer work.\n", id);
    sw_people_release(&p);
    return rc;
}

static int person_list(const char *path)
{
    struct sw_people p;
    int rc = load(path, 0, &p);
    if (rc == EXIT_OK && p.n)
        printf("%-20s %-12s %-21s %-30s %s\n", "ID", "ROLE", "CREATED", "EMAIL", "NAME");
    for (size_t i = 0; rc == EXIT_OK && i < p.n; i++) {
        char roles[64];
        sw_roles_format(p.items[i].roles, roles, sizeof roles);
        printf("%-20s %-12s %-21s %-30s %s\n", p.items[i].id, roles,
               *p.items[i].created ? p.items[i].created : "-",
               *p.items[i].email ? p.items[i].email : "-",
               *p.items[i].name ? p.items[i].name : "-");
    }
    sw_people_release(&p);
    return rc;
}

static int people_run(int argc, char **argv, int first, const char *path,
                      struct add_args *add, struct cli_mail *send, int sending);

int cmd_people(int argc, char **argv)
{
    const char *path = NULL;
    struct cli_list role = { 0 };
    struct add_args add = { .role = &role, .url = "http://127.0.0.1:8080" };
    struct cli_mail send = { 0 };
    int first, sending = 0;
    const struct cli_option options[] = {
        CLI_VALUE("people", 'p', "FILE", &path, "@files", "the people file"),
        CLI_LIST("role", 'r', "ROLE", &role, "interviewer committee recruiter",
                  "add: interviewer, committee or recruiter\n"
                  "(again for several)"),
        CLI_VALUE("name", 'n', "TEXT", &add.name, NULL, "add: the person's name"),
        CLI_VALUE("public-url", 'u', "URL", &add.url, NULL,
                  "add: the server's address as people reach it\n"
                  "(serve's --public-url), for the link\n"
                  "(default http://127.0.0.1:8080)"),
        CLI_VALUE("url", 0, "URL", &add.url, NULL, NULL),
        CLI_VALUE("email", 'e', "ADDR", &add.email, NULL, "add: the person's mail address"),
        CLI_FLAG("send", 0, &sending, "add: mail the link to --email instead of\n"
                 "printing it"),
        CLI_VALUE("mail", 'm', "URL", &send.url, NULL, "add --send: the relay, smtp://HOST:PORT"),
        CLI_VALUE("mail-from", 0, "ADDR", &send.from, NULL, "add --send: the sender's address"),
    };
    int rc = cli_parse(&people_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON) {
        cli_list_release(&role);
        return rc;
    }
    /* The link's start, without trailing slashes; kept here, where add and
     * send live. */
    size_t ulen = strlen(add.url);
    while (ulen > 0 && add.url[ulen - 1] == '/')
        ulen--;
    char base[512];
    snprintf(base, sizeof base, "%.*s", (int)ulen, add.url);
    add.url = send.public_url = base;
    send.people = path;
    rc = people_run(argc, argv, first, path, &add, &send, sending);
    cli_list_release(&role);
    return rc;
}

static int people_run(int argc, char **argv, int first, const char *path,
                      struct add_args *add, struct cli_mail *send, int sending)
{
    int rc;
    const char *sub = argv[first], *id = first + 1 < argc ? argv[first + 1] : NULL;
    if (!path)
        return diag_usage("people", "--people FILE is needed");
    int is_list = strcmp(sub, "list") == 0;
    if (strcmp(sub, "add") != 0 && strcmp(sub, "revoke") != 0 && !is_list)
        return diag_usage("people", "'%s' is not add, revoke or list", sub);
    if (is_list && id)
        return diag_usage("people", "list takes no ID");
    if (!is_list && !id)
        return diag_usage("people", "%s needs an ID", sub);
    if (is_list)
        return person_list(path);
    if (sending && !add->email)
        return diag_usage("people", "--send needs --email ADDR");
    if (sending && (rc = cli_mail_check("people", send)) != EXIT_OK)
        return rc;
    add->send = sending ? send : NULL;
    /* add and revoke read, change and write the file: one at a time. */
    struct sw_errors errs;
    sw_errors_init(&errs);
    int lock = sw_people_lock(path, &errs);
    diag_print(&errs);
    sw_errors_release(&errs);
    if (lock < 0)
        return EXIT_SYSTEM;
    rc = strcmp(sub, "add") == 0 ? person_add(path, id, add) : person_revoke(path, id);
    close(lock);
    return rc;
}
