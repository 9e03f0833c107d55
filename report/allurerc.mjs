// Allure 3 configuration for Conformance reports (read by `npx allure generate` run from this folder; see render.sh).
// - history: ./history/history.jsonl is kept between nightly runs (gitignored; CI caches the folder) so trends build up;
//   a results folder rendered again (multi-file, then --single-file) reads it as before its first render and adds no line.
// - categories: the framework writes them to <results>/categories.json (Reporting/Allure/AllureCategories.cs);
//   they are read from there so the C# messages and the regexes never drift apart.
// - no analytics: the awesome template embeds a Google Analytics tag unconditionally; render.sh strips it after generation.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "allure";
import { historyOptions } from "./history.mjs";

const results = process.env.CONFORMANCE_ALLURE_RESULTS;
const categoriesFile = results ? join(results, "categories.json") : undefined;
const categories = categoriesFile && existsSync(categoriesFile) ? JSON.parse(readFileSync(categoriesFile, "utf8")) : undefined;
// One history line per results folder, however often it is rendered (history.mjs).
const history = results ? historyOptions(results, "./history") : { historyPath: "./history/history.jsonl", appendHistory: true };

export default defineConfig({
  name: "Conformance",
  output: process.env.CONFORMANCE_ALLURE_OUTPUT ?? "./allure-report",
  historyPath: history.historyPath,
  appendHistory: history.appendHistory,
  historyLimit: 60,
  ...(categories ? { categories: { rules: categories } } : {}),
  plugins: {
    awesome: {
      options: {
        reportName: "Conformance",
        reportLanguage: "en",
        singleFile: process.env.CONFORMANCE_ALLURE_SINGLE_FILE === "true",
        groupBy: ["parentSuite", "suite", "subSuite"],
      },
    },
  },
});
