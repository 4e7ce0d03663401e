import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { rateCommandCore } from "../../src/cli/rating-session.js";
import { parsePeriod } from "../../src/data/period.js";
import { loadRuleset } from "../../src/rules/load.js";
import { previewUnit } from "../../src/workspace/preview.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const DISTRICTS = join(ROOT, "rules", "turkistan", "districts");

describe("previewUnit rates one unit in the latest period of the data, as tarazy rate does", () => {
  test("sairam in 2026-Q3 (the sample data's last quarter): the same numbers as the rate command", async () => {
    const ruleset = loadRuleset(join(DISTRICTS, "2026.1")).ruleset;
    if (!ruleset) throw new Error("the districts ruleset has errors");
    const { preview } = await previewUnit(ruleset, join(DISTRICTS, "sample-data"), "sairam");
    expect(preview).toMatchObject({ rating: "quarterly", period: "2026-Q3", unit: "sairam" });
    const period = parsePeriod("2026-Q3");
    if (!period) throw new Error("bad period");
    const batch = await rateCommandCore({
      ruleset: join(DISTRICTS, "2026.1"),
      data: [join(DISTRICTS, "sample-data")],
      periods: [period],
      rating: "quarterly",
      cwd: ROOT,
    });
    const rated = batch.rated[0]?.result.results.find((r) => r.unit === "sairam");
    expect(preview?.total).toBe(rated?.score);
    expect(preview?.indicators).toEqual(rated?.indicators);
  });
});
