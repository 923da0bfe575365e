/*
 * mail_pass.h - one mail pass over requisition folders, shared by `remind`
 * and `serve --mail` (docs/design.md "Mail: sign-in links, reminders,
 * digests"): reads the people file, works out what rule 15, the digest and
 * the packet mails owe now, queues it in the outbox beside the people file
 * and sends what is due through the relay.
 */
#ifndef SW_CLI_MAIL_PASS_H
#define SW_CLI_MAIL_PASS_H

#include "mail.h"
#include "people.h"
#include "rubric.h"

struct cli_mail {
    const char *people;         /* the people file */
    const char *url;            /* the relay: smtp://HOST:PORT or smtps:// */
    const char *from;           /* the envelope and From: address */
    const char *public_url;     /* links start here (no trailing '/') */
    const struct sw_rubric *rubric;
    int dry_run;                /* queue and send nothing */
};

struct cli_mail_run {
    struct sw_people file;
    struct sw_mail_person *people;
    struct sw_mail_setup setup;
    struct sw_mail_plan plan;
    struct sw_outbox_tally tally;
};

/* Checks --mail, --mail-from and --public-url for `cmd`: EXIT_OK or
 * EXIT_USAGE (printed). */
int cli_mail_check(const char *cmd, const struct cli_mail *m);
/* The pass at `now` over the REQ folders. Every problem is printed on
 * stderr; returns the exit code (EXIT_INPUT when some input was invalid: the
 * rest was still mailed). Release run in every case. */
int cli_mail_pass(const struct cli_mail *m, double now, char **reqs, int n_reqs,
                  struct cli_mail_run *run);
void cli_mail_run_release(struct cli_mail_run *run);
/* Sends what waits in the outbox of m->people through m->url at `now`,
 * counting into *t. EXIT_OK, or the exit code (printed). */
int cli_mail_flush(const struct cli_mail *m, double now, struct sw_outbox_tally *t);
/* The people file's persons as mail recipients (roles mapped). NULL when
 * out of memory; caller frees the array (the strings stay p's). */
struct sw_mail_person *cli_mail_people(const struct sw_people *p);
/* `people add`: refuses an id, name or email with a control character, or
 * an email that is no addr-spec (exit 1, printed naming path). */
int cli_people_check(const char *path, const char *id, const char *name, const char *email);
/* `people add --send`: queues the sign-in mail for `who` (link
 * URL/login?t=TOKEN, id from the token's hash) and sends what waits. Prints
 * whether it went out. The exit code. */
int cli_people_send(const struct cli_mail *m, const struct sw_people_person *who,
                    const char *url, const char *token, const char *hash);
/* `serve --mail` (serve_mail.c): runs cli_mail_pass over reqs (kept, not
 * copied) now and then every minute in a thread of its own, logging a line
 * on stderr for each pass that queued, sent or gave up a mail. NULL when the
 * thread cannot start. Stop waits for a pass under way to end. */
struct cli_serve_mail;
struct cli_serve_mail *cli_serve_mail_start(const struct cli_mail *m, char **reqs, int n_reqs);
void cli_serve_mail_stop(struct cli_serve_mail *s);

#endif
