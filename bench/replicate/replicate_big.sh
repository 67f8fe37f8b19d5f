#!/usr/bin/env bash
# Xapian replication of a big index (docs/scaling.md "More readers: replicas"): the data dir
# bench/refresh/nightly_into_big.sh leaves (WORK/data-big, its index the big one after the
# nights it refreshed, changesets kept) is served by xapian-replicate-server; a replica gets a
# full copy; the writer then refreshes one more day (DAY, LETTERS other letters of the corpus,
# through the same loopback mirror); one `xapian-replicate --one-shot` ships the day; the
# replica must answer four searches (with facets, --json) byte for byte as the writer does.
# Prints the full copy's bytes and seconds, the day's refresh, the changesets it wrote and the
# update's seconds. Usage (after nightly_into_big.sh ITEMS LETTERS WORK BUILD):
#   bench/replicate/replicate_big.sh [WORK] [BUILD] [DAY] [LETTERS]
# (defaults: /tmp/nightly-bench, build, 2026-11-27, 100). The replica is WORK/replica (removed
# first; as big as the index). Environment: CORPUS (default /work/shared/corpus/edgar), SHIFT
# (default 0.5: the day's letters sampled half a step away from the first night's; give
# another for each further run on the same WORK, or the day finds its letters indexed).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(cd "${1:-/tmp/nightly-bench}" && pwd)
BUILD=$(cd "${2:-build}" && pwd)
DAY=${3:-2026-11-27}
LETTERS=${4:-100}
CORPUS=${CORPUS:-/work/shared/corpus/edgar}
WRITER="$WORK/data-big"
REPLICA="$WORK/replica"
MIRROR="$WORK/mirror-$LETTERS"
[[ -d "$WRITER/index" && -d "$MIRROR" ]] ||
  { echo "run bench/refresh/nightly_into_big.sh with WORK=$WORK first" >&2; exit 2; }
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home" CORRESP_HOME=
export CORRESP_USER_AGENT="corresp replication bench bench@example.com"
export XAPIAN_MAX_CHANGESETS=${XAPIAN_MAX_CHANGESETS:-10}
rm -rf "$REPLICA"
mkdir -p "$REPLICA"

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
source "$HERE/../lib/loopback.sh"
seconds_since() { python3 -c "import time; print(f'{time.time() - $1:.1f}')"; }
bytes() { du -sb "$1" | cut -f1; }

port=$(free_port)
pids+=("$(start_replicate_server "$port" "$WRITER" "$WORK/replicate-server.log")")
replicate() { xapian-replicate --host 127.0.0.1 --port "$port" --master index --one-shot -v "$REPLICA/index"; }

t0=$(date +%s.%N)
replicate >"$WORK/replicate-full.log" 2>&1
echo "full copy: $(bytes "$REPLICA/index") bytes in $(seconds_since "$t0") s"

compact=${DAY//-/}
python3 "$HERE/../refresh/make_day_index.py" "$CORPUS/Archives/edgar/daily-index" "$LETTERS" \
  "$compact" "${SHIFT:-0.5}" >"$MIRROR/Archives/edgar/daily-index/${DAY:0:4}/QTR$(( (10#${DAY:5:2} + 2) / 3 ))/master.$compact.idx"
"$BUILD/edgar-mirror" --root "$MIRROR" --port 0 >"$WORK/replicate-mirror.out" 2>/dev/null &
pids+=($!)
for _ in $(seq 50); do grep -q 'listening on' "$WORK/replicate-mirror.out" 2>/dev/null && break; sleep 0.1; done
url="http://$(sed -n 's/^listening on //p' "$WORK/replicate-mirror.out" | head -1)"
before=$(changeset_bytes "$WRITER/index")
t0=$(date +%s.%N)
"$BUILD/corresp" --data-dir "$WRITER" refresh --base-url "$url" --rate 10 --since "$DAY" \
  --until "$DAY" --json >"$WORK/replicate-day.json" 2>"$WORK/replicate-day.err" || [[ $? == 1 ]]
echo "the day: $(python3 -c "import json; r = json.load(open('$WORK/replicate-day.json')); print(r['letters'], 'letters,', r.get('items'), 'items')") in $(seconds_since "$t0") s; changesets written: $(( $(changeset_bytes "$WRITER/index") - before )) bytes; index $(( $(bytes "$WRITER/index") - $(changeset_bytes "$WRITER/index") )) bytes"

t0=$(date +%s.%N)
replicate >"$WORK/replicate-day.log" 2>&1
echo "update: $(tail -1 "$WORK/replicate-day.log") in $(seconds_since "$t0") s"

fail=0
for q in '"revise your disclosure"' 'topic:non-gaap' '"hedge accounting"' 'goodwill impairment 2020..'; do
  a=$("$BUILD/corresp" search --index "$WRITER/index" "$q" --facets --json)
  b=$("$BUILD/corresp" search --index "$REPLICA/index" "$q" --facets --json)
  n=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' <<<"$a")
  if [[ "$a" == "$b" ]]; then echo "same answer: $q ($n hits)"; else echo "DIFFERENT: $q"; fail=1; fi
done
exit $fail
