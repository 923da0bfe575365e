#!/usr/bin/env python3
"""http_trust_test.py SCOREWHEEL - turn 3's trust rules of `scorewheel serve`
over real HTTP on 127.0.0.1 (docs/design.md, "The web app, turn 3: trust first"):

nothing typed is lost (401 with the text, JSON 401 for autosave); sessions
survive a restart and die with their link (revoke, revoke + add); a person
added while serving signs in at once; anonymous requests store nothing;
--public-url and --trusted-proxy; the sign-in limit counts failures only;
independent scoring per card; roles as a set; a deliberate submit; the
small items (405 Allow, Host). The slow-client deadline is in
http_slow_test.py. Prints one line per failed check; exits 1 if any failed.
"""
import http.client
import json
import os
import re
import shutil
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import http_test as h  # noqa: E402  (Server, Client, check, run)

check, run, Server, Client = h.check, h.run, h.Server, h.Client
CARD = "/r/req1/s/c-1/technical-deep-dive/akim"
LEVELS = h.run("rubric", "--ids", "levels").stdout.split()


def version_of(page):
    return h.version_of(page)


def make_requisition(tmp):
    req = os.path.join(tmp, "req1")
    os.makedirs(req)
    cards = [("c-1", "technical-deep-dive", "akim"), ("c-1", "technical-deep-dive", "bo"),
             ("c-1", "program-execution", "bo"), ("c-1", "program-execution", "hm"),
             ("c-2", "technical-deep-dive", "cara")]
    for cand, iv, who in cards:
        r = run("new", "-i", iv, "-c", cand, "-r", who, "--name", "Ada " + cand, cwd=req)
        assert r.returncode == 0, r.stderr
    r = run("new", "-i", "technical-deep-dive", "-c", "c-101", "-r", "akim", "--name",
            "Li Wei", "--level", LEVELS[0], cwd=req)
    assert r.returncode == 0, r.stderr
    people = os.path.join(tmp, "people.xml")
    tokens = {}
    for who, roles in [("akim", ["interviewer"]), ("bo", ["interviewer"]), ("rita", ["recruiter"]),
                       ("cara", ["committee"]), ("hm", ["interviewer", "committee"])]:
        args = [x for role in roles for x in ("--role", role)]
        r = run("people", "add", "--people", people, *args, who)
        assert r.returncode == 0, r.stderr
        tokens[who] = re.search(r"/login\?t=([0-9a-f]{64})$", r.stdout.strip()).group(1)
    return req, people, tokens


def test_schedule(srv, tokens, req):
    """Schedule refuses what aggregation would reject: 400, the typed values kept."""
    rita = signed_in(srv, tokens["rita"])
    path = "/r/req1/schedule"
    rita.get(path)
    before = h.files_under(req)
    base = {"candidate": "c-101", "name": "Li Wei", "level": LEVELS[0],
            "interview": "program-execution", "interviewer": "bo"}
    cases = [
        ("level", dict(base, level=LEVELS[1]), "Candidate c-101 is assessed for level '%s' on "
         "their other scorecards (technical-deep-dive--akim.xml): schedule that level." % LEVELS[0]),
        ("name", dict(base, name="Lee Way"), "Candidate c-101 is named 'Li Wei' on their other "
         "scorecards (technical-deep-dive--akim.xml): use that name, or leave it empty."),
        ("unknown-interviewer", dict(base, interviewer="nobody"), "This interviewer is not in "
         "the people file: add them first (scorewheel people add)."),
        ("unknown-interview", dict(base, interview="nope"), "Choose one of the rubric's "
         "interviews."),
        ("5000-char-id", dict(base, candidate="c" * 5000), "An id is at most 127 characters."),
    ]
    for name, fields, message in cases:
        r = rita.post(path, fields)
        check("schedule-400 " + name, r.status == 400 and h_escape(message) in r.body,
              "%d %s" % (r.status, re.findall(r'role="alert">([^<]*)', r.body)))
        check("schedule-keeps-typed " + name, 'value="%s"' % h_escape(fields["name"]) in r.body)
    check("schedule-refusals-change-no-file", h.files_under(req) == before)
    r = rita.post(path, base)
    check("schedule-consistent-303", r.status == 303, str(r.status))
    r = run("report", "--format", "json", req)
    check("schedule-report-still-valid", r.returncode == 0, r.stderr)


