/* cmd_assess.c - scorewheel assess: enter an assessment one competency at a
 * time, saved after every answer, resumable (the `score` experience). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "assess_args.h"
#include "cli.h"
#include "entry.h"
#include "entry_args.h"
#include "document.h"
#include "files.h"
#include "prompt.h"
#include "score.h"
#include "termtext.h"

static const struct cli_command assess_command = {
    .name = "assess",
    .synopsis = "--person ID --cycle ID [--assessor ID]\n"
                "[--relation REL] [--level ID] [--name TEXT] [-o FILE]\n"
                "[--force]",
    .about = "Walks you through one assessment of a person for one review cycle: each\n"
             "competency with its description and what it looks like at the scale's\n"
             "anchors; you give a rating and what you have seen, then notes, see the\n"
             "wheel you drew, and submit it or keep it as a draft. The draft is saved\n"
             "after every answer: run the same command again to resume (with -o FILE\n"
             "of an existing assessment the ids may be left out). At the rating\n"
             "prompt: 'skip', 'back', 'quit' (keep the draft) and '?' (help). Works on\n"
             "a pipe too: the same prompts; end of input keeps the draft (exit 1).\n",
    .min_operands = 0, .max_operands = 0, .operand_name = NULL,
};

static const char help_text[] =
    "  A rating is a number on the scale (%s),\n"
    "  or an anchor's name. Other answers:\n"
    "    skip   leave this competency unrated and go on\n"
    "    back   return to the previous competency\n"
    "    quit   stop here; the draft keeps everything entered so far\n"
    "    Enter  keep the current rating (when there is one)\n";

/* enum step (STEP_NEXT...) is score.h's. */

struct assess {
    const struct sw_rubric *r;
    struct sw_assessment *a;   /* entry order: ratings[c] is competency c */
    const char *path;
    int on_disk;
    struct sw_buf last;        /* the file's bytes as this session last saw them */
    int ended_by_signal, save_failure;
    struct prompt p;
    struct sw_buf line, text, scale;
};

/* Writes the assessment atomically unless another session changed the file;
 * when it cannot be saved, it goes to standard output so nothing is lost. */
static int save(struct assess *as)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_buf xml = SW_BUF_INIT;
    int rc = sw_assessment_xml(as->r, as->a, SW_ASSESSMENT_GUIDE, &xml, &errs);
    if (rc == 0)
        rc = sw_write_if_unchanged(as->path, xml.data, xml.len,
                                   as->on_disk ? sw_buf_str(&as->last) : NULL, as->last.len,
                                   &errs);
    if (rc == 0) {
        as->on_disk = 1;
        sw_buf_reset(&as->last);
        sw_buf_add(&as->last, xml.data, xml.len);
    } else {
        diag_print(&errs);
        as->save_failure = diag_exit_code(&errs);
        if (xml.len && as->on_disk) {
            fputs("scorewheel assess: your assessment could not be saved; here it is:\n", stderr);
            cli_write_stdout(xml.data, xml.len);
        }
    }
    sw_errors_release(&errs);
    sw_buf_release(&xml);
    return rc;
}

static int is_word(const char *typed, const char *word, const char *abbreviation)
{
    return strcasecmp(typed, word) == 0 || strcasecmp(typed, abbreviation) == 0;
}

static const char *trimmed(struct sw_buf *b)
{
    if (!b->len)
        return "";
    size_t start = strspn(b->data, " \t"), end = b->len;
    while (end > start && (b->data[end - 1] == ' ' || b->data[end - 1] == '\t'))
        end--;
    memmove(b->data, b->data + start, end - start);
    b->len = end - start;
    b->data[b->len] = '\0';
    return b->data;
}

static enum step read_failed(struct assess *as, enum prompt_result r)
{
    as->ended_by_signal = r == PROMPT_INTERRUPTED;
    return STEP_END;
}

static void show_competency(struct assess *as, size_t c)
{
    const struct sw_rubric *r = as->r;
    const struct sw_competency *k = &r->competencies[c];
    prompt_say("\n%sCompetency %zu of %zu: %s%s (%s)\n", prompt_bold(&as->p), c + 1,
               r->n_competencies, k->name, prompt_plain(&as->p), r->pillars[k->pillar].name);
    if (*k->description)
        score_say_wrapped(k->description, 2);
    struct sw_buf point = SW_BUF_INIT;
    for (size_t i = 0; i < k->n_indicators; i++) {
        sw_buf_reset(&point);
        sw_entry_describe_point(&r->scale, k->indicators[i].value, &point);
        prompt_say("    %s%s%s\n", prompt_accent(&as->p), sw_buf_str(&point),
                   prompt_plain(&as->p));
        score_say_wrapped(k->indicators[i].text, 6);
    }
    sw_buf_release(&point);
    const struct sw_assessment_rating *rt = &as->a->ratings[c];
    if (!isnan(rt->value) || *rt->evidence) {
        prompt_say("  So far: ");
        if (isnan(rt->value)) {
            prompt_say("unrated");
        } else {
            prompt_say("rated ");
            score_say_value(rt->value);
        }
        prompt_say(*rt->evidence ? ", with evidence\n" : "\n");
    }
}

