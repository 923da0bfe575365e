/* message.c - one plain-text mail: RFC 5322 headers, RFC 2047 subjects, no injection. */
#include "mail.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/utf8.h"

int sw_mail_header_ok(const char *s)
{
    size_t len = strlen(s);
    if (!sw_utf8_valid(s, len))
        return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return 0;
    /* C1 controls (U+0080..U+009F) arrive as C2 80..C2 9F. */
    for (size_t i = 0; i + 1 < len; i++)
        if ((unsigned char)s[i] == 0xc2 && (unsigned char)s[i + 1] < 0xa0)
            return 0;
    return 1;
}

int sw_mail_addr_ok(const char *s)
{
    const char *at = strrchr(s, '@');
    size_t len = strlen(s);
    if (!at || at == s || !at[1] || len > 254 || strchr(s, '@') != at)
        return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= 0x20 || *p >= 0x7f || strchr("<>()[],;:\\\"", *p))
            return 0;
    return 1;
}

static uint64_t fnv1a(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

void sw_mail_id(const char *kind, const char *about, size_t len, char out[SW_MAIL_ID_SIZE])
{
    uint64_t a = fnv1a(0xcbf29ce484222325ULL, kind, strlen(kind) + 1);
    uint64_t b = fnv1a(0x84222325cbf29ce4ULL ^ a, about, len);
    a = fnv1a(a, about, len);
    b = fnv1a(b, kind, strlen(kind));
    snprintf(out, SW_MAIL_ID_SIZE, "%.12s-%016llx%016llx", kind, (unsigned long long)a,
             (unsigned long long)b);
}

void sw_mail_release(struct sw_mail *m)
{
    if (!m)
        return;
    free(m->to);
    free(m->subject);
    free(m->body);
    free(m->card);
    free(m->candidate);
    memset(m, 0, sizeof *m);
}

static int is_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return 0;
    return 1;
}

static void add_base64(struct sw_buf *out, const unsigned char *p, size_t len)
{
    static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < len; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16;
        if (i + 1 < len)
            v |= (uint32_t)p[i + 1] << 8;
        if (i + 2 < len)
            v |= p[i + 2];
        char q[4] = { abc[v >> 18], abc[(v >> 12) & 63], i + 1 < len ? abc[(v >> 6) & 63] : '=',
                      i + 2 < len ? abc[v & 63] : '=' };
        sw_buf_add(out, q, 4);
    }
}

/* RFC 2047: "=?UTF-8?B?...?=" words of at most 64 bytes (39 bytes of text
 * each, never splitting a character), folded onto continuation lines. */
static void add_encoded_words(struct sw_buf *out, const char *s)
{
    size_t len = strlen(s), at = 0;
    while (at < len) {
        size_t n = 0;
        while (at + n < len) {
            uint32_t cp;
            size_t step = sw_utf8_decode(s + at + n, len - at - n, &cp);
            if (n + step > 39)
                break;
            n += step ? step : 1;
        }
        if (at)
            sw_buf_adds(out, "\r\n ");
        sw_buf_adds(out, "=?UTF-8?B?");
        add_base64(out, (const unsigned char *)s + at, n);
        sw_buf_adds(out, "?=");
        at += n;
    }
}

static void add_body(struct sw_buf *out, const char *body)
{
    for (const char *p = body; *p; p++) {
        if (*p == '\r')
            continue;
        if (*p == '\n')
            sw_buf_add(out, "\r\n", 2);
        else
            sw_buf_addc(out, *p);
    }
    if (out->len < 2 || memcmp(out->data + out->len - 2, "\r\n", 2) != 0)
        sw_buf_add(out, "\r\n", 2);
}

int sw_mail_compose(const struct sw_mail *m, const char *from, double date,
                    struct sw_buf *out, struct sw_errors *errs)
{
    if (!sw_mail_addr_ok(from))
        return sw_fail(errs, NULL, 0, "'%s' is not a mail address (LOCAL@DOMAIN)", from);
    if (!m->to || !sw_mail_addr_ok(m->to))
        return sw_fail(errs, NULL, 0, "'%s' is not a mail address (LOCAL@DOMAIN)",
                       m->to ? m->to : "");
    if (!sw_mail_header_ok(m->subject) || !sw_mail_header_ok(m->id))
        return sw_fail(errs, NULL, 0, "the subject of mail %s has a control character "
                       "(no header may carry CR, LF or other controls)", m->id);
    char when[64];
    time_t t = (time_t)date;
    struct tm tm;
    static const char *days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    gmtime_r(&t, &tm);
    snprintf(when, sizeof when, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday],
             tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
             tm.tm_sec);
    sw_buf_addf(out, "Date: %s\r\nFrom: %s\r\nTo: %s\r\nSubject: ", when, from, m->to);
    /* ASCII as it is, unless too long for one line (998 bytes at most). */
    if (is_ascii(m->subject) && strlen(m->subject) <= 900)
        sw_buf_adds(out, m->subject);
    else
        add_encoded_words(out, m->subject);
    sw_buf_addf(out, "\r\nMessage-ID: <%s@%s>\r\nMIME-Version: 1.0\r\n"
                "Content-Type: text/plain; charset=UTF-8\r\n"
                "Content-Transfer-Encoding: 8bit\r\nAuto-Submitted: auto-generated\r\n\r\n",
                m->id, strchr(from, '@') + 1);
    add_body(out, m->body ? m->body : "");
    return out->failed ? sw_buf_fail(out, errs, "mail") : 0;
}
