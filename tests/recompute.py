#!/usr/bin/env python3
"""An independent computation of docs/design.md's semantics, written from the text of
the rules (not from the C code), to check scorewheel's JSON field by field.

    recompute.py RUBRIC.xml REPORT.json PATH...             rules 1-7 (report)
    recompute.py --calibrate RUBRIC.xml CAL.json PATH...    rules 8, 9, 11 (calibrate)
    recompute.py --growth RUBRIC.xml GROWTH.json PATH...    rule 13 (growth)
    recompute.py --promote LEVEL[,CYCLE[,N]] RUBRIC.xml PROMOTE.json PATH...
                                                            rule 14 (promote)
    recompute.py --status RUBRIC.xml STATUS.json PATH...    rule 12 (status; its "now")
    recompute.py --audit DEMOGRAPHICS.xml CAL.json RUBRIC.xml AUDIT.json PATH...
                                   rule 16 (audit; tests/audit_ref.py), rule 11's fit read
                                   from calibrate's JSON
    recompute.py --adjusted CAL.json RUBRIC.xml REPORT.json PATH...
                                   rules 1-7 on x(s,c) - adjustment(i(s)) (report --adjusted),
                                   the adjustments read from calibrate's JSON

Exit 0 when every field agrees to 1e-9. Krippendorff's alpha is computed here
from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
Alpha-Reliability", section C), not from the variance form the C code uses, and
the ICCs from a plain two-way ANOVA table (Shrout & Fleiss 1979).

Rule 11's pairs and components are counted here; its fit (sigma2, tau2, the
adjustments and their standard errors) is tests/severity_ref.py's, to 1e-6,
when numpy can be imported, and left unchecked otherwise (t_severity.sh runs
severity_ref.py under /usr/bin/python3, which has it).

Standard library only otherwise, so it runs on a bare Debian with python3."""
import json
import math
import os
import statistics
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

R = "{urn:scorewheel:rubric:1}"
S = "{urn:scorewheel:scorecard:1}"
A = "{urn:scorewheel:assessment:1}"
RECS = ["strong-no-hire", "no-hire", "hire", "strong-hire"]


def load_rubric(path):
    root = ET.parse(path).getroot()
    rub = {"id": root.get("id"), "version": root.get("version"), "pillars": [],
           "comps": [], "pillar_of": {}, "levels": {}, "archetypes": [], "questions": {}}
    rub["half"] = {}
    for p in root.iter(R + "pillar"):
        comps = [c.get("id") for c in p.findall(R + "competency")]
        rub["pillars"].append((p.get("id"), comps))
        for c in comps:
            rub["half"][c] = p.get("half")
        rub["comps"] += comps
        for c in comps:
            rub["pillar_of"][c] = p.get("id")
    for lv in root.iter(R + "level"):
        rub["levels"][lv.get("id")] = {
            "bar": float(lv.get("hire-bar")),
            "targets": {t.get("competency"): float(t.get("value")) for t in lv.findall(R + "target")}}
    for a in root.iter(R + "archetype"):
        rub["archetypes"].append((a.get("id"), {e.get("pillar"): float(e.get("value"))
                                                for e in a.findall(R + "emphasis")}))
    for q in root.iter(R + "question"):
        rub["questions"][q.get("id")] = [(m.get("competency"), float(m.get("weight", "1")))
                                         for m in q.findall(R + "measures")]
    pol = root.find(R + "policy")
    get = (lambda k, d: pol.get(k, d)) if pol is not None else (lambda k, d: d)
    rub["policy"] = {"min_scorecards": int(get("min-scorecards", 3)),
                     "min_coverage": int(get("min-coverage", len(rub["comps"]))),
                     "disagreement": float(get("disagreement", 2)), "gap": float(get("gap", 1)),
                     "max_gaps": int(get("max-gaps", 1)), "veto": get("veto", "strong-no-hire"),
                     "balanced": float(get("balanced", 0.25)),
                     "overdue": float(get("overdue", 48)),
                     "min_assessors": int(get("min-assessors", 2)),
                     "self_gap": float(get("self-gap", 1)),
                     "min_cell": int(get("min-cell", 5))}
    rub["level_order"] = [lv.get("id") for lv in root.iter(R + "level")]
    rub["interview_probes"] = {
        iv.get("id"): {m.get("competency") for q in iv.iter(R + "question")
                       for m in q.findall(R + "measures")}
        for iv in root.iter(R + "interview")}
    return rub


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for d, subdirs, names in os.walk(p):
                subdirs[:] = sorted(s for s in subdirs if not s.startswith("."))
                for n in sorted(names):
                    if n.endswith(".xml") and not n.startswith("."):
                        yield os.path.join(d, n)
        else:
            yield p


