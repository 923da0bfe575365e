#!/usr/bin/env python3
"""make bench: times scorewheel against the parsing floor on the same files.

    bench.py SCOREWHEEL GENCARDS RUBRIC WORKDIR SIZE...
    bench.py --severity SCOREWHEEL GENCARDS FITBENCH RUBRIC WORKDIR

The second form (make bench-severity; make bench runs both) times rule 11:
calibrate, which fits it, against report on the same scorecards (the
target: at most 1.5 times, peak RSS at most 256 MiB) with 20,000 scorecards
of 400 interviewers, 51,208 of 2,000 (company scale) and 100,000 of
gencards' default 2,508; the fit alone (tools/fitbench) with 400, 1,000 and
2,000 interviewers of 10 candidates each, panels of 5 (and 2,000 in 20
teams: 20 components); and, when R with lme4
is installed (optional: Debian r-cran-lme4), the same pair scores fitted by
lme4 (tests/bench/lme4_fit.R) with the time ratio and the largest
differences in sigma2, tau2 and the BLUPs. It writes bench/severity.md.

For each SIZE, generates SIZE scorecards once (cached in WORKDIR), then runs
each command RUNS times (default 5) and reports the median wall time, its
ratio to `xmllint --noout` over the same files (the floor), the issue's
target (validate against `xmllint --noout --schema`), and the peak RSS
of each run (os.wait4's ru_maxrss; for xargs-driven floors, the largest
xmllint). Export runs as well with TMPDIR=/dev/shm (libxlsxwriter's scratch
files in memory) and, for sets of more than 4,000 candidates, with
--sheets 4000; the last row deflates the parts of the last workbook written,
at libxlsxwriter's zlib level in one thread: the least its packing can cost.
Then `serve` (bench_serve.py): 20 clients autosaving for 30 s, and a warm
form GET against one `scorewheel validate`.
Prints Markdown tables and writes them to WORKDIR/results.md (build/bench/
for `make bench`): the tracked bench/results.md, with its notes on each run,
is updated by hand from there, never by this script. A last table times a
requisition's refreshes (tools/reqbench) against `report --format json` on
1,000 scorecards."""
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import zipfile
import zlib

import bench_serve

RUNS = int(os.environ.get("RUNS", "5"))
SHEETS = 4000


class Failed(Exception):
    """A command exited with a non-zero status; the message says why."""


def run(cmd, stdout):
    """One run: (seconds, peak RSS in MiB of the process tree's largest member)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        first = err.decode("utf-8", "replace").strip().splitlines()[:1]
        raise Failed(f"exit {code}: {first[0] if first else 'no message'}")
    return elapsed, usage.ru_maxrss / 1024.0


def measure(cmd):
    """(median s, peak RSS, times), or None and the reason when a run failed."""
    times, rss = [], []
    with open(os.devnull, "w") as null:
        for _ in range(RUNS):
            try:
                t, m = run(cmd, null)
            except Failed as e:
                print(f"bench: {' '.join(cmd)} failed ({e})", file=sys.stderr)
                return None, str(e)
            times.append(t)
            rss.append(m)
    return (statistics.median(times), max(rss), times), None


def deflate_floor(workbook):
    """What packing the workbook costs at the least: deflating each of its
    parts at zlib's default level in one thread, as libxlsxwriter (minizip)
    does, without writing anything. (median s, times, MB of XML, MB zipped).
    Run in a process of its own (deflate_in_child): holding the parts would
    raise this process's peak RSS, which Linux passes on to every command
    forked after it (ru_maxrss survives exec)."""
    with zipfile.ZipFile(workbook) as z:
        parts = [z.read(i) for i in z.infolist()]
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        packed = 0
        for data in parts:
            d = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
            packed += len(d.compress(data)) + len(d.flush())
        times.append(time.perf_counter() - start)
    return statistics.median(times), times, sum(map(len, parts)) / 1e6, packed / 1e6


def deflate_in_child(workbook):
    out = subprocess.run([sys.executable, __file__, "--deflate", workbook], check=True,
                         stdout=subprocess.PIPE).stdout
    return json.loads(out)


def target(name, median, floor, schema_floor):
    """The issue's target for a command, and whether this run met it."""
    if "validate" in name:
        ratio, limit, of = median / schema_floor, 1.5, "xmllint --schema"
    elif name.startswith("scorewheel export"):
        ratio, limit, of = median / floor, 3.0, "floor"
    elif any(c in name for c in ("report", "compare", "calibrate")):
        ratio, limit, of = median / floor, 1.0, "floor"
    else:
        return ""
    return f"{ratio:.2f}× {of} ≤ {limit:g}: {'met' if ratio <= limit else 'not met'}"


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), {mem:.0f} GiB"


