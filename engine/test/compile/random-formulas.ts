import fc from "fast-check";
import type { Expr } from "../../src/formula/ast.js";
import type { Type } from "../../src/formula/environment.js";
import { MemoryContext, type MemoryData, type MemoryValue } from "../../src/formula/memory-context.js";
import { bin, bool, call, id, miss, num, str, unary } from "./ast-builder.js";
import { environment } from "./fixtures.js";

/** The names random formulas use: three number fields, an indicator, a condition and a text attribute. */
export const ENV = environment({
  x: "number",
  y: "number",
  z: "number",
  score: { type: "number", kind: "indicator" },
  ok: "boolean",
  kind: { type: "string", kind: "attribute" },
});

export const UNITS = ["arys", "kentau", "sairam"];
/** Two years of three months: prev from January and prev_year from 2025 reach before the data. */
export const PERIODS = ["2025-01", "2025-02", "2025-03", "2026-01", "2026-02", "2026-03"];

const NUMBER_FIELDS = ["x", "y", "z", "score"];

/** Numbers that stress the semantics: zeros, signs, halves, overflow-prone and tiny values. */
export const awkwardNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 2, 0.5, 2.5, -2.5, 1.005, 0.1, 3, 100, 4736, 4262.4, 1e308, -1e308, 1e-310, 90),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const numberLiteral = fc.constantFrom(0, 1, 2, 0.5, 2.5, 10, 100, 1e308, 0.1, 4736, 90).map(num);

/**
 * What a random formula may use: everything, or only what has a meaning over bare number columns
 * (compileColumns): no other periods or units, and no condition or text inputs.
 */
export type FormulaScope = "all" | "columns";

/** A well-typed random formula of `type`, at most `depth` levels deep. */
export function typedFormula(type: Type, depth: number, scope: FormulaScope = "all"): fc.Arbitrary<Expr> {
  const leaves = leavesOf(type, scope);
  if (depth <= 0) return leaves;
  const deeper = (t: Type) => typedFormula(t, depth - 1, scope);
  const any = fc.constantFrom<Type>("number", "boolean", "string").chain(deeper);
  const shared: fc.Arbitrary<Expr>[] = [
    fc.tuple(deeper("boolean"), deeper(type), deeper(type)).map(([c, a, b]) => call("if", c, a, b)),
    fc.array(deeper(type), { minLength: 2, maxLength: 3 }).map((args) => call("coalesce", ...args)),
  ];
  if (scope === "all") {
    shared.push(
      deeper(type).map((a) => call("prev", a)),
      deeper(type).map((a) => call("prev_year", a)),
    );
  }
  if (type === "number") {
    const n = deeper("number");
    return fc.oneof(
      { weight: 3, arbitrary: leaves },
      fc.tuple(n, fc.constantFrom("+", "-", "*", "/", "^" as const), n).map(([a, op, b]) => bin(a, op, b)),
      n.map((a) => unary("-", a)),
      fc
        .tuple(fc.constantFrom("abs", "sqrt", "ln", "log10", "exp", "round", "floor", "ceil"), n)
        .map(([f, a]) => call(f, a)),
      fc.tuple(fc.constantFrom("round", "floor", "ceil", "pow"), n, n).map(([f, a, b]) => call(f, a, b)),
      fc
        .tuple(fc.constantFrom("min", "max"), fc.array(n, { minLength: 1, maxLength: 3 }))
        .map(([f, args]) => call(f, ...args)),
      fc.tuple(n, n, n).map(([a, b, c]) => call("clamp", a, b, c)),
      ...(scope === "all" ? otherUnitsAndPeriods(n) : []),
      ...shared,
    );
  }
  if (type === "boolean") {
    const n = deeper("number");
    const b = deeper("boolean");
    return fc.oneof(
      { weight: 3, arbitrary: leaves },
      fc.tuple(n, fc.constantFrom("=", "<>", "<", "<=", ">", ">=" as const), n).map(([a, op, c]) => bin(a, op, c)),
      fc
        .tuple(deeper("string"), fc.constantFrom("=", "<>" as const), deeper("string"))
        .map(([a, op, c]) => bin(a, op, c)),
      fc.tuple(b, fc.constantFrom("=", "<>", "and", "or" as const), b).map(([a, op, c]) => bin(a, op, c)),
      b.map((a) => unary("not", a)),
      b.map((a) => call("not", a)),
      fc
        .tuple(fc.constantFrom("and", "or"), fc.array(b, { minLength: 2, maxLength: 3 }))
        .map(([f, args]) => call(f, ...args)),
      any.map((a) => call("is_missing", a)),
      ...shared,
    );
  }
  return fc.oneof({ weight: 3, arbitrary: leaves }, ...shared);
}

