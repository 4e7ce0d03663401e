import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffRulesets } from "../../src/diff/rules-diff.js";
import type { Expr } from "../../src/formula/ast.js";
import { parseFormula } from "../../src/formula/parser.js";
import { printFormula } from "../../src/formula/printer.js";
import { buildMethodology } from "../../src/methodology/document.js";
import { methodologyMarkdown } from "../../src/methodology/markdown.js";
import type { Lang } from "../../src/model/ruleset.js";
import { loadRuleset } from "../../src/rules/load.js";
import { defaultFormulaCompiler } from "../../src/scoring/compiler.js";
import { weightedMean } from "../../src/scoring/means.js";
import { prepareRuleset } from "../../src/scoring/prepare.js";
import { ruleTestFiles, runRuleTestFiles } from "../../src/scoring/rule-tests.js";
import { editedReader } from "../rules/helpers.js";
import { cell, rateFixture } from "./fixture.js";

const FIXTURES = join(import.meta.dirname, "fixtures");
const LEVELS = join(FIXTURES, "levels", "2026.1");
const GROUPS = join(FIXTURES, "groups", "2022.1");

/** The levels fixture with text replacements per file (relative to the version folder). */
function loadLevels(edits: Record<string, [string, string][]> = {}) {
  return loadRuleset(LEVELS, { readFile: editedReader(LEVELS, edits) });
}

const codes = (ds: readonly { code: string }[]) => ds.map((d) => d.code);

describe("score(x) in the formula language", () => {
  it("is one name, whatever the case and spacing of score; anything but a bare name stays a call", () => {
    const ast = (text: string) => parseFormula(text).ast;
    expect(ast("SCORE( health ) - health")).toMatchObject({
      kind: "binary",
      left: { kind: "identifier", name: "score(health)" },
      right: { kind: "identifier", name: "health" },
    });
    expect(printFormula(ast("Score(health)*2") as Expr)).toBe("score(health) * 2");
    expect(ast("score(1)")).toMatchObject({ kind: "call", callee: "score" });
    expect(ast("score(a, b)")).toMatchObject({ kind: "call" });
  });
});

