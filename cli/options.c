/* options.c - parse, describe and list a command's option table. */
#include "options.h"

#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define HELP_COLUMN 24
#define LONG_HELP (-2)
#define LONG_LIST (-3)

static const char exit_status_line[] =
    "Exit status: 0 success, 1 invalid input data, 2 usage error, 3 I/O or\n"
    "system error.\n";

void cli_list_release(struct cli_list *list)
{
    if (!list)
        return;
    free(list->items);
    memset(list, 0, sizeof *list);
}

static int list_append(struct cli_list *list, char *value)
{
    if (list->n == list->cap) {
        /* vec.h is core's own; this one list needs only doubling, checked. */
        if (list->cap > SIZE_MAX / 2 / sizeof *list->items)
            return -1;
        size_t cap = list->cap ? list->cap * 2 : 4;
        char **items = realloc(list->items, cap * sizeof *items);
        if (!items)
            return -1;
        list->items = items;
        list->cap = cap;
    }
    list->items[list->n++] = value;
    return 0;
}

/* Prints text with every line after the first indented by `indent`. */
static void print_indented(FILE *f, const char *text, int indent)
{
    for (const char *p = text; *p; p++) {
        fputc(*p, f);
        if (*p == '\n' && p[1])
            fprintf(f, "%*s", indent, "");
    }
    fputc('\n', f);
}

static void print_option_help(FILE *f, const char *letter_part, const char *name,
                              const char *arg, const char *help)
{
    int width = fprintf(f, "  %s--%s%s%s", letter_part, name, arg ? " " : "", arg ? arg : "");
    if (width >= HELP_COLUMN) {
        fputc('\n', f);
        width = 0;
    }
    fprintf(f, "%*s", HELP_COLUMN - width, "");
    print_indented(f, help, HELP_COLUMN);
}

void cli_print_help(FILE *f, const struct cli_command *cmd, const struct cli_option *options,
                    size_t n)
{
    /* Continuation lines of the synopsis line up after "usage: scorewheel ". */
    fputs("usage: scorewheel ", f);
    if (cmd->name)
        fprintf(f, "[--rubric FILE] %s ", cmd->name);
    print_indented(f, cmd->synopsis, (int)strlen("usage: scorewheel "));
    if (cmd->about && *cmd->about)
        fprintf(f, "\n%s", cmd->about);
    if (cmd->more_help)
        cmd->more_help(f);
    fputc('\n', f);
    for (size_t i = 0; i < n; i++) {
        if (!options[i].help)
            continue;
        char letter[5] = "    ";
        if (options[i].letter) {
            letter[0] = '-';
            letter[1] = options[i].letter;
            letter[2] = ',';
        }
        print_option_help(f, letter, options[i].name, options[i].arg, options[i].help);
    }
    print_option_help(f, "-h, ", "help", NULL, "this text");
    fprintf(f, "\n%s", exit_status_line);
}

void cli_print_option_list(FILE *f, const struct cli_command *cmd,
                           const struct cli_option *options, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct cli_option *o = &options[i];
        if (!o->help)
            continue;
        fprintf(f, "--%s\t", o->name);
        if (o->letter)
            fprintf(f, "-%c\t", o->letter);
        else
            fputs("-\t", f);
        fprintf(f, "%s\t%s\n", o->arg ? o->arg : "-", o->complete ? o->complete : "-");
    }
    fputs("--help\t-h\t-\t-\n", f);
    if (cmd->operand_name && cmd->max_operands != 0)
        fprintf(f, "%s\t-\t-\t%s\n", cmd->operand_name,
                cmd->operand_complete ? cmd->operand_complete : "-");
}

/* getopt_long's tables for `options`: long entries return 1000 times their
 * index plus one, short letters themselves; with options_first, getopt stops
 * at the first operand. Caller frees *longs and *shorts. */
