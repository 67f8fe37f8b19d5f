#!/usr/bin/env python3
"""Prints the nightly bench's figures from the refresh JSON reports nightly_into_big.sh left.

    report.py WORK RUNS ITEMS BIG_DATA_INDEX BIG_SOURCE_INDEX [NIGHTS]

With NIGHTS > 1 it also prints the later nights refreshed into the big data dir; where the
refreshes kept changesets (XAPIAN_MAX_CHANGESETS), the bytes each wrote (a replica's download)
beside the size of the index.
"""
import json
import os
import sys


def dir_mb(path, changesets=True):
    """Size of a folder; without the changeset files when changesets is False."""
    total = 0
    for dirpath, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files
                     if changesets or not f.startswith("changes"))
    return total / 1e6


def load(work, kind, run):
    with open(os.path.join(work, f"refresh-{kind}-{run}.json")) as f:
        report = json.load(f)
    with open(os.path.join(work, f"refresh-{kind}-{run}.time")) as f:
        t0, t1 = map(float, f.read().split())
    return report, t1 - t0


def changeset_mb(work, kind, run):
    path = os.path.join(work, f"refresh-{kind}-{run}.changesets")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return int(f.read().strip() or 0) / 1e6


def main():
    work, runs, items, big_index, source = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    nights = int(sys.argv[6]) if len(sys.argv) > 6 else 1
    print(f"big index: {items} generated items, {dir_mb(source):.0f} MB ({source})")
    rows = {}
    for kind in ("empty", "big"):
        rows[kind] = [load(work, kind, run) for run in range(1, runs + 1)]
    rows["night"] = [load(work, "night", n) for n in range(2, nights + 1)]
    first = rows["empty"][0][0]
    print(f"day: {first['new_filings']} filings fetched, {first['letters']} letters indexed, "
          f"{first.get('items', '?')} items, {first['requests']} requests, "
          f"{len(first['failures'])} failures")
    phases = ["before", "crawl", "submissions", "index", "changes", "save"]
    detail = ["prepare", "extract", "write", "link", "commit"]
    print(f"{'into':6} {'wall s':>7} {'run s':>7} " + " ".join(f"{p:>11}" for p in phases) +
          "  | index: " + " ".join(f"{p:>7}" for p in detail))
    best = {}
    for kind, results in rows.items():
        for i, (report, wall) in enumerate(results):
            p = report["phases"]
            label = f"night{i + 2}" if kind == "night" else kind
            print(f"{label:6} {wall:7.2f} {report['elapsed_seconds']:7.2f} " +
                  " ".join(f"{p[x]:11.2f}" for x in phases) + "  |        " +
                  " ".join(f"{p['index_detail'][x]:7.2f}" for x in detail))
            if kind != "night":
                best[kind] = min(best.get(kind, wall), wall)
    print(f"nightly into {items} items: {best['big']:.2f} s end to end (best of {runs}); "
          f"into an empty index {best['empty']:.2f} s; ratio {best['big'] / best['empty']:.2f}")
    index_mb = dir_mb(big_index, changesets=False)
    print(f"big data dir's index after the refreshes: {index_mb:.0f} MB without changesets, "
          f"{dir_mb(big_index):.0f} MB with them")
    shipped = [("big", run) for run in range(1, runs + 1)] + [("night", n) for n in range(2, nights + 1)]
    for kind, run in shipped:
        mb = changeset_mb(work, kind, run)
        if mb:
            print(f"changesets written by refresh {kind}-{run}: {mb:.1f} MB "
                  f"({100 * mb / index_mb:.2f}% of the index as it is now)")


if __name__ == "__main__":
    main()
