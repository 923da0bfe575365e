/*
 * mail.h - mail that chases people: sign-in links, rule 15's reminders, the
 * recruiters' daily digest and the committee's "packet complete" (docs/design.md
 * "Mail: sign-in links, reminders, digests (rule 15)").
 *
 * Three parts, each usable alone:
 *   messages  one plain-text UTF-8 mail (RFC 5322 with CRLF line ends, RFC 2047
 *             subjects), refusing any header value with CR, LF or another
 *             control character, so no name or id can inject a header;
 *   outbox    a durable queue in a folder beside the people file
 *             (FILE.outbox/): every mail is written there atomically before it
 *             is sent; a pass sends what is due and records it in sent/; a
 *             failed send is retried 1, 2, 4 ... minutes later (at most an hour
 *             apart) and moves to failed/ with the reason 3 days after it was
 *             queued. A mail's id comes from what it is about, so one mail is
 *             never queued twice, and a kill at any moment loses nothing (at
 *             worst one mail goes out twice, with the same Message-ID);
 *   rule 15   which reminders, digests and packet mails are due now.
 * The sending itself is a callback (smtp.h's libcurl sender in the program),
 * so this module never touches the network. Strings returned are owned by
 * the struct they sit in; every _release accepts NULL.
 */
#ifndef SW_MAIL_H
#define SW_MAIL_H

#include <stddef.h>

#include "aggregate.h"
#include "buf.h"
#include "error.h"
#include "rubric.h"
#include "status.h"

/* --- messages (core/mail/message.c) --------------------------------------- */

/* A mail id: the kind, '-', 32 hex digits of a hash of what the mail is about:
 * the outbox file name and the left part of the Message-ID. */
#define SW_MAIL_ID_SIZE 48

/* Whether s may stand in a header: valid UTF-8 without any control character
 * (CR, LF, TAB, DEL and the rest below U+0020). */
int sw_mail_header_ok(const char *s);
/* Whether s is a plain addr-spec LOCAL@DOMAIN of printable ASCII without
 * spaces or any of <>()[],;:\" (at most 254 bytes). */
int sw_mail_addr_ok(const char *s);
/* The id of the `kind` mail about `about` (len bytes): "kind-HEX32", two
 * 64-bit FNV-1a hashes of kind and about. */
void sw_mail_id(const char *kind, const char *about, size_t len, char out[SW_MAIL_ID_SIZE]);

struct sw_mail {
    char id[SW_MAIL_ID_SIZE];
    const char *kind;       /* "signin", "reminder", "digest", "packet" (static) */
    char *to;               /* addr-spec */
    char *subject;          /* UTF-8, one line */
    char *body;             /* UTF-8, '\n' line ends */
    char *card;             /* reminder: the card's path relative to its REQ; else NULL */
    char *candidate;        /* packet: REQ/CANDIDATE; else NULL */
    long k;                 /* reminder: rule 15's K; else -1 */
    int queued;             /* set by the caller: queued now (or would be, dry run) */
};
void sw_mail_release(struct sw_mail *m);

/* Appends the whole message: Date (`date`, seconds since the epoch), From,
 * To, Subject (RFC 2047 "B" encoded words of at most 64 bytes, folded,
 * when not ASCII or longer than 900 bytes), Message-ID <ID@DOMAIN-OF-FROM>, MIME-Version, Content-Type
 * text/plain; charset=UTF-8, Content-Transfer-Encoding 8bit,
 * Auto-Submitted: auto-generated, a blank line and the body, every line
 * ending in CRLF. -1 with SW_EINPUT when an address is not an addr-spec or
 * the subject fails sw_mail_header_ok ("... has a control character").
 * Out of memory: SW_ESYSTEM. */
int sw_mail_compose(const struct sw_mail *m, const char *from, double date,
                    struct sw_buf *out, struct sw_errors *errs);

/* --- the outbox (core/mail/outbox.c) ------------------------------------- */

