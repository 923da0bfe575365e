#!/usr/bin/python3
"""browser_trust_test.py SCOREWHEEL AXE_JS SHOTS_DIR - nothing typed is lost,
in headless Chromium (docs/design.md, "The web app, turn 3: trust first").

A restart of `serve` mid-edit: autosave goes on with the same session.
Signed out elsewhere: autosave says so, the page keeps the text and a copy
in the browser's storage; after signing in again, reopening the form puts
the copy back and saves it. Leaving with unsaved text asks first. Submit
asks first and can be cancelled. Needs what browser_test.py needs.
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_test as b  # noqa: E402  (browser, check, keys, start_server)

check = b.check
FORM = "/r/req1/s/c-1/technical-deep-dive/akim"


def serve(tmp, people, port=0):
    """The server on `port` (0: any; the last --listen counts), and its port."""
    proc, base = b.start_server(tmp, ["--listen", "127.0.0.1:%d" % port, "--people", people,
                                      "req1"])
    return proc, int(base.rsplit(":", 1)[1])


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    return proc.wait(timeout=40)


def wait_for(fn, seconds=12):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if fn():
            return True
        time.sleep(0.25)
    return False


def type_notes(d, text):
    notes = d.find_element("name", "notes")
    notes.click()
    notes.send_keys(text)


def sign_in(d, base, token):
    d.get(base + "/login?t=" + token)
    d.find_element("css selector", "form button[type=submit]").click()
    time.sleep(0.5)


def sign_out_elsewhere(d, base):
    """Another tab's sign-out: the session ends on the server."""
    cookie = d.get_cookie("sw_session")["value"]
    page = d.page_source
    csrf = re.search(r'name="csrf" value="([0-9a-f]{64})"', page).group(1)
    req = urllib.request.Request(base + "/logout", data=("csrf=" + csrf).encode(),
                                 headers={"Cookie": "sw_session=" + cookie,
                                          "Content-Type": "application/x-www-form-urlencoded"})
    try:
        urllib.request.urlopen(req)
    except urllib.error.HTTPError:
        pass


def state(card):
    """The card's status attribute (the guide comment mentions both)."""
    m = re.search(r'<scorecard\b[^>]*\sstatus="(\w+)"', open(card).read())
    return m.group(1) if m else None


def main():
    os.makedirs(b.SHOTS, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="sw-btrust-")
    req = os.path.join(tmp, "req1")
    os.makedirs(req)
    subprocess.run([b.SW, "new", "-i", "technical-deep-dive", "-c", "c-1", "-r", "akim",
                    "--name", "Ada Lovelace"], cwd=req, check=True, capture_output=True)
    people = os.path.join(tmp, "people.xml")
    out = subprocess.run([b.SW, "people", "add", "--people", people, "--role", "interviewer",
                          "akim"], capture_output=True, text=True, check=True).stdout
    token = re.search(r"t=([0-9a-f]{64})", out).group(1)
    card = os.path.join(req, "c-1", "technical-deep-dive--akim.xml")
    proc, port = serve(tmp, people)
    base = "http://127.0.0.1:%d" % port
    d = b.browser(os.path.join(tmp, "profile"))
    try:
        sign_in(d, base, token)
        d.get(base + FORM)
        # A restart mid-edit: the session and the text survive.
        check("restart-exit-0", stop(proc) == 0)
        proc, _ = serve(tmp, people, port)
        type_notes(d, "Typed across a restart.")
        check("restart-autosave-reaches-file",
              wait_for(lambda: "Typed across a restart." in open(card).read()),
              d.find_element("id", "saved").text)
        # Signed out elsewhere: nothing is lost.
        sign_out_elsewhere(d, base)
        type_notes(d, " And while signed out.")
        check("signed-out-says-so", wait_for(
            lambda: "signed out" in d.find_element("id", "saved").text),
            d.find_element("id", "saved").text)
        kept = d.execute_script("return localStorage.getItem('scorewheel:%s');" % FORM) or ""
        check("signed-out-copy-in-storage", "And while signed out." in kept, kept)
        check("signed-out-file-unchanged", "And while signed out." not in open(card).read())
        d.save_screenshot(os.path.join(b.SHOTS, "signed-out-1280.png"))
        # Leaving with unsaved text asks first (chromedriver answers the real
        # prompt by itself, so the page's own beforeunload answer is read).
        asked = d.execute_script("var e = new Event('beforeunload', {cancelable: true});"
                                 "window.dispatchEvent(e); return e.defaultPrevented;")
        check("leaving-unsaved-asks", asked is True, str(asked))
        # Back: sign in again, open the form: the copy is put back and saved.
        sign_in(d, base, token)
        d.get(base + FORM)
        check("copy-put-back-and-saved", wait_for(
            lambda: "Typed across a restart. And while signed out." in open(card).read()),
            d.find_element("id", "saved").text)
        check("copy-forgotten-once-saved", wait_for(lambda: d.execute_script(
            "return localStorage.getItem('scorewheel:%s');" % FORM) is None))
        # Submit asks first; cancelling submits nothing.
        d.get(base + FORM)
        d.find_element("css selector", "input[name=rec][value=hire]").click()
        d.find_element("css selector", "input[name=v0][value='3']").click()
        time.sleep(0.2)
        d.find_element("css selector", "button[value=submit]").click()
        time.sleep(0.3)
        alert = d.switch_to.alert
        check("submit-confirm-lists-unrated", "Questions left unrated: 2, 3, 4." in alert.text,
              alert.text)
        alert.dismiss()
        time.sleep(0.5)
        check("submit-cancelled", state(card) == "draft", state(card))
        d.find_element("css selector", "button[value=submit]").click()
        time.sleep(0.3)
        d.switch_to.alert.accept()
        time.sleep(1)
        check("submit-confirmed", state(card) == "submitted", state(card))
        check("submit-page-links-packet", "/r/req1/c/c-1" in d.page_source)
        d.get(base + "/")
        asked = d.execute_script("var e = new Event('beforeunload', {cancelable: true});"
                                 "window.dispatchEvent(e); return e.defaultPrevented;")
        check("leaving-saved-page-asks-nothing", asked is False, str(asked))
    finally:
        d.quit()
        check("sigterm-exit-0", stop(proc) == 0)
        shutil.rmtree(tmp, ignore_errors=True)
    print("browser_trust_test: %d checks, %d failed" % (b.checks, len(b.failures)))
    sys.exit(1 if b.failures else 0)


if __name__ == "__main__":
    main()
