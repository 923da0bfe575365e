/*
 * choice.h - a prompt's answer words, typed in full or cut short: a word
 * may be answered by any start of it that no other word of the same prompt
 * shares ("s" for submit next to draft and back; "sk" for skip next to
 * strong-hire). Matching ignores ASCII case, and blanks and '_' count as
 * '-' ("strong no" starts strong-no-hire). A word typed in full wins even
 * when it starts another ("hire" next to "hired").
 */
#ifndef SW_CLI_CHOICE_H
#define SW_CLI_CHOICE_H

#include <stddef.h>

#include "buf.h"

enum { CHOICE_NONE = -1, CHOICE_AMBIGUOUS = -2 };

/* The index in words[0..n) of the word `typed` names: the word equal to it,
 * else the only word it starts. CHOICE_NONE when it names none (or is
 * empty), CHOICE_AMBIGUOUS when it starts two or more. */
long choice_find(const char *const *words, size_t n, const char *typed);
/* Appends "'s' could be skip, strong-no-hire or strong-hire: type more of
 * it." naming the words `typed` starts. */
void choice_explain(struct sw_buf *b, const char *const *words, size_t n, const char *typed);
/* Appends the shortest start that names word i, '=' and the word: "sk=skip";
 * the word alone when only the whole word names it. */
void choice_mark(struct sw_buf *b, const char *const *words, size_t n, size_t i);

#endif