/** ytd, region_* and rank of a random number formula. */
function otherUnitsAndPeriods(n: fc.Arbitrary<Expr>): fc.Arbitrary<Expr>[] {
  return [
    fc.constantFrom(...NUMBER_FIELDS.slice(0, 3)).map((f) => call("ytd", id(f))),
    fc
      .tuple(fc.constantFrom("region_sum", "region_avg", "region_min", "region_max", "region_median"), n)
      .map(([f, a]) => call(f, a)),
    fc
      .tuple(n, fc.constantFrom(undefined, "asc", "desc"))
      .map(([a, order]) => (order ? call("rank", a, str(order)) : call("rank", a))),
  ];
}

function leavesOf(type: Type, scope: FormulaScope): fc.Arbitrary<Expr> {
  const inputs = scope === "all";
  switch (type) {
    case "number":
      return fc.oneof(numberLiteral, fc.constantFrom(...NUMBER_FIELDS).map(id), fc.constant(null).map(miss));
    case "boolean":
      return inputs
        ? fc.oneof(fc.boolean().map(bool), fc.constant("ok").map(id), fc.constant(null).map(miss))
        : fc.oneof(fc.boolean().map(bool), fc.constant(null).map(miss));
    case "string":
      return inputs
        ? fc.oneof(fc.constantFrom("city", "district", "").map(str), fc.constant("kind").map(id))
        : fc.constantFrom("city", "district", "").map(str);
  }
}

const cell = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: value }, fc.constant<"n/a">("n/a"), fc.constant(undefined));

/** Random data for every name, unit and period: values, n/a, or nothing (no data). */
export const randomData: fc.Arbitrary<MemoryData> = fc
  .record({
    x: fc.array(cell(awkwardNumber), { minLength: 18, maxLength: 18 }),
    y: fc.array(cell(awkwardNumber), { minLength: 18, maxLength: 18 }),
    z: fc.array(cell(awkwardNumber), { minLength: 18, maxLength: 18 }),
    score: fc.array(cell(awkwardNumber), { minLength: 18, maxLength: 18 }),
    ok: fc.array(cell(fc.boolean()), { minLength: 18, maxLength: 18 }),
    kind: fc.array(cell(fc.constantFrom("city", "district")), { minLength: 18, maxLength: 18 }),
  })
  .map((columns) => {
    const values: Record<string, Record<string, Record<string, MemoryValue>>> = {};
    for (const [name, cells] of Object.entries(columns)) {
      const byUnit: Record<string, Record<string, MemoryValue>> = {};
      UNITS.forEach((unit, u) => {
        const byPeriod: Record<string, MemoryValue> = {};
        PERIODS.forEach((period, p) => {
          const v = cells[u * PERIODS.length + p];
          if (v !== undefined) byPeriod[period] = v;
        });
        byUnit[unit] = byPeriod;
      });
      values[name] = byUnit;
    }
    return { units: UNITS, periods: PERIODS, values };
  });

export function contextOf(data: MemoryData): MemoryContext {
  return new MemoryContext(ENV, data);
}
