# Sourced by bench/import.sh and bench/import/patterns.sh: runs the importer once under /usr/bin/time -v and sets
# wall (s), cpu (user + system s), peak (MB) and code (its exit code).
#   timed_import <importer.dll> <document> <name> <pack folder> <log> <time file>
timed_import() {
  local importer="$1" doc="$2" name="$3" pack="$4" log="$5" timefile="$6"
  rm -rf "$pack" && mkdir -p "$pack"
  set +e
  /usr/bin/time -v dotnet "$importer" "$doc" --name "$name" --out "$pack/$name" >"$log" 2>"$timefile"
  code=$?
  set -e
  read -r wall cpu peak < <(awk -F': ' '
    /User time/ {u = $2} /System time/ {s = $2} /Maximum resident/ {m = $2}
    /Elapsed \(wall clock\)/ {n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i]}
    END {printf "%.2f %.2f %.0f\n", w, u + s, m / 1024}' "$timefile")
}
