/**
 * The scoring benchmark (docs/benchmarks.md, "Scoring"):
 *   1. the Turkistan districts ruleset and its sample data, one quarter, in process: load, read, store,
 *      compile and rate, each timed (goal: rating well under 100 ms);
 *   2. a generated case of 3,000 units x 200 indicators x 36 months of data: one quarter, and all 12
 *      quarters as one batch (goal: under 10 s on one core, under 1.5 GB), with 750 and 1,500 units to show
 *      linear growth. Each size runs in its own process so its memory reading is its own.
 * Imports the built engine (run `tsc -b` first; `npm run bench` does).
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readDataFiles } from "../engine/dist/data/load-data.js";
import { buildDataStore, DataStoreBuilder } from "../engine/dist/data/store.js";
import { parseFormula } from "../engine/dist/formula/parser.js";
import { loadRuleset } from "../engine/dist/rules/load.js";
import { defaultFormulaCompiler } from "../engine/dist/scoring/compiler.js";
import { rate } from "../engine/dist/scoring/engine.js";
import { Evaluator } from "../engine/dist/scoring/evaluator.js";
import { prepareRuleset } from "../engine/dist/scoring/prepare.js";
import { markdownTable, timePass } from "./lib/measure.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

// ---- 1. Turkistan districts, 2026-Q3 ----

async function turkistan() {
  const family = join(ROOT, "rules/turkistan/districts");
  const sample = join(family, "sample-data");
  const data = [
    ...readdirSync(sample)
      .filter((n) => n.endsWith(".csv"))
      .map((n) => join(sample, n)),
    join(sample, "only-2026.1"),
  ];
  const period = { kind: "quarter", year: 2026, index: 3 };
  const loadMs = timePass(() => loadRuleset(family, { period: "2026-Q3" }));
  const { ruleset } = loadRuleset(family, { period: "2026-Q3" });
  if (!ruleset) throw new Error("the Turkistan ruleset does not load");
  let read;
  const t0 = performance.now();
  read = await readDataFiles(data, ruleset);
  const readMs = performance.now() - t0;
  for (let i = 0; i < 2; i++) read = await readDataFiles(data, ruleset);
  const storeMs = timePass(() => buildDataStore(ruleset, read.observations));
  const { store } = buildDataStore(ruleset, read.observations);
  const prepareMs = timePass(() => prepareRuleset(ruleset, defaultFormulaCompiler));
  const { prepared } = prepareRuleset(ruleset, defaultFormulaCompiler);
  const request = { rating: "quarterly", period };
  for (let i = 0; i < 20; i++) rate(prepared, store, request); // warm both paths up before timing either
  const rateMs = timePass(() => rate(prepared, store, { ...request, previous: "none" }));
  const withPreviousMs = timePass(() => rate(prepared, store, request));
  const check = rate(prepared, store, request);
  if (check.result?.results.length !== 17) throw new Error("the Turkistan rating failed");
  const indicators = ruleset.blocks.reduce((s, b) => s + b.indicators.length, 0);
  console.log(
    `Turkistan districts 2026.1, 2026-Q3: ${ruleset.units.length} units, ${indicators} indicators, ${ruleset.fields.length} fields, ${read.observations.length} observations\n`,
  );
  console.log(
    markdownTable(
      ["step", "ms"],
      [
        ["load and check the ruleset (YAML, schema, formulas)", ms(loadMs)],
        ["read the sample data (CSV, first read)", ms(readMs)],
        ["build the data store", ms(storeMs)],
        ["compile the formulas", ms(prepareMs)],
        ["rate the quarter", ms(rateMs)],
        ["rate the quarter and the previous one (rank change)", ms(withPreviousMs)],
      ],
      [false, true],
    ),
  );
}

// ---- 2. A generated case ----

const INDICATORS = 200;
const BLOCKS = 10;
const FIELDS = 100;
const YEARS = [2024, 2025, 2026];
const AT = {
  file: "generated.yaml",
  range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
};
const name = (id) => ({ kk: id, en: id });

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function formula(text) {
  const { ast, diagnostics } = parseFormula(text);
  if (!ast || diagnostics.length > 0) throw new Error(`${text}: ${diagnostics[0]?.message}`);
  return { text, at: AT, ast };
}

/** Indicator k: a mix of the formulas and score methods a real ruleset has. */
function indicator(k, block) {
  const a = `f${k % FIELDS}`;
  const b = `f${(k * 7 + 3) % FIELDS}`;
  const kind = k % 20;
  let text;
  let score;
  if (kind < 8) [text, score] = [`${a} / ${b} * 100`, { method: "goalposts", min: 50, max: 150, transform: "none" }];
  else if (kind < 12) [text, score] = [`ytd(${a})`, { method: "achievement", plan: formula(`ytd(${b})`), cap: 1.2 }];
  else if (kind < 15) [text, score] = [`${a} - prev_year(${a})`, { method: "minmax" }];
  else if (kind < 17) [text, score] = [a, { method: "zscore", clip: 2 }];
  else if (kind < 19) [text, score] = [`${a} / unit.population * 1000`, { method: "rank" }];
  else {
    const bands = [
      { min: 100, score: 1, at: AT },
      { min: 90, score: 0.5, at: AT },
      { score: 0, at: AT },
    ];
    [text, score] = [`${a} / ${b} * 100`, { method: "bands", bands }];
  }
  return {
    id: `i${k}`,
    block,
    name: name(`i${k}`),
    measure: "",
    formula: formula(text),
    better: k % 9 === 0 ? "lower" : "higher",
    score,
    weight: 1 + (k % 3),
    frequency: "quarter",
    source: "unit",
    ...(k % 10 === 5 ? { missing: "exclude" } : {}),
    at: AT,
  };
}

