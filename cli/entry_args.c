/* entry_args.c - the options `new` and `score` share. */
#include "entry_args.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "entry.h"
#include "files.h"

int entry_parse_args(const char *cmd, const char *usage_text, int argc, char **argv,
                     struct entry_args *a)
{
    static const struct option options[] = {
        { "interview", required_argument, NULL, 'i' },
        { "candidate", required_argument, NULL, 'c' },
        { "interviewer", required_argument, NULL, 'r' },
        { "level", required_argument, NULL, 'l' },
        { "name", required_argument, NULL, 'n' },
        { "output", required_argument, NULL, 'o' },
        { "force", no_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    memset(a, 0, sizeof *a);
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+:i:c:r:l:n:o:fh", options, NULL)) != -1) {
        switch (c) {
        case 'i': a->interview = optarg; break;
        case 'c': a->candidate = optarg; break;
        case 'r': a->interviewer = optarg; break;
        case 'l': a->level = optarg; break;
        case 'n': a->name = optarg; break;
        case 'o': a->output = optarg; break;
        case 'f': a->force = 1; break;
        case 'h': fputs(usage_text, stdout); return EXIT_OK;
        case ':': return diag_usage(cmd, "option '%s' needs a value", argv[optind - 1]);
        default: return diag_usage(cmd, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return diag_usage(cmd, "unexpected argument '%s'", argv[optind]);
    return -1;
}

static int check_id(const char *cmd, const char *option, const char *id)
{
    if (!id)
        return diag_usage(cmd, "option '--%s ID' is required", option);
    if (!sw_entry_id_ok(id))
        return diag_usage(cmd, "--%s '%s' is not a valid id: use letters, digits, '.', '_' "
                          "and '-', not starting with '.' or '-'", option, id);
    return EXIT_OK;
}

int entry_check_ids(const char *cmd, const struct entry_args *a)
{
    int rc = check_id(cmd, "interview", a->interview);
    if (rc == EXIT_OK)
        rc = check_id(cmd, "candidate", a->candidate);
    if (rc == EXIT_OK)
        rc = check_id(cmd, "interviewer", a->interviewer);
    return rc;
}

int entry_resolve(const char *cmd, const struct sw_rubric *r, const struct entry_args *a,
                  size_t *interview, long *level)
{
    long iv = sw_rubric_interview(r, a->interview);
    if (iv < 0) {
        struct sw_buf known = SW_BUF_INIT;
        for (size_t i = 0; i < r->n_interviews; i++)
            sw_buf_addf(&known, "%s%s", i ? ", " : "", r->interviews[i].id);
        diag_usage(cmd, "unknown interview '%s' (rubric '%s' has: %s)", a->interview, r->id,
                   sw_buf_str(&known));
        sw_buf_release(&known);
        return EXIT_USAGE;
    }
    *interview = (size_t)iv;
    return cli_level_index(r, cmd, a->level, level);
}

int entry_make_parent(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return EXIT_OK;
    char *folder = strndup(path, (size_t)(slash - path));
    struct sw_errors errs;
    sw_errors_init(&errs);
    if (!folder)
        sw_fail_oom(&errs, NULL);
    else
        sw_mkdirs(folder, &errs);
    free(folder);
    diag_print(&errs);
    int rc = diag_exit_code(&errs);
    sw_errors_release(&errs);
    return rc;
}
