#!/usr/bin/env python3
"""mail_test.py SCOREWHEEL - mail through a real SMTP server on loopback.

Runs python3-aiosmtpd on 127.0.0.1 (a free port) and checks, as the relay
sees them: `people add --send` mails a link that signs in; a name with CR/LF
is refused; rule 15's reminders at chosen times equal the times worked by
hand here (weekday, weekend, after a gap); a second pass sends nothing;
with the relay down mails wait, then arrive exactly once; 10 kills mid-pass
lose nothing (a mail arrives twice only with the same Message-ID); the
digest once a day; "packet complete" once; non-ASCII subjects encoded; no
header injected through a name. With MAIL_DUMP=DIR, one mail of each kind
is written there as received. Prints one line per failed check; exits 1 if
any failed.
"""
import email
import email.header
import email.policy
import http.client
import json
import os
import random
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

from aiosmtpd.controller import Controller

SW = os.path.abspath(sys.argv[1])
TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUBRIC = os.path.join(TOP, "rubrics", "tpm.xml")
FROM = "scorewheel@hiring.example.org"
failures = []
checks = 0


def check(name, ok, detail=""):
    global checks
    checks += 1
    if not ok:
        failures.append(name)
        print("FAIL: %s %s" % (name, detail))


class Relay:
    """An SMTP server on loopback keeping every message it accepted."""

    def __init__(self):
        self.got = []
        self.refuse = set()     # recipients refused with 550
        self.lock = threading.Lock()
        self.port = None
        self.ctl = None

    async def handle_DATA(self, server, session, envelope):
        if self.refuse & set(envelope.rcpt_tos):
            return "550 no such user here"
        with self.lock:
            self.got.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"

    def start(self):
        if not self.port:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                self.port = s.getsockname()[1]
        self.ctl = Controller(self, hostname="127.0.0.1", port=self.port)
        self.ctl.start()

    def stop(self):
        self.ctl.stop()

    def take(self):
        with self.lock:
            out, self.got = self.got, []
        got = []
        for f, t, c in out:
            m = email.message_from_bytes(c, policy=email.policy.default)
            m.raw = c           # the bytes as received
            got.append((f, t, m))
        return got


def run(*args, env=None, cwd=None):
    e = dict(os.environ)
    e.pop("SOURCE_DATE_EPOCH", None)
    e.update(env or {})
    return subprocess.run([SW, "--rubric", RUBRIC, *args], capture_output=True, text=True,
                          env=e, cwd=cwd)


