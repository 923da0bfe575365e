/*
 * req_fixture.h - a scratch folder of scorecards for the requisition model's
 * tests (test_requisition*.c): made and removed per test, cards written
 * with an exact modification time. Include it after unit.h and mini.h.
 */
#ifndef SW_UNIT_REQ_FIXTURE_H
#define SW_UNIT_REQ_FIXTURE_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "requisition.h"

static char dir[64];

static int make_dir(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/sw-req-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void path_of(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", dir, name);
}

/* Writes dir/name with `text` in place (same inode) and sets its
 * modification time to sec.nsec, so each change is told apart exactly. */
static void write_file(const char *name, const char *text, long sec, long nsec)
{
    char path[128];
    path_of(path, sizeof path, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(strlen(text), fwrite(text, 1, strlen(text), f));
    assert_int_equal(0, fclose(f));
    struct timespec times[2] = { { sec, nsec }, { sec, nsec } };
    assert_int_equal(0, utimensat(AT_FDCWD, path, times, 0));
}

static void write_card(const char *name, const char *candidate, const char *interviewer,
                       const char *value, long sec, long nsec)
{
    char text[1024];
    snprintf(text, sizeof text,
             "<scorecard xmlns='urn:scorewheel:scorecard:1' rubric='mini' candidate='%s' "
             "interview='tech' interviewer='%s' level='mid' status='submitted'>"
             "<candidate-name>Name of %s</candidate-name>"
             "<rating question='t1' value='%s'><evidence>said %s</evidence></rating>"
             "<recommendation value='hire'/></scorecard>\n",
             candidate, interviewer, candidate, value, value);
    write_file(name, text, sec, nsec);
}

static struct sw_requisition *fresh(void)
{
    struct sw_requisition *q = sw_requisition_new(mini, dir, 2);
    assert_non_null(q);
    return q;
}

#endif
