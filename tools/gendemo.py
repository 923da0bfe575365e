#!/usr/bin/env python3
"""gendemo.py - a requisition and its demographics file with planted effects,
for rule 16 (docs/design.md "Rule 16: adverse-impact audit"). Deterministic by seed.

    gendemo.py --out DIR --demographics FILE [--count N] [--seed S]
               [--bias POINTS] [--selection-gap POINTS]

Writes DIR/CANDIDATE/INTERVIEW--INTERVIEWER.xml scorecards for the TPM rubric
(rubrics/tpm.xml, level senior) and FILE with dimensions "sex race": sex
female/male, a rare nonbinary, unknowns; race asian/black/hispanic/white, a
rare pacific, unknowns. Planted:
  - interviewer "iv-07" rates female candidates BIAS points lower (0.6);
  - black candidates' ability is SELECTION-GAP points lower (0.6), so their
    selection and scoring rates fall well under four fifths of the best;
  - 6 % of candidates get only 2 scorecards (no decision), 5 people in the
    file are not in the requisition (unmatched).
Each scorecard rates every competency directly: ability + interviewer
leniency + bias + noise, rounded to the scale's step and clipped to 1..5."""
import argparse
import os
import random

COMPS = ["domain-knowledge", "technical-judgment", "technical-expertise", "execution-tracking",
         "risk-management", "operational-excellence", "planning-roadmap", "product-sense",
         "impact-ownership", "stakeholder-management", "managing-up", "team-management"]
INTERVIEWS = ["technical-deep-dive", "program-execution", "product-strategy",
              "leadership-influence", "program-design", "hiring-manager"]
SEX = [("female", 45), ("male", 47), ("nonbinary", 1), (None, 7)]
RACE = [("asian", 24), ("black", 18), ("hispanic", 16), ("white", 33), ("pacific", 1), (None, 8)]


def draw(rng, table):
    x = rng.uniform(0, sum(w for _, w in table))
    for value, w in table:
        x -= w
        if x < 0:
            return value
    return table[-1][0]


def card(cid, interview, who, xs, rec):
    rows = "\n".join(f'  <rating competency="{c}" value="{v:g}"/>' for c, v in zip(COMPS, xs))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<scorecard xmlns="urn:scorewheel:scorecard:1" rubric="tpm" candidate="{cid}"\n'
            f'           interview="{interview}" interviewer="{who}" level="senior"\n'
            f'           status="submitted" submitted="2026-11-20T15:04:00Z">\n'
            f'{rows}\n  <recommendation value="{rec}"/>\n</scorecard>\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--demographics", required=True)
    ap.add_argument("--count", type=int, default=400)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--bias", type=float, default=0.6)
    ap.add_argument("--selection-gap", type=float, default=0.6)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    people = [f"iv-{i:02d}" for i in range(1, 21)]
    leniency = {p: rng.gauss(0, 0.25) for p in people}
    demo = []
    for k in range(1, a.count + 1):
        cid = f"c-{k:04d}"
        sex, race = draw(rng, SEX), draw(rng, RACE)
        demo.append((cid, sex, race))
        ability = rng.gauss(3.3, 0.45) - (a.selection_gap if race == "black" else 0)
        n_cards = 2 if rng.random() < 0.06 else 4
        os.makedirs(os.path.join(a.out, cid), exist_ok=True)
        for interview, who in zip(rng.sample(INTERVIEWS, n_cards), rng.sample(people, n_cards)):
            shift = leniency[who] - (a.bias if who == "iv-07" and sex == "female" else 0)
            xs = [min(5.0, max(1.0, round(2 * (ability + shift + rng.gauss(0, 0.5))) / 2))
                  for _ in COMPS]
            m = sum(xs) / len(xs)
            rec = "strong-hire" if m >= 4 else "hire" if m >= 3.25 else "no-hire"
            with open(os.path.join(a.out, cid, f"{interview}--{who}.xml"), "w",
                      encoding="utf-8") as f:
                f.write(card(cid, interview, who, xs, rec))
    demo += [(f"c-9{k:03d}", "female", "white") for k in range(5)]
    with open(a.demographics, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<demographics xmlns="urn:scorewheel:demographics:1" dimensions="sex race">\n')
        for cid, sex, race in demo:
            groups = "".join(f'<group dimension="{d}" value="{v}"/>'
                             for d, v in (("sex", sex), ("race", race)) if v)
            f.write(f'  <candidate id="{cid}">{groups}</candidate>\n')
        f.write("</demographics>\n")


if __name__ == "__main__":
    main()
