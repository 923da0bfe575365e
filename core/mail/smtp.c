/* smtp.c - the SMTP sender over libcurl: the only file that links libcurl. */
#include "mail.h"

#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

struct sw_smtp {
    CURL *curl;
    char *url;
};

struct reader {
    const char *data;
    size_t len, at;
};

static size_t read_message(char *dst, size_t size, size_t n, void *ctx)
{
    struct reader *r = ctx;
    size_t room = size * n, left = r->len - r->at;
    size_t take = left < room ? left : room;
    memcpy(dst, r->data + r->at, take);
    r->at += take;
    return take;
}

struct sw_smtp *sw_smtp_new(const char *url, const char *user, const char *password,
                            struct sw_errors *errs)
{
    if (strncmp(url, "smtp://", 7) != 0 && strncmp(url, "smtps://", 8) != 0) {
        sw_fail(errs, NULL, 0, "mail relay '%s' is not smtp://HOST:PORT or smtps://HOST:PORT",
                url);
        return NULL;
    }
    struct sw_smtp *s = calloc(1, sizeof *s);
    if (s && curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK)
        s->curl = curl_easy_init();
    if (!s || !s->curl || !(s->url = strdup(url))) {
        sw_error_add(errs, SW_ESYSTEM, NULL, 0, "cannot start libcurl");
        sw_smtp_free(s);
        return NULL;
    }
    CURL *c = s->curl;
    curl_easy_setopt(c, CURLOPT_URL, s->url);
    curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message);
    if (user && *user) {
        curl_easy_setopt(c, CURLOPT_USERNAME, user);
        curl_easy_setopt(c, CURLOPT_PASSWORD, password ? password : "");
    }
    return s;
}

void sw_smtp_free(struct sw_smtp *s)
{
    if (!s)
        return;
    if (s->curl) {
        curl_easy_cleanup(s->curl);
        curl_global_cleanup();
    }
    free(s->url);
    free(s);
}

int sw_smtp_send(void *ctx, const char *from, const char *to, const char *message, size_t len,
                 struct sw_buf *why)
{
    struct sw_smtp *s = ctx;
    struct reader r = { message, len, 0 };
    char env_from[300], env_to[300];
    snprintf(env_from, sizeof env_from, "<%s>", from);
    snprintf(env_to, sizeof env_to, "<%s>", to);
    struct curl_slist *rcpt = curl_slist_append(NULL, env_to);
    if (!rcpt) {
        sw_buf_adds(why, "out of memory");
        return -1;
    }
    char detail[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(s->curl, CURLOPT_MAIL_FROM, env_from);
    curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(s->curl, CURLOPT_READDATA, &r);
    curl_easy_setopt(s->curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
    curl_easy_setopt(s->curl, CURLOPT_ERRORBUFFER, detail);
    CURLcode rc = curl_easy_perform(s->curl);
    long code = 0;
    curl_easy_getinfo(s->curl, CURLINFO_RESPONSE_CODE, &code);
    curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, NULL);
    curl_easy_setopt(s->curl, CURLOPT_ERRORBUFFER, NULL);
    curl_slist_free_all(rcpt);
    if (rc == CURLE_OK)
        return 0;
    sw_buf_addf(why, "%s", *detail ? detail : curl_easy_strerror(rc));
    if (code)
        sw_buf_addf(why, " (SMTP %ld)", code);
    /* An answer from the relay refuses this mail; anything else is the relay. */
    return code >= 400 ? -1 : -2;
}
