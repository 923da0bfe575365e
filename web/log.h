/*
 * log.h - serve's one printer: every line the server writes on stderr goes
 * through here, so that all have one format and none interleave.
 *
 *   scorewheel serve: listening on http://127.0.0.1:8080/
 *   scorewheel serve: req1/c-1/x.xml:3: error: MESSAGE
 *   GET /r/req1 200 3 ms akim
 *
 * The last is the request line (docs/design.md, "Logging and signals"):
 * method, path without the query, status, milliseconds, person; never a
 * token.
 */
#ifndef SW_WEB_LOG_H
#define SW_WEB_LOG_H

#include "error.h"

/* "scorewheel serve: MESSAGE". */
void web_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Each problem of errs as "scorewheel serve: FILE:LINE: error: MESSAGE"
 * (":LINE" only when known; FILE is `what` when the error names none). */
void web_log_errors(const struct sw_errors *errs, const char *what);
/* The request line; `cut` when the connection ended before the reply did. */
void web_log_request(const char *method, const char *path, int status, double ms,
                     const char *person, int cut);

#endif
