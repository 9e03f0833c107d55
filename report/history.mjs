// Keeps one history line per nightly run however often its results are rendered (read by allurerc.mjs, run by render.sh).
// Allure 3 appends a line to history.jsonl at every `allure generate`. Rendering one results folder twice (the
// multi-file report, then --single-file) recorded that night twice: the trend showed it twice, and the second report
// compared the night with itself, so it showed no case as new, fixed or regressed.
// A results folder is known by the names of its *-result.json files (new uuids every run). After a render that
// appended, `record` notes that folder and the uuid of the line it appended; a later render of the same folder reads the
// history without that line (rerender.jsonl) and appends nothing.
//   node history.mjs options <results> <history-dir>   prints { historyPath, appendHistory }
//   node history.mjs record <results> <history-dir>    after a render
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const stateFile = (historyDir) => join(historyDir, "last-render.json");

/** The results folder's identity: a hash of its result file names, or null when it has none. */
export function fingerprint(results) {
  const names = existsSync(results) ? readdirSync(results).filter((n) => n.endsWith("-result.json")).sort() : [];
  return names.length === 0 ? null : createHash("sha256").update(names.join("\n")).digest("hex");
}

function lines(historyDir) {
  const file = join(historyDir, "history.jsonl");
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").filter((l) => l.trim().length > 0) : [];
}

function uuidOf(line) {
  try {
    return JSON.parse(line).uuid ?? null;
  } catch {
    return null;
  }
}

function state(historyDir) {
  try {
    return JSON.parse(readFileSync(stateFile(historyDir), "utf8"));
  } catch {
    return {};
  }
}

/** Where Allure reads the history from and whether it appends this render's line. */
export function historyOptions(results, historyDir) {
  const dir = resolve(historyDir);
  const history = lines(dir);
  const last = state(dir);
  const id = fingerprint(results);
  if (id !== null && last.results === id && history.length > 0 && uuidOf(history[history.length - 1]) === last.uuid) {
    const before = join(dir, "rerender.jsonl");
    writeFileSync(before, history.slice(0, -1).map((l) => l + "\n").join(""));
    return { historyPath: before, appendHistory: false };
  }
  return { historyPath: join(dir, "history.jsonl"), appendHistory: true };
}

/** After a render that appended: notes the results folder and the line appended for it. */
export function recordRender(results, historyDir) {
  const dir = resolve(historyDir);
  const history = lines(dir);
  const id = fingerprint(results);
  if (id === null || history.length === 0 || state(dir).results === id) {
    return;
  }
  writeFileSync(stateFile(dir), JSON.stringify({ results: id, uuid: uuidOf(history[history.length - 1]) }) + "\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [command, results, historyDir] = process.argv.slice(2);
  if (command === "options") {
    console.log(JSON.stringify(historyOptions(results, historyDir)));
  } else if (command === "record") {
    recordRender(results, historyDir);
  } else {
    console.error("usage: node history.mjs options|record <results> <history-dir>");
    process.exit(2);
  }
}
