#!/usr/bin/env python3
"""gen_wide.py DIR - writes a rubric and scorecards that stress the width of
every table the CLI prints (t_width.sh): 40-column names and ids, names in
CJK characters (two columns each) and with combining accents (none), four
pillars whose initials clash, three interviews, and candidates with every
flag on one competency (disagreement and below-target) and another
unassessed. Deterministic: the same files every run.

DIR/rubric.xml, DIR/cards/*.xml (candidates, one draft), DIR/team/*.xml
(members)."""
import os
import sys
import unicodedata


def width(s):
    w = 0
    for ch in s:
        if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def fit(s, cols=40):
    """s cut or padded with its own words to exactly `cols` columns."""
    out = ""
    for ch in (s + " ") * 10:
        if width(out + ch) > cols:
            break
        out += ch
    while width(out) < cols or out.endswith(" "):
        out = out.rstrip(" ") + "x"
    return out


ASCII = fit("Cross-Functional Stakeholder Alignment and Negotiation")
ASCII2 = fit("Cross-Functional Strategy Architecture and Design")    # same initials
CJK = fit("国際的な製品開発における技術的意思決定と品質管理")          # 20 characters
HANGUL = fit("글로벌 제품 전략 수립 및 실행 역량")
ACCENTS = fit("Coordinacio\u0301n Te\u0301cnica Multidisciplinaria Avanzada")

PILLARS = [("pillar-one-with-a-rather-long-identifier", ASCII, "individual"),
           ("pillar-two-with-a-rather-long-identifier", CJK, "individual"),
           ("pillar-three-with-a-long-identifier-here", ACCENTS, "leadership"),
           ("pillar-four-with-a-long-identifier-there", ASCII2, "leadership")]
COMP_NAMES = [ASCII, CJK, HANGUL, ACCENTS, fit("Ämter überschreitende Verantwortung"), ASCII2]
LEVELS = [("level-staff-technical-program-manager-01", fit("Staff Technical Program Manager, Platform")),
          ("level-staff-technical-program-manager-02", fit("主席技術プログラムマネージャー"))]


def comp_id(p, c):
    return f"competency-{p}-{c}-with-a-long-identifier"[:40]


def rubric():
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rubric xmlns="urn:scorewheel:rubric:1" id="wide" version="1" '
           f'name="{ASCII}">',
           '  <scale min="1" max="5" step="0.5">',
           f'    <anchor value="1" label="{fit("Needs Significant Focus and Development")}"/>',
           f'    <anchor value="3" label="{CJK}"/>',
           f'    <anchor value="5" label="{ACCENTS}"/>',
           '  </scale>',
           '  <policy min-scorecards="2" min-coverage="1" disagreement="1" gap="0.5" '
           'max-gaps="1" balanced="0.25"/>']
    for p, (pid, name, half) in enumerate(PILLARS):
        out.append(f'  <pillar id="{pid}" name="{name}" half="{half}">')
        for c in range(3):
            cname = COMP_NAMES[(p * 3 + c) % len(COMP_NAMES)]
            out.append(f'    <competency id="{comp_id(p, c)}" name="{cname}">'
                       f'<description>{cname} {cname}</description>'
                       f'<indicator value="1">{HANGUL} {ASCII}</indicator></competency>')
        out.append('  </pillar>')
    for lid, lname in LEVELS:
        out.append(f'  <level id="{lid}" name="{lname}" hire-bar="3.5">')
        for p in range(4):
            for c in range(3):
                out.append(f'    <target competency="{comp_id(p, c)}" value="4.5"/>')
        out.append('  </level>')
    for a, name in enumerate([ASCII, CJK, ACCENTS]):
        out.append(f'  <archetype id="archetype-{a}-with-a-long-identifier-00000" name="{name}">'
                   f'<emphasis pillar="{PILLARS[a][0]}" value="1"/></archetype>')
    out.append(f'  <archetype id="balanced-archetype-with-a-long-identifier" name="{HANGUL}"/>')
    for i in range(2):
        out.append(f'  <interview id="interview-{i}-with-a-long-identifier-000000" '
                   f'name="{[CJK, ACCENTS][i]}" minutes="45">')
        for p in range(4):
            for c in range(3):
                out.append(f'    <question id="q-{i}-{p}-{c}"><text>{ASCII} {CJK}</text>'
                           f'<measures competency="{comp_id(p, c)}"/></question>')
        out.append('  </interview>')
    out.append('</rubric>')
    return "\n".join(out) + "\n"


CANDIDATES = [("candidate-" + "a" * 30, fit("Nguyễn Thị Minh Khai-Trần Văn Hoàng Long")),
              ("candidate-" + "b" * 30, fit("李小龍 王小明 張三 李四 陳大文 黃小玲 周杰倫")),
              ("candidate-" + "c" * 30, fit("Zoe\u0308 Saldan\u0303a-Cho\u0301 de Montmorency-Laval")),
              ("c-4", "Ada")]
INTERVIEWERS = ["interviewer-" + "x" * 28, "interviewer-" + "y" * 28, "interviewer-" + "z" * 28]


def card(cand, name, iv, who, values, rec):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<scorecard xmlns="urn:scorewheel:scorecard:1" rubric="wide" '
           f'candidate="{cand}" interview="interview-{iv}-with-a-long-identifier-000000" '
           f'interviewer="{who}" level="{LEVELS[0][0]}" status="submitted">',
           f'  <candidate-name>{name}</candidate-name>']
    for (p, c), v in values.items():
        out.append(f'  <rating question="q-{iv}-{p}-{c}" value="{v}"/>')
    out.append(f'  <recommendation value="{rec}"/>')
    out.append('</scorecard>')
    return "\n".join(out) + "\n"


def main():
    top = sys.argv[1]
    for sub in ("cards", "team"):
        os.makedirs(os.path.join(top, sub), exist_ok=True)
    with open(os.path.join(top, "rubric.xml"), "w", encoding="utf-8") as f:
        f.write(rubric())
    every = [(p, c) for p in range(4) for c in range(3)]
    for k, (cand, name) in enumerate(CANDIDATES):
        for j, who in enumerate(INTERVIEWERS[:2] if k < 3 else INTERVIEWERS[2:]):
            # (0, 0): 1 and 5 - disagreement and below target; (3, 2) never rated.
            values = {pc: 3 + 0.5 * ((k + j + pc[0] + pc[1]) % 4) for pc in every if pc != (3, 2)}
            values[(0, 0)] = 1 if j == 0 else 5
            rec = ["strong-no-hire", "no-hire", "hire", "strong-hire"][(k + j) % 4]
            with open(os.path.join(top, "cards", f"{k}-{j}.xml"), "w", encoding="utf-8") as f:
                f.write(card(cand, name, j % 2, who, values, rec))
    # A draft still owed, overdue, for status.
    draft = card(CANDIDATES[3][0], CANDIDATES[3][1], 1, INTERVIEWERS[0], {(0, 0): 3}, "hire")
    draft = draft.replace('status="submitted"', 'status="draft" created="2026-11-20T09:00:00Z"')
    with open(os.path.join(top, "cards", "3-draft.xml"), "w", encoding="utf-8") as f:
        f.write(draft)
    for m in range(3):
        values = {pc: 2 + 0.5 * ((m + pc[1]) % 5) for pc in every if pc[0] != 3}
        with open(os.path.join(top, "team", f"m{m}.xml"), "w", encoding="utf-8") as f:
            f.write(card(f"member-{m}-with-a-long-identifier-000000", HANGUL, m % 2,
                         INTERVIEWERS[m], values, "hire"))


if __name__ == "__main__":
    main()
