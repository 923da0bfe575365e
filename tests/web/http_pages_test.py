#!/usr/bin/env python3
"""http_pages_test.py SCOREWHEEL GENCARDS - the committee's and the
recruiter's pages of `scorewheel serve` over real HTTP on 127.0.0.1.

A requisition of generated scorecards (tools/gencards), people of each role,
then: the role x page table (every page 404 outside one's rights, for an
interviewer before and after their own scorecard is submitted), the
dashboard's numbers against `report --format json` (2 decimals, pillars
too), sorting and filtering, a scorecard written by the CLI on the next
request, text escaped, the packet's evidence, the workbook (openpyxl opens
it; anonymized without names), scheduling (CSRF, bad ids, a duplicate, the
draft as `new` writes it, on the interviewer's home page, the pickers),
?adjusted=1 against `report --adjusted` to 1e-9, thumbnails and assets
with ETags (304), status as a work list, every nav link per role, no raw
decision token in the visible text, a 60-candidate dashboard in pages.
Prints one line per failed check; exits 1 if any failed.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import http_test  # noqa: E402  (its Server and Client; SW from sys.argv[1])
from http_test import Client, Server, check, run  # noqa: E402

GENCARDS = os.path.abspath(sys.argv[2])
NS = "{urn:scorewheel:scorecard:1}"
PAGES = ["", "/compare", "/calibrate", "/status", "/export.xlsx", "/schedule"]
# A change another program makes shows on every page asked for this long
# after it (WEB_FRESH_MS in web/reqs.h, docs/design.md "The web app").
FRESH_S = 0.25


def settle():
    time.sleep(FRESH_S + 0.05)


def make(tmp):
    req = os.path.join(tmp, "req")
    rubric = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))), "rubrics", "tpm.xml")
    subprocess.run([GENCARDS, "--rubric", rubric, "--count", "30", "--out", req,
                    "--seed", "7", "--drafts", "20"], check=True)
    cards = []
    for d, _, names in os.walk(req):
        for n in sorted(names):
            root = ET.parse(os.path.join(d, n)).getroot()
            cards.append(root.attrib | {"path": os.path.join(d, n)})
    people = os.path.join(tmp, "people.xml")
    tokens = {}
    submitted = next(c for c in cards if c["status"] == "submitted")
    drafted = next(c for c in cards if c["status"] == "draft")
    roles = [(submitted["interviewer"], "interviewer"), ("cara", "committee"),
             ("rita", "recruiter")]
    if drafted["interviewer"] != submitted["interviewer"]:
        roles.append((drafted["interviewer"], "interviewer"))
    for who, role in roles:
        r = run("people", "add", "--people", people, "--role", role, who)
        assert r.returncode == 0, r.stderr
        tokens[who] = re.search(r"/login\?t=([0-9a-f]{64})$", r.stdout.strip()).group(1)
    return req, people, tokens, cards, submitted, drafted


def signed_in(srv, token):
    c = Client(srv)
    c.sign_in(token)
    return c


def test_table(srv, tokens, cards, submitted, drafted):
    cara, rita = signed_in(srv, tokens["cara"]), signed_in(srv, tokens["rita"])
    iv = signed_in(srv, tokens[submitted["interviewer"]])
    for page in PAGES:
        r = cara.get("/r/req" + page)
        want = 404 if page == "/schedule" else 200
        check("committee %s -> %d" % (page or "/", want), r.status == want, str(r.status))
        r = rita.get("/r/req" + page)
        check("recruiter %s -> 200" % (page or "/"), r.status == 200, str(r.status))
        r = iv.get("/r/req" + page)
        check("interviewer %s -> 404" % (page or "/"), r.status == 404, str(r.status))
        r = cara.get("/r/nope" + page)
        check("unknown requisition %s -> 404" % (page or "/"), r.status == 404, str(r.status))
    mine = {c["candidate"] for c in cards if c["interviewer"] == submitted["interviewer"]
            and c["status"] == "submitted"}
    others = sorted({c["candidate"] for c in cards} - {c["candidate"] for c in cards
                    if c["interviewer"] == submitted["interviewer"]})
    r = iv.get("/r/req/c/" + submitted["candidate"])
    check("interviewer packet after own submit -> 200", r.status == 200, str(r.status))
    if others:
        r = iv.get("/r/req/c/" + others[0])
        check("interviewer packet of another candidate -> 404", r.status == 404, str(r.status))
    if drafted["interviewer"] in tokens and drafted["candidate"] not in mine:
        d = signed_in(srv, tokens[drafted["interviewer"]])
        r = d.get("/r/req/c/" + drafted["candidate"])
        check("interviewer packet with own draft only -> 404", r.status == 404, str(r.status))
    for c in (cara, rita):
        r = c.get("/r/req/c/" + submitted["candidate"])
        check("packet -> 200", r.status == 200, str(r.status))
        check("packet unknown candidate -> 404", c.get("/r/req/c/zz-none").status == 404)
    r = cara.post("/r/req/schedule", {"candidate": "x", "interview": "technical-deep-dive",
                                      "interviewer": "akim"})
    check("committee schedule POST -> 404", r.status == 404, str(r.status))
    return cara, rita


def rows(page):
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    out = []
    for tr in body.split("<tr>")[1:]:
        cid = re.search(r'href="/r/req/c/([^"]+)"', tr).group(1)
        decision = re.search(r'class="decision decision-([a-z-]+)"', tr).group(1)
        nums = [re.sub(r"<[^>]*>", "", n) for n in
                re.findall(r'<td class="num"[^>]*>(.*?)</td>', tr)]
        out.append((cid, decision, nums))
    return out


def fmt(v):
    return "–" if v is None else "%.2f" % v


def test_numbers(srv, cara, req):
    report = json.loads(run("report", "--format", "json", req).stdout)
    got = {cid: (d, nums) for cid, d, nums in rows(cara.get("/r/req").body)}
    check("dashboard lists every candidate", len(got) == len(report["candidates"]),
          "%d vs %d" % (len(got), len(report["candidates"])))
    for c in report["candidates"]:
        want = [fmt(c["overall"]), fmt(c["shortfall"])] + [fmt(p["score"]) for p in c["pillars"]]
        d, nums = got.get(c["id"], (None, None))
        check("dashboard numbers of %s" % c["id"], nums == want and d == c["decision"],
              "%s %s vs %s %s" % (d, nums, c["decision"], want))
    compare = json.loads(run("compare", "--sort", "shortfall", "--format", "json", req).stdout)
    order = [cid for cid, _, _ in rows(cara.get("/r/req?sort=shortfall").body)]
    check("sort by shortfall as compare", order == [c["id"] for c in compare["candidates"]])
    compare = json.loads(run("compare", "--sort", "name", "--format", "json", req).stdout)
    order = [cid for cid, _, _ in rows(cara.get("/r/req?sort=name").body)]
    check("sort by name as compare", order == [c["id"] for c in compare["candidates"]])
    hires = [c["id"] for c in report["candidates"] if c["decision"] == "no-hire"]
    page = cara.get("/r/req?decision=no-hire").body
    got = sorted(cid for cid, _, _ in rows(page)) if "<tbody>" in page else []
    check("filter by decision", got == sorted(hires), "%s vs %s" % (got, hires))


def values(page):
    """The exact numbers of a page's <data value> elements, in order."""
    return [float(v) if v else None for v in re.findall(r'<data value="([^"]*)"', page)]


