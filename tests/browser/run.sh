#!/usr/bin/env bash
# ctest entry of the browser test: installs playwright-core into the build folder (only when
# node_modules is absent; never into the source tree, never a bundled browser), then runs
# serve_e2e.mjs. Usage: run.sh SOURCE_DIR WORK_DIR CORRESP_BINARY INDEX_HELPER
set -euo pipefail
src=$1 work=$2
mkdir -p "$work"
cp "$src/package.json" "$src/package-lock.json" "$src/serve_e2e.mjs" "$work/"
cd "$work"
if [ ! -d node_modules/playwright-core ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "browser test: /usr/bin/chromium missing (run tools/install-deps)" >&2
  exit 1
fi
exec node serve_e2e.mjs "$3" "$4" "$work"
