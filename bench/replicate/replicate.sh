#!/usr/bin/env bash
# Xapian replication of the corresp index, end to end on loopback (docs/scaling.md):
#   1. `corresp refresh` over edgar-mirror builds the writer's index up to the day before DAY,
#      with changesets kept (XAPIAN_MAX_CHANGESETS, read by Xapian when the index is written);
#   2. xapian-replicate-server serves the writer's data dir; xapian-replicate makes a replica
#      (a full copy the first time);
#   3. `corresp refresh` indexes DAY's letters on the writer; xapian-replicate ships the
#      changesets; the replica answers the searches exactly as the writer does.
# Prints the index size, the bytes of the full copy and the bytes of changesets shipped for
# DAY's letters. Usage:
#   bench/replicate/replicate.sh [BUILD_DIR] [EDGAR_ROOT] [SINCE] [DAY]
# (defaults: build, /work/shared/corpus/edgar, 2019-01-01, 2021-05-11: 153 letters, then 14).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "${1:-$here/build}" && pwd)"
root="${2:-/work/shared/corpus/edgar}"
since="${3:-2019-01-01}"
day="${4:-2021-05-11}"
before="$(date -d "$day - 1 day" +%F)"

work="$(mktemp -d)"
writer="$work/writer"
replica="$work/replica"
mkdir -p "$replica"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

source "$here/bench/lib/loopback.sh"
bytes() { du -sb "$1" | cut -f1; }
# The database proper: the index folder without its changesets.
index_bytes() { echo $(( $(bytes "$writer/index") - $(changeset_bytes "$writer/index") )); }

"$build/edgar-mirror" --root "$root" --port 0 >"$work/mirror.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q listening "$work/mirror.log" && break; sleep 0.1; done
export CORRESP_BASE_URL="http://$(sed -n 's/^listening on //p' "$work/mirror.log" | head -1)"
export CORRESP_USER_AGENT="corresp replication bench bench@example.com"
# Changesets kept per database: enough for a replica that misses a few refreshes; one that
# misses more gets a full copy.
export XAPIAN_MAX_CHANGESETS=10
corresp() { "$build/corresp" "$@"; }

echo "== writer: refresh $since..$before"
corresp --data-dir "$writer" refresh --since "$since" --until "$before" --rate 200 --json \
  | python3 -c 'import json,sys; r=json.load(sys.stdin); print({k: r[k] for k in r if not isinstance(r[k], (list, dict))})' || true

port="$(free_port)"
pids+=("$(start_replicate_server "$port" "$writer" "$work/server.log")")
replicate() { xapian-replicate --host 127.0.0.1 --port "$port" --master index --one-shot "$replica/index"; }

echo "== replica: first replication (full copy)"
replicate
full_copy=$(bytes "$replica/index")
index_before=$(index_bytes)
changes_before=$(changeset_bytes "$writer/index")
files_before=$(find "$writer/index" -name 'changes*' | wc -l)

echo "== writer: refresh $day (one day's letters)"
t0=$(date +%s.%N)
corresp --data-dir "$writer" refresh --since "$day" --until "$day" --rate 200 --json \
  | python3 -c 'import json,sys; r=json.load(sys.stdin); print({k: r[k] for k in r if not isinstance(r[k], (list, dict))})' || true
t1=$(date +%s.%N)
index_after=$(index_bytes)
shipped=$(( $(changeset_bytes "$writer/index") - changes_before ))
commits=$(( $(find "$writer/index" -name 'changes*' | wc -l) - files_before ))

docs() { xapian-delve "$1" | sed -n 's/^number of documents = //p'; }
echo "   before replicating: writer $(docs "$writer/index") documents, replica $(docs "$replica/index")"
[ "$(docs "$writer/index")" != "$(docs "$replica/index")" ] || { echo "the day added nothing"; exit 1; }

echo "== replica: replicate the day"
replicate
t2=$(date +%s.%N)

echo "== the replica answers as the writer"
fail=0
for q in '"revenue recognition"' 'topic:non-gaap' '"fair value" form:upload' 'goodwill impairment'; do
  a=$(corresp --data-dir "$writer" search "$q" --facets --limit 50 --json)
  b=$(corresp --data-dir "$writer" search "$q" --facets --limit 50 --json --index "$replica/index")
  n=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["total"])' "$a")
  if [ "$a" = "$b" ]; then echo "   same: $q ($n hits)"; else echo "   DIFFERENT: $q"; fail=1; fi
done
docs_w=$(docs "$writer/index")
docs_r=$(docs "$replica/index")
echo "   documents: writer $docs_w, replica $docs_r"
[ "$docs_w" = "$docs_r" ] || fail=1

echo
echo "index before the day:      $index_before bytes"
echo "full copy to the replica:  $full_copy bytes"
echo "index after the day:       $index_after bytes"
echo "changesets for the day:    $shipped bytes ($(python3 -c "print(f'{100*$shipped/$index_after:.1f}')")% of the index), $commits commits"
echo "refresh of the day:        $(python3 -c "print(f'{$t1-$t0:.1f}')") s; replication: $(python3 -c "print(f'{$t2-$t1:.1f}')") s"
exit $fail
