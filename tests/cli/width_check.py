#!/usr/bin/env python3
"""width_check.py LIMIT FILE... - fails (exit 1) when a line of a FILE takes
more than LIMIT terminal columns, printing each such line with its width.
Columns are counted as a terminal does, independently of scorewheel's own
tables: East Asian Wide and Fullwidth characters take two, combining marks
and format characters (Mn, Me, Cf) none, an ANSI colour sequence none."""
import re
import sys
import unicodedata

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def columns(line):
    w = 0
    for ch in ANSI.sub("", line):
        if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def main():
    limit = int(sys.argv[1])
    bad = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                w = columns(line.rstrip("\n"))
                if w > limit:
                    bad += 1
                    print(f"{path}:{n}: {w} columns: {line.rstrip()}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