def read_cards(rub, paths):
    """The submitted scorecards as (candidate, interviewer, recommendation, x)."""
    cards = []
    for path in files(paths):
        root = ET.parse(path).getroot()
        if root.tag != S + "scorecard" or root.get("status") != "submitted":
            continue
        rec = root.find(S + "recommendation")
        cards.append((root.get("candidate"), root.get("interviewer"),
                      rec.get("value") if rec is not None else None, card_scores(rub, root)))
    return cards


def alpha_coincidence(units):
    """Interval alpha from a coincidence matrix; units are lists of values."""
    o = {}
    for vals in units:
        m = len(vals)
        if m < 2:
            continue
        for i in range(m):
            for j in range(m):
                if i != j:
                    key = (vals[i], vals[j])
                    o[key] = o.get(key, 0.0) + 1.0 / (m - 1)
    if not o:
        return None, 0
    nc = {}
    for (c, k), w in o.items():
        nc[c] = nc.get(c, 0.0) + w
    n = math.fsum(nc.values())
    d_o = math.fsum(w * (c - k) ** 2 for (c, k), w in o.items()) / n
    d_e = math.fsum(nc[c] * nc[k] * (c - k) ** 2 for c in nc for k in nc) / (n * (n - 1))
    pairable = sum(1 for vals in units if len(vals) >= 2)
    return (None if d_e == 0 else 1 - d_o / d_e), pairable


def icc_anova(rows):
    """Shrout & Fleiss (1979) ICCs of a complete n x k matrix."""
    n, k = len(rows), len(rows[0])
    grand = math.fsum(math.fsum(r) for r in rows) / (n * k)
    row_means = [math.fsum(r) / k for r in rows]
    col_means = [math.fsum(r[j] for r in rows) / n for j in range(k)]
    ss_rows = k * math.fsum((m - grand) ** 2 for m in row_means)
    ss_cols = n * math.fsum((m - grand) ** 2 for m in col_means)
    ss_total = math.fsum((x - grand) ** 2 for r in rows for x in r)
    ss_within = ss_total - ss_rows
    ss_error = ss_total - ss_rows - ss_cols
    bms, wms = ss_rows / (n - 1), ss_within / (n * (k - 1))
    jms, ems = ss_cols / (k - 1), ss_error / ((n - 1) * (k - 1))
    div = lambda a, b: None if b == 0 else a / b
    return {"n": n, "k": k,
            "1,1": div(bms - wms, bms + (k - 1) * wms),
            "2,1": div(bms - ems, bms + (k - 1) * ems + k * (jms - ems) / n),
            "3,1": div(bms - ems, bms + (k - 1) * ems),
            "1,k": div(bms - wms, bms),
            "2,k": div(bms - ems, bms + (jms - ems) / n),
            "3,k": div(bms - ems, bms)}


class Unchecked:
    """A figure this run cannot recompute (rule 11's fit without numpy)."""


UNCHECKED = Unchecked()


def pairs_of(cards, comps):
    """Rule 11's pair scores {(candidate, interviewer): z} from read_cards()."""
    obs = [(cand, who, c, x) for cand, who, _, xs in cards for c, x in xs.items()]
    if not obs:
        return {}
    ybar = math.fsum(x for *_, x in obs) / len(obs)
    d = {}
    for c in comps:
        xs = [x for _, _, cc, x in obs if cc == c]
        d[c] = math.fsum(xs) / len(xs) - ybar if xs else 0.0
    acc = {}
    for cand, who, c, x in obs:
        acc.setdefault((cand, who), []).append(x - d[c])
    return {k: math.fsum(v) / len(v) for k, v in acc.items()}


