/*
 * buf.h - growable text buffer.
 *
 * Invariants: after sw_buf_init() the buffer is valid and empty; data is always
 * NUL-terminated (data may be NULL only while len == 0 and nothing was added);
 * len never exceeds SW_BUF_MAX. A failed add (no memory, or the cap reached)
 * leaves the contents unchanged, sets `failed` (1, or SW_BUF_OVER for the
 * cap), and returns -1, so a caller may build a whole text and check once at
 * the end, and record why with sw_buf_fail().
 */
#ifndef SW_BUF_H
#define SW_BUF_H

#include <stddef.h>

#define SW_BUF_MAX ((size_t)1 << 30)
/* `failed` when an add would have passed SW_BUF_MAX (1: out of memory). */
#define SW_BUF_OVER 2

struct sw_errors;

struct sw_buf {
    char *data;
    size_t len;
    size_t cap;
    int failed;
};

#define SW_BUF_INIT { NULL, 0, 0, 0 }

void sw_buf_init(struct sw_buf *b);
/* Frees the contents; the buffer is empty and reusable afterwards. Accepts NULL. */
void sw_buf_release(struct sw_buf *b);
/* Makes room for `extra` more bytes (plus the NUL). 0 or -1. */
int sw_buf_grow(struct sw_buf *b, size_t extra);
int sw_buf_add(struct sw_buf *b, const void *data, size_t len);
int sw_buf_adds(struct sw_buf *b, const char *s);
int sw_buf_addc(struct sw_buf *b, char c);
int sw_buf_addf(struct sw_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends `s` escaped for XML text and attribute values (& < > " '). */
int sw_buf_add_xml(struct sw_buf *b, const char *s);
/* Appends the shortest decimal text that reads back as exactly `v` ("%.17g" at most). */
int sw_buf_add_double(struct sw_buf *b, double v);
/* Empties the buffer but keeps its memory. */
void sw_buf_reset(struct sw_buf *b);
/* Returns the contents (caller frees; never NULL unless out of memory) and empties b. */
char *sw_buf_detach(struct sw_buf *b, size_t *len);
/* Returns the contents, "" when empty; owned by b. */
const char *sw_buf_str(const struct sw_buf *b);
/* Records in errs why b failed while `what` ("report", "wheel"...) was being
 * written into it: "the WHAT is over 1 GiB, the most one output may hold"
 * (SW_BUF_OVER) or "out of memory writing the WHAT", both SW_ESYSTEM with no
 * file. Returns -1. */
int sw_buf_fail(const struct sw_buf *b, struct sw_errors *errs, const char *what);

#endif
