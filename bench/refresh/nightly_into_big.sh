#!/usr/bin/env bash
# Nightly refresh into a full index (issue 15): one day of ~100 real letters fetched from a
# loopback mirror, extracted and indexed by `corresp refresh` into a data dir whose index
# already holds ITEMS items, timed end to end against the same refresh into an empty data dir
# in the same run. Prints both times, the ratio and where the time went (bench/refresh/README.md).
#
#   bench/refresh/nightly_into_big.sh [ITEMS] [LETTERS] [WORK] [BUILD]
#     ITEMS    staff comments in the big index (default 100000; gen-corpus adds ~0.5 response
#              per comment: 100000 -> 150,206 items); built once per size, then reused
#     LETTERS  letters in the day (default 100)
#     WORK     scratch folder (default /tmp/nightly-bench)
#     BUILD    build folder with corresp, edgar-mirror, gen-corpus, search-bench (default build)
# Environment: CORPUS (default /work/shared/corpus/edgar), RATE (requests/s, default 100),
# RUNS (timed refreshes of each kind, default 1), CATALOG_ITEMS (size the big data dir's
# catalog for this many comments instead of ITEMS: the catalog's share at 3M without building
# a 3M index), NIGHTS (default 1: with N > 1, the big data dir of the last run then refreshes
# N - 1 later days, each listing LETTERS other letters, as the following nights would),
# XAPIAN_MAX_CHANGESETS (set it, e.g. to 10, to keep changesets: each refresh into the big
# index then reports the bytes of changesets it wrote, what a replica is shipped).
set -euo pipefail

ITEMS=${1:-100000}
LETTERS=${2:-100}
WORK=${3:-/tmp/nightly-bench}
BUILD=$(cd "${4:-build}" && pwd)
CORPUS=${CORPUS:-/work/shared/corpus/edgar}
RATE=${RATE:-100}
RUNS=${RUNS:-1}
NIGHTS=${NIGHTS:-1}
CATALOG_ITEMS=${CATALOG_ITEMS:-$ITEMS}
DAY=2026-11-30        # a Monday of the current quarter: no quarterly reconciliation
DAY_COMPACT=20261130
HERE=$(cd "$(dirname "$0")" && pwd)
EXTRACTOR_VERSION=$(sed -n "s/.*kExtractorVersion = \([0-9]*\);.*/\1/p" "$HERE/../../indexer/extract/extract.h")  # synthetic rows are current

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home" CORRESP_HOME=
export CORRESP_USER_AGENT="corresp nightly bench bench@example.com"
mkdir -p "$HOME"

# (a) The big index: gen-corpus recombines the corpus's real paragraphs into ITEMS items;
# search-bench indexes them with the real IndexWriter and compacts (bench/search), leaving
# the Xapian index in BIG/xapian. Reused when present.
BIG="$WORK/big-$ITEMS"
if [[ ! -f "$BIG/xapian/iamglass" ]]; then
  echo "building the big index ($ITEMS items) in $BIG ..." >&2
  "$BUILD/gen-corpus" "$ITEMS" --source "$CORPUS/Archives" --out "$WORK/corpus-$ITEMS.jsonl"
  "$BUILD/search-bench" "$WORK/corpus-$ITEMS.jsonl" "$BIG" --repeat 1 >"$BIG.log" 2>&1
fi

# (c) The mirror: the corpus's filings and submissions JSON (symlinked), and one daily index,
# master.DAY.idx, listing LETTERS of the corpus's UPLOAD/CORRESP rows, spread over its days.
MIRROR="$WORK/mirror-$LETTERS"
rm -rf "$MIRROR"
mkdir -p "$MIRROR/Archives/edgar/daily-index/2026/QTR4"
ln -s "$CORPUS/Archives/edgar/data" "$MIRROR/Archives/edgar/data"
ln -s "$CORPUS/submissions" "$MIRROR/submissions"
# Night n (1-based) is DAY + n - 1, its letters sampled (n - 1) / NIGHTS of a step further.
night_day() { date -d "$DAY + $(($1 - 1)) days" +%F; }
for night in $(seq "$NIGHTS"); do
  compact=$(night_day "$night" | tr -d -)
  python3 "$HERE/make_day_index.py" "$CORPUS/Archives/edgar/daily-index" "$LETTERS" "$compact" \
    "$(python3 -c "print(($night - 1) / $NIGHTS)")" \
    >"$MIRROR/Archives/edgar/daily-index/2026/QTR4/master.$compact.idx"
done

"$BUILD/edgar-mirror" --root "$MIRROR" --port 0 >"$WORK/mirror.out" 2>"$WORK/mirror.err" &
MIRROR_PID=$!
trap 'kill $MIRROR_PID 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  grep -q 'listening on' "$WORK/mirror.out" 2>/dev/null && break
  sleep 0.1