static enum step ask_evidence(struct assess *as, size_t c)
{
    const struct sw_assessment_rating *rt = &as->a->ratings[c];
    prompt_say("Evidence: what you have seen (end with an empty line%s):\n",
               *rt->evidence ? "; an empty first line keeps what is there" : "");
    enum prompt_result r = prompt_lines(&as->p, &as->text);
    if (as->text.len &&
        (sw_assessment_set_rating(as->a, c, rt->value, sw_buf_str(&as->text)) < 0 ||
         save(as) < 0))
        return STEP_FAIL;
    return r == PROMPT_LINE ? STEP_NEXT : read_failed(as, r);
}

static enum step ask_value(struct assess *as, size_t c)
{
    const struct sw_assessment_rating *rt = &as->a->ratings[c];
    for (;;) {
        prompt_say("Rating");
        if (!isnan(rt->value)) {
            prompt_say(" [");
            score_say_value(rt->value);
            prompt_say("]");
        }
        enum prompt_result r = prompt_line(&as->p, " (skip, back, quit, ?): ", &as->line);
        if (r != PROMPT_LINE)
            return read_failed(as, r);
        const char *typed = trimmed(&as->line);
        double v;
        if (!*typed && !isnan(rt->value))
            return ask_evidence(as, c);
        if (is_word(typed, "skip", "s"))
            return sw_assessment_set_rating(as->a, c, NAN, NULL) < 0 || save(as) < 0
                   ? STEP_FAIL : STEP_NEXT;
        if (is_word(typed, "back", "b"))
            return STEP_BACK;
        if (is_word(typed, "quit", "q"))
            return STEP_QUIT;
        if (is_word(typed, "?", "help"))
            prompt_say(help_text, sw_buf_str(&as->scale));
        else if (sw_entry_parse_value(&as->r->scale, typed, &v) == 0)
            return sw_assessment_set_rating(as->a, c, v, NULL) < 0 || save(as) < 0
                   ? STEP_FAIL : ask_evidence(as, c);
        else if (*typed)
            prompt_say("%s'%s' is not a rating: %s.%s\n", prompt_red(&as->p), typed,
                       sw_buf_str(&as->scale), prompt_plain(&as->p));
        else
            prompt_say("%sEnter a rating (or skip): %s.%s\n", prompt_red(&as->p),
                       sw_buf_str(&as->scale), prompt_plain(&as->p));
    }
}

static enum step ask_notes(struct assess *as)
{
    prompt_say("\n%sNotes%s (end with an empty line%s):\n", prompt_bold(&as->p),
               prompt_plain(&as->p), *as->a->notes ? "; an empty first line keeps what is there"
                                                   : "");
    if (*as->a->notes)
        score_say_wrapped(as->a->notes, 2);
    enum prompt_result r = prompt_lines(&as->p, &as->text);
    if (as->text.len && (sw_assessment_set_text(as->a, &as->a->notes, sw_buf_str(&as->text)) < 0 ||
                         save(as) < 0))
        return STEP_FAIL;
    return r == PROMPT_LINE ? STEP_NEXT : read_failed(as, r);
}

/* The ratings as bars by pillar. */
static void show_summary(struct assess *as)
{
    const struct sw_rubric *r = as->r;
    const struct sw_scale *sc = &r->scale;
    struct sw_buf b = SW_BUF_INIT;
    size_t rated = 0;
    sw_buf_addf(&b, "\n%sThe wheel you drew%s\n", prompt_bold(&as->p), prompt_plain(&as->p));
    for (size_t p = 0; p < r->n_pillars; p++) {
        sw_buf_addf(&b, "  %s\n", r->pillars[p].name);
        for (size_t c = r->pillars[p].first; c < r->pillars[p].first + r->pillars[p].count; c++) {
            double v = as->a->ratings[c].value;
            size_t full = isnan(v) ? 0 : (size_t)lround((v - sc->min) / (sc->max - sc->min) * 20);
            rated += !isnan(v);
            sw_buf_adds(&b, "    ");
            sw_text_cell(&b, r->competencies[c].name, 26);
            sw_text_number(&b, v, 2, 5, 0);
            sw_buf_adds(&b, "  ");
            for (size_t k = 0; k < 20; k++)
                sw_buf_adds(&b, k < full ? (as->p.utf8 ? "\u2588" : "#")
                                         : (as->p.utf8 ? "\u00b7" : "."));
            sw_buf_addc(&b, '\n');
        }
    }
    sw_buf_addf(&b, "  Rated %zu of %zu competencies\n", rated, r->n_competencies);
    prompt_say("%s", sw_buf_str(&b));
    sw_buf_release(&b);
}