def epoch(stamp):
    return int(time.mktime(time.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ")) - time.timezone)


def draft(req, cand, interview, who, created, name=None):
    r = run("new", "-i", interview, "-c", cand, "-r", who, "--name", name or ("Ada " + cand),
            env={"SOURCE_DATE_EPOCH": str(epoch(created))}, cwd=req)
    assert r.returncode == 0, r.stderr
    return os.path.join(req, cand, "%s--%s.xml" % (interview, who))


def submit(path):
    text = open(path).read().replace('status="draft"', 'status="submitted"')
    text = re.sub(r"<recommendation>\s*</recommendation>|<recommendation/>", "", text)
    text = re.sub(r'(<rating [^>]*?)(/?>)', r'\1 value="3"\2', text, count=1)
    open(path, "w").write(text)


def remind(ctx, now, *extra):
    r = run("remind", "--people", ctx["people"], "--mail", "smtp://127.0.0.1:%d" % ctx["relay"].port,
            "--mail-from", FROM, "--public-url", "https://cards.example.com", "--now", now,
            "--format", "json", *extra, *ctx["reqs"])
    try:
        out = json.loads(r.stdout)
    except ValueError:
        out = None
    return r, out


def dump(kind, msg):
    d = os.environ.get("MAIL_DUMP")
    if d:
        os.makedirs(d, exist_ok=True)
        open(os.path.join(d, kind + ".eml"), "wb").write(msg.raw)


def people_add(ctx, who, role, addr, name, send=True):
    args = ["people", "add", "--people", ctx["people"], "--role", role, "--name", name,
            "--email", addr, "--public-url", "https://cards.example.com"]
    if send:
        args += ["--send", "--mail", "smtp://127.0.0.1:%d" % ctx["relay"].port,
                 "--mail-from", FROM]
    return run(*args, who)


def test_signin(ctx, tmp):
    relay = ctx["relay"]
    r = people_add(ctx, "akim", "interviewer", "akim@example.org", "Ana Kim")
    check("signin-exit", r.returncode == 0, r.stderr)
    check("signin-not-printed", "login?t=" not in r.stdout and "mailed to akim@example.org"
          in r.stdout, r.stdout)
    got = relay.take()
    check("signin-one-mail", len(got) == 1, str(len(got)))
    if not got:
        return
    mail_from, rcpt, msg = got[0]
    dump("signin", msg)
    check("signin-envelope", mail_from == FROM and rcpt == ["akim@example.org"])
    check("signin-plain-utf8", msg.get_content_type() == "text/plain" and
          msg.get_content_charset() == "utf-8")
    m = re.search(r"https://cards\.example\.com/login\?t=([0-9a-f]{64})", msg.get_content())
    check("signin-link", m is not None, msg.get_content())
    for d in ("sent",):
        for n in os.listdir(os.path.join(ctx["people"] + ".outbox", d)):
            text = open(os.path.join(ctx["people"] + ".outbox", d, n)).read()
            check("signin-token-not-kept", m and m.group(1) not in text)
    if m:
        check_sign_in(ctx, tmp, m.group(1))
    r = people_add(ctx, "evil", "interviewer", "evil@example.org", "Eve\r\nBcc: x@example.org")
    check("crlf-name-refused", r.returncode == 1 and "control character" in r.stderr, r.stderr)
    r = people_add(ctx, "evil", "interviewer", "evil@example.org\nBcc: x@y", "Eve")
    check("crlf-email-refused", r.returncode == 1, r.stderr)
    check("crlf-nothing-stored", "evil" not in open(ctx["people"]).read())
    check("crlf-nothing-sent", relay.take() == [])


def start_serve(tmp, name, args):
    """`serve` on a free loopback port: (process, port, log file)."""
    log_path = os.path.join(tmp, name + ".log")
    log = open(log_path, "w")
    p = subprocess.Popen([SW, "--rubric", RUBRIC, "serve", "--listen", "127.0.0.1:0", *args],
                         stderr=log)
    for _ in range(200):
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", open(log_path).read())
        if m:
            return p, int(m.group(1)), log
        time.sleep(0.05)
    p.kill()
    raise SystemExit("serve did not start: " + open(log_path).read())


def stop_serve(p, log):
    p.send_signal(signal.SIGTERM)
    rc = p.wait(timeout=60)
    log.close()
    return rc


def sign_in(port, token):
    """Signs in with the token as a browser would: (status, Set-Cookie value)."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    h = {"Host": "127.0.0.1:%d" % port}
    c.request("GET", "/login?t=" + token, headers=h)
    r = c.getresponse()
    page = r.read().decode()
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    body = urllib.parse.urlencode({"t": token, "csrf": csrf.group(1) if csrf else ""})
    c.request("POST", "/login", body=body, headers=dict(h, **{
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": (r.getheader("Set-Cookie") or "").split(";")[0]}))
    r = c.getresponse()
    r.read()
    return r.status, (r.getheader("Set-Cookie") or "").split(";")[0]


def check_sign_in(ctx, tmp, token):
    """The mailed token signs in to `serve` as the link printed would."""
    p, port, log = start_serve(tmp, "serve", ["--people", ctx["people"], *ctx["reqs"]])
    try:
        status, cookie = sign_in(port, token)
        check("signin-link-signs-in", status == 303 and cookie.startswith("sw_session="),
              str(status))
    finally:
        stop_serve(p, log)


def queued(out, kind):
    return [q for q in (out or {}).get("queued", []) if q["kind"] == kind]


def test_reminders(ctx):
    """Rule 15 with the rubric's defaults (1 h, 24 h, 10), worked by hand:
    draft A created Mon 2026-12-07 09:00: t(k) = Mon 10:00 + k days (Sat 12th
    is k = 5, Sun k = 6, Mon 14th k = 7). Draft B created Fri 2026-12-11
    23:30: t(0) Sat 00:30 and t(1) Sun 00:30 skipped, t(2) Mon 14th 00:30."""
    relay, req = ctx["relay"], ctx["reqs"][0]
    draft(req, "c-1", "technical-deep-dive", "akim", "2026-12-07T09:00:00Z", "Zoë Ångström")
    cases = [("2026-12-07T09:59:59Z", []), ("2026-12-07T10:00:00Z", [0]),
             ("2026-12-07T18:00:00Z", []),                # a second pass: nothing
             ("2026-12-11T11:00:00Z", [4]),               # after a gap: t(4), not 1..3
             ("2026-12-12T12:00:00Z", []),                # Saturday: t(5) skipped
             ("2026-12-13T12:00:00Z", []),                # Sunday
             ("2026-12-14T10:00:00Z", [7])]
    for now, want in cases:
        r, out = remind(ctx, now)
        ks = [q["k"] for q in queued(out, "reminder")]
        check("reminder-%s" % now, r.returncode == 0 and ks == want,
              "%s %s %s" % (ks, r.stdout, r.stderr))
        got = relay.take()
        check("reminder-received-%s" % now, len(got) == len(want), str(len(got)))
        for _, rcpt, msg in got:
            dump("reminder", msg)
            check("reminder-to", rcpt == ["akim@example.org"])
            check("reminder-subject-decoded", str(msg["subject"]) ==
                  "Reminder: your scorecard for Zoë Ångström (technical-deep-dive)",
                  str(msg["subject"]))
            raw = msg.raw.decode("utf-8")
            check("reminder-subject-rfc2047", "Subject: =?UTF-8?B?" in raw)
            check("reminder-link", "https://cards.example.com/r/req1/s/c-1/technical-deep-dive/"
                  "akim" in msg.get_content())
    if queued(out, "reminder"):
        check("reminder-json-card", queued(out, "reminder")[0]["card"] ==
              "c-1/technical-deep-dive--akim.xml")
    draft(req, "c-2", "technical-deep-dive", "akim", "2026-12-11T23:30:00Z")
    for now, want in [("2026-12-12T12:00:00Z", []), ("2026-12-14T00:30:00Z", [2])]:
        r, out = remind(ctx, now)
        ks = [q["k"] for q in queued(out, "reminder") if q["card"].startswith("c-2/")]
        check("weekend-created-%s" % now, ks == want, "%s %s" % (ks, r.stderr))
        relay.take()
    r, out = remind(ctx, "2026-12-15T10:00:00Z", "--dry-run")
    check("dry-run-says", len(queued(out, "reminder")) == 2 and out["dry_run"] is True,
          r.stdout)
    check("dry-run-sends-nothing", relay.take() == [])


def test_digest_and_packet(ctx):
    relay, req = ctx["relay"], ctx["reqs"][0]
    r = people_add(ctx, "rita", "recruiter", "rita@example.org", "Rita Recruiter", send=False)
    r2 = people_add(ctx, "carl", "committee", "carl@example.org", "Carl Committee", send=False)
    check("add-no-send", r.returncode == 0 and r2.returncode == 0 and "login?t=" in r.stdout)
    r, out = remind(ctx, "2026-12-16T08:00:00Z")
    dig = queued(out, "digest")
    check("digest-once", len(dig) == 1 and dig[0]["to"] == "rita@example.org", r.stdout)
    msgs = {m["To"]: m for _, _, m in relay.take()}
    body = msgs["rita@example.org"].get_content() if "rita@example.org" in msgs else ""
    if "rita@example.org" in msgs:
        dump("digest", msgs["rita@example.org"])
    check("digest-oldest-first", body.find("c-1") < body.find("c-2") and body.find("c-2") > 0,
          body)
    r, out = remind(ctx, "2026-12-16T20:00:00Z")
    check("digest-once-a-day", queued(out, "digest") == [], r.stdout)
    relay.take()
    for cand in ("c-1", "c-2"):
        submit(os.path.join(req, cand, "technical-deep-dive--akim.xml"))
    r, out = remind(ctx, "2026-12-17T09:00:00Z")
    pk = queued(out, "packet")
    check("packet-complete", sorted(q["candidate"] for q in pk) == ["req1/c-1", "req1/c-2"] and
          queued(out, "reminder") == [] and queued(out, "digest") == [], r.stdout + r.stderr)
    got = relay.take()
    check("packet-received", len(got) == 2 and all(t == ["carl@example.org"] for _, t, _ in got))
    for _, _, m in got[:1]:
        dump("packet", m)
    r, out = remind(ctx, "2026-12-18T09:00:00Z")
    check("packet-once", queued(out, "packet") == [] and relay.take() == [], r.stdout)


def test_relay_down(ctx):
    relay, req = ctx["relay"], ctx["reqs"][0]
    draft(req, "c-3", "program-execution", "akim", "2026-12-21T09:00:00Z")
    relay.stop()
    r, out = remind(ctx, "2026-12-21T10:00:00Z")
    check("down-queued", len(queued(out, "reminder")) == 1 and out["waiting"] == 1 and
          out["sent"] == 0, r.stdout + r.stderr)
    relay.start()
    r, out = remind(ctx, "2026-12-21T10:00:30Z")
    check("down-backoff-waits", out and out["sent"] == 0 and out["waiting"] == 1, r.stdout)
    check("down-nothing-yet", relay.take() == [])
    r, out = remind(ctx, "2026-12-21T10:01:00Z")
    check("down-then-sent", out and out["sent"] == 1 and out["waiting"] == 0, r.stdout)
    got = relay.take()
    check("down-arrives-once", len(got) == 1, str(len(got)))
    r, out = remind(ctx, "2026-12-21T10:30:00Z")
    check("down-not-again", out and out["sent"] == 0 and relay.take() == [], r.stdout)


def test_kills(ctx, tmp):
    """200 drafts, a pass killed 10 times at random moments, then one to the end:
    every reminder arrives, and a second copy only with the same Message-ID."""
    relay = ctx["relay"]
    req = os.path.join(tmp, "req2")
    os.makedirs(req)
    for i in range(200):
        draft(req, "k-%03d" % i, "technical-deep-dive", "akim", "2026-12-28T09:00:00Z")
    kctx = dict(ctx, reqs=[req])
    rnd = random.Random(27)
    args = [SW, "--rubric", RUBRIC, "remind", "--people", ctx["people"], "--mail",
            "smtp://127.0.0.1:%d" % relay.port, "--mail-from", FROM, "--now",
            "2026-12-28T10:00:00Z", req]
    for _ in range(10):
        p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0.02, 0.4))
        p.send_signal(signal.SIGKILL)
        p.wait()
    r, out = remind(kctx, "2026-12-28T10:00:00Z")
    check("kills-final-pass", r.returncode == 0 and out and out["waiting"] == 0, r.stderr)
    ids = [m["Message-ID"] for _, _, m in relay.take()]
    check("kills-nothing-lost", len(set(ids)) == 200, str(len(set(ids))))
    check("kills-duplicates-same-id", len(ids) - len(set(ids)) <= 10, str(len(ids)))


def test_relay_refuses(ctx):
    """A mail the relay refuses (550) waits, does not hold up the others, and
    moves to failed/ with the reason once 3 days have passed."""
    relay, req = ctx["relay"], ctx["reqs"][0]
    shutil.copy(ctx["people"], ctx["people"] + ".before-nemo")
    people_add(ctx, "nemo", "interviewer", "nemo@example.org", "Nemo", send=False)
    relay.refuse.add("nemo@example.org")
    draft(req, "c-4", "program-execution", "nemo", "2026-12-22T09:00:00Z")
    draft(req, "c-5", "program-execution", "akim", "2026-12-22T09:00:00Z")
    r, out = remind(ctx, "2026-12-22T10:00:00Z")
    check("refused-waits", out and out["sent"] >= 1 and out["waiting"] == 1, r.stdout)
    got = relay.take()
    check("refused-others-sent", len(got) == out["sent"] and
          all(t == ["akim@example.org"] for _, t, _ in got), str(got))
    r, out = remind(ctx, "2026-12-25T10:00:00Z")
    check("refused-failed-after-3-days", out and out["failed"] == 1, r.stdout)
    d = os.path.join(ctx["people"] + ".outbox", "failed")
    reasons = [open(os.path.join(d, n)).read() for n in os.listdir(d)]
    check("refused-reason", any("to nemo@example.org" in t and "550" in t for t in reasons),
          str(reasons))
    relay.refuse.clear()
    relay.take()
    os.unlink(ctx["people"])    # nemo's next reminders: not in the tests that follow
    os.rename(ctx["people"] + ".before-nemo", ctx["people"])


def test_serve_mail(ctx, tmp):
    """serve --mail runs the pass at once and every minute: a new complete
    packet is mailed to the committee while the server runs."""
    relay, req = ctx["relay"], ctx["reqs"][0]
    relay.take()
    path = draft(req, "c-s", "technical-deep-dive", "bo", "2027-01-05T09:00:00Z")
    submit(path)
    p, _, log = start_serve(tmp, "serve-mail", [
        "--people", ctx["people"], "--mail", "smtp://127.0.0.1:%d" % relay.port,
        "--mail-from", FROM, req])
    got = []
    for _ in range(100):
        got += [g for g in relay.take() if "/c/c-s" in g[2].get_content()]
        if got:
            break
        time.sleep(0.1)
    rc = stop_serve(p, log)
    text = open(os.path.join(tmp, "serve-mail.log")).read()
    check("serve-mail-packet", len(got) == 1 and got[0][1] == ["carl@example.org"], text)
    check("serve-mail-log", re.search(r"^scorewheel serve: mail: queued 1, sent 1, waiting \d+, failed 0$",
                                      text, re.M) is not None, text)
    check("serve-mail-sigterm", rc == 0, str(rc))


def test_mail_page(ctx, tmp):
    """/mail shows the recruiter what was sent, waits and failed; no one else sees it."""
    tokens = {}
    for who, role in (("rose", "recruiter"), ("cleo", "committee")):
        r = run("people", "add", "--people", ctx["people"], "--role", role, who)
        tokens[who] = re.search(r"login\?t=([0-9a-f]{64})", r.stdout).group(1)
    # One failed record, as a pass gives up after 3 days.
    failed = os.path.join(ctx["people"] + ".outbox", "failed", "reminder-0f")
    open(failed, "w").write("scorewheel-mail 1\nkind reminder\nfrom a@example.org\n"
                            "to gone@example.org\nqueued 1796000000\nsubject Late <b>\n"
                            "at 1796300000\nattempts 9\nreason 550 no such user <x>\n")
    p, port, log = start_serve(tmp, "serve-page", ["--people", ctx["people"], *ctx["reqs"]])

    def page(who):
        cookie = sign_in(port, tokens[who])[1]
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        c.request("GET", "/mail", headers={"Host": "127.0.0.1:%d" % port, "Cookie": cookie})
        r = c.getresponse()
        return r.status, r.read().decode()
    try:
        status, body = page("rose")
        check("mail-page-200", status == 200, str(status))
        check("mail-page-sent", "Sent (" in body and "akim@example.org" in body and
              "Reminder: your scorecard for" in body, body[:2000])
        check("mail-page-failed", "Failed (2)" in body and "gone@example.org" in body and
              "550 no such user &lt;x&gt;" in body and "Late &lt;b&gt;" in body, body[:3000])
        check("mail-page-no-token", "login?t=" not in body)
        check("mail-page-nav", 'href="/mail"' in body)
        status, body = page("cleo")
        check("mail-page-committee-404", status == 404, str(status))
    finally:
        stop_serve(p, log)


def test_injection(ctx):
    relay, req = ctx["relay"], ctx["reqs"][0]
    path = draft(req, "c-9", "technical-deep-dive", "akim", "2027-01-04T09:00:00Z")
    text = open(path).read().replace("<candidate-name>Ada c-9</candidate-name>",
                                     "<candidate-name>Ada&#13;&#10;Bcc: eve@evil.example"
                                     "</candidate-name>")
    open(path, "w").write(text)
    r, out = remind(ctx, "2027-01-04T10:00:00Z")
    got = [g for g in relay.take() if "c-9" in g[2].get_content()]
    check("injection-one-mail", len(got) == 1 and got[0][1] == ["akim@example.org"],
          "%d %s %s" % (len(got), r.stdout, r.stderr))
    for _, _, m in got:
        head = m.raw.decode().split("\r\n\r\n")[0]
        check("injection-no-bcc", m["Bcc"] is None and
              "Subject: Reminder: your scorecard for Ada  Bcc: eve@evil.example" in head, head)


def main():
    tmp = tempfile.mkdtemp(prefix="sw-mail-")
    relay = Relay()
    relay.start()
    req = os.path.join(tmp, "req1")
    os.makedirs(req)
    ctx = {"relay": relay, "people": os.path.join(tmp, "people.xml"), "reqs": [req]}
    try:
        test_signin(ctx, tmp)
        test_reminders(ctx)
        test_digest_and_packet(ctx)
        test_relay_down(ctx)
        test_relay_refuses(ctx)
        test_serve_mail(ctx, tmp)
        test_mail_page(ctx, tmp)
        test_injection(ctx)
        test_kills(ctx, tmp)
    finally:
        relay.stop()
        if not os.environ.get("KEEP"):
            shutil.rmtree(tmp, ignore_errors=True)
    print("mail_test: %d checks, %d failed" % (checks, len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
