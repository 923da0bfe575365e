#!/usr/bin/python3
"""xlsx_check.py - reads a workbook written by `scorewheel export` with an
independent reader (openpyxl, plus the raw XML parts from the zip) and checks
it against the JSON that `compare` and `calibrate` print for the same input.

  xlsx_check.py full XLSX COMPARE_JSON CALIBRATE_JSON [--table|--filter] [--sheets N]
      sheet names and order, every number of Summary, of every candidate
      sheet's figures and competency table, of Compare, Interviewers and Data
      (to 1e-9); the radar charts (one per candidate sheet, one per 8
      candidates on Compare) with their series and categories; no formula
      anywhere; every text cell a string; Excel's sheet-name rules; Data as a
      table (--table) or a filtered range (--filter), and so each of its
      continuation sheets (Data 2...), which all hold as many rows but the
      last. With --sheets N, only the
      first N candidates of Summary have a sheet and a link to it.
  xlsx_check.py anonymous XLSX COMPARE_JSON [NAME...]
      no candidate name (those of the JSON and the NAMEs: other spellings on
      some scorecards), nor any part of one with 3 or more letters, in any XML
      part of the file; candidates and sheets are "Candidate A"...
  xlsx_check.py sheets XLSX
      prints the sheet names, one per line.
  xlsx_check.py links XLSX
      prints Summary's subtitle, then each candidate row's name and the sheet
      its cell links to ("-": plain text, no link).

Exit status 0 when every check passes; each failure is printed.
"""
import json
import math
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

try:
    import openpyxl
except ImportError:
    sys.exit("xlsx_check.py: python3-openpyxl is not installed")

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "r": "http://schemas.openxmlformats.org/package/2006/relationships",
}
REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
FIXED = ["Summary", "Compare", "Interviewers", "Data"]
REC = ["strong-no-hire", "no-hire", "hire", "strong-hire"]

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def close(expected, actual, where):
    if expected is None:
        if actual is not None:
            fail("%s: expected empty, got %r" % (where, actual))
        return
    if not isinstance(actual, (int, float)) or isinstance(actual, bool):
        fail("%s: expected %r, got %r" % (where, expected, actual))
    elif not math.isclose(expected, actual, rel_tol=0, abs_tol=1e-9):
        fail("%s: expected %r, got %r" % (where, expected, actual))


def same(expected, actual, where):
    if expected != actual:
        fail("%s: expected %r, got %r" % (where, expected, actual))


# --- the zip's parts --------------------------------------------------------------

def rels(z, part):
    """Relationship id -> target path of a part."""
    folder, name = part.rsplit("/", 1)
    path = folder + "/_rels/" + name + ".rels"
    if path not in z.namelist():
        return {}
    out = {}
    for rel in ET.fromstring(z.read(path)).findall("r:Relationship", NS):
        target = rel.get("Target")
        if target.startswith("/"):
            target = target[1:]
        else:
            parts = folder.split("/")
            for piece in target.split("/"):
                if piece == "..":
                    parts.pop()
                else:
                    parts.append(piece)
            target = "/".join(parts)
        out[rel.get("Id")] = target
    return out


def sheet_parts(z):
    """Sheet name -> its worksheet part, in workbook order."""
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    targets = rels(z, "xl/workbook.xml")
    return [(s.get("name"), targets[s.get(REL_ID)])
            for s in wb.find("m:sheets", NS).findall("m:sheet", NS)]


def charts_of(z, sheet_part):
    """The chart parts drawn on a worksheet."""
    out = []
    for target in rels(z, sheet_part).values():
        if "/drawings/" in target:
            out += [t for t in rels(z, target).values() if "/charts/" in t]
    return sorted(out, key=lambda p: int(re.search(r"(\d+)\.xml$", p).group(1)))


def range_count(ref):
    """Cells in a one-dimensional range reference like 'Name'!$B$5:$B$8."""
    m = re.search(r"!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$", ref)
    if not m:
        return None
    def col(s):
        n = 0
        for ch in s:
            n = n * 26 + ord(ch) - 64
        return n
    if not m.group(3):
        return 1
    cols = abs(col(m.group(3)) - col(m.group(1))) + 1
    return cols * (abs(int(m.group(4)) - int(m.group(2))) + 1)


