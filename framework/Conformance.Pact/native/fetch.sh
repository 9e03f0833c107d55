#!/usr/bin/env bash
# Fetches libpact_ffi.so with `npm ci` (pinned by package-lock.json) unless it is already here.
# Several projects of one solution build in parallel and may all ask at once: flock makes the
# first one fetch while the others wait, then find the library present and return.
set -euo pipefail
cd "$(dirname "$0")"
so="node_modules/@pact-foundation/pact-core-linux-x64-glibc/prebuilds/linux-x64/libpact_ffi.so"
[ -f "$so" ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "error PACT0001: npm is not on PATH, so libpact_ffi.so cannot be fetched. Fix: install Node.js (npm) and build again, or run 'npm ci --ignore-scripts' in $(pwd)." >&2
  exit 1
fi
exec 9>.fetch.lock
flock 9
if [ ! -f "$so" ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
if [ ! -f "$so" ]; then
  echo "error PACT0002: npm ci finished but $(pwd)/$so is missing. Fix: check package-lock.json pins @pact-foundation/pact-core-linux-x64-glibc." >&2
  exit 1
fi
