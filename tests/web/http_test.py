#!/usr/bin/env python3
"""http_test.py SCOREWHEEL - `scorewheel serve` over real HTTP on 127.0.0.1.

Runs the real server on a free port (--listen 127.0.0.1:0) over a scratch
requisition and checks, as a client would: sign-in good and bad, the
cookie's flags, the headers of every response, CSRF and origin refusals
that change no file, 404s outside one's rights, path tricks that create no
file, 413, 415, a slow client cut off, 409 with the typed text shown back,
20 clients x 10 concurrent saves with no lost write, revocation, the log
(one line per request, never a token) and SIGTERM -> exit 0.
Prints one line per check; exits 1 if any failed.
"""
import hashlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

SW = os.path.abspath(sys.argv[1])
CSP = ("default-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; "
       "frame-ancestors 'none'")
failures = []
checks = 0


def check(name, ok, detail=""):
    global checks
    checks += 1
    if not ok:
        failures.append(name)
        print("FAIL: %s %s" % (name, detail))


def run(*args, cwd=None):
    return subprocess.run([SW, *args], cwd=cwd, capture_output=True, text=True)


class Server:
    def __init__(self, tmp, args, env=None):
        self.log_path = os.path.join(tmp, "serve-%d.log" % time.monotonic_ns())
        self.log = open(self.log_path, "w")
        e = dict(os.environ)
        e.update(env or {})
        wrap = os.environ.get("SW_WRAP", "").split()
        self.proc = subprocess.Popen([*wrap, SW, "serve", "--listen", "127.0.0.1:0", *args],
                                     cwd=tmp, stderr=self.log, env=e)
        self.port = None
        for _ in range(200):
            text = open(self.log_path).read()
            m = re.search(r"listening on https?://127\.0\.0\.1:(\d+)/", text)
            if m:
                self.port = int(m.group(1))
                break
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        if not self.port:
            self.proc.kill()
            raise SystemExit("server did not start: " + open(self.log_path).read())

    def text(self):
        return open(self.log_path).read()

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        rc = self.proc.wait(timeout=40)
        self.log.close()
        return rc


class Client:
    """One browser: a cookie jar of one cookie, and the last CSRF token seen."""

    def __init__(self, server):
        self.server = server
        self.cookie = None
        self.csrf = None

    def request(self, method, path, body=None, headers=None, ctype=None):
        c = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        h = {"Host": "127.0.0.1:%d" % self.server.port}
        if self.cookie:
            h["Cookie"] = "sw_session=" + self.cookie
        if body is not None:
            if isinstance(body, dict):
                body = urllib.parse.urlencode(body)
            h["Content-Type"] = ctype or "application/x-www-form-urlencoded"
        h.update(headers or {})
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read().decode("utf-8", "replace")
        r.body = data
        cookie = r.getheader("Set-Cookie")
        if cookie:
            m = re.match(r"sw_session=([^;]*)", cookie)
            self.cookie = m.group(1) or None
        m = re.search(r'name="csrf" value="([0-9a-f]{64})"', data)
        if m:
            self.csrf = m.group(1)
        c.close()
        return r

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, fields, csrf=True, **kw):
        fields = dict(fields)
        if csrf and "csrf" not in fields:
            fields["csrf"] = self.csrf or ""
        return self.request("POST", path, body=fields, **kw)

    def sign_in(self, token):
        r = self.get("/login?t=" + token)
        return self.post("/login", {"t": token}), r


def files_under(root):
    out = {}
    for d, _, names in os.walk(root):
        for n in names:
            p = os.path.join(d, n)
            out[p] = open(p, "rb").read()
    return out


def version_of(page):
    m = re.search(r'name="version" value="([0-9a-f]{64})"', page)
    return m.group(1) if m else None


def main():
    tmp = tempfile.mkdtemp(prefix="sw-http-")
    try:
        test_all(tmp)
    finally:
        if not os.environ.get("KEEP"):
            shutil.rmtree(tmp, ignore_errors=True)
    print("http_test: %d checks, %d failed" % (checks, len(failures)))
    sys.exit(1 if failures else 0)


