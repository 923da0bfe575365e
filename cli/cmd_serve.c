/* cmd_serve.c - scorewheel serve: the web app over requisition folders. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "mail_pass.h"
#include "options.h"
#include "web.h"

static const struct cli_command serve_command = {
    .name = "serve",
    .synopsis = "[--listen ADDR:PORT] [--people FILE]\n"
                "[--public-url URL] [--trusted-proxy ADDR]\n"
                "[--tls-cert FILE --tls-key FILE]\n"
                "[--mail URL --mail-from ADDR] REQ...",
    .about = "Serves the requisition folders REQ in the browser: each interviewer's\n"
             "scorecards as forms (saved to the same files 'score' writes), the\n"
             "interview kits. Without --people: one local person with every right,\n"
             "on a loopback address only. With --people: everyone signs in with the\n"
             "link 'scorewheel people add' printed. Stops on SIGTERM or SIGINT after\n"
             "the requests in flight. With --mail, runs the pass of 'scorewheel remind'\n"
             "every minute (reminders, digests, packet mails, the outbox).\n",
    .min_operands = 1, .max_operands = -1, .operand_name = "REQ",
};

static int check_folders(char **dirs, int n)
{
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(dirs[i], &st) < 0 || !S_ISDIR(st.st_mode))
            return diag_error(EXIT_SYSTEM, dirs[i], "not a folder (a requisition is a folder "
                              "of scorecards)");
    }
    return EXIT_OK;
}

/* A requisition is named in URLs by its folder's base name, so `serve .`
 * (or `..`, or `req/.`) serves the folder by its real path: its own name.
 * Replaces such operands with a path from realpath(3) (freed by the caller
 * through `owned`); others stay as given. */
static int name_folders(char **dirs, int n, char **owned)
{
    for (int i = 0; i < n; i++) {
        size_t len = strlen(dirs[i]);
        while (len > 1 && dirs[i][len - 1] == '/')
            len--;
        const char *base = dirs[i] + len;
        while (base > dirs[i] && base[-1] != '/')
            base--;
        size_t blen = (size_t)(dirs[i] + len - base);
        if (!(blen == 1 && base[0] == '.') && !(blen == 2 && strncmp(base, "..", 2) == 0))
            continue;
        owned[i] = realpath(dirs[i], NULL);
        if (!owned[i])
            return diag_error(EXIT_SYSTEM, dirs[i], "cannot find the folder's real path: %s",
                              strerror(errno));
        dirs[i] = owned[i];
    }
    return EXIT_OK;
}

static unsigned timeout_from_env(void)
{
    const char *s = getenv("SCOREWHEEL_SERVE_TIMEOUT");
    char *end;
    long v = s && *s ? strtol(s, &end, 10) : 0;
    return s && *s && !*end && v > 0 && v <= 3600 ? (unsigned)v : 0;
}

/* --mail: the links start with --public-url, else the address served. */
static int mail_setup(struct cli_mail *m, const char *people, const char *public_url,
                      const char *listen, int tls, char *base, size_t size)
{
    if (public_url)
        snprintf(base, size, "%s", public_url);
    else
        snprintf(base, size, "%s://%s", tls ? "https" : "http", listen);
    for (size_t n = strlen(base); n > 0 && base[n - 1] == '/'; n--)
        base[n - 1] = 0;
    m->people = people;
    m->public_url = base;
    return m->url || m->from ? cli_mail_check("serve", m) : EXIT_OK;
}

/* Serves until SIGTERM or SIGINT (blocked here, so the server's own thread
 * takes them), with the mail pass beside it when --mail is given. */
static int run_server(const struct web_config *cfg, const struct cli_mail *mail)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct cli_serve_mail *mailer = mail->url ? cli_serve_mail_start(mail, cfg->reqs,
                                                                    (int)cfg->n_reqs) : NULL;
    int rc = EXIT_OK;
    if (web_serve(cfg, &errs) < 0) {
        int usage = errs.count && !errs.items[0].file && errs.items[0].code == SW_EINPUT;
        if (usage) {
            rc = diag_usage("serve", "%s", errs.items[0].message);
        } else {
            diag_print(&errs);
            rc = diag_exit_code(&errs);
        }
    }
    cli_serve_mail_stop(mailer);
    sw_errors_release(&errs);
    return rc;
}

int cmd_serve(int argc, char **argv)
{
    const char *listen = "127.0.0.1:8080", *people = NULL, *cert = NULL, *key = NULL;
    const char *public_url = NULL, *proxy = NULL;
    struct cli_mail mail = { 0 };
    char base[512];
    int first;
    const struct cli_option options[] = {
        CLI_VALUE("listen", 'l', "ADDR:PORT", &listen, NULL,
                  "where to listen (default 127.0.0.1:8080;\n"
                  "port 0: any free port)"),
        CLI_VALUE("people", 'p', "FILE", &people, "@files",
                  "who may sign in (see 'scorewheel people');\n"
                  "without it, single-person mode on loopback"),
        CLI_VALUE("public-url", 0, "URL", &public_url, NULL,
                  "the origin browsers use, behind a proxy\n"
                  "(https://cards.example.com)"),
        CLI_VALUE("trusted-proxy", 0, "ADDR", &proxy, NULL,
                  "the proxy's address: X-Forwarded-For from it\n"
                  "names the client"),
        CLI_VALUE("tls-cert", 0, "FILE", &cert, "@files",
                  "serve HTTPS with this certificate (PEM)"),
        CLI_VALUE("tls-key", 0, "FILE", &key, "@files", "and this private key (PEM)"),
        CLI_VALUE("mail", 'm', "URL", &mail.url, NULL,
                  "mail through this relay every minute, as\n"
                  "'scorewheel remind' does (needs --people)"),
        CLI_VALUE("mail-from", 0, "ADDR", &mail.from, NULL, "the sender's address"),
    };
    int rc = cli_parse(&serve_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    if (!cert != !key)
        return diag_usage("serve", "--tls-cert and --tls-key go together");
    if ((rc = mail_setup(&mail, people, public_url, listen, cert != NULL, base,
                         sizeof base)) != EXIT_OK ||
        (rc = check_folders(argv + first, argc - first)) != EXIT_OK)
        return rc;
    char **owned = calloc((size_t)(argc - first) + 1, sizeof *owned);
    if (!owned)
        return diag_oom();
    struct sw_rubric *r = NULL;
    if ((rc = name_folders(argv + first, argc - first, owned)) == EXIT_OK)
        r = cli_load_rubric(&rc);
    if (!r) {
        for (int i = 0; i < argc - first; i++)
            free(owned[i]);
        free(owned);
        return rc;
    }
    struct web_config cfg = {
        .listen = listen, .people_path = people, .tls_cert = cert, .tls_key = key,
        .public_url = public_url, .trusted_proxy = proxy,
        .reqs = argv + first, .n_reqs = (size_t)(argc - first), .rubric = r,
        .timeout = timeout_from_env(),
    };
    mail.rubric = r;
    rc = run_server(&cfg, &mail);
    sw_rubric_free(r);
    for (int i = 0; i < argc - first; i++)
        free(owned[i]);
    free(owned);
    return rc;
}
