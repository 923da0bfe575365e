/* server.c - libmicrohttpd around web_dispatch(): limits, headers, the log,
 * the listening address, a clean stop on SIGTERM/SIGINT; see web.h. */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <microhttpd.h>

#include "analysis.h"
#include "deadline.h"
#include "files.h"
#include "web.h"

/* docs/design.md "The web app, turn 3: trust first", slow clients: 4
 * addresses x 64 connections leave room for everyone else; the deadline
 * (deadline.h) frees them in 15 s. */
#define CONNECTION_LIMIT 1024
#define PER_ADDRESS_LIMIT 64
#define DEADLINE 15              /* seconds for a request's headers and body */
#define MEMORY_PER_CONNECTION (64 * 1024)   /* request line and headers fit in it */
/* Saves wait on fsync: more threads than cores keep the disk busy. 20
 * clients autosaving got 322 saves/s with 4 threads, 737 with 8. */
#define THREADS 8
#define SESSIONS 4096

static const char csp[] = "default-src 'self'; form-action 'self'; base-uri 'self'; "
                          "object-src 'none'; frame-ancestors 'none'";

/* One request while it is being received and answered. */
struct web_conn {
    char *uri;
    char method[8];
    struct timespec start;
    struct sw_buf body;
    int too_large;
    int started;
    int status;
    char person[WEB_ID_MAX];
};

static atomic_int in_flight;
static struct web_deadline *deadline;

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *con)
{
    (void)cls;
    (void)con;
    struct web_conn *k = calloc(1, sizeof *k);
    if (!k)
        return NULL;
    clock_gettime(CLOCK_MONOTONIC, &k->start);
    k->uri = strdup(uri);
    return k;
}

/* The path of a request target for the log: no query (tokens travel in
 * queries), and only visible ASCII. */
static void log_path(const char *uri, char *out, size_t size)
{
    size_t n = 0;
    for (const char *p = uri ? uri : ""; *p && *p != '?' && n + 1 < size; p++)
        out[n++] = *p > 0x20 && *p < 0x7F ? *p : '?';
    out[n] = '\0';
}

static void on_completed(void *cls, struct MHD_Connection *con, void **req_cls,
                         enum MHD_RequestTerminationCode why)
{
    (void)cls;
    web_deadline_received(deadline, con, 0);
    struct web_conn *k = *req_cls;
    if (!k)
        return;
    if (k->started) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        double ms = (double)(now.tv_sec - k->start.tv_sec) * 1e3 +
                    (double)(now.tv_nsec - k->start.tv_nsec) / 1e6;
        char path[256];
        log_path(k->uri, path, sizeof path);
        web_log_request(k->method, path, k->status ? k->status : 0, ms,
                        *k->person ? k->person : "-", why != MHD_REQUEST_TERMINATED_COMPLETED_OK);
        atomic_fetch_sub(&in_flight, 1);
    }
    free(k->uri);
    sw_buf_release(&k->body);
    free(k);
    *req_cls = NULL;
}

static int hsts;   /* under --tls-cert */

static void add_headers(struct MHD_Response *r, const struct web_reply *rep)
{
    if (hsts)
        MHD_add_response_header(r, "Strict-Transport-Security", "max-age=31536000");
    MHD_add_response_header(r, "Content-Security-Policy", csp);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Content-Type", rep->type ? rep->type : "text/html; charset=utf-8");
    MHD_add_response_header(r, "Cache-Control", rep->cacheable == WEB_CACHE_PRIVATE
                                                    ? "private, no-cache"
                                                    : rep->cacheable ? "no-cache" : "no-store");
    if (*rep->etag)
        MHD_add_response_header(r, "ETag", rep->etag);
    if (*rep->location)
        MHD_add_response_header(r, "Location", rep->location);
    if (rep->allow)
        MHD_add_response_header(r, "Allow", rep->allow);
    if (*rep->set_cookie)
        MHD_add_response_header(r, "Set-Cookie", rep->set_cookie);
}