def make_requisition(tmp):
    req = os.path.join(tmp, "req1")
    os.makedirs(req)
    for cand, who in [("c-1", "akim"), ("c-1", "bo"), ("c-2", "bo"), ("c-3", "akim")]:
        r = run("new", "-i", "technical-deep-dive", "-c", cand, "-r", who, "--name",
                "Ada <b>" + cand, cwd=req)
        assert r.returncode == 0, r.stderr
    people = os.path.join(tmp, "people.xml")
    tokens = {}
    for who, role in [("akim", "interviewer"), ("bo", "interviewer"), ("cara", "committee")]:
        r = run("people", "add", "--people", people, "--role", role, who)
        assert r.returncode == 0, r.stderr
        tokens[who] = re.search(r"/login\?t=([0-9a-f]{64})$", r.stdout.strip()).group(1)
    return req, people, tokens


def test_all(tmp):
    req, people, tokens = make_requisition(tmp)
    check("people-file-mode-0600", os.stat(people).st_mode & 0o777 == 0o600)
    check("people-file-no-token", all(t not in open(people).read() for t in tokens.values()))
    srv = Server(tmp, ["--people", people, "req1"], {"SCOREWHEEL_SERVE_TIMEOUT": "2"})
    try:
        test_sign_in(srv, tokens)
        akim = Client(srv)
        akim.sign_in(tokens["akim"])
        test_headers(srv, akim)
        test_csrf(srv, akim, req)
        test_rights(srv, akim, tokens)
        test_paths(srv, akim, tmp)
        test_limits(srv, akim)
        test_conflict(srv, akim, req)
        test_concurrent_saves(srv, tokens, req)
        test_submit_and_independence(srv, akim, tokens, req)
        test_revoke(srv, people, tokens)
        test_rate_limit(srv)
        in_flight = start_in_flight(srv, akim)
    finally:
        rc = srv.stop()
    check("sigterm-exit-0", rc == 0, "exit %s" % rc)
    in_flight.join()
    check("sigterm-finishes-in-flight", in_flight.result == b"HTTP/1.1 303",
          repr(in_flight.result))
    log = srv.text()
    check("log-no-token", all(t not in log for t in tokens.values()))
    check("log-line-format", re.search(r"^GET / 303 \d+ ms -$", log, re.M) is not None)
    check("log-person", re.search(r"^POST /r/req1/s/c-1/technical-deep-dive/akim 303 \d+ ms "
                                  r"akim$", log, re.M) is not None)
    check("log-stopped", "scorewheel serve: stopped (SIGTERM)" in log)
    test_single_person(tmp)
    test_tls(tmp, people, tokens)


def test_tls(tmp, people, tokens):
    if not shutil.which("openssl"):
        print("http_test: no openssl: TLS not tested")
        return
    cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                    "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"], check=True,
                   capture_output=True)
    srv = Server(tmp, ["--people", people, "--tls-cert", cert, "--tls-key", key, "req1"])
    import ssl
    ctx = ssl.create_default_context(cafile=cert)
    ctx.check_hostname = False
    c = http.client.HTTPSConnection("127.0.0.1", srv.port, context=ctx, timeout=10)
    c.request("GET", "/login?t=" + tokens["akim"])
    r = c.getresponse()
    page = r.read().decode()
    check("tls-login-200", r.status == 200)
    check("tls-hsts", r.getheader("Strict-Transport-Security") == "max-age=31536000",
          r.getheader("Strict-Transport-Security"))
    csrf = re.search(r'name="csrf" value="([0-9a-f]{64})"', page).group(1)
    body = urllib.parse.urlencode({"csrf": csrf, "t": tokens["akim"]})
    headers = {"Origin": "https://127.0.0.1:%d" % srv.port,
               "Content-Type": "application/x-www-form-urlencoded"}
    c.request("POST", "/login", body=body, headers=headers)
    r = c.getresponse()
    r.read()
    cookie = r.getheader("Set-Cookie") or ""
    check("tls-sign-in-own-https-origin", r.status == 303, str(r.status))
    check("tls-cookie-secure", cookie.endswith("; HttpOnly; SameSite=Strict; Secure"), cookie)
    c.close()
    check("tls-sigterm", srv.stop() == 0)


