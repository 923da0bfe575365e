#!/usr/bin/env python3
"""gen_limits.py DIR - writes the oversized inputs of t_limits.sh into DIR.

Generated at test time (about 60 MB in all) rather than committed."""
import os
import sys

out = sys.argv[1]
HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<scorecard xmlns="urn:scorewheel:scorecard:1" rubric="{rubric}" candidate="{cand}" '
        'interview="{iv}" interviewer="ann" level="mid" status="submitted" '
        'submitted="2026-11-20T15:04:00Z">\n')


def write(name, text):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(text)


def card(body, cand="c-1", rubric="mini", iv="tech"):
    return HEAD.format(rubric=rubric, cand=cand, iv=iv) + body + "</scorecard>\n"


def nested(depth):
    """<notes> at depth 2 holding <b> elements down to `depth`."""
    return "  <notes>" + "<b>" * (depth - 2) + "x" + "</b>" * (depth - 2) + "</notes>\n"


RATING = '  <rating question="t1" value="3"/>\n'
write("depth257.xml", card(nested(257)))
write("depth258.xml", card(nested(258)))
write("depth5000.xml", card(nested(5000)))
write("attr2mib.xml", card(RATING, cand="c-" + "a" * (2 << 20)))
write("attr10mb.xml", card('  <rating question="t1" value="3" note="' + "a" * 10_000_001 + '"/>\n'))
write("text2mib.xml", card('  <candidate-name>Long Evidence</candidate-name>\n'
                           '  <rating question="t1" value="3"><evidence>'
                           + "=1+1 " * (2 << 18) + "</evidence></rating>\n"
                           + "  <notes>" + "n" * (2 << 20) + "</notes>\n"))
# Entity references make libxml2 assemble the text from pieces, where its
# 10,000,000-byte limit applies.
write("text10mb.xml", card("  <notes>" + ("x" * 999 + "&amp;") * 10_001 + "</notes>\n"))
write("name.xml", card("  <" + "n" * 50_001 + "/>\n"))
write("repeat100k.xml", card(RATING * 100_000))

# A rubric of 100,000 questions in one interview, over 4 competencies.
N = 100_000
comps = ["c0", "c1", "c2", "c3"]
rubric = ['<?xml version="1.0" encoding="UTF-8"?>\n'
          '<rubric xmlns="urn:scorewheel:rubric:1" id="wide" version="1" name="Wide">\n'
          '  <scale min="1" max="5" step="0.5"><anchor value="1" label="Low"/>'
          '<anchor value="5" label="High"/></scale>\n'
          '  <policy min-scorecards="1"/>\n'
          '  <pillar id="p" name="P" half="individual">\n']
rubric += ['    <competency id="%s" name="%s"/>\n' % (c, c.upper()) for c in comps]
rubric.append('  </pillar>\n  <level id="mid" name="Mid" hire-bar="3">'
              + "".join('<target competency="%s" value="3"/>' % c for c in comps)
              + "</level>\n  <interview id=\"long\" name=\"Long\">\n")
questions = ['    <question id="q%d"><text>Q%d</text><measures competency="c%d"/></question>\n'
             % (i, i, i % 4) for i in range(N)]
tail = "  </interview>\n</rubric>\n"
write("wide.xml", "".join(rubric + questions) + tail)
dup = list(questions)
dup[N - 1] = dup[N - 1].replace('id="q%d"' % (N - 1), 'id="q7"')
write("wide-duplicate.xml", "".join(rubric + dup) + tail)
values = ["1", "2", "3.5", "5"]
ratings = ['  <rating question="q%d" value="%s"/>\n' % (i, values[i % 4]) for i in range(N)]
write("ratings100k.xml", card("".join(ratings), rubric="wide", iv="long"))
ratings[N - 1] = '  <rating question="q5" value="2"/>\n'
write("ratings100k-repeat.xml", card("".join(ratings), rubric="wide", iv="long"))
