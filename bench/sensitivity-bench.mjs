/**
 * The sensitivity benchmark (docs/benchmarks.md, "Sensitivity"): `tarazy sensitivity` over the Turkistan
 * districts, 2026-Q3, with rules/sensitivity/turkistan-districts.yaml (5 assumptions, N = 1,000:
 * 7,000 ratings), (1) from the CLI, start to end, and (2) the analysis alone in process, after the rating.
 * Goal: a couple of seconds. Fails when two runs of the same seed differ (the analysis must be deterministic).
 * Imports the built engine (`npm run bench` builds it).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rateCommandCore } from "../engine/dist/cli/rating-session.js";
import { ratingBlocks } from "../engine/dist/methodology/effective-weights.js";
import { analyseSensitivity } from "../engine/dist/sensitivity/analysis.js";
import { readAssumptions } from "../engine/dist/sensitivity/read-assumptions.js";
import { markdownTable } from "./lib/measure.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FILE = join(ROOT, "rules/sensitivity/turkistan-districts.yaml");
const ARGS = [
  "sensitivity",
  "rules/turkistan/districts",
  "--data",
  "rules/turkistan/districts/sample-data",
  "--period",
  "2026-Q3",
  "--assumptions",
  FILE,
  "--format",
  "json",
];

function cli() {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [join(ROOT, "engine/bin/tarazy.js"), ...ARGS], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`tarazy sensitivity failed: ${run.stderr}`);
  return { ms, stdout: run.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cliRuns = [cli(), cli(), cli()];
if (new Set(cliRuns.map((r) => r.stdout)).size !== 1) throw new Error("two runs of the same seed differ");

const batch = await rateCommandCore({
  ruleset: "rules/turkistan/districts",
  data: ["rules/turkistan/districts/sample-data"],
  periods: [{ kind: "quarter", year: 2026, index: 3 }],
  cwd: ROOT,
});
const rated = batch.rated[0];
if (!rated) throw new Error("the Turkistan districts do not rate");
const blocks = ratingBlocks(rated.version.ruleset, rated.run.rating).map((b) => b.id);
const { settings } = readAssumptions(FILE, readFileSync(FILE, "utf8"), blocks);
if (!settings) throw new Error("the assumptions file does not read");
const inProcess = [];
const cpu = [];
for (let i = 0; i < 7; i++) {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  analyseSensitivity(rated.version.ruleset, rated.run, settings);
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1000);
  inProcess.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const ratings = settings.runs * (settings.assumptions.length + 2);
const analysisMs = median(inProcess);
console.log(
  markdownTable(
    ["step (Turkistan districts, 2026-Q3, N = 1,000, 5 assumptions)", "ms"],
    [
      ["`tarazy sensitivity` from the CLI, start to end (median of 3)", median(cliRuns.map((r) => r.ms)).toFixed(0)],
      [`the analysis alone: ${ratings} ratings (median of 7), wall`, analysisMs.toFixed(0)],
      ["the same, CPU time (less sensitive to a loaded machine)", median(cpu).toFixed(0)],
      ["one rating recomputed from the rounds, CPU", `${((median(cpu) * 1000) / ratings).toFixed(1)} µs`],
    ],
    [false, true],
  ),
);
