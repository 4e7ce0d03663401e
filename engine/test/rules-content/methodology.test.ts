import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Block, Indicator, Ruleset } from "../../src/model/ruleset.js";
import { type LoadResult, loadFamily } from "../../src/rules/load.js";

/**
 * The Turkistan rulesets as methodology: the counts, weights and rules the domain brief and the news item
 * fix, checked on the model the engine loads. A change to the YAML that breaks one of them must be deliberate.
 */
const ROOT = resolve(import.meta.dirname, "../../..");
const family = (name: string) => loadFamily(resolve(ROOT, "rules/turkistan", name));

function loaded(result: LoadResult): Ruleset {
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  if (!result.ruleset) throw new Error(`${result.version} did not load`);
  return result.ruleset;
}

const indicatorsOf = (r: Ruleset): Indicator[] => r.blocks.flatMap((b) => b.indicators);
const byId = (r: Ruleset): Map<string, Indicator> => new Map(indicatorsOf(r).map((i) => [i.id, i]));
const heaviest = (b: Block): string =>
  [...b.indicators].sort((x, y) => y.weight - x.weight || x.id.localeCompare(y.id))[0]?.id ?? "";

/** Fields the formulas of a loaded version read (formula, plan and applicability). */
function fieldsRead(result: LoadResult): Set<string> {
  return new Set(
    result.formulas.flatMap((f) => f.references.filter((r) => r.binding.kind === "field")).map((r) => r.binding.name),
  );
}

const UNITS = [
  "turkistan",
  "arys",
  "kentau",
  "baidibek",
  "zhetysai",
  "keles",
  "kazygurt",
  "maktaaral",
  "ordabasy",
  "otyrar",
  "sairam",
  "saryagash",
  "sauran",
  "sozak",
  "tole_bi",
  "tulkibas",
  "shardara",
];

describe("districts: 67 indicators in 9 blocks (both versions)", () => {
  const { versions, diagnostics } = family("districts");

  it("loads both versions without errors or warnings, 2025.1 closed by 2026.1", () => {
    expect(diagnostics).toEqual([]);
    expect(versions.map((v) => [v.version, loaded(v).effective])).toEqual([
      ["2025.1", { from: "2025-01", to: "2025-12" }],
      ["2026.1", { from: "2026-01" }],
    ]);
  });

  for (const result of versions) {
    describe(`version ${result.version}`, () => {
      const ruleset = loaded(result);

      it("has the 9 blocks with weights 20, 12, 15, 10, 8, 10, 8, 10, 7 and 67 indicators", () => {
        expect(ruleset.blocks.map((b) => [b.id, b.weight, b.indicators.length])).toEqual([
          ["industry", 20, 9],
          ["economy", 12, 8],
          ["revenue", 15, 8],
          ["business", 10, 8],
          ["agro", 8, 7],
          ["infrastructure", 10, 8],
          ["social", 8, 7],
          ["procurement", 10, 7],
          ["governance", 7, 5],
        ]);
        expect(ruleset.blocks.reduce((s, b) => s + b.weight, 0)).toBe(ruleset.scale);
        expect(indicatorsOf(ruleset)).toHaveLength(67);
      });

      it("forms exactly 2 indicators at the regional level, and stops the rating without them", () => {
        const regional = indicatorsOf(ruleset).filter((i) => i.source === "region");
        expect(regional.map((i) => [i.block, i.id, i.missing])).toEqual([
          ["governance", "oblast_instructions", "fail"],
          ["governance", "oblast_assessment", "fail"],
        ]);
        const regionFields = ruleset.fields.filter((f) => f.source === "region").map((f) => f.id);
        expect(regionFields).toEqual(["instructions_executed_share", "curator_assessment"]);
      });

      it("weights new production and own revenues most", () => {
        const heaviestBlock = [...ruleset.blocks].sort((a, b) => b.weight - a.weight)[0];
        expect(heaviestBlock?.id).toBe("industry");
        const blocks = new Map(ruleset.blocks.map((b) => [b.id, b]));
        expect(heaviest(blocks.get("industry") as Block)).toBe("new_facilities_execution");
        expect(heaviest(blocks.get("revenue") as Block)).toBe("own_revenue_execution");
      });

      it("rates all 9 blocks quarterly and the economy block monthly, from monthly indicators only", () => {
        expect(ruleset.ratings.map((r) => [r.id, r.frequency, r.blocks])).toEqual([
          ["quarterly", "quarter", ruleset.blocks.map((b) => b.id)],
          ["economy", "month", ["economy"]],
        ]);
        const economy = ruleset.blocks.find((b) => b.id === "economy");
        expect(economy?.indicators.map((i) => i.frequency)).toEqual(Array(8).fill("month"));
        const monthlyFields = new Set(ruleset.fields.filter((f) => f.frequency === "month").map((f) => f.id));
        const economyReads = result.formulas
          .filter((f) => f.indicator.block === "economy")
          .flatMap((f) => f.references.filter((r) => r.binding.kind === "field").map((r) => r.binding.name));
        expect(economyReads.filter((name) => !monthlyFields.has(name))).toEqual([]);
      });

      it("rates the 17 units: 3 cities and 14 districts, each with KATO, population, farmland and centre", () => {
        expect(ruleset.units.map((u) => u.id)).toEqual(UNITS);
        expect(ruleset.units.filter((u) => u.kind === "city").map((u) => u.id)).toEqual([
          "turkistan",
          "arys",
          "kentau",
        ]);
        for (const unit of ruleset.units) {
          expect(Object.keys(unit.attributes).sort()).toEqual([
            "centre",
            "farmland_ha",
            "industrial_zones",
            "kato",
            "population",
          ]);
          expect(unit.name.ru && unit.name.en).toBeTruthy();
        }
        const zones = ruleset.units.reduce((s, u) => s + Number(u.attributes.industrial_zones), 0);
        expect(zones).toBe(21);
      });

      it("uses every score method where it fits, and every field it declares", () => {
        const methods = new Set(indicatorsOf(ruleset).map((i) => i.score.method));
        expect([...methods].sort()).toEqual([
          "achievement",
          "bands",
          "formula",
          "goalposts",
          "minmax",
          "rank",
          "yesno",
        ]);
        const read = fieldsRead(result);
        expect(ruleset.fields.map((f) => f.id).filter((id) => !read.has(id))).toEqual([]);
      });

      it("applies land indicators only where there is farmland, and some to districts only", () => {
        const ids = byId(ruleset);
        expect(ids.get("water_saving_execution")?.applies?.when?.text).toBe("unit.farmland_ha > 0");
        expect(ids.get("unused_land_execution")?.applies?.kinds).toEqual(["district"]);
        expect(ids.get("industrial_zone_fill")?.applies?.when?.text).toBe("unit.industrial_zones > 0");
      });
    });
  }

  it("2026.1 differs from 2025.1 in exactly the documented ways", () => {
    const [older, newer] = versions.map((v) => byId(loaded(v)));
    if (!older || !newer) throw new Error("two versions expected");
    expect([...newer.keys()].filter((id) => !older.has(id))).toEqual(["family_level_up"]);
    expect([...older.keys()].filter((id) => !newer.has(id))).toEqual(["asp_recipients_share"]);
    const both = [...newer.keys()].filter((id) => older.has(id));
    const weights = both
      .filter((id) => older.get(id)?.weight !== newer.get(id)?.weight)
      .map((id) => [id, older.get(id)?.weight, newer.get(id)?.weight]);
    expect(weights).toEqual([
      ["new_facilities_execution", 3, 4],
      ["industrial_zone_fill", 2, 1],
    ]);
    const formulas = both.filter((id) => older.get(id)?.formula.text !== newer.get(id)?.formula.text);
    expect(formulas).toEqual(["own_revenue_execution"]);
    expect(newer.get("own_revenue_execution")?.formula.text).toBe("ytd(own_revenue) / ytd(own_revenue_plan) * 100");
  });
});

