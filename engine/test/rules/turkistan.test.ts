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