def components(pairs):
    """Connected components of the candidate-interviewer graph of the pairs."""
    graph = {}
    for cand, who in pairs:
        graph.setdefault(("c", cand), set()).add(("i", who))
        graph.setdefault(("i", who), set()).add(("c", cand))
    seen, count = set(), 0
    for node in graph:
        if node in seen:
            continue
        count += 1
        stack = [node]
        seen.add(node)
        while stack:
            for nb in graph[stack.pop()]:
                if nb not in seen:
                    seen.add(nb)
                    stack.append(nb)
    return count


def severity(rub, cards):
    """Rule 11: the "severity" object and {interviewer: (adjustment, se)}."""
    pairs = pairs_of(cards, rub["comps"])
    try:
        import severity_ref
    except ImportError:
        sev = {"fitted": UNCHECKED, "sigma2": UNCHECKED, "tau2": UNCHECKED,
               "pairs": len(pairs), "components": components(pairs)}
        return sev, {who: (UNCHECKED, UNCHECKED) for _, who in pairs}
    return severity_ref.fit(pairs)


def calibrate(rub, paths):
    cards = read_cards(rub, paths)
    people = sorted({who for _, who, _, _ in cards})
    sev, adj = severity(rub, cards)
    out = []
    for who in people:
        mine = [c for c in cards if c[1] == who]
        obs = [(cand, comp, x) for cand, _, _, xs in mine for comp, x in xs.items()]
        diffs = []
        for cand, comp, x in obs:
            others = [xs[comp] for c2, w2, _, xs in cards if c2 == cand and w2 != who and comp in xs]
            if others:
                diffs.append(x - math.fsum(others) / len(others))
        recs = [r for _, _, r, _ in mine if r]
        out.append({"id": who, "scorecards": len(mine), "observations": len(obs),
                    "mean": mean([x for _, _, x in obs]), "leniency": mean(diffs),
                    "compared": len(diffs),
                    "hire_rate": (sum(1 for r in recs if r in ("hire", "strong-hire")) / len(recs)
                                  if recs else None),
                    "adjustment": adj.get(who, (None, None))[0],
                    "adjustment_se": adj.get(who, (None, None))[1]})
    all_units, comps = [], []
    for comp in rub["comps"]:
        cells = {}
        for cand, who, _, xs in cards:
            if comp in xs:
                cells.setdefault(cand, {}).setdefault(who, []).append(xs[comp])
        units = [[math.fsum(v) / len(v) for _, v in sorted(per.items())] for _, per in sorted(cells.items())]
        all_units += units
        alpha, pairable = alpha_coincidence(units)
        raters = sorted({w for per in cells.values() for w in per})
        icc = None
        if len(cells) >= 2 and len(raters) >= 2 and all(len(per) == len(raters) for per in cells.values()):
            icc = icc_anova([[math.fsum(cells[c][w]) / len(cells[c][w]) for w in raters]
                             for c in sorted(cells)])
        comps.append({"id": comp, "alpha": alpha, "units": pairable, "icc": icc})
    pooled, _ = alpha_coincidence(all_units)
    return {"interviewers": out, "reliability": {"alpha": pooled, "competencies": comps},
            "severity": sev}


def card_scores(rub, root):
    """Rule 1: x(s,c) = sum(w v) / sum(w) over the ratings that reach c."""
    num, den = {}, {}
    for r in root.findall(S + "rating"):
        if r.get("value") is None:
            continue
        v = float(r.get("value"))
        reach = [(r.get("competency"), 1.0)] if r.get("competency") else rub["questions"][r.get("question")]
        for c, w in reach:
            num[c] = num.get(c, 0.0) + w * v
            den[c] = den.get(c, 0.0) + w
    return {c: num[c] / den[c] for c in num if den[c] > 0}


def mean(xs):
    return math.fsum(xs) / len(xs) if xs else None