static enum step ask_submit(struct assess *as)
{
    show_summary(as);
    for (;;) {
        enum prompt_result r = prompt_line(
            &as->p, "Submit it now, or keep it as a draft? (submit, draft, back): ", &as->line);
        if (r != PROMPT_LINE)
            return read_failed(as, r);
        const char *typed = trimmed(&as->line);
        if (is_word(typed, "back", "b"))
            return STEP_BACK;
        if (is_word(typed, "draft", "d") || is_word(typed, "quit", "q"))
            return STEP_QUIT;
        if (is_word(typed, "submit", "s")) {
            if (sw_assessment_set_submitted(as->a, time(NULL)) < 0 || save(as) < 0)
                return STEP_FAIL;
            prompt_say("Submitted: %s\n", as->path);
            return STEP_NEXT;
        }
        prompt_say("%sAnswer submit, draft or back.%s\n", prompt_red(&as->p),
                   prompt_plain(&as->p));
    }
}

static enum step run_step(struct assess *as, size_t k)
{
    size_t n = as->r->n_competencies;
    if (k < n) {
        show_competency(as, k);
        return ask_value(as, k);
    }
    return k == n ? ask_notes(as) : ask_submit(as);
}

/* Where a resumed draft goes on: after the last competency with an answer,
 * then the notes, then the submission. */
static size_t resume_step(const struct assess *as)
{
    size_t k = 0, n = as->r->n_competencies;
    for (size_t c = 0; c < n; c++)
        if (!isnan(as->a->ratings[c].value) || *as->a->ratings[c].evidence)
            k = c + 1;
    return k < n ? k : *as->a->notes ? n + 1 : n;
}

static int run_session(struct assess *as, int resuming)
{
    prompt_say("%sAssessment of %s by %s (%s), cycle %s%s\n", prompt_bold(&as->p),
               as->a->person, as->a->assessor, sw_relation_name(as->a->relation), as->a->cycle,
               prompt_plain(&as->p));
    struct sw_buf intro = SW_BUF_INIT;
    sw_buf_addf(&intro, "Scale %s. Saved after every answer in %s; '?' for help.",
                sw_buf_str(&as->scale), as->path);
    score_say_wrapped(sw_buf_str(&intro), 0);
    sw_buf_release(&intro);
    size_t k = resuming ? resume_step(as) : 0, n = as->r->n_competencies;
    if (resuming)
        prompt_say("Resuming the draft: %zu of %zu competencies done.\n", k < n ? k : n, n);
    for (;;) {
        enum step st = run_step(as, k);
        if (st == STEP_FAIL)
            return as->save_failure ? as->save_failure : EXIT_SYSTEM;
        if (st == STEP_END) {
            fprintf(stderr, "scorewheel assess: %s; the draft is saved in %s (run the same "
                    "command again to go on)\n",
                    as->ended_by_signal ? "interrupted" : "input ended", as->path);
            return EXIT_INPUT;
        }
        if (st == STEP_QUIT) {
            prompt_say("Kept as a draft: %s (run the same command again to go on)\n", as->path);
            return EXIT_OK;
        }
        if (st == STEP_BACK && k == 0)
            prompt_say("This is the first competency.\n");
        else if (st == STEP_BACK)
            k--;
        else if (k == n + 1)
            return EXIT_OK;
        else
            k++;
    }
}

static int differs(const char *path, const char *what, const char *file_id, const char *want)
{
    if (!want || strcmp(file_id, want) == 0)
        return 0;
    fprintf(stderr, "%s: error: this assessment is for %s '%s', not '%s'\n", path, what,
            file_id, want);
    return 1;
}

static int open_existing(struct assess *as, const struct assess_args *args)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    size_t len = 0;
    char *bytes = sw_xml_slurp(as->path, &len, &errs);
    struct sw_assessment *loaded =
        bytes ? sw_assessment_parse(as->r, bytes, len, as->path, &errs) : NULL;
    if (bytes)
        sw_buf_add(&as->last, bytes, len);
    free(bytes);
    if (loaded)
        as->a = sw_assessment_entry(as->r, loaded, &errs);
    diag_print(&errs);
    int rc = diag_exit_code(&errs);
    sw_errors_release(&errs);
    if (!loaded || !as->a) {
        sw_assessment_free(loaded);
        return rc ? rc : EXIT_SYSTEM;
    }
    if (differs(as->path, "person", loaded->person, args->person) |
        differs(as->path, "assessor", loaded->assessor, args->assessor) |
        differs(as->path, "cycle", loaded->cycle, args->cycle))
        rc = EXIT_INPUT;
    else if (loaded->submitted && !args->force) {
        fprintf(stderr, "%s: error: already submitted on %s; use --force to reopen it\n",
                as->path, loaded->submitted_at);
        rc = EXIT_INPUT;
    }
    sw_assessment_free(loaded);
    as->on_disk = 1;
    return rc;
}

