import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Ruleset } from "../../src/model/ruleset.js";
import { loadFamily } from "../../src/rules/load.js";

/**
 * The synthetic sample data of rules/turkistan: regenerated from the seed it must be the committed bytes,
 * and the committed files must keep the promises of its README (long form, plans beside facts, running
 * totals that never fall, the regional inputs complete, every version's fields in the same files, and the
 * wide example, kept outside the data folder, holding the very values of the long files).
 */
const ROOT = resolve(import.meta.dirname, "../../..");
const RULES = join(ROOT, "rules");
const GENERATOR = join(RULES, "tools/generate-sample-data.mjs");
const FAMILIES = ["districts", "departments", "procurement"];

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Runs the generator into a fresh folder; it must succeed without warnings. */
function generate(...args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "tarazy-sample-data-"));
  temps.push(dir);
  const run = spawnSync(process.execPath, [GENERATOR, "--out", dir, ...args], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return dir;
}

/** Every file under each family's sample-data and examples folders, as paths relative to `root`. */
function sampleFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(root, path));
    }
  };
  for (const family of FAMILIES) {
    for (const folder of ["sample-data", "examples"]) {
      const dir = join(root, "turkistan", family, folder);
      if (existsSync(dir)) walk(dir);
    }
  }
  return out;
}