def chart_shape(z, part):
    """(kind, [(categories, values, category ref)]) of a chart part."""
    root = ET.fromstring(z.read(part))
    plot = root.find("c:chart/c:plotArea", NS)
    radar = plot.find("c:radarChart", NS)
    if radar is None:
        return None, []
    series = []
    for ser in radar.findall("c:ser", NS):
        cat_ref = ser.find("c:cat//c:f", NS)
        pt = ser.find("c:cat//c:ptCount", NS)
        cats = int(pt.get("val")) if pt is not None else range_count(cat_ref.text)
        vals = range_count(ser.find("c:val//c:f", NS).text)
        series.append((cats, vals, cat_ref.text))
    return radar.find("c:radarStyle", NS).get("val"), series


# --- checks -------------------------------------------------------------------------

def check_sheet_names(names):
    folded = set()
    for name in names:
        units = len(name.encode("utf-16-le")) // 2
        if not 1 <= units <= 31:
            fail("sheet %r: %d characters" % (name, units))
        if any(ch in name for ch in "[]:*?/\\"):
            fail("sheet %r: a forbidden character" % name)
        if name.startswith("'") or name.endswith("'"):
            fail("sheet %r: apostrophe first or last" % name)
        if name.casefold() in folded:
            fail("sheet %r: not unique" % name)
        if name.casefold() == "history":
            fail("sheet %r: reserved" % name)
        folded.add(name.casefold())


def check_no_formulas(z):
    for name in z.namelist():
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            root = ET.fromstring(z.read(name))
            if root.findall(".//m:f", NS):
                fail("%s: holds a formula" % name)
            for c in root.iter("{%s}c" % NS["m"]):
                if c.get("t") not in (None, "s", "inlineStr", "n"):
                    fail("%s: cell %s of type %r" % (name, c.get("r"), c.get("t")))


def find_row(ws, col, text, start=1):
    for row in range(start, ws.max_row + 1):
        if ws.cell(row, col).value == text:
            return row
    return None


def check_summary(ws, data, names_shown):
    cands = data["candidates"]
    row4 = [ws.cell(4, col).value for col in range(1, ws.max_column + 1)]
    npl = row4.index("Shortfall") - 6 if "Shortfall" in row4 else 0
    header = row4[:14 + npl]
    same(["Candidate", "Id", "Level", "Scorecards", "Pending", "Overall"], header[:6],
         "Summary header")
    same(["Shortfall"] + REC + ["Decision", "Archetype", "Flags"], header[6 + npl:],
         "Summary header")
    same(len(cands), ws.max_row - 4, "Summary rows")
    for i, c in enumerate(cands):
        row = 5 + i
        where = "Summary row %d (%s)" % (row, c["id"])
        cell = ws.cell(row, 1)
        same(names_shown[i], cell.value, where + " name")
        same("s", cell.data_type, where + " name type")
        same(c["id"], ws.cell(row, 2).value, where + " id")
        close(c["scorecards"], ws.cell(row, 4).value, where + " scorecards")
        close(c["pending"], ws.cell(row, 5).value, where + " pending")
        close(c["overall"], ws.cell(row, 6).value, where + " overall")
        for p, pillar in enumerate(c["pillars"]):
            close(pillar["score"], ws.cell(row, 7 + p).value, where + " " + pillar["id"])
        close(c["shortfall"], ws.cell(row, 7 + npl).value, where + " shortfall")
        for k, rec in enumerate(REC):
            close(c["recommendations"][rec], ws.cell(row, 8 + npl + k).value, where + " " + rec)
        same(c["decision"], ws.cell(row, 12 + npl).value, where + " decision")
        flags = sum(len(k["flags"]) for k in c["competencies"])
        close(flags, ws.cell(row, 14 + npl).value, where + " flags")
    if ws.freeze_panes != "B5":
        fail("Summary: frozen at %r, expected B5" % ws.freeze_panes)
    if not ws.auto_filter.ref:
        fail("Summary: no filter")