function generatedRuleset(units) {
  const perBlock = INDICATORS / BLOCKS;
  const blocks = Array.from({ length: BLOCKS }, (_, b) => ({
    id: `b${b}`,
    name: name(`b${b}`),
    weight: 5 + b,
    aggregation: b === 0 ? "geometric" : b === 1 ? "min" : "arithmetic",
    indicators: Array.from({ length: perBlock }, (_, i) => indicator(b * perBlock + i, `b${b}`)),
    at: AT,
  }));
  const scale = blocks.reduce((s, b) => s + b.weight, 0);
  return {
    id: "generated",
    version: "1",
    effective: { from: "2024-01" },
    title: name("generated"),
    scale,
    unitKinds: ["district"],
    missing: "zero",
    rank: { round: 2, ties: "competition" },
    grades: [
      { id: "green", min: scale * 0.8, label: name("green"), color: "#2e7d32" },
      { id: "red", min: 0, label: name("red"), color: "#c62828" },
    ],
    ratings: [
      { id: "quarterly", title: name("quarterly"), frequency: "quarter", blocks: blocks.map((b) => b.id), at: AT },
    ],
    units: Array.from({ length: units }, (_, u) => ({
      id: `u${String(u).padStart(4, "0")}`,
      name: name(`u${u}`),
      kind: "district",
      attributes: { population: 20_000 + ((u * 7919) % 180_000) },
      aliases: [],
      at: AT,
    })),
    fields: Array.from({ length: FIELDS }, (_, f) => ({
      id: `f${f}`,
      name: name(`f${f}`),
      measure: "",
      aggregate: f % 5 === 4 ? "mean" : "sum",
      cumulative: f % 2 === 0,
      source: "unit",
      frequency: "month",
      at: AT,
    })),
    blocks,
    root: "generated",
    hash: "generated",
    at: AT,
  };
}

