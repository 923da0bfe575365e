/* mail_pass.c - one mail pass (remind, serve --mail); see mail_pass.h. */
#include "mail_pass.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "status.h"

int cli_mail_check(const char *cmd, const struct cli_mail *m)
{
    if (!m->people)
        return diag_usage(cmd, "--people FILE is needed");
    if (!m->url || !m->from)
        return diag_usage(cmd, "--mail URL and --mail-from ADDR are needed");
    if (strncmp(m->url, "smtp://", 7) != 0 && strncmp(m->url, "smtps://", 8) != 0)
        return diag_usage(cmd, "--mail '%s' is not smtp://HOST:PORT or smtps://HOST:PORT",
                          m->url);
    if (!sw_mail_addr_ok(m->from))
        return diag_usage(cmd, "--mail-from '%s' is not a mail address (LOCAL@DOMAIN)", m->from);
    if (strncmp(m->public_url, "http://", 7) != 0 && strncmp(m->public_url, "https://", 8) != 0)
        return diag_usage(cmd, "--public-url '%s' is not an http:// or https:// URL",
                          m->public_url);
    return EXIT_OK;
}

struct sw_mail_person *cli_mail_people(const struct sw_people *p)
{
    struct sw_mail_person *out = calloc(p->n + 1, sizeof *out);
    for (size_t i = 0; out && i < p->n; i++) {
        const struct sw_people_person *e = &p->items[i];
        out[i].id = e->id;
        out[i].name = e->name;
        out[i].email = *e->email ? e->email : NULL;
        static const struct { enum sw_role web; unsigned mail; } map[] = {
            { SW_ROLE_INTERVIEWER, SW_MAIL_INTERVIEWER }, { SW_ROLE_COMMITTEE, SW_MAIL_COMMITTEE },
            { SW_ROLE_RECRUITER, SW_MAIL_RECRUITER },
        };
        for (size_t k = 0; k < sizeof map / sizeof map[0]; k++)
            if ((e->roles & SW_ROLE_BIT(map[k].web)) != 0)
                out[i].roles |= map[k].mail;
    }
    return out;
}

static int report(struct sw_errors *errs)
{
    diag_print(errs);
    int rc = diag_exit_code(errs);
    sw_errors_release(errs);
    return rc;
}

/* Adds one REQ's mails to the plan; the exit code its input earned. */
static int plan_req(const struct cli_mail *m, struct cli_mail_run *run, char *req)
{
    struct sw_aggregate *a = NULL;
    int rc = EXIT_OK;
    int go = cli_aggregate_paths(m->rubric, "remind", -1, 1, &req, 1, &a, &rc);
    struct sw_errors errs;
    sw_errors_init(&errs);
    if (go == EXIT_OK) {
        struct sw_status *s = sw_status_new(a, run->setup.now, &errs);
        if (s)
            sw_mail_plan_req(&run->plan, s, req, &errs);
        sw_status_free(s);
    }
    sw_aggregate_free(a);
    int worst = report(&errs);
    return worst > rc ? worst : go > rc ? go : rc;
}

static int queue_all(const struct cli_mail *m, struct cli_mail_run *run)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_outbox o = { 0 };
    if (m->dry_run) {
        size_t n = strlen(m->people) + 8;
        if ((o.dir = malloc(n)))
            snprintf(o.dir, n, "%s.outbox", m->people);
        for (size_t i = 0; o.dir && i < run->plan.n; i++)
            run->plan.items[i].queued = !sw_outbox_known(&o, run->plan.items[i].id);
        free(o.dir);
        return report(&errs);
    }
    if (sw_outbox_open(&o, m->people, &errs) < 0)
        return report(&errs);
    for (size_t i = 0; i < run->plan.n; i++) {
        struct sw_mail *mail = &run->plan.items[i];
        mail->queued = sw_outbox_queue(&o, mail, m->from, run->setup.now, &errs) == 1;
    }
    sw_outbox_close(&o);
    return report(&errs);
}

int cli_mail_flush(const struct cli_mail *m, double now, struct sw_outbox_tally *t)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_outbox o = { 0 };
    struct sw_smtp *smtp = sw_smtp_new(m->url, getenv("SCOREWHEEL_SMTP_USER"),
                                       getenv("SCOREWHEEL_SMTP_PASSWORD"), &errs);
    if (smtp && sw_outbox_open(&o, m->people, &errs) == 0) {
        sw_outbox_flush(&o, now, sw_smtp_send, smtp, t, &errs);
        sw_outbox_close(&o);
    }
    sw_smtp_free(smtp);
    return report(&errs);
}

int cli_mail_pass(const struct cli_mail *m, double now, char **reqs, int n_reqs,
                  struct cli_mail_run *run)
{
    memset(run, 0, sizeof *run);
    struct sw_errors errs;
    sw_errors_init(&errs);
    if (sw_people_load(m->people, 0, &run->file, &errs) < 0)
        return report(&errs);
    if (!(run->people = cli_mail_people(&run->file))) {
        sw_fail_oom(&errs, NULL);
        return report(&errs);
    }
    run->setup = (struct sw_mail_setup){ .public_url = m->public_url, .people = run->people,
                                         .n_people = run->file.n, .now = now };
    sw_mail_plan_init(&run->plan, &run->setup);
    int rc = EXIT_OK;
    for (int i = 0; i < n_reqs && rc != EXIT_SYSTEM; i++) {
        int r = plan_req(m, run, reqs[i]);
        rc = r > rc ? r : rc;
    }
    if (rc != EXIT_SYSTEM && sw_mail_plan_digests(&run->plan, &errs) < 0)
        return report(&errs);
    int q = rc == EXIT_SYSTEM ? rc : queue_all(m, run);
    rc = q > rc ? q : rc;
    if (rc != EXIT_SYSTEM && !m->dry_run) {
        int f = cli_mail_flush(m, now, &run->tally);
        rc = f > rc ? f : rc;
    }
    sw_errors_release(&errs);
    return rc;
}

void cli_mail_run_release(struct cli_mail_run *run)
{
    if (!run)
        return;
    sw_mail_plan_release(&run->plan);
    free(run->people);
    sw_people_release(&run->file);
    memset(run, 0, sizeof *run);
}
