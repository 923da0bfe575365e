/*
 * xlsx.h - the hiring committee's workbook (`export`): docs/design.md "The
 * committee workbook", written with libxlsxwriter.
 *
 *     struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
 *     opt.requisition = "staff-tpm-2026";
 *     opt.created = time(NULL);
 *     struct sw_xlsx_result res;
 *     if (sw_xlsx_write(aggregate, "packet.xlsx", &opt, &res, &errs) < 0)
 *         ... errs holds why; packet.xlsx is as it was ...
 *
 * Sheets, in this order:
 *   Summary       a title (requisition, rubric id and version, export time), then
 *                 one row per candidate by overall (sw_aggregate_sort
 *                 SW_SORT_OVERALL): name (a link to its sheet), id, level,
 *                 scorecards, pending, overall, each pillar's score, shortfall,
 *                 the recommendation tally (4 columns), decision, archetype and the
 *                 number of flags. Scores carry a 3-colour scale fixed to the
 *                 rubric's scale (min red, midpoint yellow, max green); decisions
 *                 are coloured; the header row is frozen and filtered.
 *   one per candidate, in Summary's order (the first candidate_sheets only,
 *                 when that option is lower; the others keep their rows in
 *                 Summary, Compare and Data, with no link): the candidate's figures; the
 *                 competency table (pillar, competency, n, mean, median, min,
 *                 max, sd, target, gap, flags; gaps coloured: at or below
 *                 -policy.gap red, below 0 amber, else green); a radar chart of
 *                 the competency means (filled) against the level's target
 *                 (outline), categories the competencies in rubric order, the
 *                 radial axis fixed to the scale's min..max; the interviewers'
 *                 matrix (one column per submitted scorecard: interviewer,
 *                 interview, recommendation, then x(s,c) per competency); then the
 *                 evidence and notes of every submitted scorecard, wrapped.
 *   Compare       one row per candidate (Summary's order): overall, pillar scores
 *                 and competency means, and below it radar charts of the
 *                 competency means, 8 candidates per chart.
 *   Interviewers  rule 8 per interviewer (scorecards, observations, mean,
 *                 leniency, compared, hire rate) and rule 9 per competency (alpha,
 *                 its reading, units, the ICCs) with the pooled alpha.
 *   Data          long format, one row per (submitted scorecard, competency) with
 *                 x(s,c) defined: candidate, id, interviewer, interview, pillar,
 *                 competency, score, recommendation; an Excel table named
 *                 "Scores" (a plain range with a filter in constant-memory mode).
 *                 Past a sheet's 1,048,575 rows under the header, the rows go
 *                 on in "Data 2", "Data 3"... (tables "Scores_2"...), each with
 *                 the header; those names are taken before the candidates'.
 * Numbers are stored at full precision and shown with 2 decimals; "null" is an
 * empty cell. Every text cell is a string, never a formula. A candidate is
 * shown by its name on one line (control characters as spaces), else its id. Pages print
 * landscape, one page wide, with the header rows repeated.
 *
 * Text: the aggregate keeps none, so each candidate's scorecard files are read
 * again (sw_scorecard_load) while its sheet is written, one candidate at a time.
 * Text longer than Excel's 32,767 characters is cut and ends in
 * SW_XLSX_TRUNCATED.
 *
 * Memory: up to SW_XLSX_NORMAL_MAX_CARDS submitted scorecards the workbook is
 * built in memory; above, libxlsxwriter's constant_memory mode streams every
 * sheet row by row to a temporary file (one open file per sheet) and the Data
 * sheet is a filtered range instead of a table (that mode refuses tables). Every
 * sheet is written in row order in both modes, so both give the same cells.
 */
#ifndef SW_XLSX_H
#define SW_XLSX_H

#include <stddef.h>
#include <time.h>

#include "aggregate.h"
#include "severity.h"
#include "buf.h"

struct sw_audit;
#include "error.h"

/* Above this many submitted scorecards, SW_XLSX_MEMORY_AUTO streams. */
#define SW_XLSX_NORMAL_MAX_CARDS 1000

/* Excel's longest cell text, in characters. */
#define SW_XLSX_MAX_TEXT 32767
/* What ends a text that was cut to fit a cell. */
#define SW_XLSX_TRUNCATED " [... truncated]"

enum sw_xlsx_memory {
    SW_XLSX_MEMORY_AUTO = 0,    /* constant memory above SW_XLSX_NORMAL_MAX_CARDS */
    SW_XLSX_MEMORY_NORMAL,      /* in memory, Data as a table */
    SW_XLSX_MEMORY_CONSTANT,    /* streamed, Data as a filtered range */
};

