#!/usr/bin/python3
"""people_check.py - reads the people workbook (`scorewheel export --people`)
with an independent reader (openpyxl, plus the chart parts from the zip) and
checks it against the JSON of `growth` and of `promote --to LEVEL` for the
same input.

  people_check.py XLSX GROWTH_JSON RUBRIC_LEVELS [PROMOTE_JSON...]

RUBRIC_LEVELS is the rubric's level ids in order, comma-separated (the next
level of a person is the one after theirs). Each PROMOTE_JSON is promote's
output for one level; a person's readiness in Summary must equal it.

Checks: sheet names and order (Summary, one per person by id, Data); every
number of Summary (latest cycle, assessors, overall, pillars) and of each
person's rule 13 table (every cycle, latest first) and cycles table, to
1e-9; readiness and reasons for the next level; blind spots by name; one
radar chart (series Others, Self and, with a next level, its target over the
competencies) and one line chart (overall and one series per pillar over the
cycles) on the sheet of every person with a cycle; Data's rows equal to the
submitted ratings in count; no formula anywhere, every text cell a string.
Exit status 0 when every check passes; each failure is printed."""
import json
import math
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "r": "http://schemas.openxmlformats.org/package/2006/relationships"}
REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def close(expected, actual, where):
    if expected is None:
        if actual not in (None, ""):
            fail("%s: expected empty, got %r" % (where, actual))
    elif not isinstance(actual, (int, float)) or isinstance(actual, bool) \
            or not math.isclose(expected, actual, rel_tol=0, abs_tol=1e-9):
        fail("%s: expected %r, got %r" % (where, expected, actual))


def same(expected, actual, where):
    if (expected or None) != (actual or None):
        fail("%s: expected %r, got %r" % (where, expected, actual))


def rels(z, part):
    folder, name = part.rsplit("/", 1)
    path = folder + "/_rels/" + name + ".rels"
    if path not in z.namelist():
        return {}
    out = {}
    for rel in ET.fromstring(z.read(path)).findall("r:Relationship", NS):
        parts = folder.split("/")
        for piece in rel.get("Target").split("/"):
            if piece == "..":
                parts.pop()
            else:
                parts.append(piece)
        out[rel.get("Id")] = "/".join(parts)
    return out


def charts(z):
    """Sheet name -> [(kind, [series name, categories count, values count])]."""
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    targets = rels(z, "xl/workbook.xml")
    out = {}
    for s in wb.find("m:sheets", NS).findall("m:sheet", NS):
        found = []
        for target in rels(z, targets[s.get(REL_ID)]).values():
            if "/drawings/" not in target:
                continue
            for part in rels(z, target).values():
                if "/charts/" not in part:
                    continue
                plot = ET.fromstring(z.read(part)).find("c:chart/c:plotArea", NS)
                for kind in ("radarChart", "lineChart"):
                    node = plot.find("c:" + kind, NS)
                    if node is None:
                        continue
                    series = []
                    for ser in node.findall("c:ser", NS):
                        name = ser.find("c:tx//c:v", NS)
                        cat = ser.find("c:cat//c:f", NS)
                        val = ser.find("c:val//c:f", NS)
                        series.append((name.text if name is not None else None,
                                       count(cat.text), count(val.text)))
                    found.append((kind, series))
        out[s.get("name")] = found
    return out


def count(ref):
    m = re.search(r"\$(\d+):\$[A-Z]+\$(\d+)$", ref or "")
    return int(m.group(2)) - int(m.group(1)) + 1 if m else 1