def start_in_flight(srv, akim):
    """A sign-out whose body is still coming when SIGTERM arrives: it must be answered."""
    body = urllib.parse.urlencode({"csrf": akim.csrf, "t": "x"}).encode()
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    s.sendall(("POST /logout HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nCookie: sw_session=%s\r\n"
               "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n"
               % (srv.port, akim.cookie, len(body))).encode() + body[:5])
    t = threading.Thread(target=lambda: None)
    t.result = None

    def finish():
        time.sleep(0.5)
        s.sendall(body[5:])
        try:
            t.result = s.recv(12)
        except OSError as e:
            t.result = repr(e).encode()
        s.close()

    t.run = finish
    t.start()
    time.sleep(0.1)
    return t


def test_sign_in(srv, tokens):
    anon = Client(srv)
    r = anon.get("/")
    check("anonymous-home-redirects", r.status == 303 and r.getheader("Location") == "/login")
    r = anon.get("/login?t=" + tokens["akim"])
    check("login-page-200", r.status == 200)
    check("login-page-posts-token", 'name="t" value="%s"' % tokens["akim"] in r.body)
    # turn 3: a visit stores nothing, so the sign-in page sets no cookie.
    check("login-page-no-cookie", r.getheader("Set-Cookie") is None, r.getheader("Set-Cookie"))
    r = anon.post("/login", {"t": "0" * 64})
    check("bad-token-403", r.status == 403)
    r = anon.post("/login", {"t": tokens["akim"]})
    check("good-token-303", r.status == 303 and r.getheader("Location") == "/")
    cookie = r.getheader("Set-Cookie") or ""
    check("cookie-flags", re.fullmatch(r"sw_session=[0-9a-f]{64}; Path=/; Max-Age=43200; "
                                       r"HttpOnly; SameSite=Strict", cookie) is not None, cookie)
    check("new-session-on-sign-in", anon.cookie is not None)
    r = anon.get("/")
    check("home-after-sign-in", r.status == 200 and "Ada &lt;b&gt;c-1" in r.body)
    check("home-lists-own-only", "c-2" not in r.body)
    old = anon.cookie
    r = anon.post("/logout", {})
    check("sign-out", r.status == 303 and r.getheader("Location") == "/login")
    anon.cookie = old
    r = anon.get("/")
    check("session-ended", r.status == 303)


def test_headers(srv, akim):
    paths = ["/", "/login", "/nope", "/r/req1/s/c-1/technical-deep-dive/akim",
             "/kit/technical-deep-dive", "/assets/style.css", "/assets/app.js"]
    for p in paths:
        r = akim.get(p)
        ok = (r.getheader("Content-Security-Policy") == CSP and
              r.getheader("X-Content-Type-Options") == "nosniff" and
              r.getheader("Referrer-Policy") == "no-referrer")
        check("headers " + p, ok)
    r = akim.get("/r/req1/s/c-1/technical-deep-dive/akim")
    check("no-store-on-card", r.getheader("Cache-Control") == "no-store")
    check("form-has-fieldsets", r.body.count("<fieldset") == 5 and "<legend>" in r.body)
    r = akim.get("/assets/style.css")
    check("css-type", r.getheader("Content-Type") == "text/css; charset=utf-8")


