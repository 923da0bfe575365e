/*
 * entry_session.h - the one terminal dialogue of the entry engine (form.h):
 * `score` and `assess` are two faces of it. A session fills in one form item
 * by item, saves after every answer, resumes a draft, and submits by the
 * rule of entry.h "submitting". The session is cli/entry_session.c, its
 * steps cli/entry_ask.c, what it shows cli/entry_show.c.
 */
#ifndef SW_CLI_ENTRY_SESSION_H
#define SW_CLI_ENTRY_SESSION_H

#include <stddef.h>

#include "buf.h"
#include "form.h"
#include "prompt.h"
#include "rubric.h"

struct session;

/* What differs between score and assess: words, and how an item is shown. */
struct session_face {
    enum sw_form_kind kind;       /* what it fills in */
    const char *cmd;              /* "score" */
    const char *doc;              /* "scorecard" */
    const char *item, *items;     /* "question", "questions" */
    const char *done;             /* "Answered" (the summary's count) */
    const char *evidence;         /* "what the candidate said and did" */
    const char *notes;            /* "Notes for the hiring committee" */
    const char *name;             /* "Candidate's name" */
    const char *wheel;            /* the summary's title */
    const char *id_names[3];      /* the ids a file is for: "interview", ... */
    void (*ids)(const struct sw_form *f, const char *ids[3]);   /* the file's ids */
    void (*title)(struct session *ss);             /* the first line */
    void (*show_item)(struct session *ss, size_t i); /* item i's text and indicators */
};

/* One run of `score` or `assess` on one file. */
struct session {
    const struct session_face *face;
    const struct sw_rubric *r;
    struct sw_form f;
    const char *path;
    int on_disk;              /* the file exists: saves replace it */
    struct sw_buf last;       /* the file's bytes as this session last saw them */
    int ended_by_signal;
    int save_failure;         /* the exit code of a failed save */
    struct prompt p;
    struct sw_buf line, text, scale;
    const char *new_name;     /* --name given on resume: replaces the file's */
    long new_level;           /* --level given on resume, else -2 */
};

/* What a step of the conversation ended with. */
enum step { STEP_NEXT, STEP_BACK, STEP_QUIT, STEP_END, STEP_FAIL };

/* How a command opens its file (session_main). */
struct session_open {
    const char *level, *name;   /* --level, --name: on a resumed file they replace its own */
    const char *want[3];        /* the ids the file must be for (NULL: any), as face->id_names */
    int force;                  /* --force: reopen a submitted file */
    /* Fills ss->f with a new blank form from args; EXIT_OK or the exit code
     * (printed). */
    int (*blank)(struct session *ss, const void *args);
    const void *args;
};

/* --- cli/entry_session.c ------------------------------------------------- */

/* Checks -o FILE: '-' is a usage error (the session saves as it goes);
 * *exists tells whether FILE is there. EXIT_OK or EXIT_USAGE (printed). */
int session_check_output(const struct session_face *face, const char *output, int *exists);
/* The command once its options are checked: loads the rubric, opens `path`
 * (resumed when it exists, else a new blank draft saved at once), and holds
 * the conversation. Frees path (NULL: out of memory). Returns the exit code. */
int session_main(const struct session_face *face, char *path, const struct session_open *o);

/* Saves the form: 0, or -1 with the error printed, ss->save_failure set
 * and the document on standard output (nothing typed is lost). */
int session_save(struct session *ss);
/* The exit code of a failed step: the save's, else EXIT_SYSTEM. */
int session_failure(const struct session *ss);

/* --- cli/entry_ask.c ----------------------------------------------------- */

/* Step k of the conversation (sw_form_step_kind). */
enum step session_ask_step(struct session *ss, size_t k);

/* --- cli/entry_show.c ---------------------------------------------------- */

/* Prints text word-wrapped at 78 columns, every line indented. */
void session_say_wrapped(const char *text, size_t indent);
/* Prints v as its shortest decimal. */
void session_say_value(double v);
/* The indicators of competency c at the scale's points, indented. */
void session_show_indicators(struct session *ss, size_t c);
/* "rated 4; evidence: first line..." for item i. */
void session_show_answer(const struct session *ss, size_t i);
/* The form's score per competency as bars by pillar, what is answered, and
 * the items left unrated. */
void session_show_summary(struct session *ss);
/* What a resumed draft holds, item by item. */
void session_show_resume(const struct session *ss);

#endif