def h_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        "'", "&apos;").replace('"', "&quot;")


def signed_in(srv, token):
    c = Client(srv)
    r, _ = c.sign_in(token)
    check("sign-in-303", r.status == 303, str(r.status))
    return c


def card_file(req, cand, iv, who):
    return os.path.join(req, cand, "%s--%s.xml" % (iv, who))


def test_restart(tmp, people, tokens, req):
    srv = Server(tmp, ["--people", people, "req1"])
    akim = signed_in(srv, tokens["akim"])
    page = akim.get(CARD).body
    srv.stop()
    state = people + ".sessions"
    check("sessions-file-0600", os.path.exists(state) and
          os.stat(state).st_mode & 0o777 == 0o600)
    text = open(state).read() if os.path.exists(state) else ""
    check("sessions-file-no-cookie", akim.cookie not in text and tokens["akim"] not in text)
    srv = Server(tmp, ["--people", people, "req1"])
    akim.server = srv
    r = akim.post(CARD, {"version": version_of(page), "action": "save",
                         "notes": "typed across a restart"})
    check("restart-keeps-session", r.status == 303, str(r.status))
    check("restart-keeps-text", "typed across a restart" in
          open(card_file(req, "c-1", "technical-deep-dive", "akim")).read())
    return srv, akim


def test_signed_out(srv, akim, req):
    """A save whose session is gone: 401, typed text back, no file changed."""
    other = Client(srv)
    other.cookie, other.csrf = akim.cookie, akim.csrf
    page = akim.get(CARD).body
    r = other.post("/logout", {})
    check("sign-out-elsewhere", r.status == 303, str(r.status))
    before = h.files_under(req)
    r = akim.post(CARD, {"version": version_of(page), "action": "submit", "v0": "4",
                         "e0": "evidence <kept> & shown", "notes": "notes typed while out"})
    check("signed-out-save-401", r.status == 401, str(r.status))
    check("401-shows-typed-text", "evidence &lt;kept&gt; &amp; shown" in r.body and
          "notes typed while out" in r.body and 'href="/login"' in r.body)
    r = akim.post(CARD, {"version": version_of(page), "action": "save", "ajax": "1",
                         "notes": "autosaved while out"})
    check("signed-out-autosave-401-json", r.status == 401 and
          r.getheader("Content-Type") == "application/json" and
          json.loads(r.body) == {"error": "signed-out"}, "%d %r" % (r.status, r.body))
    check("signed-out-changes-no-file", h.files_under(req) == before)


def test_revoke(srv, people, tokens):
    bo = signed_in(srv, tokens["bo"])
    check("bo-home-200", bo.get("/").status == 200)
    run("people", "revoke", "--people", people, "bo")
    check("revoke-ends-session", bo.get("/").status == 303)
    r = run("people", "add", "--people", people, "--role", "interviewer", "bo")
    new = re.search(r"/login\?t=([0-9a-f]{64})$", r.stdout.strip()).group(1)
    bo2 = signed_in(srv, new)
    old = Client(srv)
    r, _ = old.sign_in(tokens["bo"])
    check("old-link-refused-after-rotation", r.status == 403, str(r.status))
    run("people", "revoke", "--people", people, "bo")
    run("people", "add", "--people", people, "--role", "interviewer", "bo")
    check("rotation-ends-session", bo2.get("/").status == 303)
    # Added while serving, and nobody loads a page in between: signs in at once.
    r = run("people", "add", "--people", people, "--role", "interviewer", "dee")
    tok = re.search(r"/login\?t=([0-9a-f]{64})$", r.stdout.strip()).group(1)
    dee = Client(srv)
    r, _ = dee.sign_in(tok)
    check("added-while-running-signs-in", r.status == 303, str(r.status))
    return new


