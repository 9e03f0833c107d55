#!/usr/bin/env bash
# Renders Allure results into an HTML report with the Allure 3 CLI pinned in package-lock.json (nothing global).
#   report/render.sh [results-dir] [--single-file]
# results-dir defaults to ../TestResults/allure-results (where the suites write). Output: report/allure-report/ (index.html).
# History is kept in report/history/history.jsonl, so rendering each nightly run in turn builds the trend charts;
# rendering the same results again (say with --single-file after the multi-file report) adds no second line for them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
results=""
single=false
for arg in "$@"; do
  case "$arg" in
    --single-file) single=true ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) results="$arg" ;;
  esac
done
results="$(cd "${results:-$here/../TestResults/allure-results}" && pwd)" || { echo "render.sh: no results folder ${results:-../TestResults/allure-results}" >&2; exit 2; }
out="${CONFORMANCE_ALLURE_OUTPUT:-$here/allure-report}"

export ALLURE_NO_ANALYTICS=true DO_NOT_TRACK=1 NPM_CONFIG_UPDATE_NOTIFIER=false
cd "$here"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi
mkdir -p history
# generate does not empty the output folder; stale test results from an earlier render would show up again.
rm -rf "$out"
CONFORMANCE_ALLURE_RESULTS="$results" CONFORMANCE_ALLURE_OUTPUT="$out" CONFORMANCE_ALLURE_SINGLE_FILE="$single" \
  npx --no-install allure generate "$results" -o "$out"
# Note which results the line Allure just appended is for, so rendering them again adds none (history.mjs).
node history.mjs record "$results" history

# The awesome template always embeds a Google Analytics tag; remove it so opening the report phones nowhere.
node -e '
const fs = require("fs"), path = require("path");
const walk = d => fs.readdirSync(d, { withFileTypes: true }).flatMap(e => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
const tag = /<script async src="https:\/\/www\.googletagmanager\.com\/gtag\/js[^"]*"><\/script>\s*<script>[\s\S]*?<\/script>/g;
for (const f of walk(process.argv[1]).filter(f => f.endsWith(".html"))) {
  const html = fs.readFileSync(f, "utf8");
  if (tag.test(html)) fs.writeFileSync(f, html.replace(tag, ""));
}' "$out"
if grep -rlq "googletagmanager" "$out" --include=*.html; then echo "render.sh: analytics tag still present in $out" >&2; exit 1; fi

echo "Report: $out/index.html"
echo "Serve it with: python3 -m http.server --bind 127.0.0.1 --directory '$out' 8080"
