#!/usr/bin/env bash
# Secrets never reach produced files. Runs the suites against a reference API started by hand (with faults
# planted, so failure messages, curl lines and attachments are produced), with every pack's token set as a
# known secret through the environment, then scans every file the run produced (TRX, Allure results and globals,
# scorecard, JUnit report, console log) for those secrets. Any hit fails. Usage: tests/scripts/scan-secrets.sh (from a built tree).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
out="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
dotnet run --no-build --project framework/Conformance.ReferenceApi -- --urls "http://127.0.0.1:$port" \
  --faults wrong_status,html_error_page,missing_allow,missing_www_authenticate > "$out/reference.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.2
done

secrets=()
for pack in contracts/*/; do
  api="$(basename "$pack")"
  upper="$(echo "$api" | tr '[:lower:]' '[:upper:]')"
  token="$(grep -m1 -E '^\s+sample:' "$pack/api.yaml" | sed -E 's/^\s+sample:\s*//')"
  [ -n "$token" ] || continue
  export "CONFORMANCE_${upper}_BASEURL=http://127.0.0.1:$port/$api"
  export "CONFORMANCE_${upper}_TOKEN=$token"
  export "CONFORMANCE_${upper}_ALLOWMUTATION=true"
  secrets+=("$token")
done
export CONFORMANCE_CONFORMANCE_ALLURERESULTS="$out/allure-results"
export CONFORMANCE_CONFORMANCE_JUNIT="$out/junit.xml"
set +e
dotnet test suites --no-build --report-trx --output detailed --results-directory "$out/trx" > "$out/console.log" 2>&1
set -e
files=$(find "$out" -type f ! -name reference.log | wc -l)
grep -qE "Test run summary: Failed!" "$out/console.log" || { echo "scan-secrets: expected failing cases (faults planted), found none" >&2; exit 1; }
compgen -G "$out/trx/*.trx" > /dev/null || { echo "scan-secrets: the run wrote no TRX file under $out/trx" >&2; exit 1; }
compgen -G "$out/allure-results/*-result.json" > /dev/null || { echo "scan-secrets: the run wrote no Allure results" >&2; exit 1; }
compgen -G "$out/allure-results/*-globals.json" > /dev/null || { echo "scan-secrets: the run wrote no Allure globals (the scorecards)" >&2; exit 1; }
[ -s "$out/junit.xml" ] || { echo "scan-secrets: the run wrote no JUnit report at $out/junit.xml" >&2; exit 1; }
hits=0
for secret in "${secrets[@]}"; do
  if grep -rlF --exclude=reference.log -- "$secret" "$out"; then
    echo "scan-secrets: a secret leaked into the files above" >&2
    hits=$((hits + 1))
  fi
done
echo "scan-secrets: ${#secrets[@]} secrets, $files files scanned (TRX, Allure results, scorecard, JUnit report, console log), $hits leaks"
[ "$hits" -eq 0 ]
rm -rf "$out"
