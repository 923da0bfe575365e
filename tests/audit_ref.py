"""Rule 16 (docs/design.md "Rule 16: adverse-impact audit"), computed again from the text of
the rule for tests/recompute.py --audit: not from the C code.

Fisher's test here is exact: each table's hypergeometric probability is a
Fraction of binomial coefficients (Python integers), and the tables "no more
probable than the observed one" are those with p <= p_obs * (1 + 1e-7), as R's
fisher.test. Impact flags compare Fractions. Rule 11's adjustments and sigma2
are calibrate's (its JSON), checked against tests/severity_ref.py elsewhere;
the residuals and gaps are computed here."""
import math
import xml.etree.ElementTree as ET
from fractions import Fraction

D = "{urn:scorewheel:demographics:1}"


def fisher(a, b, c, d):
    m, n, k = a + c, b + d, a + b
    probs = {x: Fraction(math.comb(m, x) * math.comb(n, k - x))
             for x in range(max(0, k - n), min(k, m) + 1)}
    total = sum(probs.values())
    limit = probs[a] * (1 + Fraction(1, 10**7))
    return float(sum(p for p in probs.values() if p <= limit) / total)


def read_demographics(path):
    root = ET.parse(path).getroot()
    dims = root.get("dimensions").split()
    people = {}
    for c in root.findall(D + "candidate"):
        people[c.get("id")] = {g.get("dimension"): g.get("value") for g in c.findall(D + "group")}
    return dims, people


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    if not n:
        return None
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def grouping(members, key, population, min_cell):
    """Groups of the members by key(m) (None: unknown), measured as rule 16 says."""
    known = [m for m in members if key(m) is not None]
    values = sorted({key(m) for m in known})
    groups = []
    for v in values:
        g = [m for m in known if key(m) == v]
        dec = [m for m in g if m["decided"]]
        sc = [m for m in g if m["overall"] is not None]
        groups.append({"key": v, "n": len(g), "decided": len(dec),
                       "selected": sum(1 for m in dec if m["selected"]),
                       "scored": len(sc), "above": sum(1 for m in sc if m["above"]),
                       "excluded": Fraction(len(g), population) < Fraction(2, 100),
                       "suppressed": len(g) < min_cell})
    unknown = len(members) - len(known)
    withheld = None
    if any(g["suppressed"] for g in groups):
        withheld = unknown + sum(g["n"] for g in groups if g["suppressed"])
        while withheld < min_cell:
            shown = [g for g in groups if not g["suppressed"]]
            if not shown:
                break
            least = min(shown, key=lambda g: (g["n"], g["key"]))
            least["suppressed"] = True
            withheld += least["n"]
        unknown = None
    rates = {}
    for num, den in (("selected", "decided"), ("above", "scored")):
        rs = [Fraction(g[num], g[den]) for g in groups
              if not g["excluded"] and not g["suppressed"] and g[den]]
        rates[num] = max(rs) if rs else None
    dec_all = sum(g["decided"] for g in groups)
    sel_all = sum(g["selected"] for g in groups)
    out = []
    for g in groups:
        row = {"n": g["n"], "decided": g["decided"], "selected": g["selected"]}
        flag = False
        for num, den, rk, ik in (("selected", "decided", "selection_rate", "selection_impact"),
                                 ("above", "scored", "scoring_rate", "scoring_impact")):
            r = Fraction(g[num], g[den]) if g[den] else None
            best = rates[num]
            imp = None
            if r is not None and best and not g["excluded"] and not g["suppressed"]:
                imp = r / best
                flag = flag or imp < Fraction(4, 5)
            row[rk] = float(r) if r is not None else None
            row[ik] = float(imp) if imp is not None else None
            if num == "selected":
                row["scored"], row["above"] = g["scored"], g["above"]
        row["fisher_p"] = fisher(g["selected"], g["decided"] - g["selected"],
                                 sel_all - g["selected"],
                                 dec_all - g["decided"] - (sel_all - g["selected"]))
        if g["suppressed"]:
            row = {k: None for k in row}
            flag = False
        row.update({"excluded": g["excluded"], "suppressed": g["suppressed"], "flag": flag})
        out.append((g["key"], row))
    return out, unknown, withheld


def audit(report, demo_path, cal, pairs, min_cell):
    """The audit JSON object from report's candidates, the demographics, calibrate's
    JSON and rule 11's pairs {(candidate, interviewer): z}."""
    dims, people = read_demographics(demo_path)
    cands = [c for c in report["candidates"] if c["scorecards"] >= 1]
    ids = {c["id"] for c in report["candidates"]}
    overalls = [c["overall"] for c in cands if c["overall"] is not None]
    med = median(overalls)
    members = [{"id": c["id"], "decided": c["decision"] in ("hire", "no-hire"),
                "selected": c["decision"] == "hire", "overall": c["overall"],
                "above": c["overall"] is not None and c["overall"] > med,
                "values": people.get(c["id"], {})} for c in cands]
    out = {"population": len(members), "decided": sum(m["decided"] for m in members),
           "median_overall": med, "unmatched": sum(1 for p in people if p not in ids),
           "min_cell": min_cell, "dimensions": []}
    status = {}
    for d in dims:
        groups, unknown, withheld = grouping(members, lambda m: m["values"].get(d),
                                             len(members), min_cell)
        status[d] = {v: row for v, row in groups}
        out["dimensions"].append({"id": d, "unknown": unknown, "withheld": withheld,
                                  "groups": [dict({"value": v}, **row) for v, row in groups]})

    def key(m):
        vs = tuple(m["values"].get(d) for d in dims)
        return None if None in vs else vs
    groups, unknown, withheld = grouping(members, key, len(members), min_cell)
    out["intersection_unknown"], out["intersection_withheld"] = unknown, withheld
    out["intersections"] = [dict({"values": dict(zip(dims, v))}, **row) for v, row in groups]
    out["interviewers"] = gaps(members, dims, status, cal, pairs)
    return out


def gaps(members, dims, status, cal, pairs):
    if not cal["severity"]["fitted"]:
        return []
    b = {i["id"]: i["adjustment"] for i in cal["interviewers"]}
    sigma2 = cal["severity"]["sigma2"]
    f = {}
    for (k, i), z in pairs.items():
        f.setdefault(k, []).append(z - b[i])
    fhat = {k: math.fsum(v) / len(v) for k, v in f.items()}
    e = {(k, i): z - b[i] - fhat[k] for (k, i), z in pairs.items()}
    values = {m["id"]: m["values"] for m in members}
    rows = []
    for i in sorted({i for _, i in pairs}):
        for d in dims:
            for v, row in sorted(status[d].items()):
                if row["suppressed"]:
                    continue
                inside = [x for (k, j), x in e.items() if j == i and values[k].get(d) == v]
                outside = [x for (k, j), x in e.items()
                           if j == i and values[k].get(d) not in (None, v)]
                if len(inside) < 3 or len(outside) < 3:
                    continue
                gap = math.fsum(inside) / len(inside) - math.fsum(outside) / len(outside)
                se = math.sqrt(sigma2 * (1 / len(inside) + 1 / len(outside)))
                rows.append({"id": i, "dimension": d, "value": v, "n_in": len(inside),
                             "n_out": len(outside), "gap": gap, "se": se,
                             "flag": abs(gap) >= 2 * se})
    return rows
