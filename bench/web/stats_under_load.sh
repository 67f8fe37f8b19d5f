#!/usr/bin/env bash
# /api/stats latency while clients (4 by default) send the most expensive searches (heavy_queries.lua), for
# several serve configurations in one run, one after the other on the same index, so the rows
# compare under the same machine load. Each configuration is "LABEL|CORRESP_BINARY|SERVE_ARGS".
# For each: start serve, HEAVY_CONNECTIONS (default 4) connections of heavy searches (wrk) for
# DURATION (default 20 s), and
# after 2 s of warm-up one connection of /api/stats (wrk) for DURATION - 4 s; prints a
# markdown table row per configuration (stats p50/p90/p99/max, stats/s; heavy replies/s, of
# them 200s/s, mean and p99, non-2xx (the lane's 503s); errors: socket errors and non-2xx
# stats replies).
# Usage: bench/web/stats_under_load.sh INDEX_DIR "before|OLD/corresp|--facet-cache 0" \
#          "after|BUILD/corresp|--facet-cache 0"
set -euo pipefail
INDEX=$1
shift
DURATION=${DURATION:-20} HEAVY_CONNECTIONS=${HEAVY_CONNECTIONS:-4}
HERE=$(cd "$(dirname "$0")" && pwd)
echo "bench/web/stats_under_load: index $INDEX ($(du -sh "$INDEX" | cut -f1)), $(nproc) cores, ${DURATION} s per configuration, $HEAVY_CONNECTIONS heavy connections, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| configuration | load avg | /api/stats p50 | p90 | p99 | max | stats/s | heavy replies/s | heavy 200/s | heavy mean | heavy p99 | heavy non-2xx | errors |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for config in "$@"; do
  IFS='|' read -r LABEL CORRESP ARGS <<<"$config"
  LOG=$(mktemp)
  # shellcheck disable=SC2086  # ARGS are serve flags, split on purpose
  "$CORRESP" --data-dir "$(dirname "$INDEX")" serve --port 0 --index "$INDEX" $ARGS >"$LOG" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true' EXIT
  for _ in $(seq 200); do grep -q '^listening on' "$LOG" && break; sleep 0.05; done
  URL=$(sed -n 's/^listening on //p' "$LOG" | head -1)
  [ -n "$URL" ] || { cat "$LOG"; exit 1; }
  HEAVY_OUT=$(mktemp)
  wrk -t1 -c"$HEAVY_CONNECTIONS" -d"${DURATION}s" --timeout 30s -s "$HERE/heavy_queries.lua" "$URL" >"$HEAVY_OUT" 2>&1 &
  HEAVY=$!
  sleep 2
  LOAD=$(cut -d' ' -f1 /proc/loadavg)
  STATS=$(wrk -t1 -c1 -d"$((DURATION - 4))s" --timeout 30s -s "$HERE/stats_probe.lua" "$URL" | grep '^STATS')
  wait $HEAVY
  HEAVY_LINE=$(grep '^HEAVY' "$HEAVY_OUT")
  kill $SERVER 2>/dev/null || true
  wait $SERVER 2>/dev/null || true
  rm -f "$LOG" "$HEAVY_OUT"
  f() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
  echo "| $LABEL | $LOAD | $(f p50_ms "$STATS") ms | $(f p90_ms "$STATS") ms | $(f p99_ms "$STATS") ms | $(f max_ms "$STATS") ms | $(f per_s "$STATS") | $(f per_s "$HEAVY_LINE") | $(f ok_per_s "$HEAVY_LINE") | $(f mean_ms "$HEAVY_LINE") ms | $(f p99_ms "$HEAVY_LINE") ms | $(f non2xx "$HEAVY_LINE") | $(( $(f socket_errors "$STATS") + $(f socket_errors "$HEAVY_LINE") + $(f non2xx "$STATS") )) |"
done
