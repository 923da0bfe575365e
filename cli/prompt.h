/*
 * prompt.h - asking a person for lines of text on standard input, with the
 * questions on standard output. Works the same on a terminal and on a pipe
 * (no colour there). SIGINT, SIGHUP and SIGTERM interrupt a read instead of
 * killing the program, so the caller can say where its work is saved.
 */
#ifndef SW_CLI_PROMPT_H
#define SW_CLI_PROMPT_H

#include "buf.h"

enum prompt_result {
    PROMPT_LINE = 1,         /* a line was read (without its newline) */
    PROMPT_EOF = 0,          /* the input ended */
    PROMPT_INTERRUPTED = -1, /* a signal, or a read error */
};

struct prompt {
    int color;       /* ANSI colour on (a terminal, NO_COLOR unset) */
    int utf8;        /* the locale's characters are UTF-8 */
    int signal;      /* the signal that interrupted, 0 if none */
    int echo;        /* input is not a terminal: show each line read after its
                      * prompt, so the output reads as a transcript */
};

/* Sets up p for stdin/stdout and installs the signal handlers. */
void prompt_init(struct prompt *p);

/* Prints `question` (no newline added) and reads one line into line
 * (emptied first; typed text cleaned for XML, see sw_entry_clean_text). */
enum prompt_result prompt_line(struct prompt *p, const char *question, struct sw_buf *line);
/* Reads lines, each after "> ", until an empty line; text gets them joined by
 * newlines. On EOF or interruption text keeps what was typed so far. */
enum prompt_result prompt_lines(struct prompt *p, struct sw_buf *text);

/* printf to stdout, flushed. */
void prompt_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Escape sequences that start bold, accent (cyan) or red text, and the one
 * that ends them: "" each without colour. */
const char *prompt_bold(const struct prompt *p);
const char *prompt_accent(const struct prompt *p);
const char *prompt_red(const struct prompt *p);
const char *prompt_plain(const struct prompt *p);

#endif
