/**
 * The scoring benchmark's generated case (scoring-case.mjs: 200 indicators in 10 blocks over 100 fields, 36
 * months, seeded) written as real files, so that it can be rated as a user does, through the CLI:
 *   DIR/rules/1/     a version folder: ruleset.yaml, units.yaml, fields.yaml, blocks/b0.yaml .. b9.yaml
 *   DIR/data/        wide CSV files, one per year (2024.csv ..): unit,period,f0..f99, values with 2 decimals
 * The same random sequence as generatedStore, so the values are those of the in-process case rounded to
 * 2 decimals (as statistics are published). The layout is the one ../shared/bench-peers reads too.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BLOCKS, FIELDS, generatedRuleset, mulberry32, YEARS } from "./scoring-case.mjs";

const text = (id) => `{ kk: ${id}, ru: ${id}, en: ${id} }`;

function indicatorYaml(ind) {
  const s = ind.score;
  let score;
  if (s.method === "goalposts") score = `{ method: goalposts, min: ${s.min}, max: ${s.max} }`;
  else if (s.method === "achievement") score = `{ method: achievement, plan: "${s.plan.text}", cap: ${s.cap} }`;
  else if (s.method === "zscore") score = `{ method: zscore, clip: ${s.clip} }`;
  else if (s.method === "bands") {
    // Bands of a `better: lower` indicator are upper bounds (the rule format asks so).
    score =
      ind.better === "lower"
        ? "{ method: bands, bands: [{ max: 90, score: 1 }, { max: 100, score: 0.5 }, { score: 0 }] }"
        : "{ method: bands, bands: [{ min: 100, score: 1 }, { min: 90, score: 0.5 }, { score: 0 }] }";
  } else score = `{ method: ${s.method} }`;
  return [
    `  - id: ${ind.id}`,
    `    name: ${text(ind.id)}`,
    `    formula: ${ind.formula.text}`,
    `    better: ${ind.better}`,
    "    frequency: quarter",
    "    source: unit",
    `    weight: ${ind.weight}`,
    ...(ind.missing ? [`    missing: ${ind.missing}`] : []),
    `    score: ${score}`,
  ].join("\n");
}

function rulesFiles(ruleset) {
  const files = {
    "ruleset.yaml": [
      `ruleset: ${ruleset.id}`,
      `version: "${ruleset.version}"`,
      `effective: { from: ${ruleset.effective.from} }`,
      `title: ${text(ruleset.id)}`,
      `scale: ${ruleset.scale}`,
      "unit_kinds: [district]",
      "include: [units.yaml, fields.yaml, blocks/]",
      "policies:",
      `  missing: ${ruleset.missing}`,
      `  rank: { round: ${ruleset.rank.round}, ties: ${ruleset.rank.ties} }`,
      "grades:",
      ...ruleset.grades.map((g) => `  - { id: ${g.id}, min: ${g.min}, color: "${g.color}", label: ${text(g.id)} }`),
      "ratings:",
      ...ruleset.ratings.map(
        (r) => `  - { id: ${r.id}, title: ${text(r.id)}, frequency: ${r.frequency}, blocks: all }`,
      ),
    ],
    "units.yaml": [
      "units:",
      ...ruleset.units.map(
        (u) =>
          `  - { id: ${u.id}, name: ${text(u.id)}, kind: district, attributes: { population: ${u.attributes.population} } }`,
      ),
    ],
    "fields.yaml": [
      "fields:",
      ...ruleset.fields.map(
        (f) =>
          `  - { id: ${f.id}, name: ${text(f.id)}, frequency: month, aggregate: ${f.aggregate}, cumulative: ${f.cumulative}, source: unit }`,
      ),
    ],
  };
  for (const b of ruleset.blocks) {
    files[`blocks/${b.id}.yaml`] = [
      `block: ${b.id}`,
      `name: ${text(b.id)}`,
      `weight: ${b.weight}`,
      `aggregation: ${b.aggregation}`,
      "indicators:",
      ...b.indicators.map(indicatorYaml),
    ];
  }
  return files;
}

/** Month values by field, unit and month (NaN absent), drawn as generatedStore draws them. */
export function scaleValues(units) {
  const random = mulberry32(20261126);
  const months = YEARS.length * 12;
  const values = Array.from({ length: FIELDS }, () => new Float64Array(units * months));
  for (let f = 0; f < FIELDS; f++) {
    const cumulative = f % 2 === 0;
    for (let u = 0; u < units; u++) {
      const base = 50 + 100 * random();
      let running = 0;
      for (let m = 0; m < months; m++) {
        if (m % 12 === 0) running = 0;
        const flow = base * (0.8 + 0.4 * random());
        running += flow;
        values[f][u * months + m] = random() < 0.005 ? Number.NaN : cumulative ? running : flow;
      }
    }
  }
  return values;
}

/** Writes the case for `units` units under `dir` (replacing what is there); returns the two folders. */
export function writeScaleCase(dir, units) {
  rmSync(dir, { recursive: true, force: true });
  const ruleset = generatedRuleset(units);
  const rules = join(dir, "rules", "1");
  mkdirSync(join(rules, "blocks"), { recursive: true });
  for (const [name, lines] of Object.entries(rulesFiles(ruleset)))
    writeFileSync(join(rules, name), `${lines.join("\n")}\n`);
  const data = join(dir, "data");
  mkdirSync(data, { recursive: true });
  const values = scaleValues(units);
  const months = YEARS.length * 12;
  const header = `unit,period,${ruleset.fields.map((f) => f.id).join(",")}\n`;
  YEARS.forEach((year, y) => {
    const rows = [header];
    for (let u = 0; u < units; u++) {
      for (let m = 0; m < 12; m++) {
        const at = u * months + y * 12 + m;
        const cells = values.map((v) => {
          const x = v[at];
          return Number.isNaN(x) ? "" : x.toFixed(2);
        });
        rows.push(`${ruleset.units[u].id},${year}-${String(m + 1).padStart(2, "0")},${cells.join(",")}\n`);
      }
    }
    writeFileSync(join(data, `${year}.csv`), rows.join(""));
  });
  return { rules, data, ruleset, cells: units * FIELDS * months, blocks: BLOCKS };
}
