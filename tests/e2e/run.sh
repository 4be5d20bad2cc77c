#!/usr/bin/env bash
# End-to-end test of the editor's page: starts `factlint serve` on a free loopback port and
# drives the page in headless Chromium (Debian's package; playwright-core, no browser
# download). Installs what it needs when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --silent)
fi

cargo build --release --quiet
log=$(mktemp)
./target/release/factlint serve --no-config --addr 127.0.0.1:0 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 50); do
  url=$(grep -o 'http://[0-9.:]*' "$log" || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "factlint serve did not start:"; cat "$log"; exit 1; }
FACTLINT_URL=$url SCREENSHOT=${SCREENSHOT:-$(mktemp --suffix=.png)} node tests/e2e/serve.mjs