def compute(rub, paths, level_override=None, shift=None):
    cands = {}
    for path in files(paths):
        root = ET.parse(path).getroot()
        if root.tag != S + "scorecard":
            continue
        c = cands.setdefault(root.get("candidate"), {"cards": [], "name": None, "pending": 0})
        name = root.find(S + "candidate-name")
        if c["name"] is None and name is not None and name.text:
            c["name"] = name.text
        if root.get("status") == "draft":
            c["pending"] += 1
            continue
        rec = root.find(S + "recommendation")
        xs = card_scores(rub, root)
        if shift:     # rule 11's --adjusted: an interviewer without pairs counts 0
            xs = {comp: x - (shift.get(root.get("interviewer")) or 0.0) for comp, x in xs.items()}
        c["cards"].append({"who": root.get("interviewer"), "level": root.get("level"),
                           "rec": rec.get("value") if rec is not None else None,
                           "x": xs})
    pol = rub["policy"]
    out = []
    for cid in sorted(cands):
        c = cands[cid]
        levels = {k["level"] for k in c["cards"] if k["level"]}
        level = level_override or (levels.pop() if len(levels) == 1 else None)
        comps, means = [], {}
        for comp in rub["comps"]:
            xs = [k["x"][comp] for k in c["cards"] if comp in k["x"]]
            n = len(xs)
            m = mean(xs)
            target = rub["levels"][level]["targets"][comp] if level else None
            gap = m - target if m is not None and target is not None else None
            flags = []
            if n and max(xs) - min(xs) >= pol["disagreement"] - 1e-9:
                flags.append("disagreement")
            if gap is not None and gap <= -pol["gap"] + 1e-9:
                flags.append("below-target")
            if n == 0:
                flags.append("unassessed")
            if n:
                means[comp] = m
            comps.append({"id": comp, "pillar": rub["pillar_of"][comp], "n": n, "mean": m,
                          "median": statistics.median(xs) if n else None,
                          "min": min(xs) if n else None, "max": max(xs) if n else None,
                          "sd": statistics.stdev(xs) if n > 1 else None,
                          "target": target, "gap": gap, "flags": flags})
        pillars = [{"id": pid, "score": mean([means[x] for x in pc if x in means])}
                   for pid, pc in rub["pillars"]]
        overall = mean(list(means.values()))
        gaps = [x["gap"] for x in comps if x["n"] and x["gap"] is not None]
        shortfall = math.fsum(max(0.0, -g) for g in gaps) / len(means) if level and means else None
        tally = {r: sum(1 for k in c["cards"] if k["rec"] == r) for r in RECS}
        below = sum(1 for x in comps if "below-target" in x["flags"])
        if not level:
            decision = "no-level"
        elif len(c["cards"]) < pol["min_scorecards"] or len(means) < pol["min_coverage"]:
            decision = "insufficient-evidence"
        elif tally.get(pol["veto"], 0) > 0:
            decision = "no-hire"
        elif overall >= rub["levels"][level]["bar"] - 1e-9 and below <= pol["max_gaps"]:
            decision = "hire"
        else:
            decision = "no-hire"
        out.append({"id": cid, "name": c["name"], "level": level, "scorecards": len(c["cards"]),
                    "pending": c["pending"],
                    "interviewers": sorted({k["who"] for k in c["cards"]}),
                    "overall": overall, "shortfall": shortfall, "decision": decision,
                    "archetype": archetype(rub, [p["score"] for p in pillars]),
                    "recommendations": tally, "pillars": pillars, "competencies": comps})
    return {"rubric": {"id": rub["id"], "version": rub["version"]}, "candidates": out}


def archetype(rub, p):
    """Rule 7."""
    if any(x is None for x in p):
        return None
    centre = sum(p) / len(p)
    d = [x - centre for x in p]
    if max(abs(x) for x in d) < rub["policy"]["balanced"]:
        return next((aid for aid, emph in rub["archetypes"] if not emph), None)
    best, best_cos = None, -2.0
    for aid, emph in rub["archetypes"]:
        e = [emph.get(pid, 0.0) for pid, _ in rub["pillars"]]
        ec = sum(e) / len(e)
        e = [x - ec for x in e]
        ee, dd = sum(x * x for x in e), sum(x * x for x in d)
        if ee <= 0 or dd <= 0:
            continue
        cos = sum(a * b for a, b in zip(e, d)) / math.sqrt(ee * dd)
        if cos > best_cos + 1e-12:
            best, best_cos = aid, cos
    return best