static int build_getopt_tables(const struct cli_option *options, size_t n, int options_first,
                               struct option **longs, char **shorts)
{
    *longs = calloc(n + 3, sizeof **longs);
    *shorts = malloc(2 * n + 5);
    if (!*longs || !*shorts)
        return -1;
    char *s = *shorts;
    if (options_first)
        *s++ = '+';
    *s++ = ':';
    for (size_t i = 0; i < n; i++) {
        int has_arg = options[i].kind == CLI_OPT_FLAG ? no_argument : required_argument;
        (*longs)[i] = (struct option){ options[i].name, has_arg, NULL, (int)(i + 1) * 1000 };
        if (options[i].letter) {
            *s++ = options[i].letter;
            if (has_arg == required_argument)
                *s++ = ':';
        }
    }
    *s++ = 'h';
    *s = '\0';
    (*longs)[n] = (struct option){ "help", no_argument, NULL, LONG_HELP };
    (*longs)[n + 1] = (struct option){ "list-options", no_argument, NULL, LONG_LIST };
    return 0;
}

static const struct cli_option *option_for(int c, const struct cli_option *options, size_t n)
{
    if (c >= 1000 && (size_t)(c / 1000) <= n)
        return &options[c / 1000 - 1];
    for (size_t i = 0; i < n; i++)
        if (options[i].letter && options[i].letter == c)
            return &options[i];
    return NULL;
}

static int store(const struct cli_option *o, char *value)
{
    switch (o->kind) {
    case CLI_OPT_FLAG: *(int *)o->target = 1; return 0;
    case CLI_OPT_VALUE: *(const char **)o->target = value; return 0;
    case CLI_OPT_LIST: return list_append(o->target, value);
    }
    return 0;
}

/* One getopt_long result: CLI_GO_ON to read on, else the exit code. */
static int take(const struct cli_command *cmd, const struct cli_option *options, size_t n,
                int c, char **argv)
{
    const char *arg = argv[optind - 1];
    if (c == 'h' || c == LONG_HELP) {
        cli_print_help(stdout, cmd, options, n);
        return EXIT_OK;
    }
    if (c == LONG_LIST) {
        cli_print_option_list(stdout, cmd, options, n);
        return EXIT_OK;
    }
    if (c == ':')
        return diag_usage(cmd->name, "option '%s' needs a value", arg);
    const struct cli_option *o = option_for(c, options, n);
    if (!o && optopt)
        return diag_usage(cmd->name, "unknown option '-%c'", optopt);
    if (!o)
        return diag_usage(cmd->name, "unknown option '%s'", arg);
    if (store(o, optarg) < 0)
        return diag_oom();
    return CLI_GO_ON;
}

static int check_operands(const struct cli_command *cmd, int count, char **operands)
{
    if (count < cmd->min_operands)
        return diag_usage(cmd->name, "no %s given", cmd->operand_name ? cmd->operand_name
                                                                      : "operand");
    if (cmd->max_operands >= 0 && count > cmd->max_operands)
        return diag_usage(cmd->name, "unexpected argument '%s'", operands[cmd->max_operands]);
    return CLI_GO_ON;
}

int cli_parse(const struct cli_command *cmd, const struct cli_option *options, size_t n,
              int argc, char **argv, int *first)
{
    struct option *longs;
    char *shorts;
    int rc = CLI_GO_ON, c;
    if (build_getopt_tables(options, n, cmd->options_first, &longs, &shorts) < 0) {
        free(longs);
        free(shorts);
        return diag_oom();
    }
    optind = 0;     /* 0: glibc re-initialises, so each command parses afresh */
    opterr = 0;
    while (rc == CLI_GO_ON && (c = getopt_long(argc, argv, shorts, longs, NULL)) != -1)
        rc = take(cmd, options, n, c, argv);
    free(longs);
    free(shorts);
    if (rc != CLI_GO_ON)
        return rc;
    *first = optind;
    return check_operands(cmd, argc - optind, argv + optind);
}
