/*
 * xlsx_people.h - internal to the people workbook (core/xlsx_people.c,
 * core/xlsx_person.c); the public entry is sw_xlsx_write_people (xlsx.h).
 */
#ifndef SW_XLSX_PEOPLE_H
#define SW_XLSX_PEOPLE_H

#include "growth.h"
#include "promote.h"
#include "xlsx_int.h"

struct xw_people {
    struct xw x;                  /* formats, cells and errors (x.a is NULL) */
    const struct sw_growth *g;
    char **sheet;                 /* per person (id order): the sheet's name */
    char **shown;                 /* per person: the name on one line, else the id */
};

/* Rule 14 for person i against the level after theirs (*next, -1: none, then
 * insufficient-evidence and no reasons); pr->individual is the caller's. */
void xp_readiness(const struct xw_people *xp, size_t i, struct sw_promotion *pr, long *next);
/* The reasons of pr, "individual:ID, overall, gaps", appended to out. */
void xp_reasons(const struct sw_rubric *r, const struct sw_promotion *pr, struct sw_buf *out);
/* The sheet of person i: figures, the rule 13 table of every cycle (latest
 * first), the radar of others, self and the next level's target, the cycles
 * table and its line chart of overall and pillar scores. */
void xp_person_sheet(struct xw_people *xp, size_t i, struct sw_promotion *pr);

#endif