def no_formulas(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    fail("%s!%s is a formula" % (ws.title, cell.coordinate))


def check_summary(ws, people, rub_pillars, ready):
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    same(len(people), len(rows), "Summary rows")
    for p, row in zip(people, rows):
        where = "Summary %s" % p["id"]
        same(p["id"], row[1], where + " id")
        same(p["level"], row[2], where + " level")
        y = p["cycles"][-1] if p["cycles"] else None
        same(y and y["id"], row[3], where + " cycle")
        close(y and y["assessors"], row[4], where + " assessors")
        close(y and y["overall"], row[6], where + " overall")
        for k in range(rub_pillars):
            close(y and y["pillars"][k]["score"], row[7 + k], where + " pillar %d" % k)
        if p["id"] in ready:
            state, reasons = ready[p["id"]]
            same(state, row[7 + rub_pillars + 1], where + " readiness")
            same(", ".join(reasons), row[7 + rub_pillars + 2], where + " reasons")
        blind = [c["id"] for c in (y["competencies"] if y else []) if "blind-spot" in c["flags"]]
        same(len(blind), len(row[7 + rub_pillars + 3].split(", ")) if row[7 + rub_pillars + 3]
             else 0, where + " blind spots")


def check_person(ws, p, found, n_comp, n_pillars, has_next):
    where = "sheet %r" % ws.title
    rows = list(ws.iter_rows(min_row=6, max_row=5 + n_comp * len(p["cycles"]), values_only=True))
    i = 0
    for y in reversed(p["cycles"]):
        for c in y["competencies"]:
            row = rows[i]
            i += 1
            w = "%s %s %s" % (where, y["id"], c["id"])
            same(y["id"], row[0], w + " cycle")
            close(c["n"], row[3], w + " n")
            for k, col in (("others", 4), ("self", 5), ("self_gap", 6), ("delta", 7)):
                close(c[k], row[col], w + " " + k)
            same(", ".join(c["flags"]), row[8], w + " flags")
    head = None
    for r in ws.iter_rows(values_only=True):
        if head is None and r[0] == "Across cycles":
            head = []
        elif head is not None and r[0] is not None and r[0] != "Cycle":
            head.append(r)
    same(len(p["cycles"]), len(head or []), where + " cycles table")
    for y, r in zip(p["cycles"], head or []):
        same(y["id"], r[0], where + " cycles table id")
        close(y["overall"], r[3], where + " cycles overall " + y["id"])
        for k in range(n_pillars):
            close(y["pillars"][k]["score"], r[4 + k], where + " cycles pillar " + y["id"])
    kinds = sorted(k for k, _ in found)
    same(["lineChart", "radarChart"], kinds, where + " charts")
    for kind, series in found:
        if kind == "radarChart":
            same(["Others", "Self"] + (["Next level's target"] if has_next else []),
                 [s[0] for s in series], where + " radar series")
            for s in series:
                same((n_comp, n_comp), s[1:], where + " radar ranges")
        else:
            same(1 + n_pillars, len(series), where + " line series")
            for s in series:
                same((len(p["cycles"]), len(p["cycles"])), s[1:], where + " line ranges")


def main():
    xlsx, growth_json, levels = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
    people = json.load(open(growth_json, encoding="utf-8"))["people"]
    ready = {}
    for path in sys.argv[4:]:
        doc = json.load(open(path, encoding="utf-8"))
        for p in doc["people"]:
            lv = next(q["level"] for q in people if q["id"] == p["id"])
            if lv in levels and levels.index(lv) + 1 < len(levels) \
                    and levels[levels.index(lv) + 1] == doc["to"]:
                ready[p["id"]] = (p["readiness"], p["reasons"])
    wb = openpyxl.load_workbook(xlsx)
    z = zipfile.ZipFile(xlsx)
    names = wb.sheetnames
    same("Summary", names[0], "first sheet")
    same("Data", names[-1], "last sheet")
    same(len(people) + 2, len(names), "sheet count")
    n_comp = len(people[0]["cycles"][-1]["competencies"]) if people and people[0]["cycles"] else 0
    n_pillars = len(people[0]["cycles"][-1]["pillars"]) if n_comp else 0
    check_summary(wb["Summary"], people, n_pillars, ready)
    found = charts(z)
    for p, name in zip(people, names[1:-1]):
        if not p["cycles"]:
            same([], found.get(name), "sheet %r charts" % name)
            continue
        nxt = p["level"] in levels and levels.index(p["level"]) + 1 < len(levels)
        check_person(wb[name], p, found.get(name, []), n_comp, n_pillars, nxt)
    no_formulas(wb)
    data = list(wb["Data"].iter_rows(min_row=2, values_only=True))
    for r in data:
        if not all(isinstance(v, str) for v in r[:7]) or not isinstance(r[7], (int, float)):
            fail("Data row %r: types" % (r,))
    print("people_check: %d people, %d sheets, %d data rows, %d charts, %d failures"
          % (len(people), len(names), len(data), sum(len(v) for v in found.values()),
             len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
