#!/usr/bin/python3
"""browser_pages_test.py SCOREWHEEL AXE_JS SHOTS_DIR GENCARDS - the
committee's and the recruiter's pages in headless Chromium (selenium).

The committee signs in, sorts the dashboard by a link, opens a packet,
prints it with Chromium's print-to-PDF (pdftoppm renders its first page to
SHOTS_DIR/packet-print-1.png: look at it), downloads the workbook (openpyxl
opens it); the recruiter schedules an interview with the keyboard and the
interviewer finds the draft on their home page; the recruiter reads /mail.
axe-core finds no WCAG 2 A/AA violation on each page; no page scrolls
sideways at 375 px.
Screenshots go to SHOTS_DIR. Reuses browser_test.py's helpers.
"""
import base64
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_test as bt  # noqa: E402
from browser_test import axe, browser, check, keys, no_sideways_scroll, tab_to  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

SW, SHOTS, GENCARDS = bt.SW, bt.SHOTS, os.path.abspath(sys.argv[4])
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def people(tmp, who):
    path = os.path.join(tmp, "people.xml")
    tokens = {}
    for pid, role in who:
        out = subprocess.run([SW, "people", "add", "--people", path, "--role", role, pid],
                             capture_output=True, text=True, check=True).stdout
        tokens[pid] = re.search(r"t=([0-9a-f]{64})", out).group(1)
    return path, tokens


def outbox(path):
    """Mail for /mail: a sign-in link waiting (the relay on port 1 refuses it)
    and, as the outbox writes them, one sent and one given up, with long
    addresses and a long reason."""
    subprocess.run([SW, "people", "add", "--people", path, "--role", "interviewer", "--email",
                    "interviewer.with-a-long-address@example.org", "--send", "--mail",
                    "smtp://127.0.0.1:1", "--mail-from", "sw@example.org", "ivy"],
                   capture_output=True, check=True)
    for state, at, reason in (("sent", 1796300000, ""), ("failed", 1796300000,
                              "550 5.1.1 <gone-for-good@example.org>: Recipient address "
                              "rejected: User unknown in virtual mailbox table")):
        with open(os.path.join(path + ".outbox", state, "reminder-" + state), "w") as f:
            f.write("scorewheel-mail 1\nkind reminder\nfrom sw@example.org\n"
                    "to gone-for-good@example.org\nqueued 1796000000\n"
                    "subject Reminder: your scorecard for Ada Lovelace (c-000001)\n"
                    "at %d\nattempts 3\n%s" % (at, "reason %s\n" % reason if reason else ""))


def sign_in(d, base, token):
    d.get(base + "/login?t=" + token)
    d.find_element("css selector", "main button").click()
    time.sleep(0.5)


def page(d, base, path, name):
    d.get(base + path)
    axe(d, name)
    no_sideways_scroll(d, name)


