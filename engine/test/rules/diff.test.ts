import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { diffRulesets } from "../../src/diff/rules-diff.js";
import type { Ruleset } from "../../src/model/ruleset.js";
import { loadRuleset } from "../../src/rules/load.js";
import { MINI, MINI_2026 } from "./helpers.js";

function load(path: string, edits: Record<string, [string, string][]> = {}): Ruleset {
  const readFile = (p: string) => {
    const name = p.slice(path.length + 1);
    const list = edits[name];
    if (!list) return undefined;
    let text = readFileSync(p, "utf8");
    for (const [a, b] of list) {
      if (!text.includes(a)) throw new Error(`${name} has no ${a}`);
      text = text.replace(a, b);
    }
    return text;
  };
  const result = loadRuleset(path, { readFile });
  if (!result.ruleset) throw new Error(JSON.stringify(result.diagnostics.map((d) => d.message)));
  return result.ruleset;
}

describe("diffRulesets", () => {
  test("the mini family's two versions: a rename, a formula, a weight, the effective period", () => {
    const diff = diffRulesets(load(join(MINI, "2025.1")), load(MINI_2026));
    expect(diff.old).toMatchObject({ id: "mini", version: "2025.1" });
    expect(diff.new).toMatchObject({ id: "mini", version: "2026.1" });
    expect(diff.changes).toEqual([
      { element: "ruleset", change: "changed", id: "mini", property: "effective.from", old: "2025-01", new: "2026-01" },
      { element: "ruleset", change: "changed", id: "mini", property: "effective.to", old: "2025-12", new: null },
      { element: "indicator", change: "renamed", id: "harvest_ok", oldId: "harvest_good", block: "social" },
      {
        element: "indicator",
        change: "changed",
        id: "revenue_execution",
        property: "formula",
        old: "revenue / revenue_plan * 100",
        new: "ytd(revenue) / ytd(revenue_plan) * 100",
        block: "economy",
      },
      { element: "indicator", change: "changed", id: "schools", property: "weight", old: 3, new: 2, block: "social" },
    ]);
  });

  test("the same ruleset: no changes; spacing and redundant brackets in a formula are no change", () => {
    const base = load(MINI_2026);
    expect(diffRulesets(base, base).changes).toEqual([]);
    const spaced = load(MINI_2026, {
      "blocks/01-economy.yaml": [["ytd(revenue) / ytd(revenue_plan) * 100", "(ytd( revenue )/ytd(revenue_plan))*100"]],
    });
    expect(diffRulesets(base, spaced).changes).toEqual([]);
  });

  test("scoring parameters, applicability, grades, policies, units, fields, blocks", () => {
    const base = load(MINI_2026);
    const changed = load(MINI_2026, {
      "blocks/01-economy.yaml": [
        ["min: 80, max: 100", "min: 75, max: 100"],
        ["plan: 1.5", "plan: 2"],
      ],
      "blocks/02-social.yaml": [
        ["{ min: 70, score: 0.5 }", "{ min: 70, score: 0.4 }"],
        ["kinds: [district]", "kinds: [district, city]"],
        ["weight: 40", "weight: 40\naggregation: geometric"],
      ],
      "ruleset.yaml": [
        ["{ id: yellow, min: 60", "{ id: yellow, min: 55"],
        ["ties: competition", "ties: dense"],
      ],
      "units.yaml": [["population: 56000", "population: 57000"]],
      "fields.yaml": [["measure: t/ha", "measure: c/ha"]],
    });
    const lines = diffRulesets(base, changed).changes.map(
      (c) => `${c.element} ${c.id} ${c.property}: ${JSON.stringify(c.old)} -> ${JSON.stringify(c.new)}`,
    );
    expect(lines).toEqual([
      'ruleset mini policies.rank.ties: "competition" -> "dense"',
      "grade yellow min: 60 -> 55",
      "unit beta attributes.population: 56000 -> 57000",
      'field harvest measure: "t/ha" -> "c/ha"',
      'block social aggregation: "arithmetic" -> "geometric"',
      'indicator harvest_ok applies.kinds: ["district"] -> ["district","city"]',
      'indicator jobs_per_1000 score.plan: "1.5" -> "2"',
      "indicator revenue_execution score.min: 80 -> 75",
      'indicator schools score.bands: ["min 90 score 1","min 70 score 0.5","score 0"] -> ["min 90 score 1","min 70 score 0.4","score 0"]',
    ]);
  });

  test("added and removed when neither formula nor name matches; a rename by Kazakh name", () => {
    const base = load(MINI_2026);
    const changed = load(MINI_2026, {
      "blocks/02-social.yaml": [
        ["id: schools\n", "id: school_readiness\n"],
        ["formula: schools_ready\n", "formula: schools_ready * 1\n"],
        ["id: harvest_ok", "id: harvest_high"],
        ["name: { kk: Өнім жоспарға сай, en: Harvest on target }", "name: { kk: Жоғары өнім }"],
        ['"harvest >= 20"', '"harvest >= 30"'],
      ],
    });
    const changes = diffRulesets(base, changed).changes.map(
      (c) => `${c.change} ${c.oldId ? `${c.oldId} -> ` : ""}${c.id} ${c.property ?? ""}`,
    );
    expect(changes).toEqual([
      "added harvest_high ",
      "removed harvest_ok ",
      "renamed schools -> school_readiness ",
      "changed school_readiness formula",
    ]);
  });
});
