/* prompt.c - lines of text from a person; see prompt.h. */
#include "prompt.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "entry.h"

static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
    caught = sig;
}

void prompt_init(struct prompt *p)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;   /* no SA_RESTART: a pending read returns EINTR */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    setlocale(LC_CTYPE, "");
    p->color = cli_use_color(stdout);
    p->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
    p->signal = 0;
    p->echo = !isatty(STDIN_FILENO);
}

void prompt_say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    fflush(stdout);
}

static enum prompt_result read_line(struct prompt *p, struct sw_buf *line)
{
    char *raw = NULL;
    size_t cap = 0;
    sw_buf_reset(line);
    errno = 0;
    ssize_t n = caught ? -1 : getline(&raw, &cap, stdin);
    if (n < 0) {
        free(raw);
        int interrupted = caught || errno == EINTR || ferror(stdin);
        p->signal = caught;
        clearerr(stdin);
        return interrupted ? PROMPT_INTERRUPTED : PROMPT_EOF;
    }
    if (n > 0 && raw[n - 1] == '\n')
        n--;
    size_t changed = sw_entry_clean_text(raw, (size_t)n, line);
    free(raw);
    return changed == (size_t)-1 ? PROMPT_INTERRUPTED : PROMPT_LINE;
}

enum prompt_result prompt_line(struct prompt *p, const char *question, struct sw_buf *line)
{
    prompt_say("%s", question);
    enum prompt_result r = read_line(p, line);
    if (r == PROMPT_LINE && p->echo)
        prompt_say("%s\n", sw_buf_str(line));
    else if (r != PROMPT_LINE)
        prompt_say("\n");
    return r;
}

enum prompt_result prompt_lines(struct prompt *p, struct sw_buf *text)
{
    struct sw_buf line = SW_BUF_INIT;
    enum prompt_result r;
    sw_buf_reset(text);
    while ((r = prompt_line(p, "> ", &line)) == PROMPT_LINE && line.len > 0) {
        if (text->len)
            sw_buf_addc(text, '\n');
        sw_buf_add(text, line.data, line.len);
    }
    sw_buf_release(&line);
    if (text->failed)
        return PROMPT_INTERRUPTED;
    return r == PROMPT_LINE ? PROMPT_LINE : r;
}

const char *prompt_bold(const struct prompt *p)
{
    return p->color ? "\033[1m" : "";
}

const char *prompt_accent(const struct prompt *p)
{
    return p->color ? "\033[36m" : "";
}

const char *prompt_red(const struct prompt *p)
{
    return p->color ? "\033[31m" : "";
}

const char *prompt_plain(const struct prompt *p)
{
    return p->color ? "\033[0m" : "";
}