static enum MHD_Result send_reply(struct MHD_Connection *con, struct web_conn *k,
                                  struct web_reply *rep)
{
    struct MHD_Response *r;
    if (rep->static_body) {
        r = MHD_create_response_from_buffer(rep->static_len, (void *)rep->static_body,
                                            MHD_RESPMEM_PERSISTENT);
    } else {
        size_t len = 0;
        char *data = sw_buf_detach(&rep->body, &len);
        r = MHD_create_response_from_buffer(len, data ? data : (char *)"",
                                            data ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
        if (!r)
            free(data);
    }
    if (!r)
        return MHD_NO;
    add_headers(r, rep);
    k->status = rep->status;
    enum MHD_Result ok = MHD_queue_response(con, (unsigned)rep->status, r);
    MHD_destroy_response(r);
    return ok;
}

static void client_address(struct MHD_Connection *con, char *out, size_t size)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(out, size, "?");
    if (!ci || !ci->client_addr)
        return;
    socklen_t len = ci->client_addr->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6)
                                                           : sizeof(struct sockaddr_in);
    getnameinfo(ci->client_addr, len, out, (socklen_t)size, NULL, 0, NI_NUMERICHOST);
}

static const char *header(struct MHD_Connection *con, const char *name)
{
    return MHD_lookup_connection_value(con, MHD_HEADER_KIND, name);
}

/* Behind --trusted-proxy: when the peer is the proxy, the client is the
 * last address of X-Forwarded-For (the one the proxy added). */
static void forwarded(const struct web_server *srv, struct MHD_Connection *con, char *addr,
                      size_t size)
{
    const char *proxy = srv->cfg->trusted_proxy;
    if (proxy && strcmp(addr, proxy) == 0)
        web_forwarded_for(header(con, "X-Forwarded-For"), addr, size);
}

