#!/usr/bin/env bash
# Serves a rendered report on 127.0.0.1 and saves headless Chromium screenshots of the overview, a failed case and
# the scorecards (Global Attachments) into report/screenshots/.   report/screenshot.sh [report-dir] (default: report/allure-report)
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

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
python3 -m http.server --bind 127.0.0.1 --directory "$report" "$port" >/dev/null 2>&1 &
server=$!
profile="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$profile"' EXIT
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
# The scorecards are global attachments (<results>/<uuid>-globals.json), on the Global Attachments tab, not test results.
scorecard="$(python3 -c 'import json, sys; print("yes" if json.load(open(sys.argv[1])).get("attachments") else "")' "$report/widgets/globals.json" 2>/dev/null || true)"

shoot() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1400,1000 \
    --virtual-time-budget=8000 --hide-scrollbars --screenshot="$shots/$1" "$2" 2>/dev/null
  echo "saved $shots/$1 ($2)"
}
shoot overview.png "http://127.0.0.1:$port/"
[ -n "$failed" ] && shoot failed-case.png "http://127.0.0.1:$port/#/$failed"
[ -n "$failed" ] && shoot failed-case-attachments.png "http://127.0.0.1:$port/#/$failed/attachments"
[ -n "$scorecard" ] && shoot scorecard.png "http://127.0.0.1:$port/#/globalAttachments"