struct sw_xlsx_options {
    /* The requisition's name for the title and the document properties (the
     * CLI gives the folder name of the first PATH); NULL or "": none. */
    const char *requisition;
    /* The export time, shown in the titles and stored as the document's
     * `created` property (zip entries carry no time): fixing it makes the
     * output byte-stable. 0: now. */
    time_t created;
    /* docs/design.md's --anonymize: candidates are "Candidate A", "Candidate B"... by
     * id order (after Z: AA, AB...). Names and ids leave every sheet, sheet name,
     * subtitle, chart and document property (the Id columns show the letters);
     * in the evidence and notes of a candidate's scorecards, every
     * candidate-name they give, each part of one of any length or script, and
     * the id are replaced by the label (sw_xlsx_redact_all); so for the
     * requisition. */
    int anonymize;
    /* Where libxlsxwriter keeps its scratch files; NULL: the system's
     * temporary folder ($TMP, else /tmp). */
    const char *tmpdir;
    enum sw_xlsx_memory memory;
    /* Called (may be NULL) with progress_ctx after each sheet is written, as
     * (sheets written, sheets in all). The last call, done == total, comes
     * before libxlsxwriter packs the workbook: zipping the sheets, often the
     * longest part, of which nothing more is heard. */
    sw_progress_fn progress;
    void *progress_ctx;
    /* At most this many candidate sheets, for the first candidates of
     * Summary; SW_XLSX_EVERY_CANDIDATE (the default): one per candidate, as
     * docs/design.md has it. For requisitions too large for one sheet each: a
     * streamed workbook keeps a file open per sheet, and spreadsheet programs
     * slow down with thousands of sheets. */
    size_t candidate_sheets;
    /* Rows under the header of each Data sheet; 0: as many as a sheet holds,
     * SW_XLSX_DATA_ROWS. */
    size_t data_rows;
    /* Rule 11 (severity.h) fitted to the same aggregate, or NULL (the
     * default): with it, Summary gains an "Adjusted overall" column after
     * Flags, each candidate sheet an "Adjusted mean" column after Flags (the
     * mean of x(s,c) - b(i(s)), sw_severity_means) and Interviewers the
     * "Adjustment" and "Adjustment SE" columns after Hire rate and a line on
     * the fit. The other figures stay raw. */
    const struct sw_severity *severity;
    /* Rule 16 (audit.h) over the same aggregate, or NULL (the default): with
     * it, an "Audit" sheet after Interviewers holds the audit's tables (no
     * candidate listed; hidden groups without numbers), what they mean, and a
     * column chart of the compared groups' impact ratios with the 0.8 line. */
    const struct sw_audit *audit;
};

#define SW_XLSX_EVERY_CANDIDATE ((size_t)-1)
/* A sheet's rows (Excel's limit, 1,048,576) less the header. */
#define SW_XLSX_DATA_ROWS ((size_t)1048575)
#define SW_XLSX_OPTIONS_INIT                                                             \
    { NULL, 0, 0, NULL, SW_XLSX_MEMORY_AUTO, NULL, NULL, SW_XLSX_EVERY_CANDIDATE, 0, NULL, NULL }

/* What was written. */
struct sw_xlsx_result {
    size_t candidates;
    size_t scorecards;      /* submitted */
    size_t sheets;
    size_t candidate_sheets;
    size_t data_sheets;     /* Data, Data 2... */
    int constant_memory;
};

/* --- writing ------------------------------------------------------------- */

/* Writes the workbook of finished aggregate `a` to `path`, atomically: into a
 * temporary file beside it (sw_tmpfile_create: unnamed on Linux, so a killed
 * run leaves nothing), flushed, then renamed over `path`. On any failure
 * `path` is untouched, no temporary file remains,
 * and -1 is returned with errors: SW_ESYSTEM for the file system and for
 * libxlsxwriter (its lxw_strerror text), SW_EINPUT when a scorecard can no
 * longer be read as it was aggregated. libxlsxwriter itself may print a line
 * on stderr when it fails to create its files. `result` may be NULL. */
int sw_xlsx_write(const struct sw_aggregate *a, const char *path,
                  const struct sw_xlsx_options *opt, struct sw_xlsx_result *result,
                  struct sw_errors *errs);

/* "no candidate sheets", "a sheet for the first candidate only", "sheets for
 * the first N candidates only": what a workbook with fewer candidate sheets
 * than candidates says of them. Appends to out. */
void sw_xlsx_say_sheets(size_t candidate_sheets, struct sw_buf *out);

