/* entry_session.c - the session that `score` and `assess` share
 * (entry_session.h): opening the file, saving after every answer, resuming,
 * and the loop over the steps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "entry.h"
#include "entry_args.h"
#include "entry_session.h"
#include "files.h"

static void session_init(struct session *ss, const struct session_face *face,
                  const struct sw_rubric *r, const char *path)
{
    *ss = (struct session){ .face = face, .r = r, .path = path, .new_level = -2 };
}

static void session_release(struct session *ss)
{
    sw_buf_release(&ss->line);
    sw_buf_release(&ss->text);
    sw_buf_release(&ss->last);
    sw_buf_release(&ss->scale);
    sw_form_release(&ss->f);
}

int session_failure(const struct session *ss)
{
    return ss->save_failure ? ss->save_failure : EXIT_SYSTEM;
}

/* --- saving -------------------------------------------------------------- */

int session_save(struct session *ss)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_buf xml = SW_BUF_INIT;
    int rc = sw_form_xml(&ss->f, &xml, &errs);
    /* Another session on the same file (a second terminal) must not be
     * overwritten: the file must still hold what this session last saw. */
    if (rc == 0)
        rc = sw_write_if_unchanged(ss->path, xml.data, xml.len,
                                   ss->on_disk ? sw_buf_str(&ss->last) : NULL, ss->last.len,
                                   &errs);
    if (rc == 0) {
        ss->on_disk = 1;
        sw_buf_reset(&ss->last);
        sw_buf_add(&ss->last, xml.data, xml.len);
    } else {
        diag_print(&errs);
        ss->save_failure = diag_exit_code(&errs);
        if (xml.len && ss->on_disk) {
            diag_note(ss->face->cmd, "your %s could not be saved; here it is:", ss->face->doc);
            cli_write_stdout(xml.data, xml.len);
        }
    }
    sw_errors_release(&errs);
    sw_buf_release(&xml);
    return rc;
}

/* --- opening ------------------------------------------------------------- */

/* Loads the existing file at path; EXIT_OK, or the exit code with every
 * problem printed. */
static int load(struct session *ss)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    size_t len = 0;
    char *bytes = sw_xml_slurp(ss->path, &len, &errs);
    if (bytes) {
        sw_buf_add(&ss->last, bytes, len);
        sw_form_parse(&ss->f, ss->r, ss->face->kind, bytes, len, ss->path, &errs);
    }
    free(bytes);
    diag_print(&errs);
    int rc = diag_exit_code(&errs);
    sw_errors_release(&errs);
    if (!ss->f.s && !ss->f.a)
        return rc ? rc : EXIT_SYSTEM;
    ss->on_disk = 1;
    return rc;
}

/* EXIT_INPUT (every mismatch printed) when the file is not for the ids
 * wanted, else EXIT_OK. */
static int check_ids(const struct session *ss, const char *const want[3])
{
    const char *have[3];
    int rc = EXIT_OK;
    ss->face->ids(&ss->f, have);
    for (size_t i = 0; i < 3; i++)
        if (want[i] && strcmp(have[i], want[i]) != 0)
            rc = diag_error(EXIT_INPUT, ss->path, "this %s is for %s '%s', not '%s'",
                            ss->face->doc, ss->face->id_names[i], have[i], want[i]);
    return rc;
}

/* A submitted file is refused unless force; with force it becomes a draft
 * again (saved). */
static int reopen(struct session *ss, int force)
{
    if (!sw_form_submitted(&ss->f))
        return EXIT_OK;
    if (!force)
        return diag_error(EXIT_INPUT, ss->path, "already submitted on %s; use --force to "
                          "reopen it", sw_form_submitted_at(&ss->f));
    if (sw_form_set_submitted(&ss->f, (time_t)-1) < 0)
        return diag_error(EXIT_SYSTEM, NULL, "out of memory");
    return session_save(ss) < 0 ? session_failure(ss) : EXIT_OK;
}

/* The existing file, checked against the options. */
static int resume(struct session *ss, const struct session_open *o)
{
    int rc = o->level ? cli_level_index(ss->r, ss->face->cmd, o->level, &ss->new_level)
                      : EXIT_OK;
    if (rc == EXIT_OK)
        rc = load(ss);
    if (rc == EXIT_OK)
        rc = check_ids(ss, o->want);
    return rc == EXIT_OK ? reopen(ss, o->force) : rc;
}

/* A new blank draft, saved at once so that the file is ours: stamped
 * created, its folder made. */
