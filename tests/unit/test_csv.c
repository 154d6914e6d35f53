/* test_csv.c — the CSV reader accepts what spreadsheets write and reports broken files by line. */
#include "test_support.h"
#include "csv_read.h"

#include <stdlib.h>
#include <string.h>

static void read_text(sp_csv_table *t, const char *text)
{
    memset(t, 0, sizeof *t);
    assert_true(sp_csv_read_buffer(text, strlen(text), t));
}

static void excel_file_with_bom_crlf_and_quoted_commas_and_line_breaks_reads_correctly(void **state)
{
    (void)state;
    sp_csv_table t;
    read_text(&t, "\xEF\xBB\xBFSIS_ID,Given_Name,Notes\r\n"
                  "S1,\"Lopez, Maya\",\"line one\r\nline two\"\r\n"
                  "S2,Zoë,\"she said \"\"hi\"\"\"\r\n");
    assert_int_equal(t.nerrors, 0);
    assert_int_equal(t.ncols, 3);
    assert_string_equal(t.columns[0], "SIS_ID"); /* the BOM is not part of the first name */
    assert_int_equal(sp_csv_column(&t, "sis_id"), 0);
    assert_int_equal(sp_csv_column(&t, "given_name"), 1);
    assert_int_equal(sp_csv_column(&t, "missing"), -1);
    assert_int_equal(t.nrecords, 2);
    assert_int_equal(t.records[0].line, 2);
    assert_string_equal(sp_csv_value(&t.records[0], 1), "Lopez, Maya");
    assert_string_equal(sp_csv_value(&t.records[0], 2), "line one\nline two");
    /* the quoted line break moves the next record to line 4 */
    assert_int_equal(t.records[1].line, 4);
    assert_string_equal(sp_csv_value(&t.records[1], 1), "Zoë");
    assert_string_equal(sp_csv_value(&t.records[1], 2), "she said \"hi\"");
    assert_string_equal(sp_csv_value(&t.records[1], 7), "");
    sp_csv_free(&t);
}

static void blank_lines_and_empty_rows_are_skipped_but_still_counted(void **state)
{
    (void)state;
    sp_csv_table t;
    read_text(&t, "a,b\n\nx,1\n,,\n   \ny,2\n");
    assert_int_equal(t.nerrors, 0);
    assert_int_equal(t.nrecords, 2);
    assert_int_equal(t.records[0].line, 3);
    assert_int_equal(t.records[1].line, 6);
    assert_string_equal(sp_csv_value(&t.records[1], 0), "y");
    sp_csv_free(&t);
}

static void old_mac_line_ends_count_as_lines(void **state)
{
    (void)state;
    sp_csv_table t;
    read_text(&t, "a,b\rx,1\ry,2");
    assert_int_equal(t.nerrors, 0);
    assert_int_equal(t.nrecords, 2);
    assert_int_equal(t.records[1].line, 3);
    assert_string_equal(sp_csv_value(&t.records[1], 1), "2");
    sp_csv_free(&t);
}

static void a_quote_that_is_never_closed_is_reported_on_the_line_it_opens(void **state)
{
    (void)state;
    sp_csv_table t;
    read_text(&t, "a,b\nx,1\n\"y,2\nz,3\n");
    assert_int_equal(t.nerrors, 1);
    assert_int_equal(t.errors[0].line, 3);
    assert_non_null(strstr(t.errors[0].message, "never closed"));
    sp_csv_free(&t);
}

static void a_stray_quote_is_reported_and_reading_goes_on(void **state)
{
    (void)state;
    sp_csv_table t;
    read_text(&t, "a,b\nx,5\"6\ny,2\n\"q\"r,3\nz,4\n");
    assert_int_equal(t.nerrors, 2);
    assert_int_equal(t.errors[0].line, 2);
    assert_int_equal(t.errors[1].line, 4);
    assert_non_null(strstr(t.errors[0].message, "stray quote"));
    assert_int_equal(t.nrecords, 2); /* y and z survive */
    assert_string_equal(sp_csv_value(&t.records[0], 0), "y");
    assert_int_equal(t.records[1].line, 5);
    sp_csv_free(&t);
}

static void more_values_than_columns_is_reported_but_trailing_empty_cells_are_fine(void **state)
{
    (void)state;
    sp_csv_table t;
    read_text(&t, "a,b\nx,1,,\ny,2,extra\n");
    assert_int_equal(t.nerrors, 1);
    assert_int_equal(t.errors[0].line, 3);
    assert_non_null(strstr(t.errors[0].message, "3 values"));
    assert_int_equal(t.nrecords, 1);
    sp_csv_free(&t);
}

static void an_empty_file_and_a_duplicate_column_are_reported(void **state)
{
    (void)state;
    sp_csv_table t;
    read_text(&t, "\xEF\xBB\xBF\r\n");
    assert_int_equal(t.nerrors, 1);
    assert_non_null(strstr(t.errors[0].message, "header row"));
    sp_csv_free(&t);
    read_text(&t, "Name,name\nx,y\n");
    assert_int_equal(t.nerrors, 1);
    assert_int_equal(t.errors[0].line, 1);
    sp_csv_free(&t);
}

static void a_huge_field_is_read_whole(void **state)
{
    (void)state;
    size_t n = 100000;
    char *text = malloc(n + 32);
    strcpy(text, "a,b\nx,");
    memset(text + 6, 'z', n);
    strcpy(text + 6 + n, "\n");
    sp_csv_table t = {0};
    assert_true(sp_csv_read_buffer(text, strlen(text), &t));
    assert_int_equal(t.nrecords, 1);
    assert_int_equal(strlen(sp_csv_value(&t.records[0], 1)), n);
    sp_csv_free(&t);
    free(text);
}

static void a_missing_file_is_a_clear_error(void **state)
{
    (void)state;
    sp_csv_table t = {0};
    char err[256];
    assert_false(sp_csv_read_file(ts_path("no-such.csv"), &t, err, sizeof err));
    assert_non_null(strstr(err, "no-such.csv"));
    sp_csv_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(excel_file_with_bom_crlf_and_quoted_commas_and_line_breaks_reads_correctly),
        cmocka_unit_test(blank_lines_and_empty_rows_are_skipped_but_still_counted),
        cmocka_unit_test(old_mac_line_ends_count_as_lines),
        cmocka_unit_test(a_quote_that_is_never_closed_is_reported_on_the_line_it_opens),
        cmocka_unit_test(a_stray_quote_is_reported_and_reading_goes_on),
        cmocka_unit_test(more_values_than_columns_is_reported_but_trailing_empty_cells_are_fine),
        cmocka_unit_test(an_empty_file_and_a_duplicate_column_are_reported),
        cmocka_unit_test(a_huge_field_is_read_whole),
        cmocka_unit_test(a_missing_file_is_a_clear_error),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_cleanup();
    return rc;
}
