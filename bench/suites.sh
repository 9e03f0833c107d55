#!/usr/bin/env bash
# Benchmarks the real suites (`dotnet test suites -c Release`) on generated ringcentral packs against the embedded
# reference API, next to (a) a bare HttpClient loop sending the same requests at the same concurrency and (b) Newman
# running the same requests with status + JSON Schema tests. Prints rates, wall time, overhead per case, peak memory,
# cold start and the ratios. Env: BENCH_ROWS (default "1000 10000"), BENCH_CONCURRENCY (default 8),
# BENCH_NEWMAN_ROWS (sizes Newman runs on, default "1000"), BENCH_NO_BUILD=1 to skip the build, BENCH_OUT (default mktemp).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
ROWS=${BENCH_ROWS:-"1000 10000"}
C=${BENCH_CONCURRENCY:-8}
NEWMAN_ROWS=${BENCH_NEWMAN_ROWS:-"1000"}
OUT=${BENCH_OUT:-$(mktemp -d /tmp/conformance-bench.XXXXXX)}
mkdir -p "$OUT"
REF_PID=

cleanup() { if [ -n "$REF_PID" ]; then kill -- -"$REF_PID" 2>/dev/null || true; wait "$REF_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  dotnet build Conformance.sln -c Release -v q -nologo | tail -3
fi
if [ ! -x bench/newman/node_modules/.bin/newman ]; then
  (cd bench/newman && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "machine: nproc=$(nproc); $(free -h | awk '/Mem:/{print "mem total "$2", available "$7}'); out=$OUT"
for N in $ROWS; do
  D="$OUT/rows-$N"
  python3 bench/suites/gen.py "$N" "$D"

  echo "[$N rows] raw HttpClient loop, concurrency $C; load: $(uptime | sed 's/.*load average: //')"
  dotnet bench/suites/bin/Release/net10.0/Conformance.Bench.Suites.dll "$D/requests.json" "$C" | tee "$D/raw.json"

  echo "[$N rows] dotnet test suites -c Release; load: $(uptime | sed 's/.*load average: //')"
  start=$(date +%s%3N)
  set +e
  CONFORMANCE_CONFORMANCE_CONTRACTS="$D/contracts" CONFORMANCE_RINGCENTRAL_CONCURRENCY="$C" \
  CONFORMANCE_CONFORMANCE_TIMINGS="$D/timings.json" CONFORMANCE_CONFORMANCE_ALLURERESULTS="$D/allure-results" \
    /usr/bin/time -v -o "$D/time.txt" dotnet test suites -c Release --results-directory "$D/TestResults" > "$D/test.log" 2>&1
  rc=$?
  set -e
  end=$(date +%s%3N)
  echo "{ \"startUnixMs\": $start, \"endUnixMs\": $end, \"exit\": $rc, \"maxRssKb\": $(awk -F': ' '/Maximum resident/{print $2}' "$D/time.txt") }" > "$D/wall.json"
  tail -2 "$D/test.log"
  echo "  load after: $(uptime | sed 's/.*load average: //')"

  if [[ " $NEWMAN_ROWS " == *" $N "* ]]; then
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    setsid dotnet run --project framework/Conformance.ReferenceApi -c Release --no-build -- --urls "http://127.0.0.1:$PORT" > "$D/reference.log" 2>&1 &
    REF_PID=$!
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break; sleep 0.5; done
    echo "[$N rows] newman on :$PORT; load: $(uptime | sed 's/.*load average: //')"
    nstart=$(date +%s%3N)
    bench/newman/node_modules/.bin/newman run "$D/collection.json" --env-var "baseUrl=http://127.0.0.1:$PORT" \
      -r json --reporter-json-export "$D/newman.json" --silent || true
    nend=$(date +%s%3N)
    echo "{ \"startUnixMs\": $nstart, \"endUnixMs\": $nend }" > "$D/newman-wall.json"
    cleanup; REF_PID=
  fi
done

python3 bench/suites/report.py "$OUT" "$C" $ROWS