/* The first call for a request: the body's announced size can be refused at once. */
static enum MHD_Result begin(struct MHD_Connection *con, struct web_conn *k, const char *method)
{
    k->started = 1;
    atomic_fetch_add(&in_flight, 1);
    snprintf(k->method, sizeof k->method, "%s", method);
    const char *length = header(con, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (length && strtoull(length, NULL, 10) > WEB_MAX_BODY) {
        web_deadline_received(deadline, con, 1);
        struct web_reply rep = { .status = 413 };
        sw_buf_adds(&rep.body, "<!DOCTYPE html><title>Too large</title><p>The form is over "
                               "1 MiB.</p>\n");
        return send_reply(con, k, &rep);
    }
    return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *con, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **req_cls)
{
    struct web_server *srv = cls;
    struct web_conn *k = *req_cls;
    if (!k && !(k = *req_cls = on_uri(NULL, url, con)))
        return MHD_NO;
    if (!k->started)
        return begin(con, k, method);
    if (*upload_data_size) {
        if (k->too_large || k->body.len + *upload_data_size > WEB_MAX_BODY)
            k->too_large = 1;
        else if (sw_buf_add(&k->body, upload_data, *upload_data_size) < 0)
            return MHD_NO;
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (k->status)
        return MHD_YES;   /* answered already (413 on the announced size) */
    web_deadline_received(deadline, con, 1);
    char addr[64];
    client_address(con, addr, sizeof addr);
    forwarded(srv, con, addr, sizeof addr);
    struct web_incoming in = {
        .method = method, .uri = k->uri ? k->uri : url, .body = k->body.data,
        .body_len = k->body.len, .body_too_large = k->too_large,
        .cookie = header(con, MHD_HTTP_HEADER_COOKIE), .origin = header(con, "Origin"),
        .fetch_site = header(con, "Sec-Fetch-Site"), .host = header(con, MHD_HTTP_HEADER_HOST),
        .content_type = header(con, MHD_HTTP_HEADER_CONTENT_TYPE), .addr = addr,
        .http11 = strcmp(version, MHD_HTTP_VERSION_1_1) == 0,
        .if_none_match = header(con, "If-None-Match"),
    };
    struct web_ctx c;
    web_dispatch(srv, &in, &c);
    snprintf(k->person, sizeof k->person, "%s",
             *c.me.id ? c.me.id : c.me.role == SW_ROLE_EVERYONE ? "local" : "-");
    enum MHD_Result ok = send_reply(con, k, &c.reply);
    web_ctx_release(&c);
    return ok;
}

/* MHD decodes the path before handing it over; the raw bytes are what
 * request.c must see (so that "%2F" is never a slash): decode nothing. */
static size_t no_unescape(void *cls, struct MHD_Connection *c, char *s)
{
    (void)cls;
    (void)c;
    return strlen(s);
}

int web_parse_listen(const char *text, struct sockaddr_storage *out, int *loopback)
{
    char host[128];
    const char *colon = strrchr(text, ':');
    if (!colon || colon == text || (size_t)(colon - text) >= sizeof host)
        return -1;
    memcpy(host, text, (size_t)(colon - text));
    host[colon - text] = '\0';
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (!colon[1] || *end || port < 0 || port > 65535)
        return -1;
    memset(out, 0, sizeof *out);
    size_t hl = strlen(host);
    if (host[0] == '[' && hl > 2 && host[hl - 1] == ']') {
        host[hl - 1] = '\0';
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)out;
        if (inet_pton(AF_INET6, host + 1, &a->sin6_addr) != 1)
            return -1;
        a->sin6_family = AF_INET6;
        a->sin6_port = htons((unsigned short)port);
        *loopback = IN6_IS_ADDR_LOOPBACK(&a->sin6_addr);
        return 0;
    }
    struct sockaddr_in *a = (struct sockaddr_in *)out;
    if (inet_pton(AF_INET, host, &a->sin_addr) != 1)
        return -1;
    a->sin_family = AF_INET;
    a->sin_port = htons((unsigned short)port);
    *loopback = (ntohl(a->sin_addr.s_addr) >> 24) == 127;
    return 0;
}

static char *read_small_file(const char *path, struct sw_errors *errs)
{
    size_t len = 0;
    char *data = sw_read_file(path, (size_t)1 << 20, "a certificate or key", &len, errs);
    if (data && !len) {
        free(data);
        sw_error_add(errs, SW_ESYSTEM, path, 0, "cannot read: empty");
        return NULL;
    }
    return data;
}

static struct MHD_Daemon *start(struct web_server *srv, const struct sockaddr_storage *addr,
                                char *cert, char *key)
{
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_AUTO;
    if (addr->ss_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    if (cert)
        flags |= MHD_USE_TLS;
    unsigned timeout = srv->cfg->timeout ? srv->cfg->timeout : DEADLINE;
    struct MHD_OptionItem tls[] = {
        { cert ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, cert },
        { cert ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, 0, key },
        { MHD_OPTION_END, 0, NULL },
    };
    return MHD_start_daemon(
        flags, 0, NULL, NULL, on_request, srv,
        MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)THREADS,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONNECTION_LIMIT,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)PER_ADDRESS_LIMIT,
        MHD_OPTION_CONNECTION_TIMEOUT, timeout,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)MEMORY_PER_CONNECTION,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
        MHD_OPTION_NOTIFY_CONNECTION, web_deadline_notify, deadline,
        MHD_OPTION_UNESCAPE_CALLBACK, no_unescape, NULL,
        MHD_OPTION_ARRAY, tls,
        MHD_OPTION_END);
}

/* Waits for SIGTERM or SIGINT, then lets the requests in flight finish. */
static void run_until_signal(struct MHD_Daemon *d)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    int sig = 0;
    while (sigwait(&set, &sig) != 0)
        ;
    MHD_socket s = MHD_quiesce_daemon(d);
    if (s != MHD_INVALID_SOCKET)
        close(s);
    for (int waited = 0; atomic_load(&in_flight) > 0 && waited < 30000; waited += 10)
        usleep(10000);
    web_log("stopped (%s)", sig == SIGINT ? "SIGINT" : "SIGTERM");
}

/* --public-url: "http(s)://HOST[:PORT]" and at most a final '/'; 0 or -1. */
static int public_origin(struct web_server *srv, const char *url, struct sw_errors *errs)
{
    if (!url)
        return 0;
    int https = strncmp(url, "https://", 8) == 0;
    const char *host = https ? url + 8 : strncmp(url, "http://", 7) == 0 ? url + 7 : NULL;
    size_t n = host ? strcspn(host, "/?#@ \t") : 0;
    if (!host || n == 0 || (host[n] && strcmp(host + n, "/") != 0) ||
        (size_t)(host - url) + n >= sizeof srv->origin)
        return sw_fail(errs, NULL, 0, "--public-url '%s' is not http(s)://HOST[:PORT] (no "
                       "path)", url);
    snprintf(srv->origin, sizeof srv->origin, "%.*s", (int)((size_t)(host - url) + n), url);
    srv->secure_cookie |= https;
    return 0;
}

