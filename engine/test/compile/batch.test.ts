import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFormula } from "../../src/check/checker.js";
import { compileColumns } from "../../src/compile/batch.js";
import { CompileError } from "../../src/compile/compiler.js";
import { interpret } from "../../src/compile/reference.js";
import type { Type } from "../../src/formula/environment.js";
import { MemoryContext, type MemoryValue } from "../../src/formula/memory-context.js";
import { parseFormula } from "../../src/formula/parser.js";
import { isMissing, type MissingReason } from "../../src/formula/value.js";
import { environment } from "./fixtures.js";
import { awkwardNumber, ENV, typedFormula } from "./random-formulas.js";

const NUMBER_INPUTS = ["x", "y", "z", "score"];
const PERIOD = "2026-01";

/** A cell of a column: a number, n/a, or no data. */
type Cell = number | "n/a" | undefined;

/** Columns of `rows` cells for the number inputs of ENV, with their values, n/a and gaps. */
const randomColumns = fc
  .integer({ min: 1, max: 40 })
  .chain((rows) =>
    fc.record(
      Object.fromEntries(
        NUMBER_INPUTS.map((name) => [
          name,
          fc.array(
            fc.oneof(
              { weight: 8, arbitrary: awkwardNumber as fc.Arbitrary<Cell> },
              fc.constant<Cell>("n/a"),
              fc.constant<Cell>(undefined),
            ),
            { minLength: rows, maxLength: rows },
          ),
        ]),
      ) as Record<string, fc.Arbitrary<Cell[]>>,
    ),
  );

const slotOf = (name: string) => ENV.lookup(name)?.slot as number;

/**
 * The same data both ways: typed columns (NaN where there is no value) for compileColumns, and a
 * MemoryContext with one unit per row for row-by-row evaluation, whose missing reasons the batch is told.
 */
function bothWays(cells: Record<string, Cell[]>) {
  const rows = (cells.x as Cell[]).length;
  const units = Array.from({ length: rows }, (_, r) => `u${r}`);
  const columns: Float64Array[] = [];
  const values: Record<string, Record<string, Record<string, MemoryValue>>> = {};
  for (const [name, list] of Object.entries(cells)) {
    columns[slotOf(name)] = Float64Array.from(list, (c) => (typeof c === "number" ? c : Number.NaN));
    values[name] = Object.fromEntries(
      list.map((c, r) => [units[r], c === undefined ? {} : { [PERIOD]: c }] as [string, Record<string, MemoryValue>]),
    );
  }
  const ctx = new MemoryContext(ENV, { units, periods: [PERIOD], values });
  const missingInput = (slot: number, row: number): MissingReason => {
    const name = NUMBER_INPUTS.find((n) => slotOf(n) === slot) as string;
    const kind = cells[name]?.[row] === "n/a" ? "not-applicable" : "no-data";
    return { kind, name, unit: units[row] as string, period: PERIOD };
  };
  return { rows, columns, ctx, missingInput };
}

describe("compileColumns gives what row-by-row evaluation gives", () => {
  for (const type of ["number", "boolean"] as Type[]) {
    it(`on random ${type} formulas over columns with values, n/a and gaps: values, missing mask and reasons`, () => {
      fc.assert(
        fc.property(typedFormula(type, 4, "columns"), randomColumns, (ast, cells) => {
          const checked = checkFormula(ast, ENV, { expected: type });
          const batch = compileColumns(ast, ENV, { checked });
          const { rows, columns, ctx, missingInput } = bothWays(cells);
          const result = batch.evaluate(columns, { rows, missingInput });
          let missingRows = 0;
          for (let row = 0; row < rows; row++) {
            const reference = interpret(ast, ENV, ctx, row, 0, checked);
            const compiled = batch.formula.run(ctx, row, 0);
            expect(JSON.stringify(compiled)).toBe(JSON.stringify(reference));
            const where = `row ${row}\n${batch.javascript}`;
            if (isMissing(reference)) {
              missingRows++;
              expect(result.missing[row], where).toBe(1);
              expect(result.values[row], where).toBeNaN();
              expect(result.reason(row), where).toEqual(reference.reason);
            } else {
              const expected = typeof reference === "boolean" ? Number(reference) : reference;
              expect(result.missing[row], where).toBe(0);
              expect(Object.is(result.values[row], expected), `${where}: ${result.values[row]} vs ${expected}`).toBe(
                true,
              );
              expect(result.reason(row)).toBeUndefined();
            }
          }
          expect(result.missingCount).toBe(missingRows);
        }),
        { numRuns: 300, seed: 20261203 },
      );
    });
  }

  it("writes into arrays given for reuse, clearing an earlier mask", () => {
    const env = environment({ a: "number", b: "number" });
    const batch = compileColumns(parse("a / b"), env);
    const into = { values: new Float64Array(3), missing: new Uint8Array([1, 1, 1]) };
    const result = batch.evaluate([Float64Array.of(1, 2, 3), Float64Array.of(2, 0, 4)], { into });
    expect(result.values).toBe(into.values);
    expect([...into.values]).toEqual([0.5, Number.NaN, 0.75]);
    expect([...into.missing]).toEqual([0, 1, 0]);
    expect(result.reason(1)).toMatchObject({ kind: "division-by-zero", text: "b" });
  });

  it("names a missing input by default: no data for the input in row N", () => {
    const env = environment({ a: "number" });
    const result = compileColumns(parse("a * 2"), env).evaluate([
      Float64Array.of(1, Number.NaN, Number.POSITIVE_INFINITY),
    ]);
    expect([...result.values]).toEqual([2, Number.NaN, Number.NaN]);
    expect(result.reason(1)).toEqual({ kind: "no-data", name: "a", unit: "row 1", period: "" });
    expect(result.reason(2)).toEqual({ kind: "no-data", name: "a", unit: "row 2", period: "" });
    // An infinity read as a divisor (where the loop cannot wait for the final value) is missing too, not 1 / ∞ = 0.
    const divided = compileColumns(parse("1 / a"), env).evaluate([Float64Array.of(Number.NEGATIVE_INFINITY, 4)]);
    expect([...divided.missing]).toEqual([1, 0]);
    expect(divided.values[1]).toBe(0.25);
  });

  it("evaluates a formula without inputs over the rows asked for", () => {
    const result = compileColumns(parse("0.1 + 0.2 - 0.3"), environment({})).evaluate([], { rows: 2 });
    expect([...result.values]).toEqual([0, 0]);
  });

  it("refuses what has no meaning over bare columns, and columns that do not fit", () => {
    const env = environment({ a: "number", flag: "boolean", kind: { type: "string", kind: "attribute" } });
    for (const text of ["prev(a)", "ytd(a)", "region_avg(a)", "rank(a)", 'if(kind = "city", 1, 0)', "if(flag, 1, 0)"]) {
      expect(() => compileColumns(parse(text), env), text).toThrow(CompileError);
    }
    expect(() => compileColumns(parse('"text"'), env)).toThrow(CompileError);
    const batch = compileColumns(parse("a + 1"), env);
    expect(() => batch.evaluate([])).toThrow(RangeError);
    expect(() => batch.evaluate([new Float64Array(2)], { rows: 3 })).toThrow(RangeError);
    expect(() => compileColumns(parse("1"), env).evaluate([])).toThrow(RangeError);
  });
});

function parse(text: string) {
  const { ast, diagnostics } = parseFormula(text);
  if (!ast || diagnostics.length > 0) throw new Error(`${text} does not parse`);
  return ast;
}
