#!/usr/bin/python3
"""browser_test.py SCOREWHEEL AXE_JS SHOTS_DIR - `scorewheel serve` in headless
Chromium, driven by selenium as a person would: keyboard only.

Signs in, fills a scorecard with the keyboard alone (Tab, arrow keys,
typing), waits for autosave to reach the file without pressing Save,
reloads and finds it there, submits with the keyboard; checks that no page
scrolls sideways at 375 px and that axe-core finds no WCAG 2 A/AA
violation on the sign-in, home, form, read-only and kit pages; with
JavaScript off, Save draft (by keyboard) still saves. Screenshots
at 1280 and 375 px go to SHOTS_DIR for people to look at.
Needs chromium, chromium-driver and python3-selenium (Debian).
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

SW, AXE, SHOTS = (os.path.abspath(a) for a in sys.argv[1:4])
failures = []
checks = 0


def check(name, ok, detail=""):
    global checks
    checks += 1
    if not ok:
        failures.append(name)
        print("FAIL: %s %s" % (name, detail))


def start_server(tmp, args):
    log = os.path.join(tmp, "serve-%d.log" % time.monotonic_ns())
    proc = subprocess.Popen([SW, "serve", "--listen", "127.0.0.1:0", *args], cwd=tmp,
                            stderr=open(log, "w"))
    for _ in range(200):
        m = re.search(r"listening on (http://127\.0\.0\.1:\d+)/", open(log).read())
        if m:
            return proc, m.group(1)
        time.sleep(0.05)
    proc.kill()
    raise SystemExit("server did not start: " + open(log).read())


def browser(profile, javascript=True):
    o = webdriver.ChromeOptions()
    if not javascript:
        o.add_experimental_option("prefs",
                                  {"profile.managed_default_content_settings.javascript": 2})
    for a in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run",
              "--disable-dev-shm-usage", "--user-data-dir=" + profile]:
        o.add_argument(a)
    service = Service(executable_path=shutil.which("chromedriver"))
    d = webdriver.Chrome(options=o, service=service)
    d.set_window_size(1280, 900)
    return d


def keys(d, *k):
    ActionChains(d).send_keys(*k).perform()


def focused(d):
    return d.execute_script("var e = document.activeElement;"
                            "return [e.tagName, e.name || '', e.value || '', e.type || ''];")


def tab_to(d, tag, name, limit=300):
    for _ in range(limit):
        keys(d, Keys.TAB)
        f = focused(d)
        if f[0] == tag and f[1] == name:
            return True
    return False


def axe(d, page):
    d.execute_script(open(AXE).read())
    result = d.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',"
        " 'wcag21aa']}}).then(function (r) { done(r.violations.map(function (v) {"
        " return v.id + ': ' + v.help + ' (' + v.nodes.length + ')'; })); });")
    check("axe " + page, result == [], "; ".join(result))


def no_sideways_scroll(d, page):
    d.set_window_size(375, 800)
    time.sleep(0.2)
    widths = d.execute_script("return [document.documentElement.scrollWidth,"
                              " document.documentElement.clientWidth];")
    check("375px " + page, widths[0] <= widths[1], str(widths))
    d.save_screenshot(os.path.join(SHOTS, page + "-375.png"))
    d.set_window_size(1280, 900)
    time.sleep(0.2)
    d.save_screenshot(os.path.join(SHOTS, page + "-1280.png"))


def fill_by_keyboard(d, req):
    """Question 1: a rating by arrow keys and evidence; the notes; no Save."""
    card = os.path.join(req, "c-1", "technical-deep-dive--akim.xml")
    d.find_element("tag name", "body").click()
    check("tab-to-rating", tab_to(d, "INPUT", "v0"), str(focused(d)))
    # The group starts at "Not rated"; Right moves and selects: 1, 1.5, 2, 2.5, 3.
    for _ in range(5):
        keys(d, Keys.ARROW_RIGHT)
    check("arrow-selects-3", focused(d)[2] == "3", str(focused(d)))
    check("tab-to-evidence", tab_to(d, "TEXTAREA", "e0"), str(focused(d)))
    keys(d, "Explained the cache layer; weighed consistency against latency.")
    check("tab-to-notes", tab_to(d, "TEXTAREA", "notes"), str(focused(d)))
    keys(d, "Typed by keyboard only.")
    deadline = time.time() + 15
    while time.time() < deadline:
        xml = open(card).read()
        if "Typed by keyboard only." in xml and "weighed consistency" in xml:
            break
        time.sleep(0.25)
    xml = open(card).read()
    check("autosave-reaches-file", "Typed by keyboard only." in xml and
          'question="tdd-1" value="3"' in xml, xml[:300])
    status = d.find_element("id", "saved").text
    check("saved-at-line", re.fullmatch(r"Saved at \d\d:\d\d", status) is not None, status)
    d.refresh()
    notes = d.find_element("name", "notes").get_attribute("value")
    check("reload-shows-notes", notes == "Typed by keyboard only.", notes)
    checked = d.execute_script("var e = document.querySelector('input[name=v0]:checked');"
                               "return e ? e.value : null;")
    check("reload-shows-rating", checked == "3", str(checked))
    return card


def submit_by_keyboard(d, card):
    # Submit is deliberate (turn 3): a recommendation is needed, and the
    # browser asks first, listing the questions left unrated.
    d.find_element("css selector", "input[name=rec][value=hire]").click()
    time.sleep(0.3)
    d.find_element("tag name", "body").click()
    found = False
    for _ in range(300):
        keys(d, Keys.TAB)
        if d.execute_script("var e = document.activeElement;"
                            "return e.tagName == 'BUTTON' && e.value == 'submit';"):
            found = True
            break
    check("tab-to-submit", found)
    keys(d, Keys.ENTER)
    time.sleep(0.5)
    alert = d.switch_to.alert
    check("submit-asks-first", "Questions left unrated: 2, 3, 4." in alert.text, alert.text)
    alert.accept()
    time.sleep(1)
    check("submitted-file", 'status="submitted"' in open(card).read())
    check("submitted-page-read-only", not d.find_elements("tag name", "textarea"))


def without_javascript(tmp, base, token, req):
    """The same form with JavaScript off: Save draft by keyboard saves it."""
    d = browser(os.path.join(tmp, "profile-nojs"), javascript=False)
    try:
        d.get(base + "/login?t=" + token)
        d.find_element("tag name", "body").click()
        tab_to(d, "BUTTON", "")
        keys(d, Keys.ENTER)
        time.sleep(0.5)
        d.get(base + "/r/req1/s/c-2/technical-deep-dive/akim")
        d.find_element("tag name", "body").click()
        check("nojs-tab-to-notes", tab_to(d, "TEXTAREA", "notes"))
        keys(d, "Saved without JavaScript.")
        # With the script running, typing would say so at once.
        check("nojs-script-off", d.find_element("id", "saved").text != "Unsaved changes")
        found = False
        for _ in range(10):
            keys(d, Keys.TAB)
            if d.execute_script("var e = document.activeElement;"
                                "return e.tagName == 'BUTTON' && e.value == 'save';"):
                found = True
                break
        check("nojs-tab-to-save", found)
        keys(d, Keys.ENTER)
        time.sleep(1)
        xml = open(os.path.join(req, "c-2", "technical-deep-dive--akim.xml")).read()
        check("nojs-save-reaches-file", "<notes>Saved without JavaScript.</notes>" in xml)
        check("nojs-page-says-saved", re.search(r"Saved at \d\d:\d\d",
                                                d.find_element("id", "saved").text) is not None)
    finally:
        d.quit()


def main():
    os.makedirs(SHOTS, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="sw-browser-")
    req = os.path.join(tmp, "req1")
    os.makedirs(req)
    for cand in ("c-1", "c-2"):
        subprocess.run([SW, "new", "-i", "technical-deep-dive", "-c", cand, "-r", "akim",
                        "--name", "Ada Lovelace", "--level", "staff"], cwd=req, check=True,
                       capture_output=True)
    people = os.path.join(tmp, "people.xml")
    out = subprocess.run([SW, "people", "add", "--people", people, "--role", "interviewer",
                          "--name", "Ana Kim", "akim"], capture_output=True, text=True,
                         check=True).stdout
    token = re.search(r"t=([0-9a-f]{64})", out).group(1)
    proc, base = start_server(tmp, ["--people", people, "req1"])
    try:
        d = browser(os.path.join(tmp, "profile"))
    except Exception:
        proc.kill()
        raise
    try:
        d.get(base + "/login?t=" + token)
        axe(d, "signin")
        no_sideways_scroll(d, "signin")
        d.find_element("tag name", "body").click()
        check("tab-to-sign-in", tab_to(d, "BUTTON", ""))
        keys(d, Keys.ENTER)
        time.sleep(0.5)
        check("signed-in-home", "Your scorecards" in d.page_source)
        axe(d, "home")
        no_sideways_scroll(d, "home")
        d.get(base + "/r/req1/s/c-1/technical-deep-dive/akim")
        axe(d, "form")
        no_sideways_scroll(d, "form")
        card = fill_by_keyboard(d, req)
        submit_by_keyboard(d, card)
        axe(d, "readonly")
        no_sideways_scroll(d, "readonly")
        d.get(base + "/kit/technical-deep-dive")
        axe(d, "kit")
        no_sideways_scroll(d, "kit")
        d.get(base + "/r/req1/s/c-2/technical-deep-dive/akim")
        d.execute_script("document.querySelector('textarea[name=e1]').focus();")
        d.save_screenshot(os.path.join(SHOTS, "form-focus-1280.png"))
        d.quit()
        d = None
        without_javascript(tmp, base, token, req)
    finally:
        if d:
            d.quit()
        proc.send_signal(signal.SIGTERM)
        check("sigterm-exit-0", proc.wait(timeout=40) == 0)
        if failures:
            for name in os.listdir(tmp):
                if name.startswith("serve-"):
                    print(open(os.path.join(tmp, name)).read()[-3000:])
        shutil.rmtree(tmp, ignore_errors=True)
    print("browser_test: %d checks, %d failed; screenshots in %s" % (checks, len(failures), SHOTS))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
