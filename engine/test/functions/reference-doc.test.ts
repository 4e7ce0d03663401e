import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateFormula, formatValue, inputEnvironment } from "../../src/formula/evaluate.js";
import { MemoryContext, type MemoryValue } from "../../src/formula/memory-context.js";
import { renderFunctionReference } from "../../src/functions/reference-doc.js";
import { functionRegistry } from "../../src/functions/registry.js";
import { EXAMPLE_PERIOD, EXAMPLE_UNIT, type Example } from "../../src/functions/spec.js";

const DOC = fileURLToPath(new URL("../../../docs/functions.md", import.meta.url));

/** Evaluates an example as the reference describes it: one unit in EXAMPLE_PERIOD, with history and peers. */
function run(example: Example): string {
  const values: Record<string, Record<string, Record<string, MemoryValue>>> = {};
  const put = (name: string, unit: string, period: string, value: MemoryValue) => {
    const byUnit = values[name] ?? {};
    const byPeriod = byUnit[unit] ?? {};
    byPeriod[period] = value;
    byUnit[unit] = byPeriod;
    values[name] = byUnit;
  };
  for (const [name, v] of Object.entries(example.given ?? {})) put(name, EXAMPLE_UNIT, EXAMPLE_PERIOD, v);
  for (const [period, record] of Object.entries(example.history ?? {})) {
    for (const [name, v] of Object.entries(record)) put(name, EXAMPLE_UNIT, period, v);
  }
  for (const [unit, record] of Object.entries(example.peers ?? {})) {
    for (const [name, v] of Object.entries(record)) put(name, unit, EXAMPLE_PERIOD, v);
  }
  const firstValues = Object.fromEntries(
    Object.entries(values).map(([name, byUnit]) => {
      const all = Object.values(byUnit).flatMap((byPeriod) => Object.values(byPeriod));
      return [name, all.find((v) => v !== "n/a") ?? "n/a"];
    }),
  );
  const env = inputEnvironment(firstValues);
  const units = [EXAMPLE_UNIT, ...Object.keys(example.peers ?? {})];
  const periods = [EXAMPLE_PERIOD, ...Object.keys(example.history ?? {})];
  const context = new MemoryContext(env, { units, periods, values });
  const result = evaluateFormula(example.formula, { env, context, unit: 0, period: context.period(EXAMPLE_PERIOD) });
  if (result.value === undefined) return result.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ");
  return formatValue(result.value);
}

describe("the function registry", () => {
  it("has at least the functions the formula language promises", () => {
    const required = ["abs", "min", "max", "round", "floor", "ceil", "sqrt", "ln", "log10", "exp", "pow", "clamp"];
    required.push("if", "and", "or", "not", "coalesce", "is_missing", "prev", "prev_year", "ytd");
    required.push("region_sum", "region_avg", "region_min", "region_max", "region_median", "rank");
    expect(functionRegistry.names()).toEqual(expect.arrayContaining(required));
  });

  it("looks names up case-insensitively and prototype names not at all", () => {
    expect(functionRegistry.lookup("Round")?.name).toBe("round");
    expect(functionRegistry.lookup("REGION_AVG")?.name).toBe("region_avg");
    expect(functionRegistry.lookup("constructor")).toBeUndefined();
    expect(functionRegistry.lookup("__proto__")).toBeUndefined();
  });

  it("documents every function and parameter in kk, ru and en, with an example", () => {
    for (const spec of functionRegistry.all()) {
      for (const lang of ["kk", "ru", "en"] as const) {
        expect(spec.description[lang].length, `${spec.name} ${lang}`).toBeGreaterThan(10);
        for (const p of spec.parameters)
          expect(p.description[lang].length, `${spec.name}.${p.name}`).toBeGreaterThan(0);
      }
      expect(spec.examples.length, spec.name).toBeGreaterThan(0);
    }
  });

  describe("every example gives the result the reference shows", () => {
    const examples = functionRegistry.all().flatMap((spec) => spec.examples.map((e) => [spec.name, e] as const));
    it.each(examples)("%s: %j", (_name, example) => {
      expect(run(example)).toBe(example.result);
    });
  });
});

describe("docs/functions.md", () => {
  it("is the reference rendered from the registry (UPDATE_DOCS=1 rewrites it)", () => {
    const rendered = renderFunctionReference();
    if (process.env.UPDATE_DOCS === "1") writeFileSync(DOC, rendered);
    expect(readFileSync(DOC, "utf8")).toBe(rendered);
  });
});