REFRESH_CARDS = 1000


def refresh_section(sw, gencards, rubric, work):
    """A requisition kept parsed (requisition.h), as `serve` reads one: the
    median of a warm refresh (nothing changed) and of a refresh after one
    file changed, timed in-process by tools/reqbench (RUNS x 5 of each),
    against the median wall time of `report --format json` on the same
    1,000 scorecards, measured alone right before. Targets: <= 0.1x and
    <= 0.2x. Returns the Markdown lines."""
    cards = os.path.join(work, f"cards-{REFRESH_CARDS}")
    if not os.path.isdir(cards):
        subprocess.run([gencards, "--rubric", rubric, "--count", str(REFRESH_CARDS),
                        "--out", cards + ".tmp", "--seed", "2026"], check=True)
        os.rename(cards + ".tmp", cards)
    report, failure = measure([sw, "--rubric", rubric, "report", "--format", "json", cards])
    if report is None:
        return [f"Requisition refresh: report failed ({failure}).", ""]
    reqbench = os.path.join(os.path.dirname(gencards), "reqbench")
    out = subprocess.run([reqbench, rubric, cards, str(RUNS * 5)], check=True,
                         stdout=subprocess.PIPE).stdout
    d = json.loads(out)
    lines = [f"## Requisition refresh ({d['files']} scorecards)", "",
             f"`report --format json` on the folder: median {report[0]:.4f} s. Cold refresh "
             f"{d['cold']:.4f} s. Files parsed: {d['parsed_warm']} over the warm refreshes, "
             f"{d['parsed_changed']} over the {RUNS * 5} after one change.", "",
             "| refresh | median s | × report | target |", "| --- | ---: | ---: | --- |"]
    for name, key, limit in (("warm, nothing changed", "warm", 0.1),
                             ("after one file changed", "changed", 0.2)):
        med = statistics.median(d[key])
        ratio = med / report[0]
        lines.append(f"| {name} | {med:.4f} | {ratio:.3f} | ≤ {limit:g}: "
                     f"{'met' if ratio <= limit else 'not met'} |")
    return lines + [""]


