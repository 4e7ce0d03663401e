#!/usr/bin/env node
/**
 * The limit for the scale benchmark: a hand-written plain-JavaScript reader and rater of the generated case
 * (scale-files.mjs) for one quarter, with typed arrays and nothing general. It knows the case's rules from
 * scoring-case.mjs, as a program written for one ruleset would, and reads the CSV files the CLI reads.
 * Same computation as docs/scoring.md for what the case uses: quarter and ytd values from months (running
 * totals for cumulative fields), prev_year, goalposts, achievement, minmax, zscore, rank and bands, the
 * missing policies, arithmetic, geometric and min blocks with weights rescaled over the blocks with data, the
 * ranking key rounded to 2 decimals with competition ties, and the grades.
 *
 * Usage: node bench/lib/plain-rater.mjs RULES_DIR DATA_DIR UNITS [--period 2026-Q4] [--json OUT]
 * Prints on stderr: PLAIN {"readMs":..,"rateMs":..}
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FIELDS, generatedRuleset } from "./scoring-case.mjs";

const t0 = performance.now();
const [, , , dataDir, unitsArg, ...rest] = process.argv;
const option = (name, fallback) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : fallback);
const [year, quarter] = option("--period", "2026-Q4").split("-Q").map(Number);
const U = Number(unitsArg);
const ruleset = generatedRuleset(U);

// ---- read: grid[f][u * months + m], NaN when absent ----
const files = readdirSync(dataDir)
  .filter((n) => n.endsWith(".csv"))
  .sort();
const firstYear = Number(files[0].slice(0, 4));
const months = files.length * 12;
const grid = Array.from({ length: FIELDS }, () => new Float64Array(U * months).fill(Number.NaN));
const unitOf = new Map(ruleset.units.map((u, i) => [u.id, i]));

/** The number in text[from, to): digits with an optional sign and decimal point. */
function number(text, from, to) {
  let i = from;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  let value = 0;
  let scale = 1;
  let point = false;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) point = true;
    else {
      value = value * 10 + (c - 48);
      if (point) scale *= 10;
    }
  }
  return (negative ? -value : value) / scale;
}

for (const name of files) {
  const text = readFileSync(join(dataDir, name), "utf8");
  let i = text.indexOf("\n") + 1;
  while (i < text.length) {
    const comma = text.indexOf(",", i);
    const unit = unitOf.get(text.slice(i, comma));
    const y = Number(text.slice(comma + 1, comma + 5));
    const m = Number(text.slice(comma + 6, comma + 8));
    const at = unit * months + (y - firstYear) * 12 + m - 1;
    i = comma + 9;
    for (let f = 0; f < FIELDS; f++) {
      let end = i;
      for (let c = text.charCodeAt(end); c !== 44 && c !== 10 && end < text.length; c = text.charCodeAt(++end));
      if (end > i) grid[f][at] = number(text, i, end);
      i = end + 1;
    }
  }
}
const readMs = performance.now() - t0;

// ---- field values of a quarter (q 1-4 of year y) and the ytd at its end, for every unit ----
const isCumulative = (f) => f % 2 === 0;
const isMean = (f) => f % 5 === 4;
function quarterValues(f, y, q) {
  const out = new Float64Array(U).fill(Number.NaN);
  const end = (y - firstYear) * 12 + q * 3 - 1;
  if (end - 2 < 0 || end >= months) return out;
  const g = grid[f];
  for (let u = 0; u < U; u++) {
    const at = u * months + end;
    const total = isCumulative(f) ? g[at] - (q === 1 ? 0 : g[at - 3]) : g[at - 2] + g[at - 1] + g[at];
    out[u] = isMean(f) ? total / 3 : total;
  }
  return out;
}
function ytdValues(f, y, q) {
  const out = new Float64Array(U).fill(Number.NaN);
  const start = (y - firstYear) * 12;
  const end = start + q * 3 - 1;
  if (start < 0 || end >= months) return out;
  const g = grid[f];
  for (let u = 0; u < U; u++) {
    let total = 0;
    if (isCumulative(f)) total = g[u * months + end];
    else for (let m = start; m <= end; m++) total += g[u * months + m];
    out[u] = isMean(f) ? total / (q * 3) : total;
  }
  return out;
}

// ---- indicator values and scores ----
const fieldIndex = (id) => Number(id.slice(1));
function indicatorValues(ind) {
  const t = ind.formula.text;
  const ratio = /^(f\d+) \/ (f\d+) \* 100$/.exec(t);
  const ytd = /^ytd\((f\d+)\)$/.exec(t);
  const change = /^(f\d+) - prev_year\(f\d+\)$/.exec(t);
  const perCapita = /^(f\d+) \/ unit\.population \* 1000$/.exec(t);
  if (ratio) {
    const a = quarterValues(fieldIndex(ratio[1]), year, quarter);
    const b = quarterValues(fieldIndex(ratio[2]), year, quarter);
    return a.map((x, u) => (b[u] === 0 ? Number.NaN : (x / b[u]) * 100));
  }
  if (ytd) return ytdValues(fieldIndex(ytd[1]), year, quarter);
  if (change) {
    const f = fieldIndex(change[1]);
    const before = quarterValues(f, year - 1, quarter);
    return quarterValues(f, year, quarter).map((x, u) => x - before[u]);
  }
  if (perCapita) {
    const a = quarterValues(fieldIndex(perCapita[1]), year, quarter);
    return a.map((x, u) => (x / ruleset.units[u].attributes.population) * 1000);
  }
  return quarterValues(fieldIndex(t), year, quarter);
}

