#!/usr/bin/env python3
"""ladder_people.py RUBRIC OUTDIR - writes assessments for a rubric of any
shape (tests/cli/t_ladders.sh): two people over two cycles, each with a self
assessment, a manager's and a peer's, values from a fixed formula on the
scale (so runs are reproducible). Person p-1 carries the rubric's second
level, p-2 its last; their names are long and, for a non-Latin rubric,
mixed-script, as a real team's would be."""
import os
import sys
import xml.etree.ElementTree as ET

NS = {"r": "urn:scorewheel:rubric:1"}


def main():
    rubric, out = sys.argv[1], sys.argv[2]
    root = ET.parse(rubric).getroot()
    rid = root.get("id")
    scale = root.find("r:scale", NS)
    lo, hi, step = (float(scale.get(k)) for k in ("min", "max", "step"))
    comps = [c.get("id") for c in root.iter("{urn:scorewheel:rubric:1}competency")]
    levels = [lv.get("id") for lv in root.findall("r:level", NS)]
    people = [("p-1", "山田 花子 Hanako Yamada-Fernández de la Cruz", levels[1]),
              ("p-2", "Ada", levels[-1])]
    steps = int(round((hi - lo) / step))
    for cycle_no, cycle in enumerate(("2026-h1", "2026-h2")):
        os.makedirs(os.path.join(out, cycle), exist_ok=True)
        for pno, (pid, name, level) in enumerate(people):
            for ano, (assessor, rel) in enumerate(((pid, "self"), ("m-1", "manager"),
                                                   ("q-1", "peer"))):
                lines = [f'<?xml version="1.0" encoding="UTF-8"?>',
                         f'<assessment xmlns="urn:scorewheel:assessment:1" rubric="{rid}" '
                         f'person="{pid}" assessor="{assessor}" relation="{rel}" '
                         f'cycle="{cycle}" level="{level}" status="submitted">',
                         f'  <person-name>{name}</person-name>']
                for k, c in enumerate(comps):
                    i = (k * 3 + pno * 5 + ano * 2 + cycle_no * 2) % (steps + 1)
                    i = max(i, steps // 2) if rel != "self" else i
                    v = lo + i * step
                    lines.append(f'  <rating competency="{c}" value="{v:g}"/>')
                lines.append('</assessment>')
                path = os.path.join(out, cycle, f"{pid}--{assessor}.xml")
                with open(path, "w", encoding="utf-8") as f:
                    f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