def test_csrf(srv, akim, req):
    path = "/r/req1/s/c-1/technical-deep-dive/akim"
    page = akim.get(path).body
    version = version_of(page)
    before = files_under(req)
    fields = {"version": version, "action": "save", "notes": "csrf attack"}
    cases = [
        ("no-token", dict(fields), {}, False),
        ("wrong-token", dict(fields, csrf="a" * 64), {}, False),
        ("cross-site", dict(fields), {"Sec-Fetch-Site": "cross-site"}, True),
        ("evil-origin", dict(fields), {"Origin": "http://evil.example"}, True),
        ("null-origin-no-fetch-site", dict(fields), {"Origin": "null"}, True),
    ]
    for name, f, headers, with_csrf in cases:
        r = akim.post(path, f, csrf=with_csrf, headers=headers)
        check("csrf-refused " + name, r.status == 403, str(r.status))
    check("csrf-changed-no-file", files_under(req) == before)
    r = akim.post(path, dict(fields, notes="from chromium"),
                  headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    check("null-origin-same-origin-accepted", r.status == 303, str(r.status))
    r = akim.post(path, dict(fields, notes="x", version=version_of(akim.get(path).body)),
                  headers={"Origin": "http://127.0.0.1:%d" % srv.port})
    check("own-origin-accepted", r.status == 303, str(r.status))


def test_rights(srv, akim, tokens):
    cara = Client(srv)
    cara.sign_in(tokens["cara"])
    for p in ["/r/req1/s/c-1/technical-deep-dive/bo", "/r/req1/s/c-2/technical-deep-dive/bo",
              "/r/req1/s/c-9/technical-deep-dive/akim", "/r/nope/s/c-1/technical-deep-dive/akim",
              "/r/req1", "/kit/program-execution", "/kit/nope"]:
        r = akim.get(p)
        check("interviewer-404 " + p, r.status == 404, str(r.status))
    r = akim.get("/kit/technical-deep-dive")
    check("interviewer-own-kit", r.status == 200 and "Question 1 of 4" in r.body)
    r = cara.get("/r/req1/s/c-2/technical-deep-dive/bo")
    check("committee-reads-card", r.status == 200 and 'name="version"' not in r.body)
    page = akim.get("/r/req1/s/c-1/technical-deep-dive/akim").body
    r = cara.post("/r/req1/s/c-1/technical-deep-dive/akim",
                  {"version": version_of(page), "action": "save", "notes": "committee"})
    check("committee-write-404", r.status == 404, str(r.status))


def test_paths(srv, akim, tmp):
    before = set(files_under(tmp))
    tricks = ["/r/req1/s/c-1/..%2F..%2Fetc/akim", "/r/%2e%2e/s/c-1/technical-deep-dive/akim",
              "/r/req1/s/%2e%2e/technical-deep-dive/akim", "/r/req1/s/c-1/technical-deep-dive/.",
              "/r/req1/s/c-1/technical-deep-dive/..", "/r/req1/s/c-1%2Fx/technical-deep-dive/akim",
              "/r/req1/s/c-1/technical-deep-dive/akim%00", "/r/req1/../req1/s/c-1/x/y",
              "/assets/..%2Fweb.h", "/r/req1/s/c-1/technical-deep-dive/.hidden"]
    for p in tricks:
        for method in ("GET", "POST"):
            if method == "GET":
                r = akim.get(p)
            else:
                r = akim.post(p, {"version": "0", "action": "save", "notes": "trick"})
            check("path-trick %s %s" % (method, p), r.status in (400, 404), str(r.status))
    check("path-tricks-create-no-file", set(files_under(tmp)) == before)


def raw(srv, data, wait=5.0):
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=wait)
    s.sendall(data)
    out = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
            if b"\r\n\r\n" in out and not out.startswith(b"HTTP/1.1 100"):
                break
    except (socket.timeout, ConnectionResetError):
        pass
    s.close()
    return out


