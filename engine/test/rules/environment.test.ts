import { describe, expect, test } from "vitest";
import { rulesetEnvironment, slotLayout } from "../../src/rules/environment.js";
import { loadRuleset } from "../../src/rules/load.js";
import { MINI_2026 } from "./helpers.js";

const ruleset = loadRuleset(MINI_2026).ruleset;
if (!ruleset) throw new Error("the mini ruleset must load");

describe("rulesetEnvironment and the slot layout", () => {
  test("fields, then indicators, then unit.kind and the attributes by name, then value", () => {
    const layout = slotLayout(ruleset);
    expect([...layout.fields]).toEqual([
      ["revenue", 0],
      ["revenue_plan", 1],
      ["jobs", 2],
      ["schools_ready", 3],
      ["harvest", 4],
    ]);
    expect([...layout.indicators]).toEqual([
      ["revenue_execution", 5],
      ["jobs_per_1000", 6],
      ["schools", 7],
      ["harvest_ok", 8],
    ]);
    expect([...layout.attributes]).toEqual([
      ["kind", 9],
      ["farmland_ha", 10],
      ["kato", 11],
      ["population", 12],
    ]);
    expect(layout.value).toBe(13);
    expect(layout.size).toBe(14);
  });

  test("the same slot for a name in every scope, and the same objects on every call", () => {
    const names = (scope: "indicator" | "score" | "when") =>
      [...rulesetEnvironment(ruleset, scope).bindings()].map((b) => `${b.name}@${b.slot}`);
    expect(names("indicator")).toHaveLength(13);
    expect(names("score")).toEqual([...names("indicator"), "value@13"]);
    expect(names("when")).toEqual(["unit.kind@9", "unit.farmland_ha@10", "unit.kato@11", "unit.population@12"]);
    expect(rulesetEnvironment(ruleset, "score")).toBe(rulesetEnvironment(ruleset, "score"));
  });

  test("types: fields are numbers, a yesno indicator is yes/no, attributes take their values' type", () => {
    const env = rulesetEnvironment(ruleset, "score");
    expect(env.lookup("harvest")).toMatchObject({ kind: "field", type: "number", measure: "t/ha" });
    expect(env.lookup("harvest_ok")).toMatchObject({ kind: "indicator", type: "boolean" });
    expect(env.lookup("revenue_execution")).toMatchObject({ kind: "indicator", type: "number", measure: "%" });
    expect(env.lookup("unit.kato")).toMatchObject({ kind: "attribute", type: "string" });
    expect(env.lookup("unit.kind")).toMatchObject({ kind: "attribute", type: "string" });
    expect(env.lookup("unit.population")).toMatchObject({ kind: "attribute", type: "number" });
    expect(env.lookup("value")).toMatchObject({ kind: "value", type: "number" });
    expect(rulesetEnvironment(ruleset, "when").lookup("revenue")).toBeUndefined();
  });
});