done
ADDRESS=$(sed -n 's/^listening on //p' "$WORK/mirror.out" | head -1)
[[ -n "$ADDRESS" ]] || { echo "edgar-mirror did not start" >&2; exit 1; }
BASE_URL="http://$ADDRESS"

# (b) The catalog of a data dir of that size: 0.3 x CATALOG_ITEMS letters indexed (gen-corpus made
# 29,112 letters for 100,000 comments) in threads of 3, as synthetic rows (accessions 9999999999-..., CIKs from 8000000)
# that no day lists, their companies' submissions JSON checked and resolved after their last
# letter (not fetched again, crawler/submissions_json.h). Without them the big data dir's catalog would be empty and the refresh's
# catalog scans would look free.
grow_catalog() {  # DATA_DIR
  "$BUILD/corresp" --data-dir "$1" index --json >/dev/null  # creates the catalog
  local letters=$((CATALOG_ITEMS * 3 / 10))
  sqlite3 "$1/catalog.sqlite" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $letters)
INSERT INTO filings (accession, cik, company, form, date_filed, fetch_state, attempts,
                     fetched_at, indexed_version, indexed_at)
SELECT printf('9999999999-%02d-%06d', i / 1000000, i % 1000000), 8000000 + i / 3,
       'SYNTHETIC ' || (i / 3), 'UPLOAD', '2020-01-02', 'fetched', 1, '2020-01-02T00:00:00Z',
       $EXTRACTOR_VERSION, '2020-01-02T00:00:00Z' FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $letters / 3)
INSERT INTO threads (id, cik, company, status, start, end)
SELECT printf('SYN-%08d', i), 8000000 + i, 'SYNTHETIC ' || i, 'closed', '2020-01-02',
       '2020-02-03' FROM n;
INSERT INTO thread_letters (thread_id, position, accession, form, kind, date, comments)
SELECT printf('SYN-%08d', (f.cik - 8000000)), (CAST(substr(f.accession, 15) AS INTEGER) % 3),
       f.accession, 'UPLOAD', 'comment_letter', '2020-01-02', 5
FROM filings f WHERE f.accession LIKE '9999999999-%' AND f.cik - 8000000 < $letters / 3;
INSERT INTO company_submissions (cik, checked_at, fetched_at, resolved_at, pages)
SELECT DISTINCT cik, '2020-03-01T00:00:00Z', '2020-03-01T00:00:00Z', '2020-03-01T00:00:00Z', 1
FROM filings WHERE accession LIKE '9999999999-%';
COMMIT;
SQL
}

source "$HERE/../lib/loopback.sh"  # changeset_bytes

# (d) One timed refresh of a day (night NIGHT) into a data dir of KIND: "empty" and "big" start
# afresh (with "big", the index is a copy, reflinked where the file system can, of the big
# index); "night" refreshes the big data dir left by the last run again. Writes
# refresh-KIND-RUN.{json,err,time,changesets}.
refresh() {  # KIND RUN [NIGHT]
  local kind=$1 run=$2 night=${3:-1}
  local data="$WORK/data-$kind"
  [[ $kind == night ]] && data="$WORK/data-big"
  if [[ $kind != night ]]; then
    rm -rf "$data"
    mkdir -p "$data"
  fi
  if [[ $kind == big ]]; then
    cp -r --reflink=auto "$BIG/xapian" "$data/index"
    grow_catalog "$data"
  fi
  sync
  local t0 t1 before day
  day=$(night_day "$night")
  before=$(changeset_bytes "$data")
  t0=$(date +%s.%N)
  "$BUILD/corresp" --data-dir "$data" refresh --base-url "$BASE_URL" --rate "$RATE" \
    --since "$day" --until "$day" --json >"$WORK/refresh-$kind-$run.json" \
    2>"$WORK/refresh-$kind-$run.err" ||
    [[ $? == 1 ]] || { cat "$WORK/refresh-$kind-$run.err" >&2; exit 1; }
  t1=$(date +%s.%N)
  echo "$t0 $t1" >"$WORK/refresh-$kind-$run.time"
  echo $(($(changeset_bytes "$data") - before)) >"$WORK/refresh-$kind-$run.changesets"
}

for run in $(seq "$RUNS"); do
  refresh empty "$run"
  refresh big "$run"
done
for night in $(seq 2 "$NIGHTS"); do
  refresh night "$night" "$night"
done

python3 "$HERE/report.py" "$WORK" "$RUNS" "$ITEMS" "$WORK/data-big/index" "$BIG/xapian" "$NIGHTS"