def test_limits(srv, akim):
    head = ("POST /r/req1/s/c-1/technical-deep-dive/akim HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
            "Cookie: sw_session=%s\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Content-Length: %d\r\n\r\n" % (srv.port, akim.cookie, 2 << 20))
    out = raw(srv, head.encode())
    check("413-announced", out.startswith(b"HTTP/1.1 413"), out[:40])
    # Chunked: no size announced, the body is counted as it comes.
    body = ("csrf=%s&notes=%s" % (akim.csrf, "x" * (1 << 20))).encode()
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 65536]), body[i:i + 65536])
                       for i in range(0, len(body), 65536)) + b"0\r\n\r\n"
    head = ("POST /r/req1/s/c-1/technical-deep-dive/akim HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
            "Cookie: sw_session=%s\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Transfer-Encoding: chunked\r\n\r\n" % (srv.port, akim.cookie))
    out = raw(srv, head.encode() + chunked)
    check("413-sent-chunked", out.startswith(b"HTTP/1.1 413"), out[:40])
    r = akim.post("/r/req1/s/c-1/technical-deep-dive/akim", {"notes": "m"},
                  ctype="multipart/form-data; boundary=x")
    check("415-multipart", r.status == 415, str(r.status))
    r = akim.get("/" + "a" * 5000)
    check("414-long-target", r.status == 414, str(r.status))
    r = akim.request("PUT", "/")
    check("405-put", r.status == 405, str(r.status))
    start = time.monotonic()
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
    try:
        got = s.recv(100)
    except (socket.timeout, ConnectionResetError):
        got = b"timeout"
    took = time.monotonic() - start
    s.close()
    check("slow-client-cut-off", got == b"" and took < 8, "%r after %.1f s" % (got, took))
    out = raw(srv, b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100000 + b"\r\n\r\n")
    check("huge-header-refused", out == b"" or re.match(rb"HTTP/1.1 4\d\d", out) is not None,
          out[:40])
    # The per-address limit allows at least 32 connections at once.
    socks = [socket.create_connection(("127.0.0.1", srv.port)) for _ in range(33)]
    for s in socks:
        s.sendall(b"GET /assets/app.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    answers = [s.recv(12) for s in socks]
    for s in socks:
        s.close()
    check("33-connections-one-address", all(a == b"HTTP/1.1 200" for a in answers))


def test_conflict(srv, akim, req):
    path = "/r/req1/s/c-1/technical-deep-dive/akim"
    old = version_of(akim.get(path).body)
    r = akim.post(path, {"version": old, "action": "save", "v0": "4", "e0": "first save"})
    check("save-303", r.status == 303, str(r.status))
    xml = open(os.path.join(req, "c-1", "technical-deep-dive--akim.xml")).read()
    check("save-reaches-file", 'value="4"' in xml and "first save" in xml)
    r = akim.post(path, {"version": old, "action": "save", "v0": "2",
                         "e0": "TYPED <lost?> & kept", "notes": "typed notes"})
    check("stale-save-409", r.status == 409, str(r.status))
    check("409-shows-typed-text", "TYPED &lt;lost?&gt; &amp; kept" in r.body and
          "typed notes" in r.body)
    check("409-keeps-file", "first save" in
          open(os.path.join(req, "c-1", "technical-deep-dive--akim.xml")).read())
    r = akim.post(path, {"version": old, "action": "save", "ajax": "1", "notes": "auto"})
    check("stale-autosave-409-json", r.status == 409 and r.body.startswith('{"message": '))
    cur = version_of(akim.get(path).body)
    r = akim.post(path, {"version": cur, "action": "save", "ajax": "1", "notes": "auto"})
    check("autosave-200-json", r.status == 200 and re.fullmatch(
        r'\{"version": "[0-9a-f]{64}", "saved": "\d\d:\d\d"\}\n', r.body) is not None, r.body)
    data = open(os.path.join(req, "c-1", "technical-deep-dive--akim.xml"), "rb").read()
    check("autosave-version-is-file-sha256",
          hashlib.sha256(data).hexdigest() in r.body)
    r = akim.post(path, {"version": version_of(akim.get(path).body), "action": "save",
                         "v0": "3.25"})
    check("off-scale-400", r.status == 400, str(r.status))


def test_concurrent_saves(srv, tokens, req):
    path = "/r/req1/s/c-3/technical-deep-dive/akim"
    clients = []
    for i in range(20):
        c = Client(srv)
        c.cookie = None
        clients.append(c)
    # One session shared by 20 clients (sign-in is rate-limited per address).
    first = clients[0]
    first.sign_in(tokens["akim"])
    for c in clients[1:]:
        c.cookie, c.csrf = first.cookie, first.csrf
    results = []
    lock = threading.Lock()

    def work(i, c):
        for j in range(10):
            page = c.get(path)
            base = version_of(page.body)
            text = "client %d save %d" % (i, j)
            r = c.post(path, {"version": base, "action": "save", "notes": text})
            with lock:
                results.append((base, r.status, text))

    threads = [threading.Thread(target=work, args=(i, c)) for i, c in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ok = [r for r in results if r[1] == 303]
    check("concurrent-200-saves", len(results) == 200, str(len(results)))
    check("concurrent-only-303-409", all(r[1] in (303, 409) for r in results),
          str(sorted(set(r[1] for r in results))))
    check("concurrent-some-succeed", len(ok) >= 10, str(len(ok)))
    bases = [r[0] for r in ok]
    check("concurrent-no-lost-write", len(bases) == len(set(bases)),
          "%d saves from %d versions" % (len(bases), len(set(bases))))
    xml = open(os.path.join(req, "c-3", "technical-deep-dive--akim.xml")).read()
    texts = [r[2] for r in ok]
    check("concurrent-file-holds-a-success",
          any("<notes>%s</notes>" % t in xml for t in texts))
    v = run("validate", os.path.join(req, "c-3"))
    check("concurrent-file-valid", v.returncode == 0, v.stderr)
    print("concurrent saves: %d accepted, %d refused with 409" % (len(ok), 200 - len(ok)))


def test_submit_and_independence(srv, akim, tokens, req):
    bo = Client(srv)
    bo.sign_in(tokens["bo"])
    bo_path = "/r/req1/s/c-1/technical-deep-dive/bo"
    r = akim.get(bo_path)
    check("others-card-hidden-before-submit", r.status == 404, str(r.status))
    page = bo.get(bo_path).body
    r = bo.post(bo_path, {"version": version_of(page), "action": "submit", "v0": "5",
                          "e0": "bo evidence", "rec": "hire"})
    check("submit-303", r.status == 303, str(r.status))
    xml = open(os.path.join(req, "c-1", "technical-deep-dive--bo.xml")).read()
    check("submit-reaches-file", 'status="submitted"' in xml and "bo evidence" in xml)
    r = akim.get(bo_path)
    check("others-card-hidden-until-own-submitted", r.status == 404, str(r.status))
    path = "/r/req1/s/c-1/technical-deep-dive/akim"
    r = akim.post(path, {"version": version_of(akim.get(path).body), "action": "submit",
                         "notes": "typed before submit"})
    check("submit-without-recommendation-400", r.status == 400 and
          "Not submitted: no recommendation yet: choose one before submitting." in r.body and
          "typed before submit" in r.body, str(r.status))
    r = akim.post(path, {"version": version_of(akim.get(path).body), "action": "submit",
                         "rec": "hire"})
    check("own-submit-303", r.status == 303 and r.getheader("Location") == path +
          "?submitted=1", str(r.status))
    r = akim.get(path + "?submitted=1")
    check("submit-confirmation-links-packet", r.status == 200 and
          'href="/r/req1/c/c-1"' in r.body and "Submitted." in r.body)
    r = akim.get(bo_path)
    check("others-card-visible-after-own-submit", r.status == 200 and "bo evidence" in r.body)
    rep = run("report", "--format", "json", req)
    c1 = [c for c in json.loads(rep.stdout)["candidates"] if c["id"] == "c-1"][0]
    check("report-counts-browser-cards", rep.returncode == 0 and c1["scorecards"] == 2 and
          c1["interviewers"] == ["akim", "bo"] and c1["recommendations"]["hire"] == 2,
          rep.stderr)
    r = akim.get(path)
    check("submitted-read-only", r.status == 200 and "<textarea" not in r.body)
    r = akim.post(path, {"version": "0" * 64, "action": "save", "notes": "too late typed"})
    check("save-submitted-409-typed", r.status == 409 and "too late typed" in r.body)


def test_revoke(srv, people, tokens):
    bo = Client(srv)
    bo.sign_in(tokens["bo"])
    check("bo-signed-in", bo.get("/").status == 200)
    r = run("people", "revoke", "--people", people, "bo")
    check("revoke-exit-0", r.returncode == 0, r.stderr)
    time.sleep(0.05)
    check("revoked-session-ends", bo.get("/").status == 303)


def test_rate_limit(srv):
    c = Client(srv)
    c.get("/login")
    statuses = [c.post("/login", {"t": "1" * 64}).status for _ in range(12)]
    check("rate-limit-429", statuses[-1] == 429 and 403 in statuses, str(statuses))


def test_single_person(tmp):
    r = subprocess.run([SW, "serve", "--listen", "0.0.0.0:0", "req1"], cwd=tmp,
                       capture_output=True, text=True, timeout=10)
    check("single-person-non-loopback-refused", r.returncode == 2 and
          "not a loopback address" in r.stderr, r.stderr)
    srv = Server(tmp, ["req1"])
    c = Client(srv)
    r = c.get("/")
    check("single-person-home", r.status == 200 and "c-2" in r.body)
    r = c.get("/", headers={"Host": "rebound.example:%d" % srv.port})
    check("single-person-other-host-421", r.status == 421 and "c-2" not in r.body, str(r.status))
    path = "/r/req1/s/c-2/technical-deep-dive/bo"
    r = c.get(path)
    r = c.post(path, {"version": version_of(r.body), "action": "save", "notes": "local"})
    check("single-person-save", r.status == 303, str(r.status))
    check("single-person-sigterm", srv.stop() == 0)


if __name__ == "__main__":
    main()