def all_files(paths):
    """Every *.xml under paths, walking each folder's entries in byte order."""
    def walk(d):
        for n in sorted(os.listdir(d), key=lambda x: x.encode()):
            full = os.path.join(d, n)
            if n.startswith("."):
                continue
            if os.path.isdir(full):
                yield from walk(full)
            elif n.endswith(".xml"):
                yield full
    for p in paths:
        yield from (walk(p) if os.path.isdir(p) else [p])


def read_assessments(paths):
    """Every assessment, in path order, as a dict."""
    out = []
    for path in all_files(paths):
        root = ET.parse(path).getroot()
        if root.tag != A + "assessment":
            continue
        name = root.find(A + "person-name")
        out.append({"person": root.get("person"), "assessor": root.get("assessor"),
                    "self": root.get("relation") == "self", "cycle": root.get("cycle"),
                    "level": root.get("level"), "submitted": root.get("status") == "submitted",
                    "name": name.text or "" if name is not None else None,
                    "values": {r.get("competency"): float(r.get("value"))
                               for r in root.findall(A + "rating") if r.get("value") is not None}})
    return out


def profiles(rub, assessments):
    """Rule 13: {person: {"name", "level", "cycles": [(cycle, profile)]}}."""
    people = {}
    for a in assessments:
        p = people.setdefault(a["person"], {"name": None, "items": []})
        if p["name"] is None and a["name"]:
            p["name"] = a["name"]
        p["items"].append(a)
    pol = rub["policy"]
    for pid, p in people.items():
        sub = [a for a in p["items"] if a["submitted"]]
        cycles = sorted({a["cycle"] for a in sub}, key=lambda c: c.encode())
        p["cycles"] = []
        for y in cycles:
            mine = [a for a in sub if a["cycle"] == y]
            others = [a for a in mine if not a["self"]]
            selfs = [a for a in mine if a["self"]]
            comps = {}
            for c in rub["comps"]:
                vals = [a["values"][c] for a in others if c in a["values"]]
                o = mean(vals) if vals else None
                sv = selfs[0]["values"].get(c) if selfs else None
                gap = sv - o if sv is not None and o is not None else None
                flags = []
                if gap is not None and gap >= pol["self_gap"] - 1e-9:
                    flags.append("blind-spot")
                if gap is not None and gap <= -pol["self_gap"] + 1e-9:
                    flags.append("hidden-strength")
                delta = None
                if o is not None:
                    for _, earlier in reversed(p["cycles"]):
                        if earlier["comps"][c]["others"] is not None:
                            delta = o - earlier["comps"][c]["others"]
                            break
                comps[c] = {"n": len(vals), "others": o, "self": sv, "self_gap": gap,
                            "delta": delta, "flags": flags}
            pillars = {}
            for pil, cs in rub["pillars"]:
                d = [comps[c]["others"] for c in cs if comps[c]["others"] is not None]
                pillars[pil] = mean(d) if d else None
            d = [comps[c]["others"] for c in rub["comps"] if comps[c]["others"] is not None]
            p["cycles"].append((y, {"assessors": len(others), "self": bool(selfs),
                                    "overall": mean(d) if d else None, "pillars": pillars,
                                    "comps": comps}))
        p["level"] = None
        for y in reversed(cycles):
            lv = [a["level"] for a in sub if a["cycle"] == y and a["level"]]
            if lv:
                p["level"] = lv[0]
                break
    return people


def growth(rub, paths):
    people = profiles(rub, read_assessments(paths))
    out = []
    for pid in sorted(people, key=lambda x: x.encode()):
        p = people[pid]
        out.append({"id": pid, "name": p["name"], "level": p["level"], "cycles": [
            {"id": y, "assessors": f["assessors"], "self": f["self"], "overall": f["overall"],
             "pillars": [{"id": pil, "score": f["pillars"][pil]} for pil, _ in rub["pillars"]],
             "competencies": [dict({"id": c}, **f["comps"][c]) for c in rub["comps"]]}
            for y, f in p["cycles"]]})
    return {"people": out}


