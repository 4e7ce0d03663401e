/**
 * `npm run bench`: runs every bench/*-bench.mjs in name order, each in its own Node process so one
 * benchmark's JIT state and heap do not colour the next. Fails when any benchmark fails (for example
 * when engines disagree on results).
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const benchmarks = readdirSync(here)
  .filter((name) => name.endsWith("-bench.mjs"))
  .sort();

let failed = 0;
for (const name of benchmarks) {
  console.log(`\n=== ${name} ===\n`);
  const result = spawnSync(process.execPath, [join(here, name)], { stdio: "inherit" });
  if (result.status !== 0) {
    failed++;
    console.error(`${name} failed (${result.signal ?? `exit code ${result.status}`})`);
  }
}
if (benchmarks.length === 0) console.log("no benchmarks in bench/");
process.exitCode = failed > 0 ? 1 : 0;