/** The first line where two texts differ, for a message a person can act on. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const line = a.findIndex((text, i) => text !== b[i]);
  return `line ${line + 1}: committed "${a[line]}", regenerated "${b[line]}"`;
}

describe("generate-sample-data.mjs", () => {
  const committed = sampleFiles(RULES);
  const fresh = generate();

  it("regenerates the committed files byte for byte (same seed, same bytes)", () => {
    expect(sampleFiles(fresh)).toEqual(committed);
    for (const file of committed) {
      const expected = readFileSync(join(RULES, file));
      const actual = readFileSync(join(fresh, file));
      if (!expected.equals(actual)) {
        expect.fail(`${file} differs from a fresh run: ${firstDifference(expected.toString(), actual.toString())}`);
      }
    }
  });

  it("gives other data for another seed, in the same files", () => {
    const other = generate("--seed", "7");
    expect(sampleFiles(other)).toEqual(committed);
    const changed = committed.filter((f) => !readFileSync(join(RULES, f)).equals(readFileSync(join(other, f))));
    expect(changed.filter((f) => f.endsWith(".csv")).length).toBeGreaterThan(0);
    expect(readFileSync(join(other, "turkistan/districts/sample-data/README.md"), "utf8")).toContain("(seed 7)");
  });

  it("refuses a bad argument with exit code 2 and a message", () => {
    const run = spawnSync(process.execPath, [GENERATOR, "--seed", "many"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("generate-sample-data: --seed must be an integer\n");
  });
});

interface Row {
  readonly file: string;
  readonly line: number;
  readonly unit: string;
  readonly period: string;
  readonly field: string;
  readonly value: string;
}

function readLong(file: string): Row[] {
  const lines = readFileSync(join(RULES, file), "utf8").split("\n");
  expect(lines[0], file).toBe("unit,period,field,value");
  expect(lines.at(-1), `${file} ends with a newline`).toBe("");
  return lines.slice(1, -1).map((text, i) => {
    const cells = text.split(",");
    expect(cells, `${file}:${i + 2}`).toHaveLength(4);
    const [unit = "", period = "", field = "", value = ""] = cells;
    return { file, line: i + 2, unit, period, field, value };
  });
}

const NUMBER = /^-?\d+(\.\d{1,6})?$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

describe.each(FAMILIES)("committed sample data of %s", (name) => {
  const versions = loadFamily(join(RULES, "turkistan", name)).versions.map((v) => v.ruleset as Ruleset);
  const latest = versions.at(-1) as Ruleset;
  const fields = new Map(versions.flatMap((v) => v.fields.map((f) => [f.id, f] as const)));
  const declaredBy = (id: string) => versions.filter((v) => v.fields.some((f) => f.id === id)).map((v) => v.version);
  const units = new Set(versions.flatMap((v) => v.units.map((u) => u.id)));
  const longFiles = sampleFiles(RULES).filter(
    (f) => f.startsWith(`turkistan/${name}/sample-data/`) && f.endsWith(".csv"),
  );
  const rows = longFiles.flatMap(readLong);

  it("is long CSV with known units and fields, plain numbers or n/a, each cell once", () => {
    const seen = new Set<string>();
    for (const r of rows) {
      const at = `${r.file}:${r.line}`;
      expect(units.has(r.unit), `${at} unit ${r.unit}`).toBe(true);
      expect(fields.has(r.field), `${at} field ${r.field}`).toBe(true);
      expect(NUMBER.test(r.value) || r.value === "n/a", `${at} value "${r.value}"`).toBe(true);
      const key = `${r.unit}|${r.field}|${r.period}`;
      expect(seen.has(key), `${at} repeats ${key}`).toBe(false);
      seen.add(key);
    }
    expect(rows.length).toBeGreaterThan(1000);
  });

  it("files each row by year and source, every version's fields in the same files of one folder", () => {
    for (const r of rows) {
      const field = fields.get(r.field);
      const year = (MONTH.exec(r.period) ?? QUARTER.exec(r.period))?.[1];
      expect(r.file, `${r.file}:${r.line}`).toBe(
        `turkistan/${name}/sample-data/${field?.source === "region" ? "region-formed" : "unit-reported"}-${year}.csv`,
      );
    }
    // A field only some versions declare has rows only where those versions need them: the months they are
    // in force, and the year before for inputs of year-on-year growth.
    const yearBefore = (month: string) => `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
    for (const r of rows.filter((x) => declaredBy(x.field).length < versions.length)) {
      const month = MONTH.exec(r.period)
        ? r.period
        : `${r.period.slice(0, 4)}-${String(Number(r.period.slice(-1)) * 3).padStart(2, "0")}`;
      const inForce = versions.filter(
        (v) => yearBefore(v.effective.from) <= month && (v.effective.to === undefined || month <= v.effective.to),
      );
      expect(
        inForce.some((v) => declaredBy(r.field).includes(v.version)),
        `${r.file}:${r.line} ${r.field} ${r.period}`,
      ).toBe(true);
    }
  });

  it("writes quarterly fields by quarter and the others by month", () => {
    for (const r of rows) {
      const quarterly = fields.get(r.field)?.frequency === "quarter";
      expect((quarterly ? QUARTER : MONTH).test(r.period), `${r.file}:${r.line} ${r.field} ${r.period}`).toBe(true);
    }
  });

  it("keeps running totals of cumulative fields from falling within a year", () => {
    const last = new Map<string, number>();
    for (const r of rows) {
      if (!fields.get(r.field)?.cumulative || r.value === "n/a") continue;
      const key = `${r.unit}|${r.field}|${r.period.slice(0, 4)}`;
      const value = Number(r.value);
      expect(value, `${r.file}:${r.line}`).toBeGreaterThanOrEqual(last.get(key) ?? 0);
      last.set(key, value);
    }
  });

  it("gives every unit every field of the latest version, and plans beside facts", () => {
    const present = new Set(rows.map((r) => `${r.unit}|${r.field}`));
    for (const unit of latest.units) {
      for (const field of latest.fields)
        expect(present.has(`${unit.id}|${field.id}`), `${unit.id} ${field.id}`).toBe(true);
    }
    const plans = latest.fields.filter((f) => f.id.endsWith("_plan") && fields.has(f.id.slice(0, -5)));
    expect(plans.length).toBeGreaterThanOrEqual(name === "districts" ? 18 : 0);
    const periods = (unit: string, field: string) =>
      rows.filter((r) => r.unit === unit && r.field === field && NUMBER.test(r.value)).length;
    for (const plan of plans) {
      for (const unit of latest.units) {
        expect(periods(unit.id, plan.id) > 0, `${unit.id} ${plan.id}`).toBe(periods(unit.id, plan.id.slice(0, -5)) > 0);
      }
    }
  });

  it("has every regional input (a rating stops without them) for every unit and quarter", () => {
    const first = versions[0]?.effective.from ?? "2025-01";
    const quarters = (2026 - Number(first.slice(0, 4))) * 4 + 3; // to 2026-Q3, from January of the first year
    for (const field of latest.fields.filter((f) => f.source === "region")) {
      for (const unit of latest.units) {
        const present = rows.filter((r) => r.unit === unit.id && r.field === field.id && NUMBER.test(r.value));
        expect(present.map((r) => r.period).sort(), `${unit.id} ${field.id}`).toHaveLength(quarters);
      }
    }
  });
});

describe("committed sample data of the districts: n/a, omissions, outliers, the wide example", () => {
  const base = "turkistan/districts/sample-data";
  const rows = sampleFiles(RULES)
    .filter((f) => f.startsWith(base) && f.endsWith(".csv"))
    .flatMap(readLong);
  const values = (unit: string, field: string) =>
    rows.filter((r) => r.unit === unit && r.field === field).map((r) => r.value);

  it("writes n/a where no indicator reading the field applies to the unit, and only there", () => {
    expect(new Set(values("kentau", "water_saving_area"))).toEqual(new Set(["n/a"])); // no farmland
    expect(new Set(values("turkistan", "unused_land_returned"))).toEqual(new Set(["n/a"])); // a city
    expect(new Set(values("baidibek", "industrial_zone_occupancy"))).toEqual(new Set(["n/a"])); // no zone
    expect(values("otyrar", "unused_land_returned").every((v) => NUMBER.test(v))).toBe(true);
    expect(values("turkistan", "own_revenue").every((v) => NUMBER.test(v))).toBe(true);
  });

  it("leaves some submissions out and lists its outliers in the README", () => {
    const readme = readFileSync(join(RULES, base, "README.md"), "utf8");
    expect(readme).toMatch(/^# Sample data: SYNTHETIC/);
    expect(readme).toContain("node rules/tools/generate-sample-data.mjs");
    const omitted = Number(/Missing submissions: (\d+) cells left out/.exec(readme)?.[1]);
    expect(omitted).toBeGreaterThan(0);
    const outliers = [...readme.matchAll(/^ {2}- (\w+) (\w+) (\S+): (\S+) \(would have been/gm)];
    expect(outliers.length).toBeGreaterThan(0);
    for (const [, unit, field, period, value] of outliers) {
      expect(rows.find((r) => r.unit === unit && r.field === field && r.period === period)?.value).toBe(value);
    }
  });

  it("holds in the wide example, outside the data folder, the very values of the long files for that quarter", () => {
    expect(sampleFiles(RULES).filter((f) => f.includes("wide"))).toEqual([
      "turkistan/districts/examples/2026-Q1-wide.csv",
    ]);
    const [header = "", ...lines] = readFileSync(join(RULES, "turkistan/districts/examples/2026-Q1-wide.csv"), "utf8")
      .trimEnd()
      .split("\n");
    const columns = header.split(",");
    expect(columns.slice(0, 2)).toEqual(["unit", "period"]);
    const long = new Map(rows.map((r) => [`${r.unit}|${r.period}|${r.field}`, r.value]));
    let cells = 0;
    for (const line of lines) {
      const [unit = "", period = "", ...rest] = line.split(",");
      expect(rest).toHaveLength(columns.length - 2);
      rest.forEach((value, k) => {
        const key = `${unit}|${period}|${columns[k + 2]}`;
        expect(value, key).toBe(long.get(key) ?? "");
        if (value !== "") cells++;
      });
    }
    const inQuarter = rows.filter((r) => ["2026-01", "2026-02", "2026-03", "2026-Q1"].includes(r.period));
    expect(cells).toBe(inQuarter.length);
  });
});