/* --- the people workbook (`export --people`) ------------------------------
 * docs/design.md "The people workbook": Summary (one row per person by id:
 * name linked to its sheet, id, level, latest cycle, its assessors, whether
 * self-assessed, overall and pillar scores, the next level, readiness for it
 * (rule 14) with its reasons, blind spots and hidden strengths by name); one
 * sheet per person (xlsx_people.h); Data in long format (person, name, cycle,
 * assessor, relation, pillar, competency, value: one row per rating of a
 * submitted assessment). Same rules as the committee workbook: sheet names,
 * text never a formula, written atomically. Uses opt->created and
 * opt->tmpdir only. 0, or -1 with errors (path untouched). */
struct sw_growth;
int sw_xlsx_write_people(const struct sw_growth *g, const char *path,
                         const struct sw_xlsx_options *opt, struct sw_errors *errs);

/* --- sheet names ----------------------------------------------------------
 * Excel's rules: 1 to 31 characters (UTF-16 units), none of []:*?/\, no
 * apostrophe first or last, unique case-insensitively (Latin, Greek and
 * Cyrillic letters fold), "History" reserved. */

/* The sheet name for a candidate called `name` (NULL or "": use `id`): control
 * characters and []:*?/\ become spaces, runs of spaces one, leading and
 * trailing spaces and apostrophes go, then at most 31 characters. Empty after
 * that: "Candidate". A name made only of ASCII letters, digits, '_' and '.'
 * that a formula could read as a cell reference (it starts with a digit or
 * '.', looks like A1 or XFD1048576, starts like R1C1, or is R or C) is put in
 * parentheses, "(c101)", so every formula quotes it. Appends to out; 0 or -1
 * (out of memory). */
int sw_xlsx_sheet_base(const char *name, const char *id, struct sw_buf *out);

/* A set of sheet names taken so far; starts with Summary, Compare,
 * Interviewers, Audit, Data and History reserved. */
struct sw_sheet_names {
    char **folded;    /* case-folded, sorted */
    size_t count, cap;
};

int sw_sheet_names_init(struct sw_sheet_names *s);
void sw_sheet_names_release(struct sw_sheet_names *s);
/* Takes `base` (a result of sw_xlsx_sheet_base) if it is free, else the first
 * free of "BASE (2)", "BASE (3)"... with BASE cut so the whole fits 31
 * characters. Appends the name taken to out; 0 or -1 (out of memory). */
int sw_sheet_names_take(struct sw_sheet_names *s, const char *base, struct sw_buf *out);

/* `name` quoted for a formula or a link: 'NAME' with apostrophes doubled. */
int sw_xlsx_quote_sheet(const char *name, struct sw_buf *out);

/* --- anonymity ----------------------------------------------------------- */

/* The anonymous label of the candidate at id-order index i: "A".."Z", "AA".."AZ",
 * "BA"... (bijective base 26). out must hold 16 bytes. */
void sw_xlsx_label(size_t i, char *out);

/* Appends `text` with each whole-word, case-insensitive occurrence of any of
 * the `names`, and of each part of one of any length (split at spaces and
 * punctuation: "Smith-Jones" gives Smith-Jones, Smith, Jones; "Li Na" gives
 * Li and Na), replaced by `placeholder`; the longest match first, in one pass
 * (the placeholder is never searched again). A word is a run of letters (any
 * non-ASCII letter) and digits; typographic apostrophes and hyphens match
 * ASCII ones. Words of scripts written without spaces (Han, kana, Thai)
 * match anywhere, and one of 2 to 4 characters also gives its first
 * character and the rest ("王芳": 王, 芳). 0 or -1 (out of memory). */
int sw_xlsx_redact(const char *text, const char *const *names, size_t n_names,
                   const char *placeholder, struct sw_buf *out);
/* As sw_xlsx_redact, and `id` (may be NULL) is replaced too, as a whole. */
int sw_xlsx_redact_all(const char *text, const char *const *names, size_t n_names,
                       const char *id, const char *placeholder, struct sw_buf *out);

/* Whether `s` holds `name`, or a part of it with 3 or more letters, anywhere
 * (case-insensitive, inside words too): "ada.lovelace" mentions "Ada Lovelace". */
int sw_xlsx_mentions(const char *s, const char *name);

/* Appends `text` cut to at most SW_XLSX_MAX_TEXT characters (a cut text ends
 * in SW_XLSX_TRUNCATED), never inside a UTF-8 sequence. 0 or -1. */
int sw_xlsx_cell_text(const char *text, struct sw_buf *out);

#endif
