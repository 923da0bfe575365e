/*
 * score.h - what the files of `scorewheel score` share: the session and how
 * it is shown (cli/score_show.c); the conversation is cli/cmd_score.c.
 */
#ifndef SW_CLI_SCORE_H
#define SW_CLI_SCORE_H

#include <stddef.h>

#include "buf.h"
#include "prompt.h"
#include "rubric.h"
#include "scorecard.h"

/* One run of `score` on one scorecard. */
struct session {
    const struct sw_rubric *r;
    struct sw_scorecard *s;   /* entry order: the questions first */
    const char *path;
    size_t n_questions;
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

/* Step k of the conversation (cli/score_ask.c): question k while k <
 * n_questions, then the recommendation, the notes, the submission. */
enum step score_ask_step(struct session *ss, size_t k);
/* Saves the scorecard (cmd_score.c): 0, or -1 with the error printed and
 * ss->save_failure set. */
int score_save(struct session *ss);

/* Prints text word-wrapped at 78 columns, every line indented. */
void score_say_wrapped(const char *text, size_t indent);
/* Prints v as its shortest decimal. */
void score_say_value(double v);
/* Question i: its text, what it measures, the indicators at the anchors. */
void score_show_question(struct session *ss, size_t i);
/* "rated 4; evidence: first line..." for one rating. */
void score_show_answer(const struct sw_rating *rt);
/* This scorecard's score per competency (rule 1), as bars by pillar. */
void score_show_summary(struct session *ss);
/* What a resumed draft holds, question by question. */
void score_show_resume(const struct session *ss);

#endif
