import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { discoverRulesets } from "../../src/rules/discover.js";
import { loadFamily, loadRuleset } from "../../src/rules/load.js";

const RULES = join(import.meta.dirname, "..", "..", "..", "rules");
const short = (d: { code: string; file?: string; range: { start: { line: number } }; message: string }) =>
  `${d.code} ${d.file?.slice(RULES.length + 1)}:${d.range.start.line} ${d.message}`;

describe("the project's rulesets validate clean", () => {
  test("rules/turkistan/districts: every version, no errors and no warnings", () => {
    const family = loadFamily(join(RULES, "turkistan", "districts"));
    expect(family.diagnostics.map(short)).toEqual([]);
    expect(family.versions.length).toBeGreaterThanOrEqual(2);
    const latest = loadRuleset(join(RULES, "turkistan", "districts"));
    const indicators = latest.ruleset?.blocks.flatMap((b) => b.indicators) ?? [];
    // The news item: 67 indicators in 9 blocks, 2 formed at the regional level, 17 units.
    expect(latest.ruleset?.blocks).toHaveLength(9);
    expect(indicators).toHaveLength(67);
    expect(indicators.filter((i) => i.source === "region")).toHaveLength(2);
    expect(latest.ruleset?.units).toHaveLength(17);
  });

  test("every other ruleset under rules/", () => {
    for (const target of discoverRulesets(RULES)) {
      const result = target.kind === "family" ? loadFamily(target.path) : loadRuleset(target.path);
      expect(result.diagnostics.map(short), target.path).toEqual([]);
    }
  });
});

describe("the Turkistan fields say what their values may be", () => {
  const versions = ["districts/2025.1", "districts/2026.1", "departments/2026.1", "procurement/2026.1"];
  test.each(versions)("%s: counts whole and not negative, shares 0..100, amounts not negative", (version) => {
    const fields = loadRuleset(join(RULES, "turkistan", version)).ruleset?.fields ?? [];
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) {
      const where = `${version} ${f.id} (${f.measure})`;
      expect(f.values, where).toBeDefined();
      if (["count", "persons", "places", "head"].includes(f.measure))
        expect(f.values, where).toEqual({ integer: true, nonNegative: true });
      if (["mln KZT", "thousand KZT", "thousand USD"].includes(f.measure))
        expect(f.values, where).toEqual({ nonNegative: true });
      if (f.measure === "%")
        expect(f.values, where).toEqual(f.id.includes("index") ? { nonNegative: true } : { share: true });
    }
  });
});
