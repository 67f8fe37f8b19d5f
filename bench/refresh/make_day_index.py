#!/usr/bin/env python3
"""Writes one EDGAR daily master index (master.YYYYMMDD.idx, the one `corresp refresh` reads)
listing N of the corpus's letters.

    make_day_index.py DAILY_INDEX_DIR N YYYYMMDD [SHIFT] > master.YYYYMMDD.idx

The UPLOAD and CORRESP rows of every master.*.idx under DAILY_INDEX_DIR, in file order, are
sampled evenly (every len/N-th row), so the day mixes companies and years as a real day does;
the header is the corpus's own (first file), with the day's date. SHIFT (0 <= SHIFT < 1,
default 0) starts the sampling SHIFT of a step further, so another night lists other letters.
"""
import glob
import os
import sys


def main():
    root, count, day = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    shift = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    files = sorted(glob.glob(os.path.join(root, "*", "QTR*", "master.*.idx")))
    header, rows = None, []
    for path in files:
        with open(path, encoding="latin-1") as f:
            lines = f.read().splitlines()
        dashes = next(i for i, l in enumerate(lines) if l.startswith("-----"))
        if header is None:
            header = lines[: dashes + 1]
        rows += [l for l in lines[dashes + 1 :] if l.split("|")[2:3] in (["UPLOAD"], ["CORRESP"])]
    seen, picked = set(), []
    step = max(1.0, len(rows) / count)
    i = shift * step
    while len(picked) < count and int(i) < len(rows):
        row = rows[int(i)]
        if row not in seen:
            seen.add(row)
            picked.append(row)
        i += step
    stamp = f"{day[:4]}-{day[4:6]}-{day[6:]}"
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    received = f"{months[int(day[4:6]) - 1]} {int(day[6:])}, {day[:4]}"  # "Nov 30, 2026"
    for line in header:
        if line.startswith("Last Data Received:"):
            line = "Last Data Received:    " + received
        print(line)
    for row in picked:
        print(row)
    print(f"{len(picked)} letters of {len(rows)} listed for {stamp}", file=sys.stderr)


if __name__ == "__main__":
    main()