/** 36 months of every field for every unit (running totals for cumulative fields); 0.5% of cells absent. */
function generatedStore(ruleset) {
  const random = mulberry32(20261126);
  const builder = new DataStoreBuilder(ruleset, YEARS[0], YEARS.at(-1));
  const months = YEARS.flatMap((year) => Array.from({ length: 12 }, (_, m) => ({ kind: "month", year, index: m + 1 })));
  ruleset.fields.forEach((field, f) => {
    for (let u = 0; u < ruleset.units.length; u++) {
      const base = 50 + 100 * random();
      let running = 0;
      for (const month of months) {
        if (month.index === 1) running = 0;
        const flow = base * (0.8 + 0.4 * random());
        running += flow;
        if (random() < 0.005) continue;
        builder.set(f, u, month, field.cumulative ? running : flow);
      }
    }
  });
  return builder.build();
}

function generatedCase(units) {
  const ruleset = generatedRuleset(units);
  const t0 = performance.now();
  const store = generatedStore(ruleset);
  const storeMs = performance.now() - t0;
  const t1 = performance.now();
  const { prepared, diagnostics } = prepareRuleset(ruleset, defaultFormulaCompiler);
  if (!prepared) throw new Error(diagnostics[0]?.message);
  const prepareMs = performance.now() - t1;
  const quarter = { kind: "quarter", year: 2026, index: 4 };
  const t2 = performance.now();
  const one = rate(prepared, store, { rating: "quarterly", period: quarter, previous: "none" });
  const quarterMs = performance.now() - t2;
  if (!one.result) throw new Error(one.diagnostics[0]?.message);
  // All 12 quarters as a batch: one evaluator (values of earlier periods computed once), each quarter's
  // rank change from the one before it, only the latest result kept (as a report writer would stream them).
  const evaluator = new Evaluator(
    prepared,
    store,
    ruleset.units.map((_, i) => i),
  );
  let previous = "none";
  const t3 = performance.now();
  for (const year of YEARS) {
    for (let q = 1; q <= 4; q++) {
      const run = rate(prepared, store, {
        rating: "quarterly",
        period: { kind: "quarter", year, index: q },
        previous,
        evaluator,
      });
      if (!run.result) throw new Error(run.diagnostics[0]?.message);
      previous = run.result;
    }
  }
  const batchMs = performance.now() - t3;
  const usage = process.memoryUsage();
  return {
    units,
    cells: units * FIELDS * 36,
    storeMs,
    prepareMs,
    quarterMs,
    batchMs,
    heapUsed: usage.heapUsed,
    rss: usage.rss,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
}

// ---- main ----

const sizeArg = process.argv.indexOf("--units");
if (sizeArg > 0) {
  // A child process: one size, its readings as JSON on stdout.
  console.log(JSON.stringify(generatedCase(Number(process.argv[sizeArg + 1]))));
} else {
  console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores\n`);
  await turkistan();
  console.log(
    `\nGenerated: units x ${INDICATORS} indicators in ${BLOCKS} blocks, ${FIELDS} fields x 36 months (2024-2026)\n`,
  );
  const rows = [];
  // The last run caps the heap: the case fits in it, so the peak RSS above it is V8 collecting lazily.
  const runs = [
    { units: 750, flags: [] },
    { units: 1500, flags: [] },
    { units: 3000, flags: [] },
    { units: 3000, flags: ["--max-old-space-size=700"] },
  ];
  for (const { units, flags } of runs) {
    const child = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), "--units", String(units)], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) {
      console.error(child.stderr);
      throw new Error(`the generated case with ${units} units failed`);
    }
    const r = JSON.parse(child.stdout.trim().split("\n").at(-1));
    rows.push([
      flags.length > 0 ? `${units}, heap ≤ 700 MB` : String(units),
      `${(r.cells / 1e6).toFixed(1)} M`,
      ms(r.storeMs),
      ms(r.prepareMs),
      ms(r.quarterMs),
      ms(r.batchMs),
      mb(r.heapUsed),
      mb(r.maxRss),
    ]);
  }
  console.log(
    markdownTable(
      [
        "units",
        "data cells",
        "build store ms",
        "compile ms",
        "rate 1 quarter ms",
        "rate 12 quarters ms",
        "heap after",
        "peak RSS",
      ],
      rows,
      [true, true, true, true, true, true, true, true],
    ),
  );
}