def check_candidate(ws, c, shown):
    where = "sheet %r" % ws.title
    same(shown, ws["A1"].value, where + " title")
    figures = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(4, 13)}
    close(c["overall"], figures.get("Overall"), where + " overall")
    close(c["shortfall"], figures.get("Shortfall"), where + " shortfall")
    close(c["scorecards"], figures.get("Scorecards"), where + " scorecards")
    close(c["pending"], figures.get("Pending"), where + " pending")
    same(c["decision"], figures.get("Decision"), where + " decision")
    top = find_row(ws, 1, "Pillar")
    if top is None or ws.cell(top, 2).value != "Competency":
        fail(where + ": no competency table")
        return
    for i, k in enumerate(c["competencies"]):
        row = top + 1 + i
        at = "%s %s" % (where, k["id"])
        close(k["n"], ws.cell(row, 3).value, at + " n")
        for col, key in enumerate(["mean", "median", "min", "max", "sd", "target", "gap"]):
            close(k[key], ws.cell(row, 4 + col).value, at + " " + key)
        same(", ".join(k["flags"]) or None, ws.cell(row, 11).value, at + " flags")
    matrix = find_row(ws, 1, "Interviewer", top)
    if matrix is None:
        fail(where + ": no interviewers' matrix")
        return
    ids = [ws.cell(matrix, col).value for col in range(3, 3 + c["scorecards"])]
    same(sorted(set(ids)), c["interviewers"], where + " matrix interviewers")


