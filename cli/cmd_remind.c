/* cmd_remind.c - scorewheel remind: one mail pass (rule 15, digests), for cron. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "mail_pass.h"
#include "options.h"

static const struct cli_command remind_command = {
    .name = "remind",
    .synopsis = "--people FILE --mail URL\n"
                "--mail-from ADDR [--public-url URL]\n"
                "[--now TIME] [--dry-run] [--format FORMAT] REQ...",
    .about = "One mail pass over the requisition folders REQ, for cron: queues each\n"
             "draft's due reminder (rule 15: remind-after hours after the draft was\n"
             "written, then every remind-every hours, weekdays only, at most remind-max;\n"
             "only the latest due one, never twice), each recruiter's daily digest of\n"
             "overdue drafts and the committee's mail when a candidate's packet is\n"
             "complete, in the outbox beside the people file (FILE.outbox/), then\n"
             "sends what waits there. A mail the relay does not take is retried by the\n"
             "next pass (1, 2, 4 ... minutes apart, at most an hour) and given up\n"
             "after 3 days (FILE.outbox/failed/). Relay credentials come from\n"
             "$SCOREWHEEL_SMTP_USER and $SCOREWHEEL_SMTP_PASSWORD.\n",
    .min_operands = 1, .max_operands = -1,
    .operand_name = "REQ", .operand_complete = "@files",
};

static void trim_slashes(char *url)
{
    size_t n = strlen(url);
    while (n > 0 && url[n - 1] == '/')
        url[--n] = 0;
}

int cmd_remind(int argc, char **argv)
{
    struct cli_mail m = { .public_url = "http://127.0.0.1:8080" };
    const char *now_text = NULL, *format = "text", *public_url = NULL;
    int first;
    const struct cli_option options[] = {
        CLI_VALUE("people", 'p', "FILE", &m.people, "@files", "the people file (with emails)"),
        CLI_VALUE("mail", 'm', "URL", &m.url, NULL,
                  "the organisation's relay: smtp://HOST:PORT\n"
                  "(STARTTLS when offered) or smtps://HOST:PORT"),
        CLI_VALUE("mail-from", 0, "ADDR", &m.from, NULL, "the sender's address"),
        CLI_VALUE("public-url", 0, "URL", &public_url, NULL,
                  "the server's address as people reach it, for\n"
                  "the links (default http://127.0.0.1:8080)"),
        CLI_VALUE("now", 'n', "TIME", &now_text, NULL,
                  "run as at this UTC time (2026-11-29T12:00:00Z);\n"
                  "default: $SOURCE_DATE_EPOCH, else now"),
        CLI_FLAG("dry-run", 0, &m.dry_run, "say what would be queued; queue and send nothing"),
        CLI_VALUE("format", 'f', "FORMAT", &format, "text json",
                  "text (default) or json"),
    };
    int rc = cli_parse(&remind_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    char base[512];
    if (public_url) {
        snprintf(base, sizeof base, "%s", public_url);
        trim_slashes(base);
        m.public_url = base;
    }
    int json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "text") != 0)
        return diag_usage("remind", "--format '%s' is not text or json", format);
    double now;
    if ((rc = cli_mail_check("remind", &m)) != EXIT_OK ||
        (rc = cli_parse_now("remind", now_text, &now)) != EXIT_OK)
        return rc;
    m.rubric = cli_load_rubric(&rc);
    if (!m.rubric)
        return rc;
    struct cli_mail_run run;
    rc = cli_mail_pass(&m, now, argv + first, argc - first, &run);
    if (rc != EXIT_SYSTEM) {
        struct sw_buf out = SW_BUF_INIT;
        struct sw_errors errs;
        sw_errors_init(&errs);
        int failed = json ? sw_mail_pass_json(&run.plan, &run.tally, m.dry_run, &out, &errs)
                          : sw_mail_pass_text(&run.plan, &run.tally, m.dry_run, &out, &errs);
        struct cli_run result = { .exit_code = rc };
        rc = cli_finish_output(&result, &out, failed, &errs);
    }
    cli_mail_run_release(&run);
    sw_rubric_free((struct sw_rubric *)m.rubric);
    return rc;
}