def test_anonymous_flood(srv, akim, people):
    """5,000 cookie-less requests store nothing and push no session out."""
    state = people + ".sessions"
    before = open(state).read() if os.path.exists(state) else None
    s = socket.create_connection(("127.0.0.1", srv.port))
    req = ("GET /login HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % srv.port).encode()
    got, buf = 0, b""
    for start in range(0, 5000, 100):
        s.sendall(req * 100)
        while buf.count(b"HTTP/1.1 200") < 100:
            buf += s.recv(1 << 20)
        got += buf.count(b"HTTP/1.1 200")
        check_cookie = b"Set-Cookie" not in buf
        buf = b""
        if not check_cookie:
            break
    s.close()
    check("flood-5000-answered", got == 5000, str(got))
    check("flood-sets-no-cookie", check_cookie)
    check("flood-stores-nothing", before is not None and open(state).read() == before)
    check("flood-keeps-session", akim.get("/").status == 200)


def test_single_person_flood(tmp):
    srv = Server(tmp, ["req1"])
    owner = Client(srv)
    path = "/r/req1/s/c-2/technical-deep-dive/cara"
    page = owner.get(path).body
    s = socket.create_connection(("127.0.0.1", srv.port))
    req = ("GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % srv.port).encode()
    for _ in range(50):
        s.sendall(req * 100)
        buf = b""
        while buf.count(b"HTTP/1.1 ") < 100:
            buf += s.recv(1 << 20)
    s.close()
    r = owner.post(path, {"version": version_of(page), "action": "save", "notes": "mine"})
    check("single-person-save-after-flood", r.status == 303, str(r.status))
    srv.stop()


def test_proxy(tmp, people, tokens, req):
    srv = Server(tmp, ["--people", people, "--public-url", "https://cards.example.com",
                       "--trusted-proxy", "127.0.0.1", "req1"])
    proxied = {"Origin": "https://cards.example.com", "Sec-Fetch-Site": "same-origin"}
    akim = Client(srv)
    akim.get("/login")
    r = akim.post("/login", {"t": tokens["akim"]}, headers=proxied)
    check("proxy-sign-in", r.status == 303, str(r.status))
    check("proxy-cookie-secure", (r.getheader("Set-Cookie") or "").endswith("; Secure"))
    page = akim.get(CARD).body
    r = akim.post(CARD, {"version": version_of(page), "action": "save", "ajax": "1",
                         "notes": "through the proxy"}, headers=proxied)
    check("proxy-origin-autosave-200", r.status == 200, "%d %s" % (r.status, r.body))
    before = h.files_under(req)
    for origin in ["http://127.0.0.1:%d" % srv.port, "http://cards.example.com",
                   "https://evil.example"]:
        r = akim.post(CARD, {"version": version_of(akim.get(CARD).body), "action": "save",
                             "ajax": "1", "notes": "foreign"}, headers={"Origin": origin})
        check("proxy-foreign-origin-403 " + origin, r.status == 403, str(r.status))
    check("proxy-foreign-changes-no-file", h.files_under(req) == before)
    # Limits count the client behind the proxy, not the proxy.
    c = Client(srv)
    c.get("/login")
    bad = [c.post("/login", {"t": "1" * 64}, headers={"X-Forwarded-For": "198.51.100.1"}).status
           for _ in range(11)]
    check("proxy-client-limited", bad[-1] == 429 and bad[:10] == [403] * 10, str(bad))
    r = c.post("/login", {"t": "1" * 64}, headers={"X-Forwarded-For": "10.9.9.9, 198.51.100.2"})
    check("proxy-other-client-not-limited", r.status == 403, str(r.status))
    srv.stop()


def test_limits(srv, tokens):
    """12 valid sign-ins pass; failures alone count: the 11th failure is 429."""
    ok = []
    for _ in range(12):
        r, _ = Client(srv).sign_in(tokens["akim"])
        ok.append(r.status)
    check("12-valid-sign-ins", ok == [303] * 12, str(ok))
    c = Client(srv)
    c.get("/login")
    bad = [c.post("/login", {"t": "2" * 64}).status for _ in range(11)]
    check("11-failures-limited", bad == [403] * 10 + [429], str(bad))
    r, _ = Client(srv).sign_in(tokens["akim"])
    check("valid-link-signs-in-while-limited", r.status == 303, str(r.status))
    r = c.post("/login", {"t": tokens["akim"], "csrf": "0" * 64})
    check("sign-in-stale-proof-403", r.status == 403, str(r.status))


def submit(c, path, fields):
    page = c.get(path).body
    return c.post(path, dict(fields, version=version_of(page), action="submit"))


def test_independence(srv, tokens):
    """bo has two cards on c-1: one submitted opens nothing."""
    bo = signed_in(srv, tokens["bo"])
    hm = signed_in(srv, tokens["hm"])
    others = "/r/req1/s/c-1/program-execution/hm"
    r = submit(hm, others, {"v0": "3", "e0": "hm evidence", "rec": "hire"})
    check("hm-submit-303", r.status == 303, str(r.status))
    r = submit(bo, "/r/req1/s/c-1/technical-deep-dive/bo", {"v0": "4", "rec": "hire"})
    check("bo-first-submit-303", r.status == 303, str(r.status))
    check("two-interviews-packet-hidden", bo.get("/r/req1/c/c-1").status == 404)
    check("two-interviews-cards-hidden", bo.get(others).status == 404)
    r = submit(bo, "/r/req1/s/c-1/program-execution/bo", {"v0": "2", "rec": "no-hire"})
    check("bo-second-submit-303", r.status == 303, str(r.status))
    check("all-submitted-packet-open", bo.get("/r/req1/c/c-1").status == 200)
    check("all-submitted-cards-open", bo.get(others).status == 200)


def test_roles(srv, tokens, req):
    """hm is interviewer and committee: edits their own draft, reads the dashboard;
    cara (committee alone) edits her own card; neither reads c-1 while drafting."""
    hm = signed_in(srv, tokens["hm"])
    check("two-roles-dashboard", hm.get("/r/req1").status == 200)
    own = "/r/req1/s/c-1/program-execution/hm"
    page = hm.get(own)
    check("two-roles-own-draft-form", page.status == 200 and "<textarea" in page.body)
    r = hm.post(own, {"version": version_of(page.body), "action": "save",
                      "notes": "hiring manager notes"})
    check("two-roles-own-draft-save", r.status == 303, str(r.status))
    check("two-roles-own-draft-file", "hiring manager notes" in
          open(card_file(req, "c-1", "program-execution", "hm")).read())
    check("two-roles-drafting-packet-hidden", hm.get("/r/req1/c/c-1").status == 404)
    cara = signed_in(srv, tokens["cara"])
    path = "/r/req1/s/c-2/technical-deep-dive/cara"
    page = cara.get(path)
    check("committee-own-card-form", page.status == 200 and "<textarea" in page.body)
    r = cara.post(path, {"version": version_of(page.body), "action": "save",
                         "notes": "committee member own notes"})
    check("committee-own-card-save", r.status == 303, str(r.status))
    check("committee-own-card-file", "committee member own notes" in
          open(card_file(req, "c-2", "technical-deep-dive", "cara")).read())
    check("committee-drafting-packet-hidden", cara.get("/r/req1/c/c-2").status == 404)
    check("committee-other-packet-open", cara.get("/r/req1/c/c-1").status == 200)
    r = run("people", "list", "--people", os.path.join(os.path.dirname(req), "people.xml"))
    check("people-list-roles", re.search(r"^hm +interviewer committee ", r.stdout, re.M)
          is not None, r.stdout)


def test_submit_rule(srv, tokens, req):
    akim = signed_in(srv, tokens["akim"])
    path = "/r/req1/s/c-1/technical-deep-dive/akim"
    page = akim.get(path).body
    f = card_file(req, "c-1", "technical-deep-dive", "akim")
    before = open(f).read()
    r = akim.post(path, {"version": version_of(page), "action": "submit", "v0": "", "v1": "",
                         "v2": "", "v3": "", "rec": "", "notes": "empty but typed"})
    check("empty-submit-400", r.status == 400 and "Not submitted: nothing is rated yet: rate "
          "at least one question before submitting." in r.body and "empty but typed" in r.body,
          str(r.status))
    check("empty-submit-changes-no-file", open(f).read() == before)


def test_small(srv):
    r = Client(srv).request("DELETE", "/")
    check("405-allow", r.status == 405 and r.getheader("Allow") == "GET, HEAD, POST",
          "%d %s" % (r.status, r.getheader("Allow")))
    out = h.raw(srv, b"GET /login HTTP/1.1\r\nConnection: close\r\n\r\n")
    check("http11-without-host-400", out.startswith(b"HTTP/1.1 400"), out[:40])
    out = h.raw(srv, b"GET /login HTTP/1.0\r\nConnection: close\r\n\r\n")
    check("http10-without-host-200", out.startswith(b"HTTP/1.0 200") or
          out.startswith(b"HTTP/1.1 200"), out[:40])


def section(fn, *args):
    """Runs one group of checks; an exception fails it without hiding the rest."""
    try:
        return fn(*args)
    except (Exception, SystemExit) as e:  # noqa: BLE001  (an old binary may answer anything)
        check("section " + fn.__name__, False, repr(e))
        return None


def test_anonymized(tmp):
    """?anonymize=1: no candidate id anywhere, no part of any name (Li, 王芳, 山田 花子)."""
    import io
    import zipfile
    req = os.path.join(tmp, "req2")
    os.makedirs(req)
    people = [("c-li", "Li Wei", "li said so"), ("c-wang", "王芳", "王说得好"),
              ("c-yamada", "山田 花子", "山田花子さん, 花子")]
    for cand, name, _ in people:
        r = run("new", "-i", "technical-deep-dive", "-c", cand, "-r", "ann", "--name", name,
                cwd=req)
        assert r.returncode == 0, r.stderr
    srv = Server(tmp, ["req2"])
    c = Client(srv)
    for cand, name, also in people:
        path = "/r/req2/s/%s/technical-deep-dive/ann" % cand
        r = submit(c, path, {"v0": "3", "rec": "hire",
                             "e0": "%s (%s) explained it; %s" % (name, cand, also),
                             "notes": "Ask %s again; %s" % (name.split()[0], cand)})
        check("anon-submit " + cand, r.status == 303, str(r.status))
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
    conn.request("GET", "/r/req2/export.xlsx?anonymize=1",
                 headers={"Host": "127.0.0.1:%d" % srv.port})
    r = conn.getresponse()
    data = r.read()
    conn.close()
    srv.stop()
    check("anon-export-200", r.status == 200, str(r.status))
    z = zipfile.ZipFile(io.BytesIO(data))
    text = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    text = re.sub(r"<[^>]*>", " ", text)   # what a reader sees: no tags
    for cand, name, _ in people:
        check("anon-no-id " + cand, cand not in text)
        for part in name.split() + (["王", "芳"] if name == "王芳" else []):
            found = re.search(r"(?<![A-Za-z])%s(?![A-Za-z])" % part, text, re.I)
            check("anon-no-name-part " + part, found is None,
                  text[max(0, found.start() - 40):found.end() + 40] if found else "")
    check("anon-evidence-kept", "explained it" in text)


def main():
    tmp = tempfile.mkdtemp(prefix="sw-trust-")
    try:
        req, people, tokens = make_requisition(tmp)
        srv, akim = test_restart(tmp, people, tokens, req)
        try:
            section(test_anonymous_flood, srv, akim, people)
            section(test_signed_out, srv, akim, req)
            tokens["bo"] = section(test_revoke, srv, people, tokens) or tokens["bo"]
            section(test_small, srv)
        finally:
            srv.stop()
        srv = Server(tmp, ["--people", people, "req1"])
        try:
            r = run("people", "revoke", "--people", people, "bo")
            r = run("people", "add", "--people", people, "--role", "interviewer", "bo")
            tokens["bo"] = re.search(r"/login\?t=([0-9a-f]{64})$", r.stdout.strip()).group(1)
            section(test_limits, srv, tokens)   # first: a fresh server has counted no failure
            section(test_submit_rule, srv, tokens, req)
            section(test_roles, srv, tokens, req)
            section(test_independence, srv, tokens)
            section(test_schedule, srv, tokens, req)
        finally:
            srv.stop()
        section(test_proxy, tmp, people, tokens, req)
        section(test_single_person_flood, tmp)
        section(test_anonymized, tmp)
    finally:
        if not os.environ.get("KEEP"):
            shutil.rmtree(tmp, ignore_errors=True)
    print("http_trust_test: %d checks, %d failed" % (h.checks, len(h.failures)))
    sys.exit(1 if h.failures else 0)


if __name__ == "__main__":
    main()
