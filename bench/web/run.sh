#!/usr/bin/env bash
# Load test of `corresp serve`: wrk, 64 connections, 30 s (override: DURATION, CONNECTIONS,
# THREADS, SERVE_THREADS, SERVE_ARGS (extra serve flags, e.g. "--facet-cache 0"),
# WRK_TIMEOUT: a reply slower than this counts as an error, default
# wrk's 2s) against /api/search with mixed queries, over the index at $2.
# Prints wrk's report and a RESULT line (rps, p50/p99 latency, errors); exits 1 on any error.
# Usage: bench/web/run.sh CORRESP_BINARY INDEX_DIR
set -euo pipefail
CORRESP=$1 INDEX=$2
DURATION=${DURATION:-30s} CONNECTIONS=${CONNECTIONS:-64} THREADS=${THREADS:-2} WRK_TIMEOUT=${WRK_TIMEOUT:-2s}
SERVE_THREADS=${SERVE_THREADS:-$(nproc)}
HERE=$(cd "$(dirname "$0")" && pwd)
LOG=$(mktemp)
"$CORRESP" --data-dir "$(dirname "$INDEX")" serve --port 0 --index "$INDEX" --threads "$SERVE_THREADS" ${SERVE_ARGS:-} >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 200); do grep -q '^listening on' "$LOG" && break; sleep 0.05; done
URL=$(sed -n 's/^listening on //p' "$LOG" | head -1)
[ -n "$URL" ] || { cat "$LOG"; exit 1; }
echo "bench/web: $URL, index $INDEX ($(du -sh "$INDEX" | cut -f1)), $(nproc) cores, serve threads $SERVE_THREADS, load average $(cut -d' ' -f1-3 /proc/loadavg)"
OUT=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$WRK_TIMEOUT" --latency -s "$HERE/mixed_queries.lua" "$URL")
echo "$OUT"
RESULT=$(echo "$OUT" | grep '^RESULT')
if echo "$RESULT" | grep -Eq 'errors_(connect|read|write|timeout)=[1-9]|non2xx=[1-9]'; then
  echo "bench/web: errors under load" >&2
  exit 1
fi