static int setup(struct web_server *srv, const struct web_config *cfg, struct sw_errors *errs)
{
    memset(srv, 0, sizeof *srv);
    srv->cfg = cfg;
    srv->single = cfg->people_path == NULL;
    srv->tls = srv->secure_cookie = hsts = cfg->tls_cert != NULL;
    pthread_mutex_init(&srv->people_lock, NULL);
    sw_people_init(&srv->people);
    if (web_index_init(&srv->index, cfg->rubric, cfg->reqs, cfg->n_reqs, errs) < 0)
        return -1;
    if (cfg->people_path) {
        sw_people_release(&srv->people);
        if (sw_people_load(cfg->people_path, 0, &srv->people, errs) < 0)
            return -1;
    }
    struct sw_buf state = SW_BUF_INIT;
    if (cfg->people_path)
        sw_buf_addf(&state, "%s.sessions", cfg->people_path);
    srv->sessions = web_sessions_new(SESSIONS, cfg->people_path ? sw_buf_str(&state) : NULL,
                                     errs);
    sw_buf_release(&state);
    if (!srv->sessions || public_origin(srv, cfg->public_url, errs) < 0)
        return -1;
    srv->rate = web_ratelimit_new();
    if (!srv->rate)
        return sw_fail_oom(errs, NULL);
    return 0;
}

static void teardown(struct web_server *srv)
{
    if (srv->sessions)
        web_sessions_flush(srv->sessions);
    web_index_release(&srv->index);
    web_sessions_free(srv->sessions);
    web_ratelimit_free(srv->rate);
    sw_people_release(&srv->people);
    pthread_mutex_destroy(&srv->people_lock);
}

int web_serve(const struct web_config *cfg, struct sw_errors *errs)
{
    struct sockaddr_storage addr;
    int loopback = 0;
    const char *listen = cfg->listen ? cfg->listen : "127.0.0.1:8080";
    if (web_parse_listen(listen, &addr, &loopback) < 0)
        return sw_fail(errs, NULL, 0, "--listen '%s' is not ADDR:PORT (a numeric IPv4 "
                       "address, or an IPv6 one in brackets)", listen);
    if (!loopback && !cfg->people_path)
        return sw_fail(errs, NULL, 0, "--listen '%s' is not a loopback address: without "
                       "--people only this machine may connect", listen);
    struct web_server srv;
    char *cert = NULL, *key = NULL;
    int rc = setup(&srv, cfg, errs);
    if (rc == 0 && cfg->tls_cert && (!(cert = read_small_file(cfg->tls_cert, errs)) ||
                                     !(key = read_small_file(cfg->tls_key, errs))))
        rc = -1;
    unsigned limit = cfg->timeout ? cfg->timeout : DEADLINE;
    if (rc == 0 && !(deadline = web_deadline_new(limit, CONNECTION_LIMIT)))
        rc = sw_fail_oom(errs, NULL);
    struct MHD_Daemon *d = rc == 0 ? start(&srv, &addr, cert, key) : NULL;
    if (rc == 0 && !d)
        rc = sw_error_add(errs, SW_ESYSTEM, NULL, 0, "cannot listen on %s: %s", listen,
                          errno ? strerror(errno) : "refused");
    if (d) {
        const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
        char host[64];
        const char *colon = strrchr(listen, ':');
        snprintf(host, sizeof host, "%.*s", (int)(colon - listen), listen);
        web_log("listening on %s://%s:%u/%s", cert ? "https" : "http", host,
                info ? info->port : 0, srv.single ? " (single-person mode)" : "");
        run_until_signal(d);
        MHD_stop_daemon(d);
    }
    web_deadline_free(deadline);
    deadline = NULL;
    free(cert);
    if (key)
        explicit_bzero(key, strlen(key));
    free(key);
    teardown(&srv);
    return rc;
}
