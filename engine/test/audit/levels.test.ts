import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditRun } from "../../src/audit/audit.js";
import type { Ruleset } from "../../src/model/ruleset.js";
import { loadRuleset } from "../../src/rules/load.js";
import type { Evaluator } from "../../src/scoring/evaluator.js";
import { cell, rateFixture } from "../scoring/fixture.js";
import { runInProcess } from "../support/run-cli.js";

/**
 * The audit through the levels, on the scoring fixture `levels` (three levels: core > outer > inner; every
 * score is field / 100). Weights by hand: core 60 and extra 40 of 100 (aux is a helper, weight 0); in core,
 * outer (weight 2) and i_d (1) share 0.6 as 0.4 and 0.2; in outer, inner (1) and ic (1) 0.2 each; in inner,
 * ia and ib 0.1 each; in extra, ie (1) and if_ (3) 0.1 and 0.3. Flat weights would give each of core's four
 * indicators 0.15.
 */
const LEVELS = join(import.meta.dirname, "../scoring/fixtures/levels/2026.1");

function audit() {
  const ruleset = loadRuleset(LEVELS).ruleset as Ruleset;
  // ia 0.2, 0.4, 0.6 and ib 0.6, 0.2, 0.4: each has sample variance 0.04, their sum 0.8, 0.6, 1.0 too, and
  // their covariance is -0.02. So r = -0.02 / 0.04 = -0.5 and alpha = 2 (1 - 0.08 / 0.04) = -2.
  const a = [20, 40, 60];
  const b = [60, 20, 40];
  const c = [90, 95, 99]; // above inner everywhere: outer (min) is inner
  const data = ["u1", "u2", "u3"].flatMap((u, k) => [
    cell(u, "a", "2026", a[k] as number),
    cell(u, "b", "2026", b[k] as number),
    cell(u, "c", "2026", c[k] as number),
    ...["d", "e", "f"].map((f) => cell(u, f, "2026", 50 + k)),
  ]);
  const run = rateFixture(ruleset, data, { period: "2026", rating: "main", applyCoverage: false });
  return auditRun((run.evaluator as Evaluator).prepared, run);
}

describe("the audit through the levels", () => {
  const report = audit();

  it("gives each indicator its nominal weight through the groups, and names its innermost group", () => {
    const weights = Object.fromEntries(report?.indicators.map((i) => [i.id, i.nominalWeight]) ?? []);
    expect(weights.ia).toBeCloseTo(0.1, 15);
    expect(weights.ib).toBeCloseTo(0.1, 15);
    expect(weights.ic).toBeCloseTo(0.2, 15);
    expect(weights.i_d).toBeCloseTo(0.2, 15);
    expect(weights.ie).toBeCloseTo(0.1, 15);
    expect(weights.if_).toBeCloseTo(0.3, 15);
    expect(weights.gap).toBe(0); // a helper's
    const ia = report?.indicators.find((i) => i.id === "ia");
    expect(ia?.group).toBe("inner");
    expect(report?.indicators.find((i) => i.id === "i_d")?.group).toBeUndefined();
  });

  it("audits each group over its members: correlations, alpha, its parent and its nominal weight", () => {
    const groups = report?.groups ?? [];
    expect(groups.map((g) => [g.id, g.block, g.parent])).toEqual([
      ["outer", "core", undefined],
      ["inner", "core", "outer"],
    ]);
    const [outer, inner] = groups;
    expect(outer?.correlations.ids).toEqual(["inner", "ic"]);
    expect(outer?.nominalWeight).toBeCloseTo(0.4, 15);
    expect(inner?.correlations.ids).toEqual(["ia", "ib"]);
    expect(inner?.correlations.pearson[0]?.[1]).toBeCloseTo(-0.5, 12);
    expect(inner?.alpha).toBeCloseTo(-2, 12);
    expect(inner?.alphaUnits).toBe(3);
    expect(inner?.nominalWeight).toBeCloseTo(0.2, 15);
    // outer is the min of inner and ic, and ic is the higher everywhere: outer's scores are inner's.
    expect(inner?.withParent.pearson).toBeCloseTo(1, 12);
  });

  it("takes a grouped block's alpha over its members, and keeps its indicators' correlations", () => {
    const core = report?.blocks.find((b) => b.id === "core");
    expect(core?.members?.ids).toEqual(["outer", "i_d"]);
    expect(core?.correlations.ids).toEqual(["ia", "ib", "ic", "i_d"]);
    const extra = report?.blocks.find((b) => b.id === "extra");
    expect(extra?.members).toBeUndefined();
  });
});

describe("the audit of the gallery's HDI (193 countries)", () => {
  it("runs, and weighs the HDI's indicators through its three dimensions", async () => {
    const root = join(import.meta.dirname, "../../..");
    const args = ["audit", "rules/examples/hdi", "--period", "2022", "--data", "rules/examples/hdi/data"];
    const run = await runInProcess([...args, "--format", "json"], root);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    // A third each for health, education and income; education's two schooling indices a sixth each.
    const weights = Object.fromEntries(
      report.indicators.map((i: { id: string; nominalWeight: number }) => [i.id, i.nominalWeight]),
    );
    expect(weights.life_expectancy_index).toBeCloseTo(1 / 3, 15);
    expect(weights.expected_schooling_index).toBeCloseTo(1 / 6, 15);
    expect(weights.mean_schooling_index).toBeCloseTo(1 / 6, 15);
    expect(weights.income_index).toBeCloseTo(1 / 3, 15);
    expect(report.blocks[0].members.ids).toEqual(["health", "education", "income"]);
    const education = report.groups.find((g: { id: string }) => g.id === "education");
    expect(education.correlations.ids).toEqual(["expected_schooling_index", "mean_schooling_index"]);
    expect(education.alphaUnits).toBe(193);
    // The text and the page list each block's groups under it, with their alpha over their members.
    const text = await runInProcess([...args, "--lang", "en"], root);
    expect(text.stdout).toMatch(/\n {2}education +2 +0\.87 +193 /);
    const page = await runInProcess([...args, "--format", "html"], root);
    expect(page.stdout).toContain('<td style="padding-left:1.5em">education</td><td>2</td>');
    expect(page.stdout).toContain("<h3>education</h3>");
  });
});