describe("departments and procurement", () => {
  it("rates 12 departments on 5 blocks of 100 points, one indicator formed at the regional level", () => {
    const { versions, diagnostics } = family("departments");
    expect(diagnostics).toEqual([]);
    const ruleset = loaded(versions[0] as LoadResult);
    expect(ruleset.units).toHaveLength(12);
    expect(new Set(ruleset.units.map((u) => u.kind))).toEqual(new Set(["department"]));
    expect(ruleset.blocks.map((b) => [b.id, b.weight])).toEqual([
      ["budget", 25],
      ["procurement", 25],
      ["citizens", 20],
      ["plans", 15],
      ["discipline", 15],
    ]);
    expect(
      indicatorsOf(ruleset)
        .filter((i) => i.source === "region")
        .map((i) => i.id),
    ).toEqual(["oblast_instructions"]);
  });

  it("monitors all 29 procurement customers monthly on the 7 procurement indicators", () => {
    const { versions, diagnostics } = family("procurement");
    expect(diagnostics).toEqual([]);
    const ruleset = loaded(versions[0] as LoadResult);
    expect(ruleset.units).toHaveLength(29);
    expect(ruleset.unitKinds).toEqual(["city", "district", "department"]);
    expect(ruleset.ratings.map((r) => [r.id, r.frequency])).toEqual([["monthly", "month"]]);
    expect(ruleset.blocks.reduce((s, b) => s + b.weight, 0)).toBe(100);
    const districts = loaded(family("districts").versions[1] as LoadResult);
    const procurementBlock = districts.blocks.find((b) => b.id === "procurement");
    expect(
      indicatorsOf(ruleset)
        .map((i) => i.id)
        .sort(),
    ).toEqual(procurementBlock?.indicators.map((i) => i.id).sort());
    // The same customers, the same figures: the procurement fields are defined as in the districts' ruleset.
    const shape = (r: Ruleset, id: string) => {
      const f = r.fields.find((x) => x.id === id);
      return f && [f.measure, f.frequency, f.aggregate, f.cumulative, f.source];
    };
    for (const field of ruleset.fields) expect(shape(ruleset, field.id)).toEqual(shape(districts, field.id));
  });
});
