#!/usr/bin/env bash
# Serves a rendered report on 127.0.0.1 and saves headless Chromium screenshots of the overview (scrolled to its top), a
# failed case (its overview and its attachments) and the first API's scorecard opened on the Global Attachments tab into
# report/screenshots/.   report/screenshot.sh [report-dir] (default: report/allure-report)
# Installs Debian's chromium when missing (apt-get). The server is stopped on exit.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
report="$(cd "${1:-$here/allure-report}" && pwd)"
shots="$here/screenshots"
mkdir -p "$shots"

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update
  apt-get install -y chromium
fi

# The report is served under /r/ beside shot.html, a page that shows it in a full-window frame and, when asked, scrolls it
# back to its top (the tree scrolls its first failed case into view, below the summary) or opens an attachment by name.
site="$(mktemp -d)"
ln -s "$report" "$site/r"
cat > "$site/shot.html" <<'HTML'
<!doctype html><meta charset="utf-8"><style>html,body{margin:0;overflow:hidden}iframe{border:0;width:100vw;height:100vh;display:block}</style>
<iframe id="f"></iframe><script>
const q = new URLSearchParams(location.search), f = document.getElementById("f");
let n = 0;
const step = () => {
  const d = f.contentDocument;
  if (!d || ++n > 200) return;
  if (q.get("do") === "top") {
    d.querySelectorAll("[data-tree-scroll-container]").forEach(e => { e.scrollTop = 0; });
    if (d.scrollingElement) d.scrollingElement.scrollTop = 0;
  } else if (q.get("do") === "open") {
    const header = [...d.querySelectorAll("[data-testid=test-result-attachment-header]")].find(h => h.textContent.includes(q.get("name")));
    if (header) { header.querySelector("button").click(); return; }
  }
  setTimeout(step, 50);
};
f.onload = () => setTimeout(step, 50);
f.src = "r/" + (q.get("page") || "");
</script>
HTML
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
python3 -m http.server --bind 127.0.0.1 --directory "$site" "$port" >/dev/null 2>&1 &
server=$!
profile="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$profile" "$site"' EXIT
for _ in $(seq 1 50); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null; then break; fi
  sleep 0.1
done

# A test result's page is <report>/#/<id>, where <id> names its file under data/test-results/.
pick() {
  python3 - "$report" "$1" "$2" <<'PY'
import json, pathlib, sys
report, status, word = sys.argv[1], sys.argv[2], sys.argv[3]
for f in sorted(pathlib.Path(report, "data", "test-results").glob("*.json")):
    r = json.loads(f.read_text())
    if r.get("status") == status and word in r.get("name", ""):
        print(f.stem); break
PY
}
failed="$(pick failed "unknown_id")"
[ -n "$failed" ] || failed="$(pick failed "")"
# The scorecards are global attachments (<results>/<uuid>-globals.json), on the Global Attachments tab, not test results;
# the first API's card is opened, rendered.
scorecard="$(python3 -c 'import json, sys; print(next((a["name"] for a in json.load(open(sys.argv[1])).get("attachments", []) if a["name"].endswith(" scorecard.md")), ""))' "$report/widgets/globals.json" 2>/dev/null || true)"

shoot() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1400,1000 \
    --virtual-time-budget=8000 --hide-scrollbars --screenshot="$shots/$1" "$2" 2>/dev/null
  echo "saved $shots/$1 ($2)"
}
shoot overview.png "http://127.0.0.1:$port/shot.html?do=top"
[ -n "$failed" ] && shoot failed-case.png "http://127.0.0.1:$port/r/#/$failed"
[ -n "$failed" ] && shoot failed-case-attachments.png "http://127.0.0.1:$port/r/#/$failed/attachments"
[ -n "$scorecard" ] && shoot scorecard.png "http://127.0.0.1:$port/shot.html?page=%23%2FglobalAttachments&do=open&name=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$scorecard")"
