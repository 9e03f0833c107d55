#!/usr/bin/env bash
# The importer (Release build) on documents of OPS operations whose query parameter and unique list items have a
# backtracking pattern (bench/import/patterns.py): document size, wall and CPU seconds, peak memory, the notes printed
# and the exit code, per OPS.
#   bench/import/patterns.sh                          # build (Release), OPS 1 4 16
#   BENCH_OPS="1 2" BENCH_NO_BUILD=1 BENCH_OUT=/abs/dir bench/import/patterns.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/bench-patterns.XXXXXX")}"
mkdir -p "$out"
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  dotnet build "$root/framework/Conformance.Import" -c Release -v q -nologo >/dev/null
fi
importer="$root/framework/Conformance.Import/bin/Release/net10.0/Conformance.Import.dll"
. "$root/bench/import/timed.sh"
printf '%-6s %10s %8s %8s %10s %6s %s\n' ops doc_bytes wall_s cpu_s peak_MB notes exit
for ops in ${BENCH_OPS:-1 4 16}; do
  doc="$out/patterns-$ops.json"
  python3 "$root/bench/import/patterns.py" "$ops" >"$doc"
  timed_import "$importer" "$doc" patterns "$out/pack-$ops" "$out/import-$ops.log" "$out/time-$ops.txt"
  printf '%-6s %10s %8s %8s %10s %6s %s\n' "$ops" "$(wc -c <"$doc")" "$wall" "$cpu" "$peak" "$(grep -c '^note: ' "$out/import-$ops.log" || true)" "$code"
done
echo "logs, documents and packs: $out (uptime: $(uptime | sed 's/.*load/load/'))"
