#!/usr/bin/env python3
"""make bench-mail (part of make bench): one `remind` pass over 1,000 drafts.

    bench_mail.py SCOREWHEEL GENCARDS RUBRIC WORKDIR [DRAFTS]

Generates DRAFTS (default 1,000) draft scorecards (tools/gencards, cached in
WORKDIR), a people file giving every interviewer an email, and runs a real
SMTP server on loopback (python3-aiosmtpd). Times one pass that queues and
sends a reminder for each draft, then a second pass that has nothing to do:
wall time, mails received by the relay and mails per second, against a
floor: Python's smtplib sending as many mails to the same relay. Prints a
Markdown table and writes it to WORKDIR/mail.md.
"""
import os
import re
import shutil
import smtplib
import socket
import subprocess
import sys
import threading
import time

from aiosmtpd.controller import Controller

SW, GENCARDS, RUBRIC, WORK = (os.path.abspath(a) for a in sys.argv[1:5])
DRAFTS = int(sys.argv[5]) if len(sys.argv) > 5 else 1000


class Relay:
    def __init__(self):
        self.n = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.n += 1
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    req = os.path.join(WORK, "mail-req-%d" % DRAFTS)
    if not os.path.isdir(req):
        subprocess.run([GENCARDS, "--rubric", RUBRIC, "--count", str(DRAFTS), "--out", req,
                        "--drafts", "100", "--seed", "27"], check=True,
                       stdout=subprocess.DEVNULL)
    ids = set()
    for d, _, names in os.walk(req):
        for n in names:
            text = open(os.path.join(d, n), encoding="utf-8").read(4096)
            m = re.search(r'interviewer="([^"]+)"', text)
            ids.add(m.group(1))
    tmp = os.path.join(WORK, "mail-run")
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    people = os.path.join(tmp, "people.xml")
    with open(people, "w") as f:
        f.write('<people xmlns="urn:scorewheel:people:1">\n')
        for i in sorted(ids):
            f.write('  <person id="%s" role="interviewer" token-sha256="%s" email="%s@example.org"/>\n'
                    % (i, "0" * 64, i))
        f.write("</people>\n")
    relay = Relay()
    port = free_port()
    ctl = Controller(relay, hostname="127.0.0.1", port=port)
    ctl.start()
    # A Wednesday well after every draft was written: each owes its last reminder.
    now = "2031-01-15T12:00:00Z"
    args = [SW, "--rubric", RUBRIC, "remind", "--people", people, "--mail",
            "smtp://127.0.0.1:%d" % port, "--mail-from", "bench@example.org", "--now", now,
            "--public-url", "https://cards.example.com", req]
    rows = []
    try:
        for label in ("first pass (queue and send)", "second pass (nothing due)"):
            before = relay.n
            t = time.monotonic()
            r = subprocess.run(args, capture_output=True, text=True)
            wall = time.monotonic() - t
            if r.returncode != 0:
                raise SystemExit("remind failed: " + r.stderr)
            time.sleep(0.2)
            sent = relay.n - before
            rows.append((label, wall, sent, sent / wall if wall > 0 else 0))
        # The floor: Python's smtplib sending as many mails of that size over one
        # connection to the same relay, with no files at all.
        before = relay.n
        msg = "Subject: floor\r\n\r\n" + "x" * 600 + "\r\n"
        t = time.monotonic()
        with smtplib.SMTP("127.0.0.1", port) as s:
            for i in range(DRAFTS):
                s.sendmail("bench@example.org", ["iv-%d@example.org" % i], msg)
        wall = time.monotonic() - t
        time.sleep(0.2)
        rows.append(("floor: smtplib, one connection, no files", wall, relay.n - before,
                     (relay.n - before) / wall))
    finally:
        ctl.stop()
    out = ["| remind over %d drafts | wall s | mails | mails/s |" % DRAFTS,
           "|---|---:|---:|---:|"]
    out += ["| %s | %.2f | %d | %.0f |" % r for r in rows]
    text = "\n".join(out) + "\n"
    print(text)
    open(os.path.join(WORK, "mail.md"), "w").write(text)


if __name__ == "__main__":
    main()
