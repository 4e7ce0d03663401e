import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExplainTrace } from "../../src/scoring/trace.js";
import { runInProcess } from "../support/run-cli.js";

/**
 * explain on an ascending rating (the gallery's GII, lowest first): the best unit of an indicator that counts
 * is the lowest score, and "lost" is the points above the best total, 0. Hand-checked against the HDR
 * 2023/24: Denmark has the lowest GII (0.009, rank 1), Norway is second (0.012).
 */
const ROOT = resolve(import.meta.dirname, "../../..");
const GII = "rules/examples/gii";
const explain = (lang: string, format = "text") =>
  runInProcess(
    ["explain", GII, "nor", "--data", `${GII}/data`, "--period", "2022", "--lang", lang, "--format", format],
    ROOT,
  );

describe("explain on an ascending rating", () => {
  it("names Denmark, the lowest GII, as best, and counts Norway's points as lost", async () => {
    const run = await explain("en", "json");
    expect(run.code).toBe(0);
    const t = JSON.parse(run.stdout) as ExplainTrace;
    expect(t.order).toBe("ascending");
    expect(t.rank).toBe(2);
    const gii = t.blocks.find((b) => b.id === "gii");
    const value = gii?.indicators[0];
    expect(value?.best).toMatchObject({ by: "lowest", unit: "dnk" });
    expect(value?.best?.score).toBeCloseTo(0.009, 3);
    // Norway's GII is its points; lost is the distance from the best GII of 0, not 1 - 0.012.
    expect(t.total).toBeCloseTo(0.012, 3);
    expect(value?.lost).toBe(t.total);
    expect(gii?.lost).toBe(t.total);
    // A helper's indicator has no direction in the total: its best is the highest score, said so.
    const parliament = t.blocks
      .find((b) => b.id === "female")
      ?.indicators.find((i) => i.id === "parliament_female_index");
    expect(parliament?.best).toMatchObject({ by: "highest", unit: "rwa" });
  });

  it("says so in words, in English and in Russian", async () => {
    const en = (await explain("en")).stdout;
    expect(en).toContain("(0.012; lower is better)");
    expect(en).toMatch(/best \(lowest score\): Denmark \(dnk\)/);
    expect(en).toMatch(/highest score: Rwanda \(rwa\) = 54\.71698113/);
    expect(en).not.toContain("Yemen (yem) = 0.8");
    const ru = (await explain("ru")).stdout;
    expect(ru).toContain("чем ниже, тем лучше");
    expect(ru).toMatch(/лучший \(наименьшая оценка\): .+ \(dnk\)/);
  });

  it("gives no grade where the rating has none (the GII): no grade in JSON, explain, the table or the CSV", async () => {
    const t = JSON.parse((await explain("en", "json")).stdout) as ExplainTrace;
    expect(t.grade).toBeUndefined();
    // The total line ends with the rank: no "Grade none", "Зона" or "Аймақ" after it.
    const lines = { en: "Rank 2 of 166", ru: "Место 2 из 166", kk: "166 ішінен 2" } as const;
    for (const lang of ["en", "ru", "kk"] as const) {
      const text = (await explain(lang)).stdout;
      const total = text.split("\n").find((l) => l.includes(lines[lang])) ?? "";
      expect(total, lang).toMatch(new RegExp(`${lines[lang]}$`));
      expect(text, lang).not.toMatch(/Grade|Зона|Аймақ/);
    }
    const rate = await runInProcess(["rate", GII, "--data", `${GII}/data`, "--period", "2022", "--lang", "en"], ROOT);
    expect(rate.code).toBe(0);
    expect(rate.stdout).not.toContain("Grade");
    // total, then the share with data: no grade cell between them
    expect(rate.stdout).toMatch(/166\s+Yemen\s+0\.820 100% 0\.8/);
    const json = await runInProcess(
      ["rate", GII, "--data", `${GII}/data`, "--period", "2022", "--format", "json"],
      ROOT,
    );
    const results = (JSON.parse(json.stdout) as { results: { grade?: string }[] }).results;
    expect(results).toHaveLength(166);
    expect(results.some((r) => "grade" in r)).toBe(false);
  });
});
