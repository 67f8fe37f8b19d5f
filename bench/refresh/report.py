#!/usr/bin/env python3
"""Prints the nightly bench's figures from the refresh JSON reports nightly_into_big.sh left.

    report.py WORK RUNS ITEMS BIG_DATA_INDEX BIG_SOURCE_INDEX
"""
import json
import os
import sys


def dir_mb(path):
    total = 0
    for dirpath, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files)
    return total / 1e6


def load(work, kind, run):
    with open(os.path.join(work, f"refresh-{kind}-{run}.json")) as f:
        report = json.load(f)
    with open(os.path.join(work, f"refresh-{kind}-{run}.time")) as f:
        t0, t1 = map(float, f.read().split())
    return report, t1 - t0


def main():
    work, runs, items, big_index, source = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    print(f"big index: {items} generated items, {dir_mb(source):.0f} MB ({source})")
    rows = {}
    for kind in ("empty", "big"):
        rows[kind] = [load(work, kind, run) for run in range(1, runs + 1)]
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
        for report, wall in results:
            p = report["phases"]
            print(f"{kind:6} {wall:7.2f} {report['elapsed_seconds']:7.2f} " +
                  " ".join(f"{p[x]:11.2f}" for x in phases) + "  |        " +
                  " ".join(f"{p['index_detail'][x]:7.2f}" for x in detail))
            best[kind] = min(best.get(kind, wall), wall)
    print(f"nightly into {items} items: {best['big']:.2f} s end to end (best of {runs}); "
          f"into an empty index {best['empty']:.2f} s; ratio {best['big'] / best['empty']:.2f}")
    print(f"big data dir's index after the refresh: {dir_mb(big_index):.0f} MB")


if __name__ == "__main__":
    main()