const clamp01 = (x) => Math.min(1, Math.max(0, x));
/** Scores (NaN: no score) of one indicator's values. */
function scores(ind, values) {
  const higher = ind.better === "higher";
  const s = ind.score;
  const known = values.filter((v) => !Number.isNaN(v));
  const n = known.length;
  let lo = Math.min(...known);
  let hi = Math.max(...known);
  if (n === 0) [lo, hi] = [0, 0];
  const mean = known.reduce((a, v) => a + v, 0) / Math.max(1, n);
  const dev = Math.sqrt(known.reduce((a, v) => a + (v - mean) ** 2, 0) / Math.max(1, n));
  const plan =
    s.method === "achievement" ? ytdValues(fieldIndex(/ytd\((f\d+)\)/.exec(s.plan.text)[1]), year, quarter) : undefined;
  return values.map((v, u) => {
    if (Number.isNaN(v)) return Number.NaN;
    switch (s.method) {
      case "goalposts": {
        const up = v >= s.max ? 1 : v <= s.min ? 0 : (v - s.min) / (s.max - s.min);
        return clamp01(higher ? up : 1 - up);
      }
      case "achievement": {
        const p = plan[u];
        if (Number.isNaN(p)) return Number.NaN;
        const capped = (r) => (r >= s.cap ? 1 : r <= 0 ? 0 : r / s.cap);
        if (higher) return p <= 0 ? Number.NaN : capped(v / p);
        if (p < 0) return Number.NaN;
        return v <= 0 ? 1 : p === 0 ? 0 : capped(p / v);
      }
      case "minmax":
        return hi === lo ? 1 : clamp01(higher ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo));
      case "zscore": {
        if (!(dev > 0) || v === mean) return 0.5;
        const z = Math.max(-s.clip, Math.min(s.clip, ((v - mean) / dev) * (higher ? 1 : -1)));
        return clamp01((z + s.clip) / (2 * s.clip));
      }
      case "rank": {
        if (n <= 1) return 1;
        let better = 0;
        let equal = 0;
        for (const x of known) {
          if (x === v) equal++;
          else if (higher ? x > v : x < v) better++;
        }
        return clamp01((n - (better + (equal + 1) / 2)) / (n - 1));
      }
      default:
        if (higher) return v >= 100 ? 1 : v >= 90 ? 0.5 : 0;
        return v <= 90 ? 1 : v <= 100 ? 0.5 : 0;
    }
  });
}

// ---- blocks, totals, ranking ----
const scale = ruleset.scale;
const blockPoints = ruleset.blocks.map((block) => {
  const rows = block.indicators.map((ind) => ({ ind, score: scores(ind, indicatorValues(ind)) }));
  return { block, rows };
});
const results = ruleset.units.map((unit, u) => {
  const blocks = blockPoints.map(({ block, rows }) => {
    const counted = rows.filter(({ ind, score }) => !Number.isNaN(score[u]) || ind.missing !== "exclude");
    const weights = counted.reduce((a, { ind }) => a + ind.weight, 0);
    return { block, counted, weights };
  });
  const live = blocks.reduce((a, b) => a + (b.counted.length > 0 ? b.block.weight : 0), 0);
  const points = {};
  let total = 0;
  for (const { block, counted, weights } of blocks) {
    if (counted.length === 0 || live === 0) {
      points[block.id] = 0;
      continue;
    }
    const weight = (block.weight * scale) / live;
    const sc = counted.map(({ ind, score }) => ({ w: ind.weight / weights, s: Number.isNaN(score[u]) ? 0 : score[u] }));
    let p;
    if (block.aggregation === "min") p = weight * Math.min(...sc.map((x) => x.s));
    else if (block.aggregation === "geometric")
      p = sc.some((x) => x.s <= 0) ? 0 : weight * Math.exp(sc.reduce((a, x) => a + x.w * Math.log(x.s), 0));
    else p = sc.reduce((a, x) => a + x.s * weight * x.w, 0);
    points[block.id] = Math.min(weight, Math.max(0, p));
    total += points[block.id];
  }
  return { unit: unit.id, score: Math.min(scale, Math.max(0, total)), blocks: points };
});
const round2 = (x) => (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9)) / 100;
for (const r of results) r.rankedScore = round2(r.score);
results.sort((a, b) => b.rankedScore - a.rankedScore || (a.unit < b.unit ? -1 : 1));
results.forEach((r, i) => {
  const before = results[i - 1];
  r.rank = before && before.rankedScore === r.rankedScore ? before.rank : i + 1;
  r.grade = ruleset.grades.find((g) => r.rankedScore >= g.min)?.id;
});
const rateMs = performance.now() - t0 - readMs;
const json = option("--json", undefined);
if (json) writeFileSync(json, JSON.stringify({ period: `${year}-Q${quarter}`, results }));
process.stderr.write(`PLAIN ${JSON.stringify({ readMs, rateMs })}\n`);
