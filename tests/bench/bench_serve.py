"""The `serve` rows of make bench (tests/bench/bench.py): 20 clients, each
autosaving its own scorecard as fast as the server answers for SECONDS
(default 30, $SERVE_SECONDS), then a warm form GET against one `scorewheel
validate` of the same file. Reports saves per second, p50/p99 latency,
lost writes (a client's last accepted text missing from its file), 409s and
5xx, and the GET/validate ratio."""
import http.client
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse

CLIENTS = 20


def start(sw, rubric, tmp):
    log = os.path.join(tmp, "serve.log")
    proc = subprocess.Popen([sw, "--rubric", rubric, "serve", "--listen", "127.0.0.1:0", "req"],
                            cwd=tmp, stderr=open(log, "w"))
    for _ in range(200):
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", open(log).read())
        if m:
            return proc, int(m.group(1))
        time.sleep(0.05)
    proc.kill()
    raise RuntimeError("serve did not start")


def session(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", path)
    r = c.getresponse()
    page = r.read().decode()
    cookie = r.getheader("Set-Cookie").split(";")[0]
    csrf = re.search(r'name="csrf" value="([0-9a-f]{64})"', page).group(1)
    version = re.search(r'name="version" value="([0-9a-f]{64})"', page).group(1)
    return c, cookie, csrf, version


def client(port, i, deadline, out):
    path = "/r/req/s/c-%d/technical-deep-dive/akim" % i
    c, cookie, csrf, version = session(port, path)
    lat, statuses, last_ok, n = [], {}, None, 0
    while time.monotonic() < deadline:
        text = "client %d autosave %d" % (i, n)
        body = urllib.parse.urlencode({"csrf": csrf, "version": version, "action": "save",
                                       "ajax": "1", "e0": text})
        t0 = time.monotonic()
        c.request("POST", path, body=body, headers={
            "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
        r = c.getresponse()
        answer = r.read().decode()
        lat.append(time.monotonic() - t0)
        statuses[r.status] = statuses.get(r.status, 0) + 1
        if r.status == 200:
            version = re.search(r'"version": "([0-9a-f]{64})"', answer).group(1)
            last_ok = text
        n += 1
    c.close()
    out[i] = (lat, statuses, last_ok)


def median_time(fn, runs):
    times = []
    for _ in range(runs):
        t0 = time.monotonic()
        fn()
        times.append(time.monotonic() - t0)
    return statistics.median(times)


def section(sw, rubric):
    sw, rubric = os.path.abspath(sw), os.path.abspath(rubric)
    seconds = float(os.environ.get("SERVE_SECONDS", "30"))
    tmp = tempfile.mkdtemp(prefix="sw-bench-serve-")
    try:
        req = os.path.join(tmp, "req")
        os.makedirs(req)
        for i in range(CLIENTS):
            subprocess.run([sw, "--rubric", rubric, "new", "-i", "technical-deep-dive",
                            "-c", "c-%d" % i, "-r", "akim"], cwd=req, check=True,
                           capture_output=True)
        proc, port = start(sw, rubric, tmp)
        out = {}
        deadline = time.monotonic() + seconds
        threads = [threading.Thread(target=client, args=(port, i, deadline, out))
                   for i in range(CLIENTS)]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.monotonic() - t0
        lat = sorted(x for v in out.values() for x in v[0])
        statuses = {}
        for v in out.values():
            for k, n in v[1].items():
                statuses[k] = statuses.get(k, 0) + n
        lost = 0
        for i, (_, _, last) in out.items():
            xml = open(os.path.join(req, "c-%d" % i, "technical-deep-dive--akim.xml")).read()
            lost += last is not None and "<evidence>%s</evidence>" % last not in xml
        path = "/r/req/s/c-0/technical-deep-dive/akim"
        c, cookie, _, _ = session(port, path)

        def get():
            c.request("GET", path, headers={"Cookie": cookie})
            c.getresponse().read()

        get_s = median_time(get, 200)
        c.close()
        proc.send_signal(signal.SIGTERM)
        rc = proc.wait(timeout=60)
        card = os.path.join(req, "c-0", "technical-deep-dive--akim.xml")
        validate_s = median_time(lambda: subprocess.run(
            [sw, "--rubric", rubric, "validate", "-q", card], check=True,
            capture_output=True), 20)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    saves = statuses.get(200, 0)
    fivexx = sum(n for k, n in statuses.items() if k >= 500)
    return ["## serve", "",
            f"{CLIENTS} clients, each autosaving its own scorecard back to back for "
            f"{seconds:.0f} s (one keep-alive connection each, single-person mode); then "
            f"200 warm GETs of one form against 20 runs of `scorewheel validate` on its file.",
            "", "| measure | value |", "| --- | ---: |",
            f"| saves accepted per second | {saves / took:.0f} |",
            f"| save latency p50 ms | {1000 * lat[len(lat) // 2]:.1f} |",
            f"| save latency p99 ms | {1000 * lat[min(len(lat) - 1, int(len(lat) * .99))]:.1f} |",
            f"| saves accepted / refused 409 | {saves} / {statuses.get(409, 0)} |",
            f"| lost writes | {lost} |",
            f"| 5xx answers | {fivexx} |",
            f"| warm form GET ms (median) | {1000 * get_s:.2f} |",
            f"| `scorewheel validate` of that file ms (median) | {1000 * validate_s:.2f} |",
            f"| GET / validate | {get_s / validate_s:.2f} |",
            f"| exit status after SIGTERM | {rc} |", ""]


DASHBOARD_CANDIDATES = (40, 600)   # 5 scorecards each (tools/gencards)
DASHBOARD_MAX_BYTES = 300 * 1024   # docs/design.md "The web app, turn 3: trust first"
DASHBOARD_MAX_RATIO = 0.1


def dashboard_row(sw, gencards, rubric, tmp, n):
    """The warm dashboard page of n candidates as served over HTTP (the
    median of 50 GETs on one keep-alive connection, after one cold GET),
    against `report --format json` run from scratch on the same folder.
    The files are left to settle first: the requisition model parses a file
    written less than 2 s before it looks again on every refresh
    (requisition.h), which a folder just generated would be."""
    req = os.path.join(tmp, "req")
    shutil.rmtree(req, ignore_errors=True)
    subprocess.run([gencards, "--rubric", rubric, "--count", str(5 * n), "--out", req,
                    "--seed", "11"], check=True, capture_output=True)
    time.sleep(2.5)
    proc, port = start(sw, rubric, tmp)
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        c.request("GET", "/r/req")
        r = c.getresponse()
        r.read()
        # A visit stores nothing (docs/design.md, turn 3): maybe no cookie.
        cookie = (r.getheader("Set-Cookie") or "").split(";")[0]
        size = [0]

        def get():
            c.request("GET", "/r/req", headers={"Cookie": cookie} if cookie else {})
            r = c.getresponse()
            size[0] = len(r.read())
            assert r.status == 200, r.status

        page_s = median_time(get, 50)
        c.close()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    report_s = median_time(lambda: subprocess.run(
        [sw, "--rubric", rubric, "report", "--format", "json", req], check=True,
        capture_output=True), 10)
    return n, page_s, report_s, size[0]


def dashboard_section(sw, gencards, rubric):
    """The `serve` dashboard rows of make bench; exits 1 past the limits."""
    sw, gencards, rubric = (os.path.abspath(x) for x in (sw, gencards, rubric))
    tmp = tempfile.mkdtemp(prefix="sw-bench-dash-")
    try:
        rows = [dashboard_row(sw, gencards, rubric, tmp, n) for n in DASHBOARD_CANDIDATES]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    lines = ["## serve: the dashboard page", "",
             "The warm dashboard `/r/req` over HTTP (median of 50 GETs, single-person mode) "
             "against `report --format json` from scratch (median of 10) on the same folder; "
             f"limits: ratio <= {DASHBOARD_MAX_RATIO}, page <= {DASHBOARD_MAX_BYTES // 1024} KB.",
             "", "| candidates | page ms | report ms | page / report | page KB |",
             "| ---: | ---: | ---: | ---: | ---: |"]
    ok = True
    for n, page_s, report_s, size in rows:
        ratio = page_s / report_s
        ok = ok and ratio <= DASHBOARD_MAX_RATIO and size <= DASHBOARD_MAX_BYTES
        lines.append(f"| {n} | {1000 * page_s:.2f} | {1000 * report_s:.2f} | {ratio:.3f} | "
                     f"{size / 1024:.0f} |")
    return lines + [""], ok


if __name__ == "__main__":
    import sys
    if sys.argv[1] == "--dashboard":
        text, within = dashboard_section(sys.argv[2], sys.argv[3], sys.argv[4])
        print("\n".join(text))
        sys.exit(0 if within else 1)
    print("\n".join(section(sys.argv[1], sys.argv[2])))