def close(got, want):
    return len(got) == len(want) and all(
        (g is None and w is None) or (g is not None and w is not None and abs(g - w) <= 1e-9)
        for g, w in zip(got, want))


def test_adjusted(cara, req):
    """?adjusted=1 shows rule 11's numbers: those of report --adjusted, to 1e-9."""
    report = json.loads(run("report", "--adjusted", "--format", "json", req).stdout)
    plain = json.loads(run("report", "--format", "json", req).stdout)
    check("adjusting changes something", report != plain)
    byid = {c["id"]: c for c in report["candidates"]}
    page = cara.get("/r/req?sort=name&adjusted=1").body
    check("dashboard adjusted toggle", 'href="/r/req"' in page and "Adjusted" in page)
    ids = re.findall(r'<th scope="row"><a href="/r/req/c/([^"]+)"', page)
    want = []
    for cid in ids:
        c = byid[cid]
        want += [c["overall"], c["shortfall"]] + [p["score"] for p in c["pillars"]]
    got = values(page)
    check("dashboard adjusted = report --adjusted", ids and close(got, want),
          "%s vs %s" % (got[:6], want[:6]))
    plain_page = cara.get("/r/req?sort=name").body
    check("dashboard plain toggle", 'href="/r/req?adjusted=1"' in plain_page)
    c = report["candidates"][0]
    page = cara.get("/r/req/c/%s?adjusted=1" % c["id"]).body
    got = values(page)
    want = [c["overall"], c["shortfall"]] + [p["score"] for p in c["pillars"]]
    want += [x for k in c["competencies"] for x in (k["mean"], k["gap"])]
    check("packet adjusted = report --adjusted", close(got, want), "%s vs %s" % (got, want))
    page = cara.get("/r/req/compare?sort=name&adjusted=1").body
    ids = re.findall(r'<th scope="row"><a href="/r/req/c/([^"]+)"', page)
    want = [x for cid in ids for x in [byid[cid]["overall"], byid[cid]["shortfall"]]
            + [k["mean"] for k in byid[cid]["competencies"]]]
    check("compare adjusted = report --adjusted", ids and close(values(page), want))
    check("compare sort keeps adjusted", "sort=shortfall&amp;adjusted=1" in page)


