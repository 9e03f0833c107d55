#!/usr/bin/env bash
# Fetches libpact_ffi.so with `npm ci` (pinned by package-lock.json) unless a finished fetch is here.
# Several projects (or builds) may ask at once: flock makes the first one fetch while the others wait.
# `npm ci` empties node_modules first and the marker is written last, so the marker means "complete";
# it holds the SHA-256 of package-lock.json, so a changed pin fetches again.
set -euo pipefail
cd "$(dirname "$0")"
so="node_modules/@pact-foundation/pact-core-linux-x64-glibc/prebuilds/linux-x64/libpact_ffi.so"
marker="node_modules/.conformance-fetched"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
fetched() { [ -f "$marker" ] && [ "$(cat "$marker")" = "$want" ]; }
fetched && exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "error PACT0001: npm is not on PATH, so libpact_ffi.so cannot be fetched. Fix: install Node.js (npm) and build again, or run 'npm ci --ignore-scripts' in $(pwd)." >&2
  exit 1
fi
exec 9>.fetch.lock
flock 9
if ! fetched; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  if [ ! -f "$so" ]; then
    echo "error PACT0002: npm ci finished but $(pwd)/$so is missing. Fix: check that package-lock.json pins @pact-foundation/pact-core-linux-x64-glibc." >&2
    exit 1
  fi
  echo "$want" > "$marker"
fi