def main():
    sw, gencards, rubric, work, sizes = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
    os.makedirs(work, exist_ok=True)
    lines = [f"# scorewheel benchmark", "",
             f"Machine: {machine()}. Medians of {RUNS} runs; ratios are to `xmllint --noout` "
             f"on the same files in the same run (the parsing floor). RSS is the peak of any run. "
             f"Niceness {os.getpriority(os.PRIO_PROCESS, 0)}; scorewheel used its default -j "
             f"({os.cpu_count()} threads). The machine is shared: the load average is shown "
             f"before and after each table.", ""]
    for size in sizes:
        cards = os.path.join(work, f"cards-{size}")
        if not os.path.isdir(cards):
            print(f"bench: generating {size} scorecards in {cards}", file=sys.stderr)
            subprocess.run([gencards, "--rubric", rubric, "--count", size, "--out", cards + ".tmp",
                            "--seed", "2026"], check=True)
            os.rename(cards + ".tmp", cards)
        listing = os.path.join(work, f"cards-{size}.list")
        with open(listing, "w") as f:
            for d, subdirs, names in os.walk(cards):
                subdirs.sort()
                for n in sorted(names):
                    f.write(os.path.join(d, n) + "\n")
        schema = os.path.join(os.path.dirname(rubric), "scorecard.xsd")
        commands = [
            ("xmllint --noout (floor)", ["xargs", "-a", listing, "xmllint", "--noout"]),
            ("xmllint --noout --schema", ["xargs", "-a", listing, "xmllint", "--noout", "--schema", schema]),
            ("scorewheel validate", [sw, "--rubric", rubric, "validate", "-q", cards]),
            ("scorewheel report --format json", [sw, "--rubric", rubric, "report", "--format", "json", cards]),
            ("scorewheel compare", [sw, "--rubric", rubric, "compare", cards]),
            ("scorewheel calibrate", [sw, "--rubric", rubric, "calibrate", cards]),
        ]
        candidates = sum(1 for e in os.scandir(cards) if e.is_dir())
        workbook = os.path.join(work, f"export-{size}.xlsx")
        shm = os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK)
        # The 20,000 set has 4,000 candidates: larger sets are exported with
        # as many candidate sheets as well, so the rows compare.
        variants = [[]] + ([["--sheets", str(SHEETS)]] if candidates > SHEETS else [])
        for extra in variants:
            export = [sw, "--rubric", rubric, "export", "-q", "-o", workbook] + extra + [cards]
            label = " ".join(["scorewheel export"] + extra)
            commands.append((label, export))
            if shm:
                commands.append((label + ", TMPDIR=/dev/shm", ["env", "TMPDIR=/dev/shm"] + export))
        print(f"bench: {size} scorecards", file=sys.stderr)
        load_before = os.getloadavg()
        results = [(name,) + measure(cmd) for name, cmd in commands]
        if results[0][1] is None or results[1][1] is None:
            sys.exit("bench: xmllint failed")
        packing = deflate_in_child(workbook) if os.path.exists(workbook) else None
        load_after = os.getloadavg()
        try:
            os.remove(workbook)
        except OSError:
            pass
        floor = results[0][1][0]
        schema_floor = results[1][1][0]
        lines += [f"## {size} scorecards", "",
                  f"{candidates} candidates. Load average before {load_before[0]:.2f}, "
                  f"after {load_after[0]:.2f} (1 min).", "",
                  "| command | median s | × floor | target | peak RSS MiB | runs (s) |",
                  "| --- | ---: | ---: | --- | ---: | --- |"]
        for name, result, failure in results:
            if result is None:
                lines.append(f"| {name} | failed | | {failure} | | |")
                continue
            med, rss, times = result
            lines.append(f"| {name} | {med:.3f} | {med / floor:.2f} | "
                         f"{target(name, med, floor, schema_floor)} | {rss:.1f} | "
                         f"{' '.join(f'{t:.3f}' for t in times)} |")
        if packing:
            med, times, xml_mb, zip_mb = packing
            lines.append(f"| deflate the last workbook's {xml_mb:.0f} MB of XML to {zip_mb:.0f} MB "
                         f"(zlib default level, one thread: packing's least) | {med:.3f} | "
                         f"{med / floor:.2f} | | | {' '.join(f'{t:.3f}' for t in times)} |")
        lines.append("")
    print("bench: serve, 20 clients autosaving", file=sys.stderr)
    load_before = os.getloadavg()
    lines += bench_serve.section(sw, rubric)
    lines.append(f"Load average before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f} "
                 f"(1 min).")
    lines.append("")
    lines += refresh_section(sw, gencards, rubric, work)
    text = "\n".join(lines)
    print(text)
    out = os.path.join(work, "results.md")
    with open(out, "w") as f:
        f.write(text)
    print(f"(written to {out})", file=sys.stderr)