def test_images(srv, cara, req):
    """Wheel thumbnails are images with an ETag; assets revalidate (304)."""
    page = cara.get("/r/req").body
    check("dashboard has no inline wheel", "<svg" not in page)
    url = re.search(r'<img src="(/r/req/c/[^"]+/wheel\.svg)"', page)
    check("dashboard thumbnail image", url is not None)
    for path, kind in ((url.group(1) if url else "/", "image/svg+xml"),
                       ("/assets/style.css", "text/css"), ("/assets/icon.svg", "image/svg+xml")):
        r = cara.get(path)
        tag = r.getheader("ETag") or ""
        check("%s 200 with ETag" % path, r.status == 200 and tag.startswith('"') and
              kind in (r.getheader("Content-Type") or ""), "%s %s" % (r.status, tag))
        r = cara.get(path, headers={"If-None-Match": tag})
        check("%s revalidates: 304" % path, r.status == 304 and r.body == "", str(r.status))
    r = cara.get(url.group(1) if url else "/")
    check("thumbnail private", r.getheader("Cache-Control") == "private, no-cache")
    check("layout links the icon", 'rel="icon" href="/assets/icon.svg"' in page)


def test_status(cara, cards):
    """Status is a work list: overdue drafts first, oldest first, ages in days."""
    drafts = [c for c in cards if c["status"] == "draft"]
    now = time.time()
    for c, days in zip(drafts, (5, 12.52, 3)):
        os.utime(c["path"], (now - days * 86400, now - days * 86400))
    settle()
    page = html.unescape(cara.get("/r/req/status").body)
    overdue = page.split('id="overdue-req"', 1)[1].split('id="pending-req"', 1)[0]
    # A name and id as templates/web/who.html writes them.
    who = r'(?:[^<]*<span class="paren">\()?<span class="id">([^<]*)</span>(?:\)</span>)?'
    order = re.findall(r'href="/r/req/c/([^"]+)">' + who + r'</a></th>'
                       r'<td data-label="Interview">[^<]*</td>'
                       r'<td data-label="Interviewer">' + who + '</td>', overdue)
    order = [(c, i) for c, shown, i in order if c == shown]
    want = [(d["candidate"], d["interviewer"]) for d in (drafts[1], drafts[0], drafts[2])]
    check("status: overdue drafts first, oldest first", order[:3] == want, "%s vs %s" %
          (order, want))
    check("status: age in days and hours", "12 days, 12 hours" in overdue, overdue[:400])
    check("status: no hours count", not re.search(r"\d{3,} h\b", page))
    check("status: never 'needs 0'", "needs 0" not in page)
    check("status: complete loops collapsed", "<details" not in page or
          page.index("<details") > page.index('id="pending-req"'))
    check("status: the draft badge words", "Overdue" in page and "Pending" in page)
    home = html.unescape(cara.get("/").body)
    overdue = home.split('id="overdue-req"', 1)[1].split('id="pending-req"', 1)[0]
    got = re.findall(r'href="/r/req/c/([^"]+)">' + who + '</a></th>', overdue)
    got = [c for c, shown in got if c == shown]
    check("home: the same work list, overdue first", got[:2] == [w[0] for w in want[:2]],
          "%s vs %s" % (got, want))


