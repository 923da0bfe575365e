/*
 * scorewheel.h - libscorewheel's public API: include this one header.
 *
 *     #include <scorewheel/scorewheel.h>
 *
 *     cc prog.c $(pkg-config --cflags --libs --static scorewheel)
 *
 * The headers it includes, in core/include/scorewheel/, are the whole API,
 * and the only headers the scorewheel program itself includes besides its
 * own. Among them, termtext.h lays out text for terminals (display widths,
 * cells, wrapping) as the program's tables do, for a front end of its own
 * (the terminal text helpers, apart from the *_text.c report writers). The other
 * headers, in core/ (the hardened XML layer, the built-in resources, the
 * template engine, the JSON writer, the aggregate's sorting) and core/xlsx/
 * (the workbook writer's internals), are internal and not installed.
 *
 * Conventions shared by all of them: functions return 0 / -1 or NULL and
 * record what went wrong in a caller-owned struct sw_errors (error.h); objects
 * made by sw_<thing>_new() / _load() are released by sw_<thing>_free(), which
 * accepts NULL; "undefined" numbers are NaN. The library never prints and
 * never exits.
 *
 * A minimal program:
 *
 *     struct sw_errors errs;
 *     sw_errors_init(&errs);
 *     struct sw_rubric *r = sw_rubric_load("tpm.xml", &errs);
 *     if (r)
 *         printf("%zu competencies\n", r->n_competencies);
 *     sw_rubric_free(r);
 *     sw_errors_release(&errs);
 *     sw_cleanup();    // optional, once at exit (document.h)
 *
 * More in examples/ of the source tree.
 */
#ifndef SW_SCOREWHEEL_H
#define SW_SCOREWHEEL_H

#include "error.h"
#include "buf.h"
#include "arena.h"
#include "strmap.h"
#include "timestamp.h"
#include "files.h"
#include "rubric.h"
#include "rubric_text.h"
#include "scorecard.h"
#include "assessment.h"
#include "document.h"
#include "load.h"
#include "entry.h"
#include "form.h"
#include "kit.h"
#include "stats.h"
#include "aggregate.h"
#include "severity.h"
#include "calibrate.h"
#include "audit.h"
#include "report.h"
#include "status.h"
#include "mail.h"
#include "requisition.h"
#include "people.h"
#include "team.h"
#include "growth.h"
#include "promote.h"
#include "wheel.h"
#include "xlsx.h"
#include "termtext.h"

#endif
