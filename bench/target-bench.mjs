/**
 * The what-it-takes benchmark (docs/benchmarks.md, "What it takes"): `tarazy explain --target` over the
 * Turkistan districts, 2026-Q3, (1) from the CLI, start to end, for Kentau to rank 2, beside `tarazy
 * explain` without a target (loading and one rating: what the target adds is the difference), and (2) in
 * process, after loading, for every district to one rank up, with the ratings each needed. Goal: a few
 * seconds per unit. Imports the built engine (`npm run bench` builds it).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rateCommandCore } from "../engine/dist/cli/rating-session.js";
import { whatItTakes } from "../engine/dist/whatif/target.js";
import { markdownTable } from "./lib/measure.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BASE = ["rules/turkistan/districts", "kentau", "--data", "rules/turkistan/districts/sample-data"];
const ARGS = ["explain", ...BASE, "--period", "2026-Q3", "--format", "json"];

function cli(args) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [join(ROOT, "engine/bin/tarazy.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`tarazy ${args.join(" ")} failed: ${run.stderr}`);
  return { ms, stdout: run.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const targeted = [0, 1, 2].map(() => cli([...ARGS, "--target", "rank:2"]));
if (new Set(targeted.map((r) => r.stdout)).size !== 1) throw new Error("two runs of the same target differ");
const plain = [0, 1, 2].map(() => cli(ARGS));

const period = { kind: "quarter", year: 2026, index: 3 };
const batch = await rateCommandCore({
  ruleset: "rules/turkistan/districts",
  data: ["rules/turkistan/districts/sample-data"],
  periods: [period],
  cwd: ROOT,
});
const rated = batch.rated[0];
if (!rated) throw new Error("the Turkistan districts do not rate");
const perUnit = [];
let rated_ = 0;
let fast = 0;
for (const r of rated.result.results.filter((x) => x.rank > 1)) {
  const start = process.hrtime.bigint();
  const report = whatItTakes({
    prepared: rated.version.prepared,
    store: rated.version.store,
    rating: rated.result.rating,
    period,
    unit: r.unit,
    target: { kind: "rank", rank: Math.ceil(r.rank) - 1 },
  });
  perUnit.push(Number(process.hrtime.bigint() - start) / 1e6);
  rated_ += report.ratings.rated;
  fast += report.ratings.fast;
}
const n = perUnit.length;
console.log(
  markdownTable(
    ["step (Turkistan districts, 2026-Q3)", "ms"],
    [
      [
        "`tarazy explain kentau --target rank:2` from the CLI, start to end (median of 3)",
        median(targeted.map((r) => r.ms)).toFixed(0),
      ],
      ["`tarazy explain kentau` without a target (median of 3)", median(plain.map((r) => r.ms)).toFixed(0)],
      [`in process, each of ${n} districts to one rank up: median per unit`, median(perUnit).toFixed(0)],
      ["the same, slowest unit", Math.max(...perUnit).toFixed(0)],
      ["ratings per unit: full (`rate`) / fast, mean", `${(rated_ / n).toFixed(0)} / ${(fast / n).toFixed(0)}`],
    ],
    [false, true],
  ),
);
