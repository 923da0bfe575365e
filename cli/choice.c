/* choice.c - answer words and their unique starts; see choice.h. */
#include "choice.h"

#include <string.h>

static int fold(int c)
{
    if (c >= 'A' && c <= 'Z')
        return c + ('a' - 'A');
    return c == ' ' || c == '\t' || c == '_' ? '-' : c;
}

/* How many leading characters of typed and word agree (after folding). */
static size_t common(const char *typed, const char *word)
{
    size_t i = 0;
    while (typed[i] && word[i] && fold((unsigned char)typed[i]) == fold((unsigned char)word[i]))
        i++;
    return i;
}

static int starts(const char *typed, const char *word)
{
    return *typed && !typed[common(typed, word)];
}

long choice_find(const char *const *words, size_t n, const char *typed)
{
    long found = CHOICE_NONE;
    for (size_t i = 0; i < n; i++)
        if (starts(typed, words[i]) && !words[i][strlen(typed)])
            return (long)i;
    for (size_t i = 0; i < n; i++)
        if (starts(typed, words[i]))
            found = found == CHOICE_NONE ? (long)i : CHOICE_AMBIGUOUS;
    return found;
}

void choice_explain(struct sw_buf *b, const char *const *words, size_t n, const char *typed)
{
    size_t total = 0, k = 0;
    for (size_t i = 0; i < n; i++)
        total += (size_t)starts(typed, words[i]);
    sw_buf_addf(b, "'%s' could be ", typed);
    for (size_t i = 0; i < n; i++) {
        if (!starts(typed, words[i]))
            continue;
        sw_buf_adds(b, k == 0 ? "" : k + 1 == total ? " or " : ", ");
        sw_buf_adds(b, words[i]);
        k++;
    }
    sw_buf_adds(b, ": type more of it.");
}

void choice_mark(struct sw_buf *b, const char *const *words, size_t n, size_t i)
{
    size_t need = 1, len = strlen(words[i]);
    for (size_t j = 0; j < n; j++)
        if (j != i && common(words[i], words[j]) + 1 > need)
            need = common(words[i], words[j]) + 1;
    if (need < len)
        sw_buf_addf(b, "%.*s=", (int)need, words[i]);
    sw_buf_adds(b, words[i]);
}