static int start(struct session *ss)
{
    time_t now;
    int rc = cli_now(ss->face->cmd, &now);
    if (rc != EXIT_OK)
        return rc;
    if (sw_form_set_created(&ss->f, now) < 0)
        return diag_error(EXIT_SYSTEM, NULL, "out of memory");
    rc = entry_make_parent(ss->path);
    /* The first save fails like any other: its own exit code (3 for I/O). */
    return rc == EXIT_OK && session_save(ss) < 0 ? session_failure(ss) : rc;
}

/* --- the conversation ---------------------------------------------------- */

static const char *level_name_of(const struct sw_rubric *r, long level)
{
    return level >= 0 ? r->levels[level].name : "none";
}

/* On a resumed draft, --level and --name replace what the file holds:
 * said after what it holds is shown, and saved before the next question. */
static int apply_options(struct session *ss)
{
    int changed = 0;
    long level = sw_form_level(&ss->f);
    if (ss->new_level != -2 && ss->new_level != level) {
        prompt_say("Level: %s (was %s).\n", level_name_of(ss->r, ss->new_level),
                   level_name_of(ss->r, level));
        sw_form_set_level(&ss->f, ss->new_level);
        changed = 1;
    }
    struct sw_buf name = SW_BUF_INIT;
    const char *had = sw_form_name(&ss->f);
    if (ss->new_name &&
        sw_entry_clean_text(ss->new_name, strlen(ss->new_name), &name) != (size_t)-1 &&
        strcmp(sw_buf_str(&name), had) != 0) {
        prompt_say("%s: %s (was %s).\n", ss->face->name,
                   *sw_buf_str(&name) ? sw_buf_str(&name) : "none", *had ? had : "none");
        changed = 1;
        if (sw_form_set_name(&ss->f, sw_buf_str(&name)) < 0)
            name.failed = 1;
    }
    int failed = name.failed;
    sw_buf_release(&name);
    if (failed)
        return diag_error(EXIT_SYSTEM, NULL, "out of memory");
    return changed && session_save(ss) < 0 ? session_failure(ss) : EXIT_OK;
}

static int converse(struct session *ss, size_t k)
{
    const char *item = ss->face->item;
    for (;;) {
        enum step st = session_ask_step(ss, k);
        if (st == STEP_FAIL)
            return session_failure(ss);
        if (st == STEP_END) {
            diag_note(ss->face->cmd, "%s; the draft is saved in %s (run the same command "
                      "again to go on)", ss->ended_by_signal ? "interrupted" : "input ended",
                      ss->path);
            return EXIT_INPUT;
        }
        if (st == STEP_QUIT) {
            prompt_say("Kept as a draft: %s (run the same command again to go on)\n", ss->path);
            return EXIT_OK;
        }
        if (st == STEP_BACK && k == 0)
            prompt_say("This is the first %s.\n", item);
        else if (st == STEP_BACK)
            k--;
        else if (k + 1 == sw_form_steps(&ss->f))
            return EXIT_OK;
        else
            k++;
    }
}

static int run(struct session *ss, int resuming)
{
    prompt_init(&ss->p);
    sw_entry_describe_scale(&ss->r->scale, &ss->scale);
    ss->face->title(ss);
    struct sw_buf intro = SW_BUF_INIT;
    sw_buf_addf(&intro, "Scale %s. Saved after every answer in %s; '?' for help.",
                sw_buf_str(&ss->scale), ss->path);
    session_say_wrapped(sw_buf_str(&intro), 0);
    sw_buf_release(&intro);
    if (resuming)
        session_show_resume(ss);
    int rc = resuming ? apply_options(ss) : EXIT_OK;
    if (rc != EXIT_OK)
        return rc;
    return converse(ss, resuming ? sw_form_resume_step(&ss->f) : 0);
}

/* --- the command --------------------------------------------------------- */

int session_check_output(const struct session_face *face, const char *output, int *exists)
{
    struct stat st;
    if (output && strcmp(output, "-") == 0)
        return diag_usage(face->cmd, "%s saves as it goes: -o needs a file, not '-'",
                          face->cmd);
    *exists = output && stat(output, &st) == 0;
    return EXIT_OK;
}

int session_main(const struct session_face *face, char *path, const struct session_open *o)
{
    int rc;
    struct sw_rubric *r = path ? cli_load_rubric(&rc) : NULL;
    if (!path)
        rc = diag_error(EXIT_SYSTEM, NULL, "out of memory");
    if (!r) {
        free(path);
        return rc;
    }
    struct session ss;
    session_init(&ss, face, r, path);
    ss.new_name = o->name;
    struct stat st;
    int exists = stat(path, &st) == 0;
    rc = exists ? resume(&ss, o) : o->blank(&ss, o->args);
    if (rc == EXIT_OK && !exists)
        rc = start(&ss);
    if (rc == EXIT_OK)
        rc = run(&ss, exists);
    session_release(&ss);
    sw_rubric_free(r);
    free(path);
    return rc;
}