def run_cpu(cmd, stdout):
    """One run: (wall seconds, CPU seconds: user + system of the process,
    peak RSS in MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise Failed(f"{' '.join(cmd)}: exit {os.waitstatus_to_exitcode(status)}")
    return (time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024.0)


def fit_alone(fitbench, interviewers, teams=1):
    """(median wall s of the fit as fitbench times it, median CPU s, the wall
    times, its JSON line)."""
    times, cpu, info = [], [], None
    for _ in range(RUNS):
        out = subprocess.run([fitbench, "--interviewers", str(interviewers), "--teams",
                              str(teams)], check=True, stdout=subprocess.PIPE).stdout
        info = json.loads(out)
        times.append(info["seconds"])
        cpu.append(info["cpu_seconds"])
    return statistics.median(times), statistics.median(cpu), times, info


# The calibrate-against-report sets: (scorecards, interviewers; None: gencards'
# default, count / 40 + 8). The company scale is the second.
SEVERITY_SETS = ((20000, 400), (51208, 2000), (100000, None))
# lme4 sizes (interviewers, candidates): lme4 carries the candidates as dense
# fixed effects, so it is run once per size and on small designs only.
LME4_SIZES = ((30, 300), (100, 1000))


def cards_set(gencards, rubric, work, count, interviewers):
    """The cached folder of `count` scorecards (gencards --seed 2026)."""
    name = f"cards-{count}" + (f"-i{interviewers}" if interviewers else "")
    cards = os.path.join(work, name)
    if not os.path.isdir(cards):
        print(f"bench: generating {cards}", file=sys.stderr)
        extra = ["--interviewers", str(interviewers)] if interviewers else []
        subprocess.run([gencards, "--rubric", rubric, "--count", str(count), "--out",
                        cards + ".tmp", "--seed", "2026"] + extra, check=True)
        os.rename(cards + ".tmp", cards)
    return cards


def calibrate_table(sw, rubric, cards, count, interviewers):
    """calibrate against report on one set, alternated so that a change of
    load falls on both alike: Markdown lines."""
    commands = [("scorewheel report --format json", [sw, "--rubric", rubric, "report", "--format",
                                                    "json", cards]),
                ("scorewheel calibrate", [sw, "--rubric", rubric, "calibrate", cards]),
                ("scorewheel calibrate --format json", [sw, "--rubric", rubric, "calibrate",
                                                       "--format", "json", cards])]
    times = {name: [] for name, _ in commands}
    cpu = {name: [] for name, _ in commands}
    rss = {name: 0.0 for name, _ in commands}
    load_before = os.getloadavg()[0]
    with open(os.devnull, "w") as null:
        for _ in range(RUNS):
            for name, cmd in commands:
                wall, used, peak = run_cpu(cmd, null)
                times[name].append(wall)
                cpu[name].append(used)
                rss[name] = max(rss[name], peak)
    who = f"{interviewers:,}" if interviewers else f"{count // 40 + 8:,} (gencards' default)"
    lines = [f"## calibrate against report, {count:,} scorecards, {who} interviewers", "",
             f"Load average before {load_before:.2f}, after {os.getloadavg()[0]:.2f} (1 min). "
             f"Target: calibrate ≤ 1.5× report, peak RSS ≤ 256 MiB.", "",
             "| command | median s | × report | median CPU s | × report | peak RSS MiB "
             "| runs (s) |", "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    base = statistics.median(times[commands[0][0]])
    cpu_base = statistics.median(cpu[commands[0][0]])
    for name, _ in commands:
        med, med_cpu = statistics.median(times[name]), statistics.median(cpu[name])
        lines.append(f"| {name} | {med:.3f} | {med / base:.2f} | {med_cpu:.3f} | "
                     f"{med_cpu / cpu_base:.2f} | {rss[name]:.1f} | "
                     f"{' '.join(f'{t:.3f}' for t in times[name])} |")
    return lines + [""]


def have_lme4():
    try:
        return subprocess.run(["Rscript", "-e", "library(lme4)"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode == 0
    except OSError:
        return False


def read_adjustments(path):
    with open(path) as f:
        next(f)
        return {int(i): float(a) for i, a, *_ in (line.strip().split(",") for line in f)}


def lme4_section(fitbench, work):
    """The same pair scores fitted by fitbench and by lme4 (tests/bench/lme4_fit.R):
    the time ratio and the largest differences. Markdown lines."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lme4_fit.R")
    lines = ["## against lme4 (R), the same pair scores", ""]
    if not have_lme4():
        return lines + ["R with lme4 is not installed (Debian r-cran-lme4): not run.", ""]
    lines += ["Largest differences are relative above 1, absolute below (docs/design.md rule 11).",
              "", "| interviewers | candidates | pairs | fitbench s | lme4 s | × | σ² diff "
              "| τ² diff | b̂ diff |", "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
              "| ---: |"]
    for ni, nk in LME4_SIZES:
        d = os.path.join(work, f"lme4-{ni}-{nk}")
        os.makedirs(d, exist_ok=True)
        ours = json.loads(subprocess.run([fitbench, "--interviewers", str(ni), "--candidates",
                                          str(nk), "--write", d], check=True,
                                         stdout=subprocess.PIPE).stdout)
        theirs = json.loads(subprocess.run(["Rscript", script, d], check=True,
                                           stdout=subprocess.PIPE).stdout)
        rel = lambda a, b: abs(a - b) / max(1.0, abs(a))  # noqa: E731
        a, b = read_adjustments(os.path.join(d, "fit.csv")), read_adjustments(
            os.path.join(d, "lme4.csv"))
        db = max(rel(a[i], b[i]) for i in b)
        lines.append(f"| {ni} | {nk} | {ours['pairs']} | {ours['seconds']:.4f} | "
                     f"{theirs['seconds']:.2f} | {theirs['seconds'] / ours['seconds']:.0f} | "
                     f"{rel(ours['sigma2'], theirs['sigma2']):.1e} | "
                     f"{rel(ours['tau2'], theirs['tau2']):.1e} | {db:.1e} |")
    return lines + [""]


