#!/bin/sh
# compare-builds.sh BASE_SEARCH_BENCH NEW_SEARCH_BENCH CORPUS.jsonl WORKDIR [ROUNDS]
# Indexes CORPUS with two builds of search-bench (e.g. main's and a branch's), alternating
# base, new, base, new ... so both see the same machine load, and prints each run's indexing
# line, latency rows, build phases and peak RSS, with the load average at its start. Each
# run's full output stays in WORKDIR/{base,new}-ROUND.{out,err}; the indexes in
# WORKDIR/w-{base,new} (query them again with --reuse 1).
set -eu
base=$1 new=$2 corpus=$3 work=$4 rounds=${5:-2}
mkdir -p "$work"
round=1
while [ "$round" -le "$rounds" ]; do
  for v in base new; do
    if [ "$v" = base ]; then bench=$base; else bench=$new; fi
    echo "== round $round $v $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -v "$bench" "$corpus" "$work/w-$v" --repeat 3 --fts5 0 --index-baseline 0 \
      > "$work/$v-$round.out" 2> "$work/$v-$round.err"
    grep -h "items/s\|^xapian" "$work/$v-$round.out" || true
    grep -h "documents\|Maximum resident" "$work/$v-$round.err" || true
  done
  round=$((round + 1))
done
echo "== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
