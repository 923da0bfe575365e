/* rubric_path.c - finding and loading the rubric in use. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef SW_DATADIR
#define SW_DATADIR "/usr/local/share/scorewheel"
#endif

static int readable(const char *path)
{
    return access(path, R_OK) == 0;
}

/* A rubric found from the running binary's folder: `tails` are tried in turn. */
static const char *beside_binary(const char *const *tails, size_t n_tails)
{
    static char path[PATH_MAX + 32];
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    for (size_t i = 0; i < n_tails; i++) {
        if (strlen(exe) + strlen(tails[i]) >= sizeof path)
            continue;
        strcpy(path, exe);
        strcat(path, tails[i]);
        if (readable(path))
            return path;
    }
    return NULL;
}

const char *cli_rubric_path(void)
{
    if (cli_rubric_option)
        return cli_rubric_option;
    const char *env = getenv("SCOREWHEEL_RUBRIC");
    if (env && *env)
        return env;
    if (readable(SW_DATADIR "/rubrics/tpm.xml"))
        return SW_DATADIR "/rubrics/tpm.xml";
    /* Installed under another prefix than the one built for: bin/../share. */
    static const char *const installed[] = { "/../share/scorewheel/rubrics/tpm.xml" };
    const char *moved = beside_binary(installed, 1);
    if (moved)
        return moved;
    /* The source tree: ./scorewheel at its top, or build/scorewheel. */
    static const char *const tree_tails[] = { "/rubrics/tpm.xml", "/../rubrics/tpm.xml" };
    const char *tree = beside_binary(tree_tails, 2);
    return tree ? tree : SW_DATADIR "/rubrics/tpm.xml";
}

struct sw_rubric *cli_load_rubric(int *exit_code)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *r = sw_rubric_load(cli_rubric_path(), &errs);
    if (!r) {
        diag_print(&errs);
        *exit_code = diag_exit_code(&errs);
        if (*exit_code == EXIT_OK)
            *exit_code = EXIT_SYSTEM;
    }
    sw_errors_release(&errs);
    return r;
}
