/**
 * The generated case of the scoring benchmark: a ruleset of 200 indicators in 10 blocks over 100 fields,
 * and 36 months (2024-2026) of data for any number of units, put straight into the store. Seeded, so every
 * run rates the same numbers and the result checksums can be compared (see scoring-bench.mjs).
 * Imports the built engine (run `tsc -b` first).
 */
import { DataStoreBuilder } from "../../engine/dist/data/store.js";
import { parseFormula } from "../../engine/dist/formula/parser.js";

export const INDICATORS = 200;
export const BLOCKS = 10;
export const FIELDS = 100;
export const YEARS = [2024, 2025, 2026];

const AT = {
  file: "generated.yaml",
  range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
};
const name = (id) => ({ kk: id, en: id });

export function mulberry32(seed) {
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

export function generatedRuleset(units) {
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
export function generatedStore(ruleset) {
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