def severity(sw, gencards, fitbench, rubric, work):
    os.makedirs(work, exist_ok=True)
    sets = [(count, ni, cards_set(gencards, rubric, work, count, ni))
            for count, ni in SEVERITY_SETS]
    lines = ["# rule 11 (severity) benchmark", "",
             f"Machine: {machine()}. Medians of {RUNS} runs, in one run of the script; the "
             f"machine may be shared: the load average is shown with each table.", ""]
    for count, ni, cards in sets:
        lines += calibrate_table(sw, rubric, cards, count, ni)
    lines += ["## the fit alone (sw_severity_fit_pairs), tools/fitbench", "",
              "Panels drawn from all interviewers (one component), or within 20 teams "
              "(20 components, fitted block by block).", "",
              "| interviewers | candidates | pairs | components | median s | median CPU s "
              "| runs (s) |", "| ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for n, teams in ((400, 1), (1000, 1), (2000, 1), (2000, 20)):
        med, cpu, runs, info = fit_alone(fitbench, n, teams)
        lines.append(f"| {n} | {info['candidates']} | {info['pairs']} | {info['components']} | "
                     f"{med:.3f} | {cpu:.3f} | {' '.join(f'{t:.3f}' for t in runs)} |")
    lines += [""] + lme4_section(fitbench, work)
    lines += [f"Load average after: {os.getloadavg()[0]:.2f}.", ""]
    text = "\n".join(lines)
    print(text)
    os.makedirs("bench", exist_ok=True)
    with open("bench/severity.md", "w") as f:
        f.write(text)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--deflate":
        print(json.dumps(deflate_floor(sys.argv[2])))
    elif len(sys.argv) == 7 and sys.argv[1] == "--severity":
        severity(*sys.argv[2:])
    else:
        main()
