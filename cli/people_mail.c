/* people_mail.c - `people add`'s checks on what it stores, and --send. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "mail_pass.h"

int cli_people_check(const char *path, const char *id, const char *name, const char *email)
{
    const char *what[] = { "id", "name", "email" }, *value[] = { id, name, email };
    for (size_t i = 0; i < 3; i++)
        if (value[i] && !sw_mail_header_ok(value[i]))
            return diag_error(EXIT_INPUT, path, "the %s has a control character (CR, LF or "
                              "another): refused", what[i]);
    if (email && !sw_mail_addr_ok(email))
        return diag_error(EXIT_INPUT, path, "email '%s' is not a mail address (LOCAL@DOMAIN)",
                          email);
    return EXIT_OK;
}

int cli_people_send(const struct cli_mail *m, const struct sw_people_person *who,
                    const char *url, const char *token, const char *hash)
{
    char link[1024];
    snprintf(link, sizeof link, "%s/login?t=%s", url, token);
    struct sw_mail_person to = { .id = who->id, .name = who->name, .email = who->email };
    struct sw_mail mail;
    struct sw_errors errs;
    sw_errors_init(&errs);
    time_t now;
    int rc = cli_now("people", &now);
    if (rc != EXIT_OK)
        return rc;
    struct sw_outbox o = { 0 };
    if (sw_mail_signin(&to, link, hash, &mail, &errs) == 0) {
        if (sw_outbox_open(&o, m->people, &errs) == 0) {
            sw_outbox_queue(&o, &mail, m->from, (double)now, &errs);
            sw_outbox_close(&o);
        }
        sw_mail_release(&mail);
    }
    explicit_bzero(link, sizeof link);
    diag_print(&errs);
    rc = diag_exit_code(&errs);
    sw_errors_release(&errs);
    if (rc != EXIT_OK)
        return rc;
    struct sw_outbox_tally t = { 0 };
    rc = cli_mail_flush(m, (double)now, &t);
    if (rc == EXIT_OK && t.sent)
        printf("Sign-in link for %s mailed to %s.\n", who->id, who->email);
    else if (rc == EXIT_OK)
        printf("Sign-in link for %s queued for %s: the relay has not taken it yet; the next "
               "'scorewheel remind' or 'serve --mail' sends it.\n", who->id, who->email);
    return rc;
}
