#!/usr/bin/env node
/**
 * Runs the built CLI over the Turkistan sample (every ruleset, several periods, a batch, every output format,
 * explain with its input cells, data check with its diagnostics) and writes each command's output and exit
 * code to OUT_DIR, one file per command (with `--out`, the CSV and Markdown reports it writes). Run it before and after a change to the data path and compare:
 *   node engine/scripts/sample-outputs.mjs /tmp/before && ...change, npm run build... &&
 *   node engine/scripts/sample-outputs.mjs /tmp/after && diff -r /tmp/before /tmp/after
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// ROOT: another checkout to run (e.g. the main branch's build, for the "before" outputs).
const root = process.env.ROOT ?? fileURLToPath(new URL("../..", import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error("usage: node engine/scripts/sample-outputs.mjs OUT_DIR");
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const R = "rules/turkistan";
const sets = {
  districts: ["2026-Q3", "2026-Q1", "2025-Q4", "2026-03", "2025-06"],
  departments: ["2026-Q2", "2026-Q3", "2026-Q1"],
  procurement: ["2026-03", "2026-06", "2026-09"],
};
const commands = [];
for (const [set, periods] of Object.entries(sets)) {
  const data = `${R}/${set}/sample-data`;
  for (const period of periods) {
    commands.push(["rate", `${R}/${set}`, "--data", data, "--period", period, "--format", "json"]);
    commands.push(["rate", `${R}/${set}`, "--data", data, "--period", period, "--out", "OUT"]);
    for (const lang of ["en", "ru", "kk"])
      commands.push(["rate", `${R}/${set}`, "--data", data, "--period", period, "--lang", lang]);
  }
  commands.push(["data", "check", `${R}/${set}`, "--data", data]);
  commands.push(["data", "check", `${R}/${set}`, "--data", data, "--format", "json"]);
}
const d = `${R}/districts/sample-data`;
commands.push(["rate", `${R}/districts`, "--data", d, "--from", "2024-Q1", "--to", "2026-Q4", "--format", "json"]);
commands.push(["rate", `${R}/districts`, "--data", d, "--from", "2025-Q1", "--to", "2026-Q3", "--lang", "en"]);
for (const unit of ["sairam", "arys", "turkistan"])
  commands.push(["explain", `${R}/districts`, unit, "--data", d, "--period", "2026-Q3", "--lang", "en"]);
commands.push(["explain", `${R}/districts`, "sairam", "--data", d, "--period", "2026-Q3", "--format", "json"]);
commands.push(["rate", `${R}/districts`, "--data", `${R}/districts/examples`, "--period", "2026-Q1", "--lang", "en"]);
commands.push(["data", "check", `${R}/districts`, "--data", `${R}/districts/examples`, d]);
const reports = ["rating.csv", "rating.md"];
for (const [i, args] of commands.entries()) {
  // Inside the checkout, under one name, so that the paths the CLI prints are the same in any checkout.
  const dir = join(root, ".sample-outputs-tmp");
  rmSync(dir, { recursive: true, force: true });
  const argv = args.map((a) => (a === "OUT" ? dir : a));
  const run = spawnSync(process.execPath, ["engine/bin/tarazy.js", ...argv], { cwd: root, encoding: "utf8" });
  const written = reports
    .filter((f) => existsSync(join(dir, f)))
    .map((f) => `--- ${f}\n${readFileSync(join(dir, f), "utf8")}`)
    .join("\n");
  rmSync(dir, { recursive: true, force: true });
  const name = `${String(i).padStart(3, "0")}-${args.filter((a) => !a.includes("/")).join("_")}.txt`;
  const stdout = run.stdout;
  writeFileSync(
    join(out, name),
    `$ tarazy ${args.join(" ")}\nexit ${run.status}\n${stdout}\n${written}\n--- stderr\n${run.stderr}`,
  );
}
console.log(`${commands.length} outputs in ${out}`);
