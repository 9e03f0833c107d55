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
printf '%-6s %10s %8s %8s %10s %6s %s\n' ops doc_bytes wall_s cpu_s peak_MB notes exit
for ops in ${BENCH_OPS:-1 4 16}; do
  doc="$out/patterns-$ops.json"
  python3 "$root/bench/import/patterns.py" "$ops" >"$doc"
  rm -rf "$out/pack-$ops" && mkdir -p "$out/pack-$ops"
  set +e
  /usr/bin/time -v dotnet "$importer" "$doc" --name patterns --out "$out/pack-$ops/patterns" >"$out/import-$ops.log" 2>"$out/time-$ops.txt"
  code=$?
  set -e
  read -r wall cpu peak < <(awk -F': ' '
    /User time/ {u = $2} /System time/ {s = $2} /Maximum resident/ {m = $2}
    /Elapsed \(wall clock\)/ {n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i]}
    END {printf "%.2f %.2f %.0f\n", w, u + s, m / 1024}' "$out/time-$ops.txt")
  printf '%-6s %10s %8s %8s %10s %6s %s\n' "$ops" "$(wc -c <"$doc")" "$wall" "$cpu" "$peak" "$(grep -c '^note: ' "$out/import-$ops.log" || true)" "$code"
done
echo "logs, documents and packs: $out (uptime: $(uptime | sed 's/.*load/load/'))"
