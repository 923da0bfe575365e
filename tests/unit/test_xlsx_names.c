/* test_xlsx_names.c - the workbook's pure helpers (core/xlsx/xlsx_names.c
 * and xlsx_redact.c): sheet names, anonymous labels, redaction, cell text;
 * and what a workbook with fewer candidate sheets says of them. The
 * workbook itself: test_xlsx.c. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xlsx.h"

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

/* Anonymized means anonymous (docs/design.md, turn 3): every part of a name,
 * of any length or script, and the id. */
static void test_xlsx_redact_every_part(void **state)
{
    (void)state;
    assert_string_equal("Candidate A met Candidate A; Candidate A left",
                        redact("Li Na met Li; Na left", "Li Na"));
    assert_string_equal("Candidate A said; lime", redact("Li said; lime", "Li"));
    assert_string_equal("Candidate A说得好, Candidate A和Candidate A",
                        redact("王芳说得好, 王和芳", "王芳"));
    assert_string_equal("Candidate Aさん: Candidate A, Candidate A",
                        redact("山田花子さん: 山田, 花子", "山田 花子"));
    const char *name = "Ada Lovelace";
    struct sw_buf b = SW_BUF_INIT;
    assert_int_equal(0, sw_xlsx_redact_all("c-101 and C-101, c-1010", &name, 1, "c-101",
                                           "Candidate A", &b));
    assert_string_equal("Candidate A and Candidate A, c-1010", sw_buf_str(&b));
    sw_buf_release(&b);
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
        cmocka_unit_test(test_xlsx_redact_every_part),
        cmocka_unit_test(test_xlsx_redact_several_spellings),
        cmocka_unit_test(test_xlsx_mentions_inside_words),
        cmocka_unit_test(test_xlsx_cell_text_cuts_at_excel_limit),
        cmocka_unit_test(test_xlsx_say_sheets),
    };
    return cmocka_run_group_tests_name("xlsx_names", tests, NULL, NULL);
}
