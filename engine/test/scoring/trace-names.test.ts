import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { renderTrace } from "../../src/cli/explain-text.js";
import { rateCommandCore } from "../../src/cli/rating-session.js";
import { parsePeriod } from "../../src/data/period.js";
import { explainUnit, type IndicatorTrace } from "../../src/scoring/trace.js";

const ROOT = resolve(import.meta.dirname, "../../..");
const DISTRICTS = resolve(ROOT, "rules/turkistan/districts");

/** Turkistan city in the sample's 2026-Q3: its September plan of communal property receipts is missing. */
async function trace() {
  const period = parsePeriod("2026-Q3");
  if (!period) throw new Error("period");
  const batch = await rateCommandCore({
    ruleset: DISTRICTS,
    data: [resolve(DISTRICTS, "sample-data")],
    periods: [period],
    cwd: ROOT,
  });
  const rated = batch.rated[0];
  if (!rated) throw new Error("not rated");
  const t = explainUnit(rated.run, "turkistan");
  if (!t) throw new Error("no trace");
  return t;
}

function indicator(t: Awaited<ReturnType<typeof trace>>, id: string): IndicatorTrace {
  const found = t.blocks.flatMap((b) => b.indicators).find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
}

describe("explain names what is missing and who is best, in the reader's language", () => {
  it("a missing plan is the reason of an achievement indicator, in kk and ru words, not English", async () => {
    const t = await trace();
    const i = indicator(t, "communal_property_execution");
    expect(i.status).toBe("missing-zero");
    expect(i.missing).toMatchObject({ kind: "no-data", name: "communal_property_receipts_plan", period: "2026-09" });
    const ru = renderTrace(t, "ru", ROOT);
    expect(ru).toContain("причина: нет значения communal_property_receipts_plan для turkistan за 2026-09");
    expect(ru).not.toContain("no value of");
    expect(renderTrace(t, "kk", ROOT)).toContain(
      "turkistan үшін 2026-09 кезеңінде communal_property_receipts_plan мәні жоқ",
    );
  });

  it("the best unit is shown by its name in the language, with its id", async () => {
    const t = await trace();
    const best = indicator(t, "new_facilities_execution").best;
    expect(best).toMatchObject({ unit: "turkistan", name: { ru: "г. Туркестан" } });
    expect(renderTrace(t, "ru", ROOT)).toContain("лучший: г. Туркестан (turkistan) = 7, оценка 1");
  });
});
