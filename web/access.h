/*
 * access.h - who may see what: the one access rule of the web app
 * (docs/design.md, "The web app": roles, independent scoring). A pure
 * function of the person's role, the page, whether the request writes, and
 * the state of the scorecards involved; tests/unit/test_web_access.c holds
 * it to a table of role x page x state -> status.
 *
 * A page outside one's rights answers 404, exactly as a page that does not
 * exist, so that nobody learns which candidates or scorecards exist.
 */
#ifndef SW_WEB_ACCESS_H
#define SW_WEB_ACCESS_H

#include <stddef.h>

#include "people.h"    /* enum sw_role */

enum web_page {
    WEB_PAGE_SIGNIN,     /* /login, /logout */
    WEB_PAGE_ASSET,      /* /assets/... */
    WEB_PAGE_HOME,       /* / */
    WEB_PAGE_DASHBOARD,  /* /r/REQ */
    WEB_PAGE_PACKET,     /* /r/REQ/c/CAND */
    WEB_PAGE_COMPARE,    /* /r/REQ/compare */
    WEB_PAGE_CALIBRATE,  /* /r/REQ/calibrate */
    WEB_PAGE_STATUS,     /* /r/REQ/status */
    WEB_PAGE_EXPORT,     /* /r/REQ/export.xlsx */
    WEB_PAGE_SCHEDULE,   /* /r/REQ/schedule */
    WEB_PAGE_SCORECARD,  /* /r/REQ/s/CAND/INTERVIEW/INTERVIEWER */
    WEB_PAGE_KIT,        /* /kit/INTERVIEW */
    WEB_PAGE_MAIL,       /* /mail: the outbox, for recruiters */
};

/* The state of one scorecard. */
enum web_card { WEB_CARD_NONE, WEB_CARD_DRAFT, WEB_CARD_SUBMITTED };

struct web_access {
    enum sw_role role;
    enum web_page page;
    int write;           /* a POST (sign-in and sign-out are not writes) */
    /* Scorecard page: whether its INTERVIEWER is the person, and its state. */
    int own;
    enum web_card card;
    /* Scorecard of another interviewer and packet pages: the person's own
     * scorecards for that candidate (SUBMITTED only when every one of them is
     * submitted: independent scoring is per card).
     * Kit page: DRAFT or SUBMITTED when the person has a scorecard for that
     * interview, in any requisition. */
    enum web_card mine;
};

enum web_verdict {
    WEB_ALLOW = 200,
    WEB_SIGN_IN = 303,    /* anonymous: go to the sign-in page */
    WEB_NOT_FOUND = 404,
};

/* The rule:
 * - sign-in and assets: everyone. Anything else anonymous: WEB_SIGN_IN.
 * - home: everyone signed in.
 * - interviewer: their own scorecard when it exists (read; write too: the
 *   page refuses changes to a submitted one with 409 and the typed text);
 *   another interviewer's submitted scorecard, and the candidate's packet,
 *   only once their own scorecard for that candidate is submitted
 *   (independent scoring); the kit of an interview they have a scorecard
 *   for. Nothing else: no dashboard, compare, calibration, status, export
 *   or schedule.
 * - committee: reads every page and every existing scorecard; writes nothing
 *   but their own cards. Independent scoring binds them too: while they have
 *   a draft for a candidate, that candidate's packet and other cards are 404.
 * - recruiter: the committee's rights, plus schedule (read and write).
 * - one's own scorecard is readable and writable whatever one's roles.
 * - everyone (single-person mode): every page; writes every existing
 *   scorecard and schedules.
 * A scorecard that does not exist is 404 for every role. */
enum web_verdict web_access_check(const struct web_access *a);

#endif