TOKENS = ["strong-hire", "strong-no-hire", "no-hire", "insufficient-evidence", "no-level",
          "below-target"]


def visible(page):
    """The text a person reads: no tags, no comments, no attribute values."""
    page = re.sub(r"<!--.*?-->|<script.*?</script>|<style.*?</style>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]*>", " ", page))


def test_nav_and_words(srv, tokens, submitted):
    """Every nav link answers 200 for the one who sees it; no raw tokens."""
    iv = submitted["interviewer"]
    who = {"cara": ["/"] + ["/r/req" + p for p in PAGES if p not in ("/export.xlsx",
                                                                     "/schedule")],
           "rita": ["/"] + ["/r/req" + p for p in PAGES if p != "/export.xlsx"],
           iv: ["/", "/r/req/c/" + submitted["candidate"]]}
    for person, pages in who.items():
        c = signed_in(srv, tokens[person])
        pages = pages + ["/r/req/c/" + submitted["candidate"]]
        for page in pages:
            r = c.get(page)
            check("%s %s -> 200" % (person, page), r.status == 200, str(r.status))
            text = visible(r.body)
            bad = [t for t in TOKENS if re.search(r"(?<![\w-])%s(?![\w-])" % t, text)]
            check("%s %s shows words, not tokens" % (person, page), not bad, str(bad))
            navs = re.findall(r"<nav[^>]*>(.*?)</nav>", r.body, re.S)
            for link in re.findall(r'href="([^"]+)"', " ".join(navs)):
                link = html.unescape(link)
                s = c.get(link).status
                check("%s: nav link %s on %s -> 200" % (person, link, page), s == 200, str(s))
        if person == iv:
            page = c.get("/r/req/c/" + submitted["candidate"]).body
            check("interviewer's packet offers no committee page",
                  'href="/r/req/compare"' not in page and 'href="/r/req"' not in page)


def test_fresh_and_escaped(srv, cara, req):
    r = run("new", "-i", "technical-deep-dive", "-c", "c-new", "-r", "akim", "--name",
            "Nú <script>x</script>", cwd=req)
    check("cli new", r.returncode == 0, r.stderr)
    settle()
    page = cara.get("/r/req").body
    check("cli card on a request past the bound", 'href="/r/req/c/c-new"' in page)
    check("name escaped", "<script>x" not in page and
          'Nú &lt;script&gt;x&lt;/script&gt; <span class="paren">(<span class="id">c-new</span>)'
          in page)
    st = cara.get("/r/req/status").body
    check("status lists the new draft", "Nú &lt;script&gt;" in st and "akim" in st)


def test_packet(cara, cards, submitted):
    page = html.unescape(cara.get("/r/req/c/" + submitted["candidate"]).body)
    root = ET.parse(submitted["path"]).getroot()
    ev = [e.text for e in root.iter(NS + "evidence") if e.text]
    check("packet shows evidence", ev and all(e.strip() in page for e in ev[:3]))
    check("packet has the wheel", "<svg" in page and "Competencies" in page)
    check("packet no xml declaration", "<?xml" not in page)