def committee(d, base, tmp):
    page(d, base, "/r/req", "dashboard")
    d.find_element("link text", "Shortfall").click()
    time.sleep(0.3)
    check("sorted-by-link", "sort=shortfall" in d.current_url, d.current_url)
    first = d.find_element("css selector", "table.dashboard tbody th a")
    order = subprocess.run([SW, "compare", "--sort", "shortfall", "--format", "csv",
                            os.path.join(tmp, "req")], capture_output=True, text=True).stdout
    first_id = first.get_attribute("href").rsplit("/", 1)[1]
    check("dashboard-order-as-compare", order.splitlines()[1].startswith(first_id + ","),
          first_id + " vs " + order.splitlines()[1][:40])
    first.click()
    time.sleep(0.3)
    check("packet-opened", "/c/" + first_id in d.current_url)
    axe(d, "packet")
    no_sideways_scroll(d, "packet")
    pdf = d.execute_cdp_cmd("Page.printToPDF", {"printBackground": False,
                                                "paperWidth": 8.27, "paperHeight": 11.69})
    path = os.path.join(SHOTS, "packet.pdf")
    with open(path, "wb") as f:
        f.write(base64.b64decode(pdf["data"]))
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", path,
                    os.path.join(SHOTS, "packet-print")], check=True)
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    check("print-has-table-not-nav", "Competencies" in text and "Loop status" not in text,
          text[:200])
    for p, name in (("/r/req/compare", "compare"), ("/r/req/calibrate", "calibrate"),
                    ("/r/req/status", "status"), ("/", "home-committee")):
        page(d, base, p, name)
    downloads = os.path.join(tmp, "downloads")
    os.makedirs(downloads)
    d.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow",
                                                      "downloadPath": downloads})
    d.get(base + "/r/req")
    d.find_element("link text", "Workbook").click()
    book = os.path.join(downloads, "export.xlsx")
    for _ in range(100):
        if os.path.exists(book):
            break
        time.sleep(0.1)
    check("workbook-downloaded", os.path.exists(book), str(os.listdir(downloads)))
    if os.path.exists(book):
        r = subprocess.run(["/usr/bin/python3", "-c", "import openpyxl, sys; "
                            "print(openpyxl.load_workbook(sys.argv[1]).sheetnames[0])", book],
                           capture_output=True, text=True)
        check("openpyxl-opens-workbook", r.stdout.strip() == "Summary", r.stdout + r.stderr)


# Each id on the page as [its text, its line boxes, a candidate link's id
# in a table row (the last part of its href) or null, whether the "(" before
# it sits on another line]: one line box means it did not wrap.
IDS_JS = """return Array.prototype.map.call(document.querySelectorAll('.id'), function (e) {
  var a = e.closest('th[scope=row] a[href*="/c/"]'), apart = false, t = e.previousSibling;
  var open = t && t.nodeType === 3 ? t.data.lastIndexOf('(') : -1;
  if (open >= 0 && e.getClientRects().length) {
    var r = document.createRange();
    r.setStart(t, open);
    r.setEnd(t, open + 1);
    apart = Math.abs(r.getBoundingClientRect().top - e.getClientRects()[0].top) > 2;
  }
  return [e.textContent, e.getClientRects().length, a ? a.href.split('/').pop() : null,
          apart]; });"""


def ids_whole(d, page, links):
    """Ids ("c-000001") never break at their hyphen, at 375 and 1280 px: each
    span.id shown has one line box, on the line of the "(" before it; with
    links, every candidate link in a table row names its candidate by such a
    span holding the id of its href."""
    for width in (375, 1280):
        d.set_window_size(width, 900)
        time.sleep(0.2)
        ids = d.execute_script(IDS_JS)
        broken = [i[0] for i in ids if i[1] > 1 or i[3]]   # 0 boxes: in a closed <details>
        check("ids whole %s %d" % (page, width), not broken, str(broken[:5]))
    rows = d.execute_script("return Array.prototype.map.call(document.querySelectorAll("
                            "'th[scope=row] a[href*=\"/c/\"]'), function (a) {"
                            " return a.href.split('/').pop(); });")
    named = [i[0] for i in ids if i[2] is not None and i[0] == i[2]]
    check("ids in spans %s" % page, not links or (rows and sorted(rows) == sorted(named)),
          "%s vs %s" % (rows[:3], named[:3]))


def tour(d, base, role, pages):
    """Every page the role may open, at 375 and 1280 px: no sideways scroll at
    375 px, ids whole (ids_whole), a screenshot of each ROLE-NAME-WIDTH.png
    in SHOTS (look at them), every nav link answering with a page (no 404)."""
    for path, name in pages:
        d.get(base + path)
        check("%s %s opens" % (role, name), "Not found" not in d.title, d.title)
        no_sideways_scroll(d, "%s-%s" % (role, name))
        ids_whole(d, "%s-%s" % (role, name), name.split("-")[0] in ("dashboard", "compare",
                                                                    "status"))
        for a in d.find_elements("css selector", "nav a"):
            href = a.get_attribute("href")
            status = d.execute_script(
                "var x = new XMLHttpRequest(); x.open('GET', arguments[0], false);"
                " x.send(); return x.status;", href)
            check("%s %s nav %s" % (role, name, href), status == 200, str(status))