struct sw_outbox {
    char *dir;              /* PEOPLE.outbox */
    int lock;               /* the folder, locked (flock) while open */
};
/* Opens (creating with mode 0700) PEOPLE.outbox/ with sent/ and failed/ and
 * takes an exclusive lock on it, waiting for another pass to end. 0, or -1
 * with SW_ESYSTEM. */
int sw_outbox_open(struct sw_outbox *o, const char *people_path, struct sw_errors *errs);
void sw_outbox_close(struct sw_outbox *o);
/* Whether a mail with this id is waiting, sent or failed. */
int sw_outbox_known(const struct sw_outbox *o, const char *id);
/* Composes m (sw_mail_compose, dated `now`) and writes it to the outbox with
 * mode 0600 unless its id is known. 1 queued, 0 known already, -1 failed. */
int sw_outbox_queue(struct sw_outbox *o, const struct sw_mail *m, const char *from, double now,
                    struct sw_errors *errs);

/* A sender: delivers `message` (len bytes, CRLF) from `from` to `to`. 0 when
 * the relay took it; -1 when the relay refused this mail, -2 when the relay
 * could not be reached (the pass then tries no further mail), both with the
 * reason in `why`. */
typedef int (*sw_mail_send_fn)(void *ctx, const char *from, const char *to,
                               const char *message, size_t len, struct sw_buf *why);

struct sw_outbox_tally {
    size_t sent, waiting, failed;
};
/* Retry delay after `attempts` failed sends: min(2^(attempts-1), 60) minutes,
 * in seconds. */
double sw_outbox_backoff(unsigned attempts);
/* Age after which a mail that could not be sent moves to failed/: 3 days. */
#define SW_OUTBOX_GIVE_UP (3 * 86400.0)
/* One pass over the waiting mails, in id order: sends each whose retry time
 * has come (until the sender says the relay is unreachable), then records
 * it in sent/ (the envelope, never the body: a sign-in link lives only as
 * long as it waits) and removes it; a failure sets the
 * next retry (sw_outbox_backoff), or past SW_OUTBOX_GIVE_UP moves the record
 * to failed/ with the reason. Counts into *t (sent now, still waiting, failed
 * now). 0, or -1 with SW_ESYSTEM when the folder cannot be changed. */
int sw_outbox_flush(struct sw_outbox *o, double now, sw_mail_send_fn send, void *ctx,
                    struct sw_outbox_tally *t, struct sw_errors *errs);

enum sw_outbox_state { SW_OUTBOX_WAITING, SW_OUTBOX_SENT, SW_OUTBOX_FAILED };
struct sw_outbox_entry {
    char *id, *kind, *to, *subject;
    char *reason;           /* the last failure, "" when none */
    double queued;          /* seconds since the epoch */
    double at;              /* sent: when; failed: when given up; waiting: next try */
    unsigned attempts;
};
struct sw_outbox_list {
    struct sw_outbox_entry *items;
    size_t n, cap;
};
/* Reads the records of one state from PEOPLE.outbox without locking it,
 * newest `queued` first. A missing folder gives none. 0 or -1 (SW_ESYSTEM). */
int sw_outbox_list(const char *people_path, enum sw_outbox_state state,
                   struct sw_outbox_list *out, struct sw_errors *errs);
void sw_outbox_list_release(struct sw_outbox_list *l);

/* --- rule 15 and what is due (core/mail/remind.c) ------------------------- */

/* t(k) = created + policy.remind-after + k * policy.remind-every (hours). */
double sw_remind_time(double created, const struct sw_policy *p, long k);
/* Rule 15: the largest k < policy.remind-max with t(k) <= now on a weekday
 * (UTC; a reminder due on a Saturday or Sunday is skipped but counts), or -1
 * when there is none. */
long sw_remind_due(double created, const struct sw_policy *p, double now);