def readiness(rub, f, level):
    """Rule 14 on one cycle profile f (None: the person lacks the cycle)."""
    pol, lv = rub["policy"], rub["levels"][level]
    if f is None or f["assessors"] < pol["min_assessors"] or \
            any(f["comps"][c]["n"] == 0 for c in rub["comps"]):
        return "insufficient-evidence", []
    reasons, gaps = [], 0
    for c in rub["comps"]:
        gap = f["comps"][c]["others"] - lv["targets"][c]
        if rub["half"][c] == "individual":
            if gap < -1e-9:
                reasons.append("individual:" + c)
        elif gap <= -pol["gap"] + 1e-9:
            gaps += 1
    if f["overall"] < lv["bar"] - 1e-9:
        reasons.append("overall")
    if gaps > pol["max_gaps"]:
        reasons.append("gaps")
    return ("not-ready" if reasons else "ready"), reasons


def promote(rub, paths, level, cycle=None, n=1):
    people = profiles(rub, read_assessments(paths))
    out = []
    for pid in sorted(people, key=lambda x: x.encode()):
        p = people[pid]
        ids = [y for y, _ in p["cycles"]]
        if cycle is None:
            k = len(ids) - 1 if ids else None
        else:
            k = ids.index(cycle) if cycle in ids else None
        f = p["cycles"][k][1] if k is not None else None
        state, reasons = readiness(rub, f, level)
        if state == "ready" and n > 1:
            window = p["cycles"][max(0, k + 1 - n):k + 1]
            if len(window) < n or any(readiness(rub, g, level)[0] != "ready" for _, g in window):
                state, reasons = "not-ready", ["sustained"]
        tg = rub["levels"][level]["targets"]
        comps = []
        for c in rub["comps"]:
            s = f["comps"][c] if f else {"n": 0, "others": None, "self": None}
            comps.append({"id": c, "half": rub["half"][c], "n": s["n"], "others": s["others"],
                          "self": s["self"], "target": tg[c],
                          "gap": s["others"] - tg[c] if s["others"] is not None else None})
        out.append({"id": pid, "name": p["name"], "cycle": ids[k] if k is not None else None,
                    "assessors": f["assessors"] if f else 0,
                    "overall": f["overall"] if f else None, "readiness": state,
                    "reasons": reasons, "competencies": comps})
    return {"to": level, "people": out}


def compare(want, got, where, errors):
    if want is UNCHECKED:
        return
    if isinstance(want, dict):
        if not isinstance(got, dict) or set(want) != set(got):
            errors.append(f"{where}: keys {sorted(got) if isinstance(got, dict) else got} != {sorted(want)}")
            return
        for k in want:
            compare(want[k], got[k], f"{where}.{k}", errors)
    elif isinstance(want, list):
        if not isinstance(got, list) or len(want) != len(got):
            errors.append(f"{where}: {got!r} != {want!r}")
            return
        for i, (w, g) in enumerate(zip(want, got)):
            compare(w, g, f"{where}[{i}]", errors)
    elif isinstance(want, float) and isinstance(got, (int, float)) and not isinstance(got, bool):
        if abs(want - got) > 1e-9:
            errors.append(f"{where}: {got!r} != {want!r}")
    elif want != got or type(want) is not type(got) and not (isinstance(want, int) and isinstance(got, float) and want == got):
        errors.append(f"{where}: {got!r} != {want!r}")


def utc_seconds(stamp):
    return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()


