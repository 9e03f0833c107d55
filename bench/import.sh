#!/usr/bin/env bash
# The importer on request bodies nested DEPTH levels deep, 3 required properties per level, in a list of 5 unique
# items (bench/import/gen.py): document size, wall and CPU seconds, peak memory (/usr/bin/time -v) per depth.
#   bench/import.sh                          # build (Release), depths 4 6 7 8
#   BENCH_DEPTHS="6 8" BENCH_NO_BUILD=1 BENCH_OUT=/abs/dir bench/import.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/bench-import.XXXXXX")}"
mkdir -p "$out"
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  dotnet build "$root/framework/Conformance.Import" -c Release -v q -nologo >/dev/null
fi
importer="$root/framework/Conformance.Import/bin/Release/net10.0/Conformance.Import.dll"
. "$root/bench/import/timed.sh"
printf '%-6s %10s %8s %8s %10s %s\n' depth doc_bytes wall_s cpu_s peak_MB exit
for depth in ${BENCH_DEPTHS:-4 6 7 8}; do
  doc="$out/deep-$depth.json"
  python3 "$root/bench/import/gen.py" "$depth" 3 5 >"$doc"
  timed_import "$importer" "$doc" deep "$out/pack-$depth" "$out/import-$depth.log" "$out/time-$depth.txt"
  printf '%-6s %10s %8s %8s %10s %s\n' "$depth" "$(wc -c <"$doc")" "$wall" "$cpu" "$peak" "$code"
done
echo "logs, documents and packs: $out"