def check_charts(z, parts, data, n_sheets):
    cands = data["candidates"]
    ncomp = len(cands[0]["competencies"]) if cands else 0
    for name, part in parts[1:1 + n_sheets]:
        charts = charts_of(z, part)
        if len(charts) != 1:
            fail("sheet %r: %d charts, expected 1" % (name, len(charts)))
            continue
        style, series = chart_shape(z, charts[0])
        c = cands[[p[0] for p in parts].index(name) - 1]
        want = 2 if c["level"] else 1
        same("filled", style, "sheet %r chart style" % name)
        same(want, len(series), "sheet %r chart series" % name)
        for cats, vals, ref in series:
            same(ncomp, cats, "sheet %r chart categories" % name)
            same(ncomp, vals, "sheet %r chart values" % name)
    compare = dict(parts)["Compare"]
    charts = charts_of(z, compare)
    same((len(cands) + 7) // 8, len(charts), "Compare charts")
    for i, part in enumerate(charts):
        style, series = chart_shape(z, part)
        same(min(8, len(cands) - 8 * i), len(series), "Compare chart %d series" % (i + 1))
        for cats, vals, ref in series:
            same(ncomp, cats, "Compare chart %d categories" % (i + 1))
            same(ncomp, vals, "Compare chart %d values" % (i + 1))


def check_compare(ws, data, shown):
    cands = data["candidates"]
    for i, c in enumerate(cands):
        row = 5 + i
        same(shown[i], ws.cell(row, 1).value, "Compare row %d name" % row)
        close(c["overall"], ws.cell(row, 3).value, "Compare row %d overall" % row)
        npl = len(c["pillars"])
        for p, pillar in enumerate(c["pillars"]):
            close(pillar["score"], ws.cell(row, 4 + p).value, "Compare row %d pillar" % row)
        for k, comp in enumerate(c["competencies"]):
            close(comp["mean"], ws.cell(row, 4 + npl + k).value, "Compare row %d mean" % row)


def check_interviewers(ws, cal):
    for i, iv in enumerate(cal["interviewers"]):
        row = 5 + i
        where = "Interviewers row %d" % row
        same(iv["id"], ws.cell(row, 1).value, where + " id")
        for col, key in enumerate(["scorecards", "observations", "mean", "leniency",
                                   "compared", "hire_rate"]):
            close(iv[key], ws.cell(row, 2 + col).value, where + " " + key)
    top = find_row(ws, 1, "Competency")
    if top is None:
        fail("Interviewers: no reliability table")
        return
    rel = cal["reliability"]
    for i, k in enumerate(rel["competencies"]):
        row = top + 1 + i
        where = "Interviewers reliability %s" % k["id"]
        close(k["alpha"], ws.cell(row, 3).value, where + " alpha")
        close(k["units"], ws.cell(row, 5).value, where + " units")
        icc = k["icc"] or {}
        for col, key in enumerate(["n", "k", "1,1", "2,1", "3,1", "1,k", "2,k", "3,k"]):
            close(icc.get(key), ws.cell(row, 6 + col).value, where + " icc " + key)
    row = top + 1 + len(rel["competencies"])
    same("All competencies (pooled)", ws.cell(row, 1).value, "Interviewers pooled row")
    close(rel["alpha"], ws.cell(row, 3).value, "Interviewers pooled alpha")


def check_data(z, parts, wb, data_names, cal, mode):
    """Data and its continuation sheets (Data 2...): each with the header and
    its own table or filter; their rows together are calibrate's
    observations."""
    rows = []
    for name in data_names:
        ws = wb[name]
        same(["Candidate", "Id", "Interviewer", "Interview", "Pillar", "Competency", "Score",
              "Recommendation"], [ws.cell(1, col).value for col in range(1, 9)],
             name + " header")
        mine = list(ws.iter_rows(min_row=2, values_only=True))
        if name != data_names[-1] and len(data_names) > 1 and len(mine) != len(
                list(wb[data_names[0]].iter_rows(min_row=2))):
            fail("%s: %d rows, not as many as %s" % (name, len(mine), data_names[0]))
        rows += mine
        part = dict(parts)[name]
        tables = [t for t in rels(z, part).values() if "/tables/" in t]
        if mode == "--table":
            same(1, len(tables), name + " tables")
            if tables:
                table = ET.fromstring(z.read(tables[0]))
                same("A1:H%d" % (len(mine) + 1), table.get("ref"), name + " table range")
                want = "Scores" if name == "Data" else "Scores_" + name.split()[1]
                same(want, table.get("name"), name + " table name")
        elif mode == "--filter":
            same(0, len(tables), name + " tables")
            same("A1:H%d" % (len(mine) + 1), ws.auto_filter.ref, name + " filter")
        if ws.freeze_panes != "A2":
            fail("%s: frozen at %r, expected A2" % (name, ws.freeze_panes))
    same(sum(iv["observations"] for iv in cal["interviewers"]), len(rows), "Data rows")
    # Rule 2: a competency's mean is the mean of its Data scores.
    scores = {}
    for row in rows:
        scores.setdefault((row[1], row[5]), []).append(row[6])
    return scores


def check_data_means(scores, data, rubric_names):
    for c in data["candidates"]:
        for comp in c["competencies"]:
            vs = scores.get((c["id"], rubric_names[comp["id"]]), [])
            same(comp["n"], len(vs), "Data %s %s count" % (c["id"], comp["id"]))
            if vs:
                close(comp["mean"], sum(vs) / len(vs), "Data %s %s mean" % (c["id"], comp["id"]))


def check_links(ws, n_rows, n_sheets, sheet_names):
    for i in range(n_rows):
        cell = ws.cell(5 + i, 1)
        target = cell.hyperlink.location if cell.hyperlink else None
        if i < n_sheets and "#" in sheet_names[1 + i]:
            same(None, target, "Summary row %d link (a '#' in the sheet name)" % (5 + i))
        elif i < n_sheets:
            quoted = "'%s'!A1" % sheet_names[1 + i].replace("'", "''")
            same(quoted, target, "Summary row %d link" % (5 + i))
        else:
            same(None, target, "Summary row %d link (no sheet)" % (5 + i))


def full(path, compare_json, calibrate_json, mode, sheets=None):
    data = json.load(open(compare_json, encoding="utf-8"))
    cal = json.load(open(calibrate_json, encoding="utf-8"))
    wb = openpyxl.load_workbook(path)
    z = zipfile.ZipFile(path)
    parts = sheet_parts(z)
    names = [n for n, _ in parts]
    same(names, wb.sheetnames, "sheet names (openpyxl and workbook.xml)")
    cands = data["candidates"]
    n_sheets = len(cands) if sheets is None else min(sheets, len(cands))
    data_names = ["Data"] + names[1 + n_sheets + 3:]
    same(["Data"] + ["Data %d" % i for i in range(2, len(data_names) + 1)], data_names,
         "Data sheets")
    same(1 + n_sheets + 2 + len(data_names), len(names), "number of sheets")
    same("Summary", names[0], "first sheet")
    same(FIXED[1:], names[1 + n_sheets:1 + n_sheets + 3], "sheets after the candidates'")
    check_sheet_names(names)
    check_no_formulas(z)
    # Names on one line: control characters and runs of spaces as one space.
    shown = [re.sub(r"[\x00-\x1f\x7f ]+", " ", c["name"]).strip(" ") if c["name"] else c["id"]
             for c in cands]
    check_summary(wb["Summary"], data, shown)
    check_links(wb["Summary"], len(cands), n_sheets, names)
    for i, c in enumerate(cands[:n_sheets]):
        check_candidate(wb[names[1 + i]], c, shown[i])
    check_charts(z, parts, data, n_sheets)
    check_compare(wb["Compare"], data, shown)
    # Competency names, from Compare's header, for the Data sheet.
    ws = wb["Compare"]
    npl = len(cands[0]["pillars"]) if cands else 0
    comp_ids = [k["id"] for k in cands[0]["competencies"]] if cands else []
    rubric_names = {cid: ws.cell(4, 4 + npl + k).value for k, cid in enumerate(comp_ids)}
    check_interviewers(wb["Interviewers"], cal)
    scores = check_data(z, parts, wb, data_names, cal, mode)
    check_data_means(scores, data, rubric_names)


# --- anonymity --------------------------------------------------------------------

def name_patterns(name):
    words = re.findall(r"\w+", name)
    compounds = re.findall(r"\w+(?:[-'\u2019]\w+)+", name)
    return [name.strip()] + [w for w in words + compounds
                             if sum(ch.isalpha() for ch in w) >= 3]


def xml_texts(data):
    root = ET.fromstring(data)
    for el in root.iter():
        if el.text:
            yield el.text
        for value in el.attrib.values():
            yield value


def anonymous(path, compare_json, more_names):
    data = json.load(open(compare_json, encoding="utf-8"))
    names = [c["name"] for c in data["candidates"] if c["name"]] + more_names
    z = zipfile.ZipFile(path)
    texts = {}
    for part in z.namelist():
        if part.endswith(".xml") or part.endswith(".rels"):
            texts[part] = "\n".join(xml_texts(z.read(part)))
    for name in names:
        for pattern in name_patterns(name):
            rx = re.compile(r"(?<!\w)" + re.escape(pattern) + r"(?!\w)", re.IGNORECASE)
            for part, text in texts.items():
                if rx.search(text):
                    fail("%s mentions %r (of %r)" % (part, pattern, name))
    wb = openpyxl.load_workbook(path)
    cands = wb.sheetnames[1:-3]
    for name in cands:
        if not re.fullmatch(r"Candidate [A-Z]+", name):
            fail("sheet %r is not an anonymous label" % name)
    labels = sorted(wb["Summary"].cell(5 + i, 1).value for i in range(len(cands)))
    same(sorted(cands), labels, "Summary's labels and the sheet names")


def links(path):
    ws = openpyxl.load_workbook(path)["Summary"]
    print(ws["A2"].value)
    for row in range(5, ws.max_row + 1):
        cell = ws.cell(row, 1)
        target = cell.hyperlink.location if cell.hyperlink else "-"
        print("%s -> %s" % (cell.value, target))


def main(argv):
    if len(argv) >= 2 and argv[0] == "sheets":
        for name in openpyxl.load_workbook(argv[1], read_only=True).sheetnames:
            print(name)
        return 0
    if len(argv) == 2 and argv[0] == "links":
        links(argv[1])
        return 0
    if len(argv) >= 4 and argv[0] == "full":
        rest, sheets = argv[4:], None
        if len(rest) >= 2 and rest[-2] == "--sheets":
            sheets, rest = int(rest[-1]), rest[:-2]
        if len(rest) > 1:
            print(__doc__, file=sys.stderr)
            return 2
        full(argv[1], argv[2], argv[3], rest[0] if rest else None, sheets)
    elif len(argv) >= 3 and argv[0] == "anonymous":
        anonymous(argv[1], argv[2], argv[3:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