def status(rub, paths, now_stamp):
    """Rule 12: every scorecard of a candidate, drafts aged against now."""
    now = utc_seconds(now_stamp)
    cands = {}
    for path in files(paths):
        root = ET.parse(path).getroot()
        if root.tag != S + "scorecard":
            continue
        c = cands.setdefault(root.get("candidate"), {"name": None, "cards": [], "covered": set(),
                                                     "probed": set(), "submitted": 0})
        name = root.find(S + "candidate-name")
        if c["name"] is None and name is not None and name.text:
            c["name"] = name.text
        draft = root.get("status") == "draft"
        created = root.get("created")
        age = None
        if draft:
            born = utc_seconds(created) if created else os.stat(path).st_mtime
            age = (now - born) / 3600
            c["probed"] |= rub["interview_probes"][root.get("interview")]
        else:
            c["submitted"] += 1
            c["covered"] |= set(card_scores(rub, root))
        c["cards"].append({"interview": root.get("interview"), "interviewer": root.get("interviewer"),
                           "status": "draft" if draft else "submitted", "created": created,
                           "age_hours": age,
                           "overdue": draft and age >= rub["policy"]["overdue"]})
    out = []
    for cid in sorted(cands, key=lambda k: k.encode()):
        c = cands[cid]
        missing = [k for k in rub["comps"] if k not in c["covered"]]
        out.append({"id": cid, "name": c["name"], "submitted": c["submitted"],
                    "pending": len(c["cards"]) - c["submitted"],
                    "cards": sorted(c["cards"], key=lambda d: (d["interview"].encode(),
                                                               d["interviewer"].encode())),
                    "needs": {"scorecards": max(0, rub["policy"]["min_scorecards"] - c["submitted"]),
                              "awaiting": [k for k in missing if k in c["probed"]],
                              "uncovered": [k for k in missing if k not in c["probed"]]}})
    return {"now": now_stamp, "overdue_hours": rub["policy"]["overdue"], "candidates": out}


def audit_main(args):
    import audit_ref
    demo, cal_path, rubric, got_path, paths = args[0], args[1], args[2], args[3], args[4:]
    rub = load_rubric(rubric)
    with open(cal_path, encoding="utf-8") as f:
        cal = json.load(f)
    with open(got_path, encoding="utf-8") as f:
        got = json.load(f)
    pairs = pairs_of(read_cards(rub, paths), rub["comps"])
    want = audit_ref.audit(compute(rub, paths), demo, cal, pairs, rub["policy"]["min_cell"])
    errors = []
    compare(want, got, "$", errors)
    for e in errors[:20]:
        print(e)
    print(f"recompute: audit of {want['population']} candidates, "
          f"{sum(len(d['groups']) for d in want['dimensions'])} groups, "
          f"{len(want['intersections'])} intersections, {len(want['interviewers'])} gaps "
          f"({sum(g['flag'] for g in want['interviewers'])} flagged), {len(errors)} differences")
    return 1 if errors else 0


def main():
    args = sys.argv[1:]
    mode, shift = "report", None
    if args and args[0] in ("--calibrate", "--status", "--growth"):
        mode, args = args[0][2:], args[1:]
    elif args and args[0] == "--promote":
        mode, spec, args = "promote", (args[1].split(",") + [None, None])[:3], args[2:]
    if args and args[0] == "--audit":
        return audit_main(args[1:])
    if args and args[0] == "--adjusted":
        with open(args[1], encoding="utf-8") as f:
            shift = {i["id"]: i["adjustment"] for i in json.load(f)["interviewers"]}
        args = args[2:]
    rubric, report, paths = args[0], args[1], args[2:]
    rub = load_rubric(rubric)
    with open(report, encoding="utf-8") as f:
        got = json.load(f)
    if mode == "growth":
        want = growth(rub, paths)
    elif mode == "promote":
        want = promote(rub, paths, spec[0], spec[1] or None, int(spec[2] or 1))
    else:
        want = (calibrate(rub, paths) if mode == "calibrate"
                else status(rub, paths, got["now"]) if mode == "status"
                else compute(rub, paths, shift=shift))
    errors = []
    compare(want, got, "$", errors)
    for e in errors[:20]:
        print(e)
    if mode in ("growth", "promote"):
        counts = {}
        for p in want["people"]:
            k = p.get("readiness", f"{len(p.get('cycles', []))} cycles")
            counts[k] = counts.get(k, 0) + 1
        print(f"recompute: {len(want['people'])} people ({counts}), {len(errors)} differences")
    elif mode == "status":
        print(f"recompute: {len(want['candidates'])} candidates, "
              f"{sum(len(c['cards']) for c in want['candidates'])} cards, {len(errors)} differences")
    elif mode == "calibrate":
        print(f"recompute: {len(want['interviewers'])} interviewers, "
              f"{len(want['reliability']['competencies'])} competencies, {len(errors)} differences")
    else:
        print(f"recompute: {len(want['candidates'])} candidates, "
              f"{sum(len(c['competencies']) for c in want['candidates'])} competency rows, "
              f"{len(errors)} differences")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
