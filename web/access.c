/* access.c - the access rule; see access.h. */
#include "access.h"

#include <stdio.h>
#include <string.h>

static enum web_verdict scorecard(const struct web_access *a)
{
    if (a->card == WEB_CARD_NONE)
        return WEB_NOT_FOUND;
    if (a->own && a->role != WEB_ANONYMOUS)
        return WEB_ALLOW;   /* one's own card, whatever one's other roles */
    switch (a->role) {
    case WEB_EVERYONE:
        return WEB_ALLOW;
    case WEB_COMMITTEE:
    case WEB_RECRUITER:
        return a->write || a->mine == WEB_CARD_DRAFT ? WEB_NOT_FOUND : WEB_ALLOW;
    case WEB_INTERVIEWER:
        return !a->write && a->card == WEB_CARD_SUBMITTED && a->mine == WEB_CARD_SUBMITTED
               ? WEB_ALLOW : WEB_NOT_FOUND;
    case WEB_ANONYMOUS:
        break;
    }
    return WEB_NOT_FOUND;
}

static enum web_verdict interviewer(const struct web_access *a)
{
    switch (a->page) {
    case WEB_PAGE_PACKET:
        return !a->write && a->mine == WEB_CARD_SUBMITTED ? WEB_ALLOW : WEB_NOT_FOUND;
    case WEB_PAGE_KIT:
        return !a->write && a->mine != WEB_CARD_NONE ? WEB_ALLOW : WEB_NOT_FOUND;
    case WEB_PAGE_SCORECARD:
        return scorecard(a);
    default:
        return WEB_NOT_FOUND;
    }
}

enum web_verdict web_access_check(const struct web_access *a)
{
    if (a->page == WEB_PAGE_SIGNIN || a->page == WEB_PAGE_ASSET)
        return WEB_ALLOW;
    if (a->role == WEB_ANONYMOUS)
        return WEB_SIGN_IN;
    if (a->page == WEB_PAGE_HOME)
        return WEB_ALLOW;
    switch (a->role) {
    case WEB_INTERVIEWER:
        return interviewer(a);
    case WEB_COMMITTEE:
    case WEB_RECRUITER:
        if (a->page == WEB_PAGE_SCORECARD)
            return scorecard(a);
        if (a->page == WEB_PAGE_SCHEDULE)
            return a->role == WEB_RECRUITER ? WEB_ALLOW : WEB_NOT_FOUND;
        if (a->page == WEB_PAGE_MAIL)
            return a->role == WEB_RECRUITER && !a->write ? WEB_ALLOW : WEB_NOT_FOUND;
        if (a->page == WEB_PAGE_PACKET && a->mine == WEB_CARD_DRAFT)
            return WEB_NOT_FOUND;   /* independent scoring binds every role */
        return a->write ? WEB_NOT_FOUND : WEB_ALLOW;
    case WEB_EVERYONE:
        return a->page == WEB_PAGE_SCORECARD ? scorecard(a) : WEB_ALLOW;
    case WEB_ANONYMOUS:
        break;
    }
    return WEB_NOT_FOUND;
}

static const char *const role_names[] = {
    [WEB_ANONYMOUS] = "", [WEB_INTERVIEWER] = "interviewer", [WEB_COMMITTEE] = "committee",
    [WEB_RECRUITER] = "recruiter", [WEB_EVERYONE] = "everyone",
};

enum web_role web_role_parse(const char *name)
{
    for (int r = WEB_INTERVIEWER; r <= WEB_RECRUITER; r++)
        if (strcmp(name, role_names[r]) == 0)
            return (enum web_role)r;
    return WEB_ANONYMOUS;
}

const char *web_role_name(enum web_role role)
{
    return role_names[role];
}

enum web_role web_roles_top(unsigned roles)
{
    for (int r = WEB_RECRUITER; r >= WEB_INTERVIEWER; r--)
        if (roles & WEB_ROLE_BIT(r))
            return (enum web_role)r;
    return WEB_ANONYMOUS;
}

unsigned web_roles_parse(const char *text)
{
    unsigned roles = 0;
    char word[16];
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, " ");
        if (n == 0) {
            p++;
            continue;
        }
        if (n >= sizeof word)
            return 0;
        memcpy(word, p, n);
        word[n] = '\0';
        enum web_role r = web_role_parse(word);
        if (r == WEB_ANONYMOUS)
            return 0;
        roles |= WEB_ROLE_BIT(r);
        p += n;
    }
    return roles;
}

void web_roles_format(unsigned roles, char *out, size_t size)
{
    size_t at = 0;
    out[0] = '\0';
    for (int r = WEB_INTERVIEWER; r <= WEB_RECRUITER; r++)
        if (roles & WEB_ROLE_BIT(r) && at < size)
            at += (size_t)snprintf(out + at, size - at, "%s%s", at ? " " : "", role_names[r]);
}
