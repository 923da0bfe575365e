/* access.c - the access rule; see access.h. */
#include "access.h"

#include <string.h>

static enum web_verdict scorecard(const struct web_access *a)
{
    if (a->card == WEB_CARD_NONE)
        return WEB_NOT_FOUND;
    switch (a->role) {
    case WEB_EVERYONE:
        return WEB_ALLOW;
    case WEB_COMMITTEE:
    case WEB_RECRUITER:
        return a->write ? WEB_NOT_FOUND : WEB_ALLOW;
    case WEB_INTERVIEWER:
        if (a->own)
            return WEB_ALLOW;
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
