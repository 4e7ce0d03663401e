import { rmSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import type { loadRuleset } from "../../src/rules/load.js";
import { loadEditedMini } from "./helpers.js";

/** Focused cases of the semantic checks beyond the corpus: thresholds, directions, chains. */
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

const edited = (edits: Record<string, [string, string][]>, extra: Record<string, string> = {}) =>
  loadEditedMini(temporary, edits, extra);

const codes = (r: ReturnType<typeof loadRuleset>) => r.diagnostics.map((d) => `${d.code} ${d.message}`);

const THIRD_BLOCK = `block: extra
name: { kk: Қосымша }
weight: 5.3
indicators:
  - id: extra_jobs
    name: { kk: Жұмыс }
    formula: jobs
    better: higher
    weight: 1
    score: { method: rank }
`;

describe("semantic checks", () => {
  test("__proto__ is refused as a unit id and as an attribute: results are objects keyed by id", () => {
    const r = edited({
      "units.yaml": [
        ["  - id: beta\n", "  - id: __proto__\n"],
        ["farmland_ha: 0 }", "farmland_ha: 0, __proto__: 1 }"],
      ],
    });
    const reserved = r.diagnostics.filter((d) => d.code === "R203");
    expect(reserved.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([
      "7:69 an attribute cannot be called `__proto__`: JavaScript reserves this key",
      "8:9 `__proto__` cannot be the id of a unit: results are keyed by id and JavaScript reserves this key",
    ]);
  });

  test("block weights are compared at 15 significant digits: 46.8 + 47.9 + 5.3 is 100", () => {
    expect(46.8 + 47.9 + 5.3).not.toBe(100);
    const result = edited(
      {
        "blocks/01-economy.yaml": [["weight: 60", "weight: 46.8"]],
        "blocks/02-social.yaml": [["weight: 40", "weight: 47.9"]],
      },
      { "blocks/03-extra.yaml": THIRD_BLOCK },
    );
    expect(codes(result)).toEqual([]);
    const off = edited(
      {
        "blocks/01-economy.yaml": [["weight: 60", "weight: 46.8"]],
        "blocks/02-social.yaml": [["weight: 40", "weight: 47.8"]],
      },
      { "blocks/03-extra.yaml": THIRD_BLOCK },
    );
    expect(codes(off)).toEqual(["R230 the block weights add up to 99.9, but the scale is 100 (0.1 missing)"]);
  });

  test("bands when lower is better use increasing max; decreasing max is out of order", () => {
    const lower = (bands: string) =>
      edited({
        "blocks/02-social.yaml": [
          ["    better: higher\n    frequency: quarter", "    better: lower\n    frequency: quarter"],
          ["bands: [{ min: 90, score: 1 }, { min: 70, score: 0.5 }, { score: 0 }]", `bands: ${bands}`],
        ],
      });
    expect(codes(lower("[{ max: 10, score: 1 }, { max: 30, score: 0.5 }, { score: 0 }]"))).toEqual([]);
    expect(codes(lower("[{ max: 30, score: 0.5 }, { max: 10, score: 1 }, { score: 0 }]"))).toEqual([
      "R283 band 2 of indicator `schools` (max 10) is never reached: band 1 (max 30) takes every value it would",
    ]);
  });

  test("a derived frequency follows a chain of indicators, and the rating that shows it must follow", () => {
    const result = edited({
      "blocks/01-economy.yaml": [["jobs / unit.population * 1000", "jobs / unit.population * 1000 + schools * 0"]],
    });
    expect(result.model?.blocks[0]?.indicators[1]?.frequency).toBe("quarter");
    expect(codes(result)).toEqual([
      "R261 rating `economy` is monthly, but indicator `jobs_per_1000` (block `economy`) is computed only quarterly",
    ]);
  });

  test("an unknown kind with nothing close: the suggestion is to declare it", () => {
    const result = edited({ "units.yaml": [["kind: city", "kind: capital"]] });
    expect(result.diagnostics.map((d) => [d.code, d.message, d.suggestion])).toEqual([
      ["R211", "no unit has the kind `city`", "remove it from unit_kinds, or add its units to units.yaml"],
      [
        "R210",
        "unknown unit kind `capital` in unit `alpha`; the ruleset's unit_kinds are `city`, `district`",
        "add it to unit_kinds in ruleset.yaml",
      ],
    ]);
  });

  test("an alias that another unit answers to", () => {
    const result = edited({ "units.yaml": [["aliases: [Бета]", "aliases: [Бета, alpha]"]] });
    expect(codes(result)).toEqual([
      "R202 `alpha` names both unit `alpha` and unit `beta`; data rows naming it would be ambiguous",
    ]);
  });

  test("an explicit frequency more frequent than an indicator it reads", () => {
    const result = edited({
      "blocks/02-social.yaml": [
        ['    formula: "harvest >= 20"\n', '    formula: "harvest >= 20 and schools > 0"\n    frequency: month\n'],
      ],
    });
    expect(codes(result)).toEqual([
      "R260 indicator `harvest_ok` is monthly, but `harvest` is reported quarterly",
      "R260 indicator `harvest_ok` is monthly, but `schools` is computed quarterly",
    ]);
  });
});
