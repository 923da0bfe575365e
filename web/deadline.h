/*
 * deadline.h - the whole-request deadline of `serve` (docs/design.md,
 * "turn 3": slow clients). libmicrohttpd's own timeout counts idle time
 * only, so a client sending a byte every few seconds would hold a
 * connection for ever. Every connection is registered when libmicrohttpd
 * accepts it (MHD_OPTION_NOTIFY_CONNECTION); a watchdog thread shuts down
 * the socket of any connection whose request has not been received in
 * full `seconds` after it began (its accept, or the end of the request
 * before on a kept-alive connection). The entry is dropped when
 * libmicrohttpd reports the connection closed, under the same lock, before
 * it closes the socket: a socket is never touched after that.
 */
#ifndef SW_WEB_DEADLINE_H
#define SW_WEB_DEADLINE_H

#include <microhttpd.h>

struct web_deadline;

/* Starts the watchdog for at most `slots` connections. NULL when out of
 * memory or when the thread cannot start. */
struct web_deadline *web_deadline_new(unsigned seconds, unsigned slots);
/* Stops the watchdog and frees it (accepts NULL). Call after the daemon stopped. */
void web_deadline_free(struct web_deadline *d);

/* The MHD_OPTION_NOTIFY_CONNECTION callback; cls is the struct web_deadline. */
void web_deadline_notify(void *cls, struct MHD_Connection *con, void **socket_context,
                         enum MHD_ConnectionNotificationCode toe);
/* The request of `con` has arrived in full (1) / has been answered and the
 * connection waits for the next one (0): the clock stops / starts again. */
void web_deadline_received(struct web_deadline *d, struct MHD_Connection *con, int received);

#endif