enum { SW_MAIL_INTERVIEWER = 1, SW_MAIL_COMMITTEE = 2, SW_MAIL_RECRUITER = 4 };
struct sw_mail_person {
    const char *id, *name, *email;     /* name "" or email NULL when absent */
    unsigned roles;                     /* SW_MAIL_* */
};
struct sw_mail_setup {
    const char *public_url;             /* links start with it (no trailing '/') */
    const struct sw_mail_person *people;
    size_t n_people;
    double now;
};
/* The mails due at setup->now, built up over the REQs of a pass. */
struct sw_mail_plan {
    const struct sw_mail_setup *setup;
    struct sw_mail *items;
    size_t n, cap;
    struct sw_mail_overdue *overdue;    /* for the digest */
    size_t n_overdue, cap_overdue;
};
void sw_mail_plan_init(struct sw_mail_plan *p, const struct sw_mail_setup *setup);
void sw_mail_plan_release(struct sw_mail_plan *p);
/* Adds what one REQ (the folder `req_path`, its aggregate's rule 12 status s)
 * owes now: rule 15's reminder K per draft whose interviewer has an email,
 * and a "packet complete" mail to each committee member with an email per
 * candidate with cards but none pending; keeps its overdue drafts for the
 * digest. 0 or -1 (out of memory, or a card's time unreadable). */
int sw_mail_plan_req(struct sw_mail_plan *p, const struct sw_status *s, const char *req_path,
                     struct sw_errors *errs);
/* Adds today's (UTC) digest for each recruiter with an email, when any
 * draft was overdue: every overdue draft, oldest first. 0 or -1. */
int sw_mail_plan_digests(struct sw_mail_plan *p, struct sw_errors *errs);
/* The sign-in mail for `person` (with an email) carrying `link`; `nonce`
 * (the token's hash) makes its id unique. 0 or -1 (out of memory). */
int sw_mail_signin(const struct sw_mail_person *person, const char *link, const char *nonce,
                   struct sw_mail *out, struct sw_errors *errs);

/* --- what a pass did (core/mail/pass_text.c) ------------------------------ */

/* docs/design.md's `remind --format json`: {"now", "dry_run", "queued":
 * [{"kind": "reminder", "to", "card", "k"} | {"kind": "digest", "to"} |
 * {"kind": "packet", "to", "candidate"} | {"kind": "signin", "to"}], "sent",
 * "waiting", "failed"}, listing the plan's mails with `queued` set, in plan
 * order. 0 or -1 (out of memory, recorded). */
int sw_mail_pass_json(const struct sw_mail_plan *p, const struct sw_outbox_tally *t,
                      int dry_run, struct sw_buf *out, struct sw_errors *errs);
/* The same as text: "queued reminder 3 to ADDR: CARD", "queued digest to
 * ADDR", "queued packet to ADDR: REQ/CANDIDATE" ("would queue" in a dry
 * run), then "sent N, waiting N, failed N". */
int sw_mail_pass_text(const struct sw_mail_plan *p, const struct sw_outbox_tally *t,
                      int dry_run, struct sw_buf *out, struct sw_errors *errs);

/* --- the libcurl sender (core/mail/smtp.c: link with libcurl) ------------- */

struct sw_smtp;
/* A sender to the relay at `url` (smtp://HOST:PORT, STARTTLS when the relay
 * offers it, or smtps://HOST:PORT), signing in with user and password when
 * user is not NULL or "". NULL with an error (SW_EINPUT: not such a URL). */
struct sw_smtp *sw_smtp_new(const char *url, const char *user, const char *password,
                            struct sw_errors *errs);
void sw_smtp_free(struct sw_smtp *s);
/* An sw_mail_send_fn; ctx is a struct sw_smtp. One connection is kept for the
 * mails of a pass. Never blocks for more than a minute. */
int sw_smtp_send(void *ctx, const char *from, const char *to, const char *message, size_t len,
                 struct sw_buf *why);

#endif