describe("weighted means", () => {
  it("computes each aggregation by hand", () => {
    expect(weightedMean("arithmetic", [0.2, 0.8], [1, 3])).toBeCloseTo(0.65, 15); // (0.2 + 2.4) / 4
    expect(weightedMean("geometric", [0.25, 1], [1, 1])).toBeCloseTo(0.5, 15); // sqrt(0.25)
    expect(weightedMean("harmonic", [0.5, 0.25], [1, 1])).toBeCloseTo(1 / 3, 15); // 2 / (2 + 4)
    expect(weightedMean("min", [0.5, 0.25, 0.9], [5, 1, 1])).toBe(0.25);
    expect(weightedMean("power", [0.6, 1], [1, 3], 2)).toBeCloseTo(Math.sqrt(0.84), 15); // ((0.36 + 3) / 4)^(1/2)
    expect(weightedMean("geometric", [0, 1], [1, 1])).toBe(0);
    expect(weightedMean("harmonic", [0, 1], [1, 1])).toBe(0);
    expect(weightedMean("power", [0, 1], [1, 1], 2)).toBeCloseTo(Math.sqrt(0.5), 15); // a positive exponent counts a 0
    expect(weightedMean("arithmetic", [], [])).toBeUndefined();
  });

  const scores = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 });
  const withWeights = scores.chain((s) =>
    fc.tuple(
      fc.constant(s),
      fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: s.length, maxLength: s.length }),
    ),
  );

  it("power mean with exponent 1 is the arithmetic mean, with -1 the harmonic", () => {
    fc.assert(
      fc.property(withWeights, ([s, w]) => {
        const arithmetic = weightedMean("arithmetic", s, w) as number;
        expect(weightedMean("power", s, w, 1)).toBe(arithmetic);
        const harmonic = weightedMean("harmonic", s, w) as number;
        expect(Math.abs((weightedMean("power", s, w, -1) as number) - harmonic)).toBeLessThan(1e-12);
      }),
    );
  });

  it("min <= harmonic <= geometric <= arithmetic <= max, all in [0, 1]", () => {
    fc.assert(
      fc.property(withWeights, ([s, w]) => {
        const lowest = Math.min(...s);
        const highest = Math.max(...s);
        const [mn, h, g, a] = (["min", "harmonic", "geometric", "arithmetic"] as const).map(
          (m) => weightedMean(m, s, w) as number,
        );
        const slack = 1e-12;
        expect(mn).toBe(lowest);
        expect(h).toBeLessThanOrEqual((g as number) + slack);
        expect(g).toBeLessThanOrEqual((a as number) + slack);
        expect(a).toBeLessThanOrEqual(highest);
        for (const x of [mn, h, g, a]) expect(x).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("nested levels", () => {
  it("the fixtures' rule tests (computed by hand in their comments) pass", () => {
    for (const folder of [LEVELS, GROUPS]) {
      const { ruleset, diagnostics } = loadRuleset(folder);
      expect(codes(diagnostics.filter((d) => d.severity === "error"))).toEqual([]);
      const { prepared } = prepareRuleset(ruleset as NonNullable<typeof ruleset>, defaultFormulaCompiler);
      const outcomes = runRuleTestFiles(prepared as NonNullable<typeof prepared>, ruleTestFiles(folder));
      expect(outcomes.length).toBeGreaterThan(0);
      for (const o of outcomes) expect(o.failures.map((f) => f.message)).toEqual([]);
    }
  });

  it("effective weights go down the levels, renormalised over the members that count", () => {
    const { ruleset } = loadLevels();
    const data = [
      ...["a", "b", "c", "d", "e", "f"].map((f) => cell("u1", f, "2026", 50)),
      ...["a", "b", "d", "e", "f"].map((f) => cell("u3", f, "2026", 50)),
    ];
    const run = rateFixture(ruleset as NonNullable<typeof ruleset>, data, {
      period: "2026",
      units: ["u1", "u3"],
      applyCoverage: false,
    });
    const weights = (unit: string) => {
      const r = run.result?.results.find((x) => x.unit === unit);
      return Object.fromEntries(Object.entries(r?.indicators ?? {}).map(([id, i]) => [id, i.weight]));
    };
    // core 60: outer (weight 2) 40 -> inner 20 (ia 10, ib 10) and ic 20; i_d 20. extra 40: ie 10, if_ 30.
    expect(weights("u1")).toEqual({ ia: 10, ib: 10, ic: 20, i_d: 20, ie: 10, if_: 30, gap: 0, inner_share: 0 });
    // u3 has no c: outer is inner alone, so ia and ib carry 20 each.
    expect(weights("u3")).toMatchObject({ ia: 20, ib: 20, ic: 0, i_d: 20 });
    const u1 = run.result?.results.find((x) => x.unit === "u1");
    expect(u1?.groups?.outer).toEqual({ score: 0.5, weight: 40, points: 20 });
    expect(u1?.score).toBeCloseTo(100 * 0.5, 12);
  });

  it("a result with levels conforms to the rating-result schema (groups included)", () => {
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, "../../schema/rating-result.schema.json"), "utf8"),
    );
    const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    const { ruleset } = loadLevels();
    const data = ["a", "b", "c", "d", "e", "f"].map((f) => cell("u1", f, "2026", 50));
    const run = rateFixture(ruleset as NonNullable<typeof ruleset>, data, { period: "2026", units: ["u1"] });
    const json = JSON.parse(JSON.stringify(run.result));
    // As the rule files list them: core's outer then its inner, then the helper block aux.
    expect(Object.keys(json.results[0].groups)).toEqual(["outer", "inner", "aux"]);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });

  it("coverage weighs data through the levels and leaves helper blocks out", () => {
    const { ruleset } = loadLevels();
    const data = ["a", "b", "d", "e", "f"].map((f) => cell("u3", f, "2026", 50));
    const run = rateFixture(ruleset as NonNullable<typeof ruleset>, data, { period: "2026", units: ["u3"] });
    const coverage = run.result?.results[0]?.coverage;
    // c (ic) is a third of core's weight through outer (2 of 3, then 1 of 2): 60 x 1/3 = 20 of 100 without data.
    // By flat weights it would be a quarter of core (15). The helper block's two indicators are not expected.
    expect(coverage).toMatchObject({ expected: 6, withData: 5, missingIndicators: ["ic"] });
    expect(coverage?.weight).toBeCloseTo(0.8, 12);
  });

  it("a group's applies leaves its indicators out for other units, and its parent renormalises", () => {
    const { ruleset, diagnostics } = loadLevels({
      "blocks/1-core.yaml": [
        ["        aggregation: harmonic\n", "        aggregation: harmonic\n        applies: { except: [u1] }\n"],
      ],
    });
    expect(codes(diagnostics)).toEqual([]);
    const data = ["a", "b", "c", "d", "e", "f"].map((f) => cell("u1", f, "2026", 50));
    const run = rateFixture(ruleset as NonNullable<typeof ruleset>, data, { period: "2026", units: ["u1"] });
    const u1 = run.result?.results[0];
    expect(u1?.indicators.ia).toMatchObject({
      status: "not-applicable",
      reason: "inner is not applied to u1 (applies: except)",
    });
    expect(u1?.groups?.inner).toBeUndefined();
    expect(u1?.indicators.ic?.weight).toBe(40); // outer's whole weight
    const unknown = loadLevels({
      "blocks/1-core.yaml": [
        [
          "        aggregation: harmonic\n",
          "        aggregation: harmonic\n        applies: { kinds: [city], units: [u9] }\n",
        ],
      ],
    });
    expect(codes(unknown.diagnostics).sort()).toEqual(["R210", "R212"]);
  });

  it("a group's applies.when leaves its indicators out where it is false, and its parent renormalises", () => {
    const { ruleset, diagnostics } = loadLevels({
      "units.yaml": [
        [
          "{ id: u1, name: { kk: Бір, ru: Один, en: One }, kind: region }",
          "{ id: u1, name: { kk: Бір, ru: Один, en: One }, kind: region, attributes: { farms: 0 } }",
        ],
        [
          "{ id: u2, name: { kk: Екі, ru: Два, en: Two }, kind: region }",
          "{ id: u2, name: { kk: Екі, ru: Два, en: Two }, kind: region, attributes: { farms: 3 } }",
        ],
        [
          "{ id: u3, name: { kk: Үш, ru: Три, en: Three }, kind: region }",
          "{ id: u3, name: { kk: Үш, ru: Три, en: Three }, kind: region, attributes: { farms: 5 } }",
        ],
      ],
      "blocks/1-core.yaml": [
        [
          "        aggregation: harmonic\n",
          "        aggregation: harmonic\n        applies: { when: unit.farms > 0 }\n",
        ],
      ],
    });
    expect(codes(diagnostics)).toEqual([]);
    const data = ["u1", "u2"].flatMap((u) =>
      ["a", "b", "c", "d", "e", "f"].map((f) => cell(u, f, "2026", f === "c" ? 80 : 50)),
    );
    const run = rateFixture(ruleset as NonNullable<typeof ruleset>, data, {
      period: "2026",
      units: ["u1", "u2"],
      applyCoverage: false,
    });
    const [u1, u2] = ["u1", "u2"].map((id) => run.result?.results.find((r) => r.unit === id));
    // u1 has no farms: inner is left out, outer is ic alone (min of 0.8), and ic carries outer's 40 points.
    expect(u1?.indicators.ia).toMatchObject({
      status: "not-applicable",
      reason: "inner: applies.when (unit.farms > 0) is false for u1",
    });
    expect(u1?.groups?.inner).toBeUndefined();
    expect(u1?.indicators.ic?.weight).toBe(40);
    expect(u1?.groups?.outer?.score).toBeCloseTo(0.8, 12);
    // u2 has farms: inner counts (harmonic of 0.5 and 0.5 = 0.5), outer = min(0.5, 0.8) = 0.5.
    expect(u2?.indicators.ia?.weight).toBe(10);
    expect(u2?.groups?.outer?.score).toBeCloseTo(0.5, 12);
    // A group's condition is a yes/no formula over unit attributes, checked as an indicator's is.
    const wrong = loadLevels({
      "blocks/1-core.yaml": [
        [
          "        aggregation: harmonic\n",
          "        aggregation: harmonic\n        applies: { when: unit.farms + a }\n",
        ],
      ],
    });
    const messages = wrong.diagnostics.map((d) => `${d.code} ${d.message}`);
    expect(messages.some((m) => m.includes("`a` is a field, but it cannot be read in `applies.when`"))).toBe(true);
  });

  it("a group's frequency is its indicators' unless they are coarser; a finer member is R262", () => {
    const monthly: [string, string][] = ["a", "b", "c"].map((f) => [
      `{ id: ${f}, name: { kk: ${f}, ru: ${f}, en: ${f} }, measure: "%", frequency: year }`,
      `{ id: ${f}, name: { kk: ${f}, ru: ${f}, en: ${f} }, measure: "%", frequency: month }`,
    ]);
    const quarterly: [string, string] = [
      "        aggregation: harmonic\n",
      "        aggregation: harmonic\n        frequency: quarter\n",
    ];
    const { ruleset, diagnostics } = loadLevels({ "fields.yaml": monthly, "blocks/1-core.yaml": [quarterly] });
    expect(codes(diagnostics)).toEqual([]);
    const frequency = (id: string) => ruleset?.blocks[0]?.indicators.find((i) => i.id === id)?.frequency;
    // ia and ib read monthly fields but sit in the quarterly group inner; ic, outside it, stays monthly.
    expect([frequency("ia"), frequency("ib"), frequency("ic")]).toEqual(["quarter", "quarter", "month"]);
    const monthlyRating = loadLevels({
      "fields.yaml": monthly,
      "blocks/1-core.yaml": [quarterly],
      "ruleset.yaml": [
        [
          "ratings:\n",
          "ratings:\n  - { id: monthly, title: { kk: Ай, ru: Месяц, en: Month }, frequency: month, blocks: [core] }\n",
        ],
      ],
    });
    const r261 = monthlyRating.diagnostics.find((d) => d.code === "R261");
    expect(r261?.message).toContain("`ia`, `ib`");
    const finer = loadLevels({
      "fields.yaml": monthly,
      "blocks/1-core.yaml": [quarterly, ["id: ia,\n", "id: ia,\n              frequency: month,\n"]],
    });
    expect(finer.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "R262 indicator `ia` is monthly, but its group `inner` is rated quarterly",
    ]);
  });

  it("the methodology document names a group's frequency, condition and formula (en, ru)", () => {
    const { ruleset, diagnostics } = loadLevels({
      "blocks/1-core.yaml": [
        [
          "        aggregation: harmonic\n",
          '        aggregation: harmonic\n        frequency: year\n        applies: { except: [u2], when: unit.kind = "region" }\n',
        ],
        ["    aggregation: min\n", "    aggregation: formula\n    formula: score(ic) * score(inner)\n"],
      ],
    });
    expect(codes(diagnostics)).toEqual([]);
    const md = (lang: Lang) =>
      methodologyMarkdown(
        buildMethodology({ ruleset: ruleset as NonNullable<typeof ruleset>, lang, engineVersion: "0" }),
      );
    const en = md("en");
    // Markdown escapes the star; rendered, it reads score(ic) * score(inner).
    expect(en).toContain("a formula of the members' scores: score(ic) \\* score(inner)");
    expect(en).toMatch(/\(`inner`\): .*; frequency: yearly/);
    expect(en).toMatch(/\(`inner`\): .*; applies to: except Two; when `unit\.kind = "region"`/);
    const ru = md("ru");
    expect(ru).toContain("формула от оценок элементов: score(ic) \\* score(inner)");
    expect(ru).toMatch(
      /\(`inner`\): .*; периодичность: .+; применимость: кроме: Два; при условии: `unit\.kind = "region"`/,
    );
  });

  it("a declared total aggregation makes the total the scale times that mean of the block scores", () => {
    const { ruleset } = loadLevels({
      "ruleset.yaml": [["scale: 100\n", "scale: 100\ntotal: { aggregation: geometric }\n"]],
    });
    const data = ["a", "b", "c", "d", "e", "f"].map((f) => cell("u1", f, "2026", f === "e" ? 0 : 100));
    const run = rateFixture(ruleset as NonNullable<typeof ruleset>, data, {
      period: "2026",
      units: ["u1"],
      applyCoverage: false,
    });
    const u1 = run.result?.results[0];
    // core 1; extra = sqrt((0 + 3) / 4); total = 100 x 1^0.6 x extra^0.4.
    expect(u1?.score).toBeCloseTo(100 * Math.sqrt(0.75) ** 0.4, 12);
    expect(u1?.blocks.extra?.score).toBeCloseTo(40 * Math.sqrt(0.75), 12);
  });
});

describe("a level's own formula (aggregation: formula)", () => {
  const outerFormula = (formula: string): [string, string] => [
    "    aggregation: min\n",
    `    aggregation: formula\n    formula: ${formula}\n`,
  ];

  it("scores a group by its formula over its members' scores, clamped to 0..1, and leaves it out when a member is", () => {
    const { ruleset, diagnostics } = loadLevels({
      "blocks/1-core.yaml": [outerFormula("score(ic) / (score(inner) + score(ic))")],
    });
    expect(codes(diagnostics)).toEqual([]);
    const data = [
      ...["a", "b", "c", "d", "e", "f"].map((f) => cell("u1", f, "2026", f === "c" ? 80 : 50)),
      ...["a", "b", "d", "e", "f"].map((f) => cell("u3", f, "2026", 50)),
    ];
    const run = rateFixture(ruleset as NonNullable<typeof ruleset>, data, {
      period: "2026",
      units: ["u1", "u3"],
      applyCoverage: false,
    });
    const [u1, u3] = ["u1", "u3"].map((id) => run.result?.results.find((r) => r.unit === id));
    // inner = harmonic(0.5, 0.5) = 0.5, ic = 0.8: outer = 0.8 / 1.3; core = (2 outer + i_d 0.5) / 3 of 60.
    const outer = 0.8 / 1.3;
    expect(u1?.groups?.outer?.score).toBeCloseTo(outer, 14);
    expect(u1?.blocks.core?.score).toBeCloseTo((60 * (2 * outer + 0.5)) / 3, 12);
    // u3 has no c (policy exclude): score(ic) is missing, so outer is left out and i_d carries core alone.
    expect(u3?.groups?.outer).toBeUndefined();
    expect(u3?.indicators.i_d?.weight).toBe(60);
    expect(u3?.blocks.core?.score).toBeCloseTo(30, 12);
    // Above 1 is clamped: 2 x score(ic) = 1.6 counts as 1.
    const clamped = loadLevels({ "blocks/1-core.yaml": [outerFormula("2 * score(ic)")] }).ruleset;
    const again = rateFixture(clamped as NonNullable<typeof clamped>, data, {
      period: "2026",
      units: ["u1"],
      applyCoverage: false,
    });
    expect(again.result?.results[0]?.groups?.outer?.score).toBe(1);
  });

  it("checks the formula: its members' scores only (R286), a number, and aggregation and formula together (R285)", () => {
    const messages = (formula: string | undefined, aggregation = "formula") =>
      loadLevels({
        "blocks/1-core.yaml": [
          [
            "    aggregation: min\n",
            `    aggregation: ${aggregation}\n${formula === undefined ? "" : `    formula: ${formula}\n`}`,
          ],
        ],
      }).diagnostics.map((d) => `${d.code} ${d.message}`);
    expect(messages(undefined)).toEqual(["R285 group `outer` has `aggregation: formula` but no `formula`"]);
    expect(messages("score(ic)", "min")).toEqual([
      "R285 group `outer` has a formula, but its aggregation is min, so the formula would be ignored",
    ]);
    expect(messages("1 - inner")).toEqual([
      "R286 `inner` would be a value; the formula of group `outer` reads its members' scores: write score(inner)",
    ]);
    expect(messages("score(i_d)")).toEqual([
      "R286 `i_d` is not a member of group `outer`, whose formula reads only its members' scores (score(inner), score(ic))",
    ]);
    expect(messages("score(ic) > 0.5")).toEqual([
      "R286 the formula of group `outer` gives yes/no, but a level's score is a number",
    ]);
    const unknown = loadLevels({ "blocks/1-core.yaml": [outerFormula("score(icc)")] }).diagnostics;
    expect(unknown.map((d) => [d.code, d.message, d.suggestion])).toEqual([
      ["F200", "unknown name `score(icc)`", expect.stringContaining("score(ic)")],
    ]);
  });
});

describe("diff of levels", () => {
  it("lists a group's changed weight and aggregation under its block, and a declared total", () => {
    const old = loadLevels().ruleset;
    const changed = loadLevels({
      "blocks/1-core.yaml": [
        ["    weight: 2\n    aggregation: min", "    weight: 3\n    aggregation: min"],
        ["aggregation: harmonic", "aggregation: geometric"],
      ],
      "ruleset.yaml": [["scale: 100\n", "scale: 100\ntotal: { aggregation: geometric }\n"]],
    }).ruleset;
    const changes = diffRulesets(old as NonNullable<typeof old>, changed as NonNullable<typeof changed>).changes;
    expect(changes.map((c) => [c.element, c.id, c.property, c.old, c.new])).toEqual([
      ["ruleset", "levels", "total.aggregation", "arithmetic", "geometric"],
      ["block", "core", "groups.outer.weight", 2, 3],
      ["block", "core", "groups.inner.aggregation", "harmonic", "geometric"],
    ]);
  });
});

describe("checks of levels", () => {
  it("reports a helper with a weight, a block without one, an empty group, a bad exponent, a duplicate group id", () => {
    const { diagnostics } = loadLevels({
      "blocks/3-aux.yaml": [["helper: true\n", "helper: true\nweight: 5\n"]],
      "blocks/2-extra.yaml": [
        ["weight: 40\n", ""],
        ["exponent: 2\n", ""],
      ],
      "blocks/1-core.yaml": [["      - id: inner\n", "      - id: extra\n"]],
    });
    expect(codes(diagnostics)).toEqual(expect.arrayContaining(["R232", "R284", "R201"]));
    expect(diagnostics.filter((d) => d.code === "R232")).toHaveLength(2);
  });

  it("reports a cycle through score(): an indicator reading the score of its own group", () => {
    const { diagnostics } = loadLevels({
      "blocks/1-core.yaml": [["formula: a,", "formula: score(inner) * 100,"]],
    });
    expect(codes(diagnostics)).toContain("R220");
  });

  it("score() of an unknown name is an unknown name, and grades_on must name an indicator", () => {
    const { diagnostics } = loadLevels({
      "blocks/3-aux.yaml": [["score(ia) - score(ib)", "score(nothing) - score(ib)"]],
      "ruleset.yaml": [["grades_on: gap", "grades_on: nothing"]],
    });
    expect(codes(diagnostics)).toEqual(expect.arrayContaining(["R222"]));
    expect(diagnostics.some((d) => d.message.includes("score(nothing)"))).toBe(true);
  });

  it("warns (R236) at a geometric block whose weights 2/1/1/2 try to average two indicators first", () => {
    const flat = [
      "block: hdi",
      "name: { kk: АӘДИ }",
      "weight: 1",
      "aggregation: geometric",
      "indicators:",
      ...[
        ["life_expectancy_index", "life_expectancy", 2, "min: 20, max: 85"],
        ["expected_schooling_index", "expected_schooling", 1, "min: 0, max: 18"],
        ["mean_schooling_index", "mean_schooling", 1, "min: 0, max: 15"],
        ["income_index", "gni_per_capita", 2, "min: 100, max: 75000, transform: ln"],
      ].map(
        ([id, f, w, g]) =>
          `  - { id: ${id}, name: { kk: x }, formula: ${f}, better: higher, weight: ${w}, score: { method: goalposts, ${g} } }`,
      ),
    ].join("\n");
    const { diagnostics } = loadRuleset(GROUPS, {
      readFile: (p) => (p.endsWith("hdi.yaml") ? `${flat}\n` : undefined),
    });
    const lint = diagnostics.filter((d) => d.code === "R236");
    expect(lint.map((d) => [d.severity, d.range.start.line])).toEqual([["warning", 4]]);
    // The same index with groups: no warning.
    expect(codes(loadRuleset(GROUPS).diagnostics)).not.toContain("R236");
  });

  it("needs no grades: a rating without its own and without the ruleset's gives no grade (no grade key)", () => {
    const noGrades: [string, string] = [
      "grades:\n  - { id: good, min: 60, label: { kk: Жақсы, ru: Хорошо, en: Good } }\n  - { id: weak, min: 0, label: { kk: Әлсіз, ru: Слабо, en: Weak } }\n",
      "",
    ];
    const { ruleset, diagnostics } = loadLevels({ "ruleset.yaml": [noGrades] });
    expect(codes(diagnostics)).toEqual([]);
    const data = ["a", "b", "c", "d", "e", "f"].map((f) => cell("u1", f, "2026", 50));
    const ungraded = rateFixture(ruleset as NonNullable<typeof ruleset>, data, { period: "2026", units: ["u1"] });
    expect(ungraded.result?.results[0]).not.toHaveProperty("grade");
    // The same with the ruleset's grades: a grade, and the rating's own grades keep theirs.
    const graded = rateFixture(loadLevels().ruleset as NonNullable<typeof ruleset>, data, {
      period: "2026",
      units: ["u1"],
    });
    expect(graded.result?.results[0]?.grade).toBe("weak");
  });

  it("two-level rulesets are unchanged: no level warnings for the mini fixture", () => {
    const { diagnostics } = loadRuleset(join(import.meta.dirname, "..", "rules", "fixtures", "mini", "2026.1"));
    expect(codes(diagnostics).filter((c) => ["R222", "R232", "R233", "R284", "R236"].includes(c))).toEqual([]);
  });
});