static int open_new(struct assess *as, const struct assess_args *args, enum sw_relation rel)
{
    long level;
    int rc = cli_level_index(as->r, "assess", args->level, &level);
    if (rc != EXIT_OK)
        return rc;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_buf name = SW_BUF_INIT;
    if (args->name)
        sw_entry_clean_text(args->name, strlen(args->name), &name);
    as->a = name.failed ? NULL : sw_assessment_blank(as->r, args->person, args->assessor, rel,
                                                     args->cycle, level, sw_buf_str(&name),
                                                     &errs);
    sw_buf_release(&name);
    diag_print(&errs);
    sw_errors_release(&errs);
    if (!as->a)
        return EXIT_SYSTEM;
    time_t now;
    if ((rc = cli_now("assess", &now)) != EXIT_OK)
        return rc;
    if (sw_assessment_set_created(as->a, now) < 0)
        return EXIT_SYSTEM;
    rc = entry_make_parent(as->path);
    return rc == EXIT_OK && save(as) < 0 ? EXIT_INPUT : rc;
}

/* On a resumed assessment, --level and --name replace what the file holds. */
static int apply_options(struct assess *as, const struct assess_args *args)
{
    long level = as->a->level;
    int rc = args->level ? cli_level_index(as->r, "assess", args->level, &level) : EXIT_OK;
    if (rc != EXIT_OK)
        return rc;
    int changed = level != as->a->level;
    as->a->level = level;
    struct sw_buf name = SW_BUF_INIT;
    if (args->name && sw_entry_clean_text(args->name, strlen(args->name), &name) != (size_t)-1 &&
        strcmp(sw_buf_str(&name), as->a->person_name) != 0) {
        changed = 1;
        if (sw_assessment_set_text(as->a, &as->a->person_name, sw_buf_str(&name)) < 0)
            name.failed = 1;
    }
    int failed = name.failed;
    sw_buf_release(&name);
    if (failed)
        return EXIT_SYSTEM;
    return changed && save(as) < 0 ? EXIT_INPUT : EXIT_OK;
}

static int assess(const struct sw_rubric *r, const struct assess_args *args,
                  enum sw_relation rel, const char *path, int exists)
{
    struct assess as = { .r = r, .path = path };
    int rc = exists ? open_existing(&as, args) : open_new(&as, args, rel);
    if (rc == EXIT_OK && exists)
        rc = apply_options(&as, args);
    if (rc == EXIT_OK && as.a->submitted &&
        (sw_assessment_set_submitted(as.a, (time_t)-1) < 0 || save(&as) < 0))
        rc = EXIT_SYSTEM;
    if (rc == EXIT_OK) {
        prompt_init(&as.p);
        sw_entry_describe_scale(&r->scale, &as.scale);
        rc = run_session(&as, exists);
    }
    sw_buf_release(&as.line);
    sw_buf_release(&as.text);
    sw_buf_release(&as.last);
    sw_buf_release(&as.scale);
    sw_assessment_free(as.a);
    return rc;
}

int cmd_assess(int argc, char **argv)
{
    struct assess_args a;
    memset(&a, 0, sizeof a);
    const struct cli_option options[] = {
        ASSESS_OPTIONS(&a, "reopen a submitted assessment (it becomes a draft again)"),
    };
    int first;
    int rc = cli_parse(&assess_command, options, CLI_N(options), argc, argv, &first);
    if (rc != CLI_GO_ON)
        return rc;
    if (a.output && strcmp(a.output, "-") == 0)
        return diag_usage("assess", "assess saves as it goes: -o needs a file, not '-'");
    struct stat st;
    int exists = a.output && stat(a.output, &st) == 0;
    enum sw_relation rel = SW_REL_SELF;
    if (!exists && (rc = assess_check("assess", &a, &rel)) != EXIT_OK)
        return rc;
    struct sw_rubric *r = cli_load_rubric(&rc);
    if (!r)
        return rc;
    char *path = a.output ? strdup(a.output)
                          : sw_assessment_default_path(a.cycle, a.person, a.assessor);
    if (path) {
        exists = exists || stat(path, &st) == 0;
        rc = assess(r, &a, rel, path, exists);
    } else {
        rc = EXIT_SYSTEM, fputs("scorewheel: error: out of memory\n", stderr);
    }
    free(path);
    sw_rubric_free(r);
    return rc;
}
