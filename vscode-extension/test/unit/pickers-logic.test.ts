import { describe, expect, it } from "vitest";
import { defaultComparison, orderRulesets, relativeLabel, rulesetOf } from "../../src/pickers-logic.js";
import type { RulesetInfo } from "../../src/protocol.js";

const ruleset = (path: string, versions: RulesetInfo["versions"] = []): RulesetInfo => ({
  path,
  name: path.split("/").pop() ?? path,
  versions,
  dataFolders: [],
  periods: [],
});
const a = ruleset("/w/rules/districts");
const b = ruleset("/w/rules/districts-extra");
const c = ruleset("/w/rules/procurement");

describe("pickers", () => {
  it("finds the ruleset of a path by folder, not by name prefix", () => {
    expect(rulesetOf([a, b, c], "/w/rules/districts-extra/2026.1/ruleset.yaml")).toBe(b);
    expect(rulesetOf([a, b, c], "/w/rules/districts/2026.1/blocks/01.yaml")).toBe(a);
    expect(rulesetOf([a, b, c], "/w/other.yaml")).toBeUndefined();
  });
  it("offers the active file's ruleset first", () => {
    expect(orderRulesets([a, b, c], "/w/rules/procurement/x.yaml")).toEqual([c, a, b]);
    expect(orderRulesets([a, b, c], undefined)).toEqual([a, b, c]);
  });
  it("compares the newest version with the one before it, by start month", () => {
    const versions = [
      { version: "2026.1", path: "/v2", from: "2026-01" },
      { version: "2024.1", path: "/v0", from: "2024-01", to: "2024-12" },
      { version: "2025.1", path: "/v1", from: "2025-01", to: "2025-12" },
    ];
    expect(defaultComparison(versions)).toEqual({ old: versions[2], new: versions[0] });
    expect(defaultComparison(versions.slice(0, 1))).toBeUndefined();
  });
  it("shows folders relative to the workspace", () => {
    expect(relativeLabel("/w/rules/districts/sample-data", ["/w"])).toBe("rules/districts/sample-data");
    expect(relativeLabel("/elsewhere/data", ["/w"])).toBe("/elsewhere/data");
  });
});
