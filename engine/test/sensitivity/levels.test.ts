import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Ruleset } from "../../src/model/ruleset.js";
import { loadRuleset } from "../../src/rules/load.js";
import { analyseSensitivity } from "../../src/sensitivity/analysis.js";
import type { Assumption } from "../../src/sensitivity/assumptions.js";
import { RankModel } from "../../src/sensitivity/rank-model.js";
import { cell, rateFixture } from "../scoring/fixture.js";
import { runInProcess } from "../support/run-cli.js";

/**
 * Sensitivity through the levels, on the scoring fixture `levels` (core 60 > outer (weight 2, min) > inner
 * (weight 1, harmonic) > ia, ib; outer's ic; core's i_d (weight 1); extra 40; every score is field / 100).
 */
const LEVELS = join(import.meta.dirname, "../scoring/fixtures/levels/2026.1");
const AT = {
  file: "assumptions.yaml",
  range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
};

function run(rating: string, values: Record<string, Record<string, number>>) {
  const ruleset = loadRuleset(LEVELS).ruleset as Ruleset;
  const data = Object.entries(values).flatMap(([unit, fields]) =>
    Object.entries(fields).map(([f, v]) => cell(unit, f, "2026", v)),
  );
  return {
    ruleset,
    run: rateFixture(ruleset, data, { period: "2026", rating, units: Object.keys(values), applyCoverage: false }),
  };
}

describe("sensitivity through the levels", () => {
  // u1 is strong in outer (1) and weak in i_d (0), u2 the reverse; extra is the same for both.
  // core: u1 (2 x 1 + 1 x 0) / 3 = 2/3, u2 1/3, so u1 ranks first. With outer's weight x 0.1 (spread 0.9,
  // U = 0: factor 1 - 0.9), core is u1 0.2 / 1.2 = 1/6 and u2 1 / 1.2 = 5/6: u2 first.
  const { ruleset, run: rated } = run("main", {
    u1: { a: 100, b: 100, c: 100, d: 0, e: 50, f: 50 },
    u2: { a: 0, b: 0, c: 0, d: 100, e: 50, f: 50 },
  });
  const groupWeights: Assumption = { id: "g", kind: "group-weights", spread: 0.9, at: AT };

  it("varies each group's weight in its parent, groups depth first, and aggregates the levels again", () => {
    const model = new RankModel(ruleset, rated, [groupWeights]);
    expect(model.sizes).toEqual([2]); // outer, inner
    const rank = (point: number[]) => [...model.evaluate(Float64Array.from(point)).ranks];
    expect(rank([0.5, 0.5])).toEqual([1, 2]); // factor 1 for both: as rated
    expect(model.units).toEqual(["u1", "u2"]);
    expect(rank([0, 0.5])).toEqual([2, 1]); // outer x 0.1
    expect(rank([0.5, 0])).toEqual([1, 2]); // inner x 0.1: alone in outer (ic is scored too, but min keeps 1)
  });

  it("varies an indicator's weight in its level (the levels read the varied weights)", () => {
    // extra is a power mean (exponent 2) of ie (weight 1) and if_ (3): u1 scores 1 and 0, u2 0 and 1, so
    // extra is u1 sqrt(1/4) = 0.5, u2 sqrt(3/4); core is the same for both: u2 first. With ie x 1.9 and if_
    // x 0.1 (spread 0.9, U near 1 and 0): u1 sqrt(1.9 / 2) against u2 sqrt(0.1 / 2): u1 first.
    const { ruleset: r, run: extra } = run("main", {
      u1: { a: 50, b: 50, c: 50, d: 50, e: 100, f: 0 },
      u2: { a: 50, b: 50, c: 50, d: 50, e: 0, f: 100 },
    });
    const model = new RankModel(r, extra, [
      { id: "i", kind: "indicator-weights", spread: 0.9, blocks: ["extra"], at: AT },
    ]);
    expect(model.sizes).toEqual([2]);
    expect(model.units).toEqual(["u2", "u1"]);
    expect([...model.nominal.ranks]).toEqual([1, 2]);
    expect([...model.evaluate(Float64Array.from([0.9999, 0])).ranks]).toEqual([2, 1]);
  });

  it("decides zones on the rating's own grades, and ranks an ascending rating lowest first", () => {
    // low_first: extra only, ascending, graded on gap = score(ia) - score(ib): u1 0 (even), u2 0 (even).
    const { ruleset: r, run: low } = run("low_first", {
      u1: { a: 80, b: 40, c: 0, d: 0, e: 10, f: 10 },
      u2: { a: 40, b: 40, c: 0, d: 0, e: 90, f: 90 },
    });
    const report = analyseSensitivity(r, low, {
      runs: 4,
      seed: 1,
      assumptions: [{ id: "w", kind: "indicator-weights", spread: 0, at: AT }],
    });
    const rated = Object.fromEntries(low.result?.results.map((u) => [u.unit, u]) ?? []);
    // u1 gap 0.8 - 0.4 = 0.4 > 0: ahead; u2 0: even. u1's total is the lower: first on an ascending rating.
    expect(rated.u1?.grade).toBe("ahead");
    expect(rated.u2?.grade).toBe("even");
    expect(rated.u1?.rank).toBe(1);
    for (const u of report.units) {
      expect(u.nominalRank).toBe(rated[u.unit]?.rank);
      expect(u.nominalGrade).toBe(rated[u.unit]?.grade);
      expect(Object.keys(u.zones)).toEqual(["even", "ahead", "behind"]);
      expect(u.zones[u.nominalGrade]).toBe(1);
    }
  });

  it("reads `weights: groups` from an assumptions file, and names the kind in the reader's language", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tarazy-sensitivity-levels-"));
    try {
      const file = join(dir, "assumptions.yaml");
      writeFileSync(file, "sensitivity:\n  runs: 8\n  assumptions:\n    - { id: gw, weights: groups, spread: 0.5 }\n");
      const root = join(import.meta.dirname, "../../..");
      const args = [
        "sensitivity",
        "engine/test/scoring/fixtures/levels",
        "--data",
        "engine/test/report/fixtures/levels-2026.csv",
      ];
      const common = [...args, "--period", "2026", "--assumptions", file];
      const json = await runInProcess([...common, "--format", "json"], root);
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout).assumptions[0]).toMatchObject({ id: "gw", kind: "group-weights", parameters: 2 });
      const kk = await runInProcess([...common, "--lang", "kk"], root);
      expect(kk.stdout).toMatch(/gw +топ салмақтары +2 /);
      // A rating without groups has none to vary: U104 at the `weights` value, and no analysis.
      const mini = [
        "sensitivity",
        "engine/test/scoring/fixtures/mini",
        "--data",
        "engine/test/scoring/fixtures/mini/sample-data",
      ];
      const none = await runInProcess([...mini, "--period", "2026-Q1", "--assumptions", file], root);
      expect(none.code).toBe(1);
      expect(none.stderr).toContain(
        "assumptions.yaml:4:26: error U104: 'gw' varies group weights, but the rating has no groups",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