def committee_tour(d, base, tmp):
    cand = sorted(os.listdir(os.path.join(tmp, "req")))[0]
    tour(d, base, "committee", [
        ("/", "home"), ("/r/req", "dashboard"), ("/r/req?adjusted=1", "dashboard-adjusted"),
        ("/r/req/c/" + cand, "packet"), ("/r/req/c/%s?adjusted=1" % cand, "packet-adjusted"),
        ("/r/req/compare", "compare"), ("/r/req/compare?adjusted=1", "compare-adjusted"),
        ("/r/req/calibrate", "calibrate"), ("/r/req/status", "status")])
    d.get(base + "/r/req/status")
    check("status: complete loops collapsed",
          not d.find_elements("css selector", "details.complete[open]"))


def recruiter(d, base):
    page(d, base, "/mail", "mail")
    check("mail lists the outbox", all(w in d.page_source for w in (
        "Waiting (1)", "Sent (1)", "Failed (1)", "2026-12-03 12:13")), d.page_source[-800:])
    page(d, base, "/r/req/schedule", "schedule")
    d.find_element("tag name", "body").click()
    check("tab-to-candidate", tab_to(d, "INPUT", "candidate"))
    keys(d, "c-browser", Keys.TAB, "Grace Hopper", Keys.TAB)
    keys(d, Keys.ARROW_DOWN, Keys.TAB)        # level: the first one
    keys(d, Keys.TAB, "akim", Keys.ENTER)     # interview: the first one
    time.sleep(0.5)
    check("scheduled-notice", "Scheduled c-browser/" in d.page_source, d.page_source[-600:])


def main():
    os.makedirs(SHOTS, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="sw-browser-pages-")
    subprocess.run([GENCARDS, "--rubric", os.path.join(ROOT, "rubrics", "tpm.xml"), "--count",
                    "30", "--out", os.path.join(tmp, "req"), "--seed", "7", "--drafts", "20"],
                   check=True)
    path, tokens = people(tmp, [("cara", "committee"), ("rita", "recruiter"),
                                ("akim", "interviewer")])
    outbox(path)
    proc, base = bt.start_server(tmp, ["--people", path, "req"])
    d = None
    try:
        d = browser(os.path.join(tmp, "profile"))
        sign_in(d, base, tokens["cara"])
        committee(d, base, tmp)
        committee_tour(d, base, tmp)
        d.delete_all_cookies()
        sign_in(d, base, tokens["rita"])
        recruiter(d, base)
        tour(d, base, "recruiter", [("/", "home"), ("/r/req", "dashboard"),
                                    ("/r/req/status", "status"), ("/r/req/schedule", "schedule"),
                                    ("/mail", "mail")])
        d.delete_all_cookies()
        sign_in(d, base, tokens["akim"])
        check("interviewer-sees-scheduled",
              "/r/req/s/c-browser/technical-deep-dive/akim" in d.page_source)
        d.save_screenshot(os.path.join(SHOTS, "home-interviewer-1280.png"))
        tour(d, base, "interviewer", [
            ("/", "home"), ("/r/req/s/c-browser/technical-deep-dive/akim", "scorecard"),
            ("/kit/technical-deep-dive", "kit")])
    finally:
        if d:
            d.quit()
        proc.send_signal(signal.SIGTERM)
        check("sigterm-exit-0", proc.wait(timeout=40) == 0)
        shutil.rmtree(tmp, ignore_errors=True)
    print("browser_pages_test: %d checks, %d failed; screenshots in %s"
          % (bt.checks, len(bt.failures), SHOTS))
    sys.exit(1 if bt.failures else 0)


if __name__ == "__main__":
    main()
