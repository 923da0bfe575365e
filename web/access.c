/* access.c - the access rule; see access.h. */
#include "access.h"

static enum web_verdict scorecard(const struct web_access *a)
{
    if (a->card == WEB_CARD_NONE)
        return WEB_NOT_FOUND;
    if (a->own && a->role != SW_ROLE_NONE)
        return WEB_ALLOW;   /* one's own card, whatever one's other roles */
    switch (a->role) {
    case SW_ROLE_EVERYONE:
        return WEB_ALLOW;
    case SW_ROLE_COMMITTEE:
    case SW_ROLE_RECRUITER:
        return a->write || a->mine == WEB_CARD_DRAFT ? WEB_NOT_FOUND : WEB_ALLOW;
    case SW_ROLE_INTERVIEWER:
        return !a->write && a->card == WEB_CARD_SUBMITTED && a->mine == WEB_CARD_SUBMITTED
               ? WEB_ALLOW : WEB_NOT_FOUND;
    case SW_ROLE_NONE:
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
    if (a->role == SW_ROLE_NONE)
        return WEB_SIGN_IN;
    if (a->page == WEB_PAGE_HOME)
        return WEB_ALLOW;
    switch (a->role) {
    case SW_ROLE_INTERVIEWER:
        return interviewer(a);
    case SW_ROLE_COMMITTEE:
    case SW_ROLE_RECRUITER:
        if (a->page == WEB_PAGE_SCORECARD)
            return scorecard(a);
        if (a->page == WEB_PAGE_SCHEDULE)
            return a->role == SW_ROLE_RECRUITER ? WEB_ALLOW : WEB_NOT_FOUND;
        if (a->page == WEB_PAGE_MAIL)
            return a->role == SW_ROLE_RECRUITER && !a->write ? WEB_ALLOW : WEB_NOT_FOUND;
        if (a->page == WEB_PAGE_PACKET && a->mine == WEB_CARD_DRAFT)
            return WEB_NOT_FOUND;   /* independent scoring binds every role */
        return a->write ? WEB_NOT_FOUND : WEB_ALLOW;
    case SW_ROLE_EVERYONE:
        return a->page == WEB_PAGE_SCORECARD ? scorecard(a) : WEB_ALLOW;
    case SW_ROLE_NONE:
        break;
    }
    return WEB_NOT_FOUND;
}
