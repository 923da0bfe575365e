#!/usr/bin/env python3
"""wheel_check.py SVG... - fails (exit 1) unless every text of each wheel lies
inside the picture (docs/design.md "The wheel picture"):
- each <text> (with its <tspan> lines) has a box inside the viewBox, its
  width estimated from the font size and each character's display columns
  (0.66 em a column, 0.72 em in bold: DejaVu Sans averages about 0.6 em);
- no two upright texts overlap (the title, the names, the legend);
- a pillar name (class "pillar", turned by its transform) lies inside its
  band, between radii 246 and 274 around (450, 480);
- an anchor label (class "anchor-label") lies inside the rim (radius 240)."""
import math
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, __import__("os").path.dirname(__file__))
from width_check import columns  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
CX, CY, RIM, BAND_IN, BAND_OUT = 450.0, 480.0, 240.0, 246.0, 274.0


def text_width(s, size, bold):
    return size * (0.72 if bold else 0.66) * columns(s)


def boxes(t):
    """(x0, y0, x1, y1) of each line of text element t, before any transform."""
    size = float(t.get("font-size"))
    bold = t.get("font-weight") == "bold"
    anchor = t.get("text-anchor", "start")
    x, y = float(t.get("x")), float(t.get("y")) + float(t.get("dy", "0"))
    lines = [(x, y, t.text or "")]
    for sp in t.findall(SVG + "tspan"):
        x = float(sp.get("x", x))
        y += float(sp.get("dy", "0"))
        lines.append((x, y, sp.text or ""))
    out = []
    for lx, ly, s in lines:
        w = text_width(s, size, bold)
        x0 = lx - (w if anchor == "end" else w / 2 if anchor == "middle" else 0)
        out.append((x0, ly - 0.73 * size, x0 + w, ly + 0.24 * size, s))
    return out


def rotate(px, py, deg, cx, cy):
    a = math.radians(deg)
    dx, dy = px - cx, py - cy
    return cx + dx * math.cos(a) - dy * math.sin(a), cy + dx * math.sin(a) + dy * math.cos(a)


def check(path):
    root = ET.parse(path).getroot()
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    bad, upright = [], []
    for t in root.iter(SVG + "text"):
        cls = t.get("class", "")
        m = re.match(r"rotate\(([-\d.]+) ([-\d.]+) ([-\d.]+)\)", t.get("transform", ""))
        for x0, y0, x1, y1, s in boxes(t):
            corners = [(x0, y0), (x1, y0), (x0, y1), (x1, y1)]
            if m:
                deg, cx, cy = (float(v) for v in m.groups())
                corners = [rotate(px, py, deg, cx, cy) for px, py in corners]
            for px, py in corners:
                if not (0 <= px <= width and 0 <= py <= height):
                    bad.append(f"{s!r} leaves the picture at ({px:.1f}, {py:.1f})")
                    break
            if cls == "pillar":
                # points along the box's edges, turned as drawn
                edge = [(x0 + (x1 - x0) * k / 40, yy) for k in range(41) for yy in (y0, y1)]
                edge = [rotate(px, py, deg, cx, cy) for px, py in edge] if m else edge
                dist = [math.hypot(px - CX, py - CY) for px, py in edge]
                if max(dist) > BAND_OUT + 1e-6 or min(dist) < BAND_IN - 1e-6:
                    bad.append(f"pillar {s!r} leaves its band ({min(dist):.1f} to "
                               f"{max(dist):.1f})")
            elif cls == "anchor-label":
                far = max(math.hypot(px - CX, py - CY) for px, py in corners[:2])
                if far > RIM:
                    bad.append(f"anchor label {s!r} crosses the rim ({far:.1f})")
            elif not m:
                upright.append((x0, y0, x1, y1, s))
    for i, a in enumerate(upright):
        for b in upright[i + 1:]:
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                bad.append(f"{a[4]!r} overlaps {b[4]!r}")
    for b in bad:
        print(f"{path}: {b}")
    return not bad


def main():
    ok = all([check(p) for p in sys.argv[1:]])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
