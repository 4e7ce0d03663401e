/**
 * A generated ruleset for the language-server benchmark: 5,000 indicators in 50 block files over 1,000
 * fields and 20 units, written as YAML rule files (valid: `tarazy validate` passes on it).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const BLOCK_FILES = 50;
export const PER_BLOCK = 100;
export const FIELDS = 1000;
const SCHEMA = "# yaml-language-server: $schema=SCHEMA\n";

export function writeGeneratedRuleset(folder, schemaPath) {
  const header = SCHEMA.replace("SCHEMA", schemaPath);
  const version = join(folder, "2026.1");
  mkdirSync(join(version, "blocks"), { recursive: true });
  writeFileSync(
    join(version, "ruleset.yaml"),
    `${header}ruleset: generated
version: "2026.1"
effective: { from: 2026-01 }
title: { kk: Жасалған рейтинг, en: Generated rating }
scale: 100
unit_kinds: [district]
include: [units.yaml, fields.yaml, blocks/]
policies:
  missing: zero
  rank: { round: 2, ties: competition }
grades:
  - { id: green, min: 75, color: "#2e7d32", label: { kk: Жасыл аймақ, en: Green zone } }
  - { id: red, min: 0, color: "#c62828", label: { kk: Қызыл аймақ, en: Red zone } }
ratings:
  - id: quarterly
    title: { kk: Тоқсандық рейтинг, en: Quarterly rating }
    frequency: quarter
    blocks: all
`,
  );
  const units = Array.from(
    { length: 20 },
    (_, u) =>
      `  - id: u${u}\n    name: { kk: Аудан ${u}, en: District ${u} }\n    kind: district\n    attributes: { population: ${20000 + u * 1000} }\n`,
  );
  writeFileSync(join(version, "units.yaml"), `${header}units:\n${units.join("")}`);
  const fields = Array.from(
    { length: FIELDS },
    (_, f) =>
      `  - id: f${f}\n    name: { kk: Дерек ${f}, en: Field ${f} }\n    measure: count\n    frequency: month\n    aggregate: sum\n`,
  );
  writeFileSync(join(version, "fields.yaml"), `${header}fields:\n${fields.join("")}`);
  const files = [];
  for (let b = 0; b < BLOCK_FILES; b++) {
    const lines = [`${header}block: b${b}`, `name: { kk: Блок ${b}, en: Block ${b} }`, "weight: 2", "indicators:"];
    for (let i = 0; i < PER_BLOCK; i++) {
      const n = b * PER_BLOCK + i;
      const a = n % FIELDS;
      const c = (n * 7 + 3) % FIELDS;
      lines.push(
        `  - id: i${n}`,
        `    name: { kk: Көрсеткіш ${n}, en: Indicator ${n} }`,
        `    measure: "%"`,
        `    formula: if(f${c} > 0, round(f${a} / f${c} * 100, 2), missing)`,
        "    better: higher",
        "    weight: 1",
        "    score: { method: goalposts, min: 0, max: 100 }",
      );
    }
    const file = join(version, "blocks", `b${String(b).padStart(2, "0")}.yaml`);
    writeFileSync(file, `${lines.join("\n")}\n`);
    files.push(file);
  }
  return { version, blocks: files };
}