def test_export(srv, cara):
    import http.client
    for anon in ("", "?anonymize=1"):
        c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=60)
        c.request("GET", "/r/req/export.xlsx" + anon, headers={
            "Host": "127.0.0.1:%d" % srv.port, "Cookie": "sw_session=" + cara.cookie})
        r = c.getresponse()
        data = r.read()
        check("export%s 200 xlsx" % anon, r.status == 200 and data[:2] == b"PK" and
              "spreadsheetml" in (r.getheader("Content-Type") or ""), str(r.status))
        # openpyxl (python3-openpyxl) is Debian's: the system's interpreter.
        r = subprocess.run(["/usr/bin/python3", "-c", "import io, openpyxl, sys; print(' '.join("
                            "openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))"
                            ".sheetnames))"], input=data, capture_output=True)
        names = r.stdout.decode()
        check("export%s Summary" % anon, names.startswith("Summary"), names + r.stderr.decode())
        check("export%s names" % anon, ("Candidate A" in names) == bool(anon), names)


def test_schedule(srv, rita, tokens, submitted, req):
    iv = submitted["interviewer"]
    r = rita.get("/r/req/schedule")
    check("schedule form", r.status == 200 and 'name="interviewer"' in r.body)
    picks = r.body.split('<datalist id="pick-interviewers">', 1)[-1].split("</datalist>")[0]
    check("schedule picks interviewers from the people file",
          '<option value="%s">' % iv in picks and 'value="cara"' not in picks, picks)
    picks = r.body.split('<datalist id="pick-candidates">', 1)[-1].split("</datalist>")[0]
    check("schedule picks known candidates",
          '<option value="%s">' % submitted["candidate"] in picks, picks[:300])
    before = sorted(os.listdir(req))
    r = rita.post("/r/req/schedule", {"candidate": "c-sched", "name": "Grace", "level": "staff",
                                      "interview": "technical-deep-dive", "interviewer": iv},
                  csrf=False)
    check("schedule without csrf -> 403", r.status == 403 and sorted(os.listdir(req)) == before)
    r = rita.post("/r/req/schedule", {"candidate": "../x", "interview": "technical-deep-dive",
                                      "interviewer": iv})
    check("schedule bad id -> 400", r.status == 400 and sorted(os.listdir(req)) == before,
          str(r.status))
    fields = {"candidate": "c-sched", "name": "Grace <H>", "level": "staff",
              "interview": "technical-deep-dive", "interviewer": iv,
              "when": "2026-02-30T14:00"}
    r = rita.post("/r/req/schedule", fields)
    check("schedule bad date -> 400, typed values kept", r.status == 400 and
          "The interview date must be a real date and time, YYYY-MM-DDTHH:MM (UTC), or empty."
          in r.body and 'value="2026-02-30T14:00"' in r.body and 'value="c-sched"' in r.body
          and 'value="Grace &lt;H&gt;"' in r.body and sorted(os.listdir(req)) == before,
          str(r.status))
    fields["when"] = "2026-12-08T14:00"
    rita.get("/r/req")   # a refresh just now, which the next GET would reuse
    t0 = time.monotonic()
    r = rita.post("/r/req/schedule", fields)
    page = rita.get("/r/req?sort=name&decision=no-level").body
    check("the server's own write shows at once, within the bound (%.3f s)" %
          (time.monotonic() - t0), '(<span class="id">c-sched</span>)</span></a>' in page)
    check("schedule -> 303", r.status == 303 and "/r/req/schedule?done=" in
          (r.getheader("Location") or ""), str(r.status))
    path = os.path.join(req, "c-sched", "technical-deep-dive--%s.xml" % iv)
    ok = os.path.exists(path)
    check("schedule wrote the draft", ok)
    if ok:
        root = ET.parse(path).getroot()
        check("draft as new writes it", root.get("status") == "draft" and root.get("created")
              and root.get("level") == "staff" and
              root.find(NS + "candidate-name").text == "Grace <H>")
        check("draft holds the interview date", root.get("scheduled") == "2026-12-08T14:00:00Z",
              str(root.get("scheduled")))
        st = rita.get("/r/req/status").body
        check("status shows the date beside the draft",
              re.search(r'href="/r/req/c/c-sched">[^<]*<span class="paren">\('
                        r'<span class="id">c-sched</span>\)</span></a></th>'
                        r'<td data-label="Interview">'
                        r'[^<]*<span class="meta"> on 2026-12-08 14:00 UTC</span></td>', st),
              st[st.find("c-sched"):][:300])
        v = run("validate", path)
        check("draft validates", v.returncode == 0, v.stderr)
    r = rita.post("/r/req/schedule", fields)
    check("schedule again -> 409", r.status == 409 and "Grace &lt;H&gt;" in r.body, str(r.status))
    page = rita.get("/r/req?sort=name&decision=no-level").body
    check("scheduled candidate shows the level it was scheduled at",
          'Grace &lt;H&gt; <span class="paren">(<span class="id">c-sched</span>)</span></a>'
          '<span class="meta">Staff TPM (scheduled)' in page,
          page[page.find("c-sched"):][:200])
    home = signed_in(srv, tokens[iv]).get("/").body
    check("interviewer sees the scheduled draft",
          "/r/req/s/c-sched/technical-deep-dive/%s" % iv in home)


