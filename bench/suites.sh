#!/usr/bin/env bash
# Benchmarks the real suites (`dotnet test suites -c Release`) on generated ringcentral packs against the embedded
# reference API, next to (a) a bare HttpClient loop sending the same requests at the same concurrency, (b) Newman
# running the same requests with status + JSON Schema tests, (c) the framework's pipeline without the test platform
# (same runner, checks and Allure writer, no NUnit) and (d) the test platform alone (as many empty NUnit cases, shaped
# like the suites', run by Microsoft.Testing.Platform as the suites are). Prints rates, wall time, CPU and overhead
# per case, peak memory, cold start and the ratios.
# Env: BENCH_ROWS (default "1000 5000 10000"), BENCH_CONCURRENCY (default 8), BENCH_NEWMAN_ROWS (sizes Newman runs on,
# default "1000 10000"), BENCH_REPEAT (suites runs per size, the median is reported; default 3), BENCH_NO_BUILD=1 to
# skip the build, BENCH_OUT (default a new folder under TestResults/). Each suites run is followed by the same run with
# `--no-build` (no build check in the `dotnet test` process) and by the test app run directly; all three are reported.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
ROWS=${BENCH_ROWS:-"1000 5000 10000"}
C=${BENCH_CONCURRENCY:-8}
REPEAT=${BENCH_REPEAT:-3}
NEWMAN_ROWS=${BENCH_NEWMAN_ROWS-"1000 10000"}
# Under the repository's TestResults/ (ignored by git) by default: the same file system a real run writes its reports to.
mkdir -p TestResults
OUT=${BENCH_OUT:-$(mktemp -d "$REPO/TestResults/bench.XXXXXX")}
mkdir -p "$OUT"
REF_PID=

# Machine-wide busy CPU in jiffies (user nice system irq softirq steal; USER_HZ 100): `/usr/bin/time` misses the
# testhost and vstest.console whenever their parents do not wait for them, so CPU per case is taken from /proc/stat.
busy() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
cpu_since() { awk -v a="$1" -v b="$(busy)" 'BEGIN {printf "%.2f", (b - a) / 100}'; }

# One suites run over DIR's pack: suites_run DIR TAG LABEL COMMAND...; writes timings-TAG.json (by the teardown),
# wall-TAG.json (start, end, exit code, machine-wide CPU, and the peak RSS when time-TAG.txt exists) and test-TAG.log.
suites_run() {
  local dir=$1 tag=$2 label=$3; shift 3
  echo "[$N rows] $label; load: $(uptime | sed 's/.*load average: //')"
  local start b0 rc end rss=""
  start=$(date +%s%3N); b0=$(busy)
  set +e
  CONFORMANCE_CONFORMANCE_CONTRACTS="$dir/contracts" CONFORMANCE_RINGCENTRAL_CONCURRENCY="$C" \
  CONFORMANCE_CONFORMANCE_TIMINGS="$dir/timings-$tag.json" CONFORMANCE_CONFORMANCE_ALLURERESULTS="$dir/allure-results-$tag" \
    "$@" > "$dir/test-$tag.log" 2>&1
  rc=$?
  set -e
  end=$(date +%s%3N)
  if [ -f "$dir/time-$tag.txt" ]; then rss=", \"maxRssKb\": $(awk -F': ' '/Maximum resident/{print $2}' "$dir/time-$tag.txt")"; fi
  echo "{ \"startUnixMs\": $start, \"endUnixMs\": $end, \"exit\": $rc$rss, \"cpuSeconds\": $(cpu_since "$b0") }" > "$dir/wall-$tag.json"
  tail -1 "$dir/test-$tag.log"
}

cleanup() { if [ -n "$REF_PID" ]; then kill -- -"$REF_PID" 2>/dev/null || true; wait "$REF_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  dotnet build Conformance.sln -c Release -v q -nologo | tail -3
  dotnet build bench/platform -c Release -v q -nologo | tail -3
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

  echo "[$N rows] framework pipeline without the test platform, concurrency $C; load: $(uptime | sed 's/.*load average: //')"
  dotnet bench/suites/bin/Release/net10.0/Conformance.Bench.Suites.dll pipeline "$D/contracts" "$C" "$D/pipeline-allure" | tee "$D/pipeline.json"

  echo "[$N rows] test platform alone: dotnet test bench/platform -c Release ($N empty cases); load: $(uptime | sed 's/.*load average: //')"
  pstart=$(date +%s%3N); b0=$(busy)
  BENCH_PLATFORM_ROWS="$N" BENCH_PLATFORM_TIMINGS="$D/platform.json" \
    dotnet test bench/platform -c Release --no-build --results-directory "$D/PlatformResults" > "$D/platform.log" 2>&1 || true
  pend=$(date +%s%3N)
  echo "{ \"startUnixMs\": $pstart, \"endUnixMs\": $pend, \"cpuSeconds\": $(cpu_since "$b0") }" > "$D/platform-wall.json"
  tail -1 "$D/platform.log"

  for R in $(seq 1 "$REPEAT"); do
    # As typed: `dotnet test` with its build check; the peak memory is taken from this run (/usr/bin/time -v).
    suites_run "$D" "r$R" "dotnet test suites -c Release, run $R of $REPEAT" \
      /usr/bin/time -v -o "$D/time-r$R.txt" dotnet test suites -c Release --results-directory "$D/TestResults"
    # The same run after a build, as a CI job that builds first runs it: without the build check, whose MSBuild code the
    # `dotnet test` process keeps recompiling in the background while the cases run (bench/README.md, item 17).
    suites_run "$D" "nb-r$R" "dotnet test suites -c Release --no-build, run $R of $REPEAT" \
      dotnet test suites -c Release --no-build --results-directory "$D/TestResults"
    # And the test app run directly (a Microsoft.Testing.Platform app is an executable), without the `dotnet test` process
    # that receives every result (bench/README.md, "Where a case's CPU goes").
    suites_run "$D" "dr-r$R" "suites app run directly, run $R of $REPEAT" \
      dotnet suites/bin/Release/net10.0/Conformance.Suites.dll --results-directory "$D/TestResults"
  done
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
