#!/usr/bin/env bash
# Throughput of edgar-mirror over loopback with wrk: small index, gzip, a PDF letter.
# Usage: tools/edgar-mirror/bench.sh [BUILD_DIR] [ROOT]   (use a Release build)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$here/build}"
root="${2:-$here/tests/data/edgar}"
out="$(mktemp)"
"$build/edgar-mirror" --root "$root" >"$out" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 50); do grep -q listening "$out" && break; sleep 0.1; done
url="http://$(sed -n 's/^listening on //p' "$out")"
run() {
  echo "== $*"
  wrk -t2 -c32 -d5s "$@" | grep -E 'Requests/sec|Transfer/sec|errors|Non-2xx' || true
}
run "$url/Archives/edgar/daily-index/2019/QTR4/master.20191230.idx"
run -H "Accept-Encoding: gzip" "$url/Archives/edgar/daily-index/2019/QTR4/master.20191230.idx"
run "$url/Archives/edgar/data/1090872/000000000016092800/filename1.pdf"
