#include "unit.h"
#include "mini.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aggregate.h"
#include "files.h"
#include "xlsx.h"

static char dir[64];

static int setup(void **state)
{
    strcpy(dir, "/tmp/sw-xlsx-XXXXXX");
    return mini_setup(state) == 0 && mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    mini_teardown(state);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

/* --- helpers under test, as strings ---------------------------------------------- */

static char *base(const char *name, const char *id)
{
    static char text[256];
    struct sw_buf b = SW_BUF_INIT;
    assert_int_equal(0, sw_xlsx_sheet_base(name, id, &b));
    snprintf(text, sizeof text, "%s", sw_buf_str(&b));
    sw_buf_release(&b);
    return text;
}

static char *take(struct sw_sheet_names *names, const char *name)
{
    static char text[256];
    struct sw_buf b = SW_BUF_INIT;
    assert_int_equal(0, sw_sheet_names_take(names, base(name, "id"), &b));
    snprintf(text, sizeof text, "%s", sw_buf_str(&b));
    sw_buf_release(&b);
    return text;
}

static char *redact(const char *text, const char *name)
{
    static char out[512];
    struct sw_buf b = SW_BUF_INIT;
    assert_int_equal(0, sw_xlsx_redact(text, &name, 1, "Candidate A", &b));
    snprintf(out, sizeof out, "%s", sw_buf_str(&b));
    sw_buf_release(&b);
    return out;
}

/* --- sheet names ---------------------------------------------------------------- */

static void test_xlsx_sheet_base_keeps_a_plain_name(void **state)
{
    (void)state;
    assert_string_equal("Ada Lovelace", base("Ada Lovelace", "c-1"));
    assert_string_equal("O'Brien", base("O'Brien", "c-1"));
    assert_string_equal("=HYPERLINK(\"x\")", base("=HYPERLINK(\"x\")", "c-3"));
}

static void test_xlsx_sheet_base_replaces_forbidden_characters(void **state)
{
    (void)state;
    assert_string_equal("R&D Lead Eng a b c", base("R&D: [Lead] *Eng*? a/b\\c", "c-1"));
    assert_string_equal("Smith, \"Ada\" Jr.", base("Smith, \"Ada\"\nJr.", "c-1"));
    assert_string_equal("Quoted", base(" 'Quoted' ", "c-1"));
}

static void test_xlsx_sheet_base_cuts_to_31_characters(void **state)
{
    (void)state;
    const char *expected = "Alexandra Konstantinopoulou-Pap";
    const char *actual = base("Alexandra Konstantinopoulou-Papadopoulos", "c-1");
    assert_string_equal(expected, actual);
    assert_int_equal(31, strlen(actual));
    /* a space where the cut falls goes */
    assert_string_equal("Maximiliana Theodora Wilhelmin",
                        base("Maximiliana Theodora Wilhelmin von Hohenberg", "c-1"));
    /* characters outside the BMP count twice, as in Excel */
    char emoji[20 * 4 + 1] = "";
    for (int i = 0; i < 20; i++)
        strcat(emoji, "\xF0\x9F\x98\x80");
    assert_int_equal(15 * 4, strlen(base(emoji, "c-1")));
    /* never inside a UTF-8 sequence */
    assert_string_equal("ééééééééééééééééééééééééééééééé",
                        base("éééééééééééééééééééééééééééééééééééééééé", "c-1"));
}

static void test_xlsx_sheet_base_falls_back_to_the_id(void **state)
{
    (void)state;
    assert_string_equal("c-7", base(NULL, "c-7"));
    assert_string_equal("c-7", base("", "c-7"));
    assert_string_equal("c-7", base("*?/", "c-7"));
    assert_string_equal("Candidate", base("[]", "''"));
}

static void test_xlsx_sheet_base_brackets_cell_references(void **state)
{
    (void)state;
    assert_string_equal("(c101)", base(NULL, "c101"));
    assert_string_equal("(101)", base(NULL, "101"));
    assert_string_equal("(XFD1048576)", base("XFD1048576", "c-1"));
    assert_string_equal("(R2D2)", base("R2D2", "c-1"));
    assert_string_equal("(R)", base("R", "c-1"));
    assert_string_equal("(rc)", base("rc", "c-1"));
    assert_string_equal("(.net)", base(".net", "c-1"));
    assert_string_equal("Chen", base("Chen", "c-1"));
    assert_string_equal("Rosa", base("Rosa", "c-1"));
    assert_string_equal("ABCD1", base("ABCD1", "c-1"));
    assert_string_equal("c-101", base(NULL, "c-101"));
}

static void test_xlsx_sheet_names_deduplicate(void **state)
{
    (void)state;
    struct sw_sheet_names names;
    assert_int_equal(0, sw_sheet_names_init(&names));
    assert_string_equal("Ada Lovelace", take(&names, "Ada Lovelace"));
    assert_string_equal("Ada Lovelace (2)", take(&names, "Ada Lovelace"));
    assert_string_equal("ADA LOVELACE (3)", take(&names, "ADA LOVELACE"));
    assert_string_equal("History (2)", take(&names, "History"));
    assert_string_equal("data (2)", take(&names, "data"));
    assert_string_equal("SUMMARY (2)", take(&names, "SUMMARY"));
    assert_string_equal("Émile Zola", take(&names, "Émile Zola"));
    assert_string_equal("émile zola (2)", take(&names, "émile zola"));
    assert_string_equal("Alexandra Konstantinopoulou-Pap",
                        take(&names, "Alexandra Konstantinopoulou-Papadopoulos"));
    assert_string_equal("Alexandra Konstantinopoulou (2)",
                        take(&names, "Alexandra Konstantinopoulou-Papadopoulos"));
    assert_string_equal("Alexandra Konstantinopoulou (3)",
                        take(&names, "Alexandra Konstantinopoulou-Papadopoulos"));
    sw_sheet_names_release(&names);
}

static void test_xlsx_quote_sheet(void **state)
{
    (void)state;
    struct sw_buf b = SW_BUF_INIT;
    sw_xlsx_quote_sheet("O'Brien", &b);
    assert_string_equal("'O''Brien'", sw_buf_str(&b));
    sw_buf_release(&b);
}

/* --- anonymity ------------------------------------------------------------------ */

static void test_xlsx_label_counts_like_columns(void **state)
{
    (void)state;
    static const struct { size_t i; const char *expected; } cases[] = {
        { 0, "A" }, { 1, "B" }, { 25, "Z" }, { 26, "AA" }, { 27, "AB" }, { 51, "AZ" },
        { 52, "BA" }, { 701, "ZZ" }, { 702, "AAA" }, { 1999, "BXX" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char actual[16];
        sw_xlsx_label(cases[k].i, actual);
        assert_string_equal(cases[k].expected, actual);
    }
}

static void test_xlsx_redact_whole_words(void **state)
{
    (void)state;
    assert_string_equal("Candidate A wrote; Candidate A's design, Candidate A and adamant Adams",
                        redact("Ada wrote; Lovelace's design, ADA LOVELACE and adamant Adams",
                               "Ada Lovelace"));
    assert_string_equal("Canada and candidates", redact("Canada and candidates", "Ada Can"));
}

static void test_xlsx_redact_compounds_and_parts(void **state)
{
    (void)state;
    assert_string_equal("Candidate A said; Candidate A agreed; Candidate A too; Candidate A",
                        redact("Smith-Jones said; Jones agreed; smith too; Mary Smith-Jones",
                               "Mary Smith-Jones"));
    assert_string_equal("Candidate A led; Candidate A's plan",
                        redact("O'Brien led; Conan's plan", "Conan O'Brien"));
}

static void test_xlsx_redact_folds_case_beyond_ascii(void **state)
{
    (void)state;
    assert_string_equal("Candidate A and Candidate A, Candidate A",
                        redact("émile and ZOLA, ÉMILE ZOLA", "Émile Zola"));
    assert_string_equal("Candidate A met Candidate A", redact("ДМИТРИЙ met дмитрий",
                                                              "Дмитрий Волков"));
}

static void test_xlsx_redact_keeps_short_parts(void **state)
{
    (void)state;
    assert_string_equal("Candidate A met Li; Na left", redact("Li Na met Li; Na left", "Li Na"));
    assert_string_equal("Candidate A (Candidate A) wrote", redact("Smith, \"Ada\"\nJr. (Ada) wrote",
                                                                  "Smith, \"Ada\"\nJr."));
    assert_string_equal("no name here", redact("no name here", ""));
}

static void test_xlsx_redact_several_spellings(void **state)
{
    (void)state;
    const char *names[] = { "Ada King", "Ada Lovelace" };
    struct sw_buf b = SW_BUF_INIT;
    assert_int_equal(0, sw_xlsx_redact("ADA LOVELACE, Mrs King, o\u2019king, Ada", names, 2,
                                       "Candidate A", &b));
    assert_string_equal("Candidate A, Mrs Candidate A, o\u2019Candidate A, Candidate A",
                        sw_buf_str(&b));
    sw_buf_reset(&b);
    const char *curly[] = { "Conan O'Brien" };
    assert_int_equal(0, sw_xlsx_redact("o\u2019brien agreed", curly, 1, "Candidate C", &b));
    assert_string_equal("Candidate C agreed", sw_buf_str(&b));
    sw_buf_release(&b);
}

static void test_xlsx_mentions_inside_words(void **state)
{
    (void)state;
    assert_true(sw_xlsx_mentions("ada.lovelace", "Ada Lovelace"));
    assert_true(sw_xlsx_mentions("c-LOVELACE-1", "Ada Lovelace"));
    assert_false(sw_xlsx_mentions("c-101", "Ada Lovelace"));
    assert_false(sw_xlsx_mentions("li-na", "Li Na"));
    assert_false(sw_xlsx_mentions("lina", "Li Na"));
    assert_false(sw_xlsx_mentions("c-1", NULL));
}

static void test_xlsx_cell_text_cuts_at_excel_limit(void **state)
{
    (void)state;
    size_t marker = strlen(SW_XLSX_TRUNCATED);
    char *text = malloc(40001 * 2);
    memset(text, 'a', SW_XLSX_MAX_TEXT);
    text[SW_XLSX_MAX_TEXT] = '\0';
    struct sw_buf b = SW_BUF_INIT;
    sw_xlsx_cell_text(text, &b);
    assert_int_equal(SW_XLSX_MAX_TEXT, b.len);
    assert_memory_equal(text, b.data, b.len);

    memset(text, 'a', 40000);
    text[40000] = '\0';
    sw_buf_reset(&b);
    sw_xlsx_cell_text(text, &b);
    assert_int_equal(SW_XLSX_MAX_TEXT, b.len);
    assert_string_equal(SW_XLSX_TRUNCATED, b.data + b.len - marker);

    for (size_t i = 0; i < 40000; i++)
        memcpy(text + 2 * i, "\xC3\xA9", 2);
    text[80000] = '\0';
    sw_buf_reset(&b);
    sw_xlsx_cell_text(text, &b);
    assert_int_equal(2 * (SW_XLSX_MAX_TEXT - marker) + marker, b.len);
    assert_string_equal(SW_XLSX_TRUNCATED, b.data + b.len - marker);
    sw_buf_release(&b);
    free(text);
}

/* --- writing --------------------------------------------------------------------- */

static struct sw_aggregate *load_report(void)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_paths files;
    sw_paths_init(&files);
    assert_int_equal(0, sw_paths_collect(&files, "tests/fixtures/report", &errs));
    struct sw_aggregate *a = sw_aggregate_new(mini);
    sw_aggregate_load(a, files.items, files.count, &errs);
    sw_paths_release(&files);
    sw_aggregate_finish(a, -1, &errs);
    assert_int_equal(0, errs.count);
    sw_errors_release(&errs);
    return a;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct sw_buf b = SW_BUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sw_buf_add(&b, chunk, n);
    fclose(f);
    sw_buf_adds(&b, "");
    return sw_buf_detach(&b, len);
}

/* Entries of dir whose name starts with '.'. */
static int hidden_entries(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += e->d_name[0] == '.' && strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static void test_xlsx_write_is_byte_stable(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
    opt.created = 1790000000;
    opt.requisition = "report";
    char one[128], two[128];
    snprintf(one, sizeof one, "%s/one.xlsx", dir);
    snprintf(two, sizeof two, "%s/two.xlsx", dir);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_xlsx_result res;
    assert_int_equal(0, sw_xlsx_write(a, one, &opt, &res, &errs));
    assert_int_equal(0, sw_xlsx_write(a, two, &opt, NULL, &errs));
    assert_int_equal(0, errs.count);
    assert_int_equal(3, res.candidates);
    assert_int_equal(6, res.scorecards);
    assert_int_equal(7, res.sheets);
    assert_int_equal(0, res.constant_memory);
    size_t n1, n2;
    char *b1 = slurp(one, &n1), *b2 = slurp(two, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(b1, b2, n1);
    assert_memory_equal("PK", b1, 2);
    assert_int_equal(0, hidden_entries());
    free(b1);
    free(b2);
    sw_errors_release(&errs);
    sw_aggregate_free(a);
}

struct progress_calls {
    size_t calls, last_done, total;
    int in_order;
};

static void record_progress(void *ctx, size_t done, size_t total)
{
    struct progress_calls *p = ctx;
    if (done != p->last_done + 1 || (p->calls && total != p->total))
        p->in_order = 0;
    p->calls++;
    p->last_done = done;
    p->total = total;
}

/* One call per sheet: Summary, 3 candidates, Compare, Interviewers, Data. */
static void test_xlsx_write_reports_each_sheet(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    struct progress_calls calls = { 0, 0, 0, 1 };
    struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
    opt.progress = record_progress;
    opt.progress_ctx = &calls;
    char path[128];
    snprintf(path, sizeof path, "%s/progress.xlsx", dir);
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(0, sw_xlsx_write(a, path, &opt, NULL, &errs));
    assert_int_equal(7, calls.calls);
    assert_int_equal(7, calls.last_done);
    assert_int_equal(7, calls.total);
    assert_true(calls.in_order);
    sw_errors_release(&errs);
    sw_aggregate_free(a);
}

static void test_xlsx_write_constant_memory(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
    opt.memory = SW_XLSX_MEMORY_CONSTANT;
    opt.anonymize = 1;
    char path[128];
    snprintf(path, sizeof path, "%s/streamed.xlsx", dir);
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_xlsx_result res;
    assert_int_equal(0, sw_xlsx_write(a, path, &opt, &res, &errs));
    assert_int_equal(0, errs.count);
    assert_int_equal(1, res.constant_memory);
    assert_int_equal(0, hidden_entries());
    sw_errors_release(&errs);
    sw_aggregate_free(a);
}

/* A file size limit makes libxlsxwriter fail while it writes the zip. */
static void test_xlsx_write_failure_leaves_the_file(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    char path[128];
    snprintf(path, sizeof path, "%s/kept.xlsx", dir);
    FILE *f = fopen(path, "w");
    fputs("previous", f);
    fclose(f);
    struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
    opt.tmpdir = dir;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct rlimit saved, small;
    assert_int_equal(0, getrlimit(RLIMIT_FSIZE, &saved));
    small = saved;
    small.rlim_cur = 2048;
    void (*old)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(0, setrlimit(RLIMIT_FSIZE, &small));
    int rc = sw_xlsx_write(a, path, &opt, NULL, &errs);
    assert_int_equal(0, setrlimit(RLIMIT_FSIZE, &saved));
    signal(SIGXFSZ, old);
    assert_int_equal(-1, rc);
    assert_int_equal(1, errs.count);
    assert_int_equal(SW_ESYSTEM, errs.items[0].code);
    assert_string_equal(path, errs.items[0].file);
    assert_non_null(strstr(errs.items[0].message, "cannot write the workbook: "));
    size_t n;
    char *text = slurp(path, &n);
    assert_string_equal("previous", text);
    free(text);
    assert_int_equal(0, hidden_entries());
    sw_errors_release(&errs);
    sw_aggregate_free(a);
}

static void test_xlsx_write_needs_a_folder(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    char path[128];
    snprintf(path, sizeof path, "%s/no-such-folder/x.xlsx", dir);
    struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    assert_int_equal(-1, sw_xlsx_write(a, path, &opt, NULL, &errs));
    assert_int_equal(1, errs.count);
    assert_string_equal(path, errs.items[0].file);
    assert_string_equal("cannot create: No such file or directory", errs.items[0].message);
    sw_errors_release(&errs);
    sw_aggregate_free(a);
}

/* The aggregate keeps no text: a scorecard read again must be the same one. */
static void test_xlsx_write_refuses_a_changed_scorecard(void **state)
{
    (void)state;
    char card[128], path[128];
    snprintf(card, sizeof card, "%s/tech--ann.xml", dir);
    snprintf(path, sizeof path, "%s/changed.xlsx", dir);
    size_t n;
    char *text = slurp("tests/fixtures/report/c-2/tech--ann.xml", &n);
    char *who = strstr(text, "interviewer=\"ann\"");
    for (int mode = SW_XLSX_MEMORY_NORMAL; mode <= SW_XLSX_MEMORY_CONSTANT; mode++) {
        memcpy(who, "interviewer=\"ann\"", 17);
        FILE *f = fopen(card, "w");
        fputs(text, f);
        fclose(f);
        struct sw_errors errs;
        sw_errors_init(&errs);
        struct sw_aggregate *a = sw_aggregate_new(mini);
        char *files[] = { card };
        assert_int_equal(0, sw_aggregate_load(a, files, 1, &errs));
        sw_aggregate_finish(a, -1, &errs);
        memcpy(who, "interviewer=\"zed\"", 17);
        f = fopen(card, "w");
        fputs(text, f);
        fclose(f);
        struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
        opt.memory = (enum sw_xlsx_memory)mode;
        assert_int_equal(-1, sw_xlsx_write(a, path, &opt, NULL, &errs));
        assert_int_equal(1, errs.count);
        assert_int_equal(SW_EINPUT, errs.items[0].code);
        assert_string_equal(card, errs.items[0].file);
        assert_int_equal(2, errs.items[0].line);
        assert_string_equal("the scorecard changed while the workbook was being written: "
                            "export again", errs.items[0].message);
        assert_int_equal(-1, access(path, F_OK));
        assert_int_equal(0, hidden_entries());
        sw_errors_release(&errs);
        sw_aggregate_free(a);
    }
    unlink(card);
    free(text);
}

/* The first candidates of Summary get a sheet; progress counts the sheets
 * written. */
static void test_xlsx_write_fewer_candidate_sheets(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    char path[128];
    snprintf(path, sizeof path, "%s/fewer.xlsx", dir);
    for (size_t want = 0; want <= 4; want++) {
        struct progress_calls calls = { 0, 0, 0, 1 };
        struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
        opt.candidate_sheets = want;
        opt.progress = record_progress;
        opt.progress_ctx = &calls;
        struct sw_errors errs;
        sw_errors_init(&errs);
        struct sw_xlsx_result res;
        assert_int_equal(0, sw_xlsx_write(a, path, &opt, &res, &errs));
        size_t expected = want < 3 ? want : 3;
        assert_int_equal(3, res.candidates);
        assert_int_equal(expected, res.candidate_sheets);
        assert_int_equal(expected + 4, res.sheets);
        assert_int_equal(expected + 4, calls.calls);
        assert_int_equal(expected + 4, calls.total);
        assert_true(calls.in_order);
        sw_errors_release(&errs);
    }
    sw_aggregate_free(a);
}

/* 14 Data rows: 7 per sheet make Data and Data 2, 4 make four sheets (the
 * last with 2), 14 and more one; progress counts them all. */
static void test_xlsx_write_data_over_several_sheets(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    char path[128];
    snprintf(path, sizeof path, "%s/parts.xlsx", dir);
    static const size_t rows[] = { 7, 4, 14, 15, 1, 0 };
    static const size_t sheets[] = { 2, 4, 1, 1, 14, 1 };
    for (size_t t = 0; t < sizeof rows / sizeof rows[0]; t++) {
        for (int streamed = 0; streamed <= 1; streamed++) {
            struct progress_calls calls = { 0, 0, 0, 1 };
            struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
            opt.data_rows = rows[t];
            opt.memory = streamed ? SW_XLSX_MEMORY_CONSTANT : SW_XLSX_MEMORY_NORMAL;
            opt.progress = record_progress;
            opt.progress_ctx = &calls;
            struct sw_errors errs;
            sw_errors_init(&errs);
            struct sw_xlsx_result res;
            assert_int_equal(0, sw_xlsx_write(a, path, &opt, &res, &errs));
            assert_int_equal(0, errs.count);
            assert_int_equal(sheets[t], res.data_sheets);
            assert_int_equal(3 + 3 + sheets[t], res.sheets);
            assert_int_equal(res.sheets, calls.calls);
            assert_int_equal(res.sheets, calls.total);
            assert_true(calls.in_order);
            sw_errors_release(&errs);
        }
    }
    sw_aggregate_free(a);
}

static void test_xlsx_say_sheets(void **state)
{
    (void)state;
    struct sw_buf b = SW_BUF_INIT;
    sw_xlsx_say_sheets(0, &b);
    assert_string_equal("no candidate sheets", sw_buf_str(&b));
    sw_buf_reset(&b);
    sw_xlsx_say_sheets(1, &b);
    assert_string_equal("a sheet for the first candidate only", sw_buf_str(&b));
    sw_buf_reset(&b);
    sw_xlsx_say_sheets(4000, &b);
    assert_string_equal("sheets for the first 4000 candidates only", sw_buf_str(&b));
    sw_buf_release(&b);
}

/* Streaming keeps a file open per sheet: a limit too low is said up front. */
static void test_xlsx_write_constant_memory_needs_open_files(void **state)
{
    (void)state;
    struct sw_aggregate *a = load_report();
    char path[128];
    snprintf(path, sizeof path, "%s/files.xlsx", dir);
    struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
    opt.memory = SW_XLSX_MEMORY_CONSTANT;
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct rlimit saved, small;
    assert_int_equal(0, getrlimit(RLIMIT_NOFILE, &saved));
    small = saved;
    small.rlim_cur = 30;
    assert_int_equal(0, setrlimit(RLIMIT_NOFILE, &small));
    int rc = sw_xlsx_write(a, path, &opt, NULL, &errs);
    /* With two candidate sheets of three, 38 open files are enough. */
    small.rlim_cur = 38;
    assert_int_equal(0, setrlimit(RLIMIT_NOFILE, &small));
    int rc_fewer = -1;
    struct sw_errors fewer_errs;
    sw_errors_init(&fewer_errs);
    opt.candidate_sheets = 2;
    rc_fewer = sw_xlsx_write(a, path, &opt, NULL, &fewer_errs);
    assert_int_equal(0, setrlimit(RLIMIT_NOFILE, &saved));
    assert_int_equal(-1, rc);
    assert_int_equal(1, errs.count);
    assert_string_equal("a workbook of 7 sheets needs 39 open files, the limit is 30 "
                        "(raise it with 'ulimit -n', or write fewer candidate sheets with "
                        "--sheets N)", errs.items[0].message);
    assert_int_equal(0, rc_fewer);
    assert_int_equal(0, fewer_errs.count);
    assert_int_equal(0, access(path, F_OK));
    sw_errors_release(&fewer_errs);
    sw_errors_release(&errs);
    sw_aggregate_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xlsx_sheet_base_keeps_a_plain_name),
        cmocka_unit_test(test_xlsx_sheet_base_replaces_forbidden_characters),
        cmocka_unit_test(test_xlsx_sheet_base_cuts_to_31_characters),
        cmocka_unit_test(test_xlsx_sheet_base_falls_back_to_the_id),
        cmocka_unit_test(test_xlsx_sheet_base_brackets_cell_references),
        cmocka_unit_test(test_xlsx_sheet_names_deduplicate),
        cmocka_unit_test(test_xlsx_quote_sheet),
        cmocka_unit_test(test_xlsx_label_counts_like_columns),
        cmocka_unit_test(test_xlsx_redact_whole_words),
        cmocka_unit_test(test_xlsx_redact_compounds_and_parts),
        cmocka_unit_test(test_xlsx_redact_folds_case_beyond_ascii),
        cmocka_unit_test(test_xlsx_redact_keeps_short_parts),
        cmocka_unit_test(test_xlsx_redact_several_spellings),
        cmocka_unit_test(test_xlsx_mentions_inside_words),
        cmocka_unit_test(test_xlsx_cell_text_cuts_at_excel_limit),
        cmocka_unit_test(test_xlsx_write_is_byte_stable),
        cmocka_unit_test(test_xlsx_write_reports_each_sheet),
        cmocka_unit_test(test_xlsx_write_fewer_candidate_sheets),
        cmocka_unit_test(test_xlsx_say_sheets),
        cmocka_unit_test(test_xlsx_write_data_over_several_sheets),
        cmocka_unit_test(test_xlsx_write_constant_memory),
        cmocka_unit_test(test_xlsx_write_failure_leaves_the_file),
        cmocka_unit_test(test_xlsx_write_needs_a_folder),
        cmocka_unit_test(test_xlsx_write_refuses_a_changed_scorecard),
        cmocka_unit_test(test_xlsx_write_constant_memory_needs_open_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