def test_paging(tmp):
    """A 60-candidate dashboard in pages of 50, in compare's order."""
    big = os.path.join(tmp, "big")
    rubric = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))), "rubrics", "tpm.xml")
    subprocess.run([GENCARDS, "--rubric", rubric, "--count", "300", "--out", big,
                    "--seed", "5"], check=True, capture_output=True)
    srv = Server(tmp, ["big"])
    try:
        c = Client(srv)
        one = c.get("/r/big")
        ids = re.findall(r'<th scope="row"><a href="/r/big/c/([^"]+)"', one.body)
        check("page 1: 50 rows", len(ids) == 50, str(len(ids)))
        check("page 1: no inline wheel, small", "<svg" not in one.body and len(one.body) < 60000,
              str(len(one.body)))
        nxt = re.search(r'<a href="([^"]+)" rel="next">', one.body)
        check("page 1 links page 2", nxt is not None)
        two = c.get(html.unescape(nxt.group(1)) if nxt else "/r/big?page=2").body
        ids += re.findall(r'<th scope="row"><a href="/r/big/c/([^"]+)"', two)
        want = [x["id"] for x in json.loads(run("compare", "--format", "json",
                                                big).stdout)["candidates"]]
        check("pages 1 and 2: every candidate in compare's order", ids == want,
              "%d vs %d" % (len(ids), len(want)))
        check("page 2 links back", 'rel="prev"' in two and 'rel="next"' not in two)
        check("past the last page: no rows", "<tbody>" not in c.get("/r/big?page=9").body)
    finally:
        srv.stop()


def main():
    tmp = tempfile.mkdtemp(prefix="sw-pages-")
    try:
        req, people, tokens, cards, submitted, drafted = make(tmp)
        srv = Server(tmp, ["--people", people, "req"])
        try:
            cara, rita = test_table(srv, tokens, cards, submitted, drafted)
            test_numbers(srv, cara, req)
            test_packet(cara, cards, submitted)
            test_adjusted(cara, req)
            test_images(srv, cara, req)
            test_status(cara, cards)
            test_nav_and_words(srv, tokens, submitted)
            test_export(srv, cara)
            test_fresh_and_escaped(srv, cara, req)
            test_schedule(srv, rita, tokens, submitted, req)
        finally:
            rc = srv.stop()
        check("sigterm-exit-0", rc == 0, "exit %s" % rc)
        test_paging(tmp)
    finally:
        if not os.environ.get("KEEP"):
            shutil.rmtree(tmp, ignore_errors=True)
    print("http_pages_test: %d checks, %d failed" % (http_test.checks, len(http_test.failures)))
    sys.exit(1 if http_test.failures else 0)


if __name__ == "__main__":
    main()
