import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFormula } from "../../src/check/checker.js";
import { COLUMNS_PERIOD, compileColumns } from "../../src/compile/batch.js";
import { CompileError, compileColumnLoops } from "../../src/compile/compiler.js";
import { interpret } from "../../src/compile/reference.js";
import type { Expr } from "../../src/formula/ast.js";
import type { Environment, Type } from "../../src/formula/environment.js";
import { MemoryContext, type MemoryValue } from "../../src/formula/memory-context.js";
import { parseFormula } from "../../src/formula/parser.js";
import { describeMissing, isMissing, type MissingReason } from "../../src/formula/value.js";
import { bin, id, num } from "./ast-builder.js";
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

  it("names a missing input by default: no data for the input in row N, in the period given", () => {
    const env = environment({ a: "number" });
    const columns = [Float64Array.of(1, Number.NaN, Number.POSITIVE_INFINITY)];
    const result = compileColumns(parse("a * 2"), env).evaluate(columns, { period: "2026-Q1" });
    expect([...result.values]).toEqual([2, Number.NaN, Number.NaN]);
    expect(result.reason(1)).toEqual({ kind: "no-data", name: "a", unit: "row 1", period: "2026-Q1" });
    expect(result.reason(2)).toEqual({ kind: "no-data", name: "a", unit: "row 2", period: "2026-Q1" });
    expect(describeMissing(result.reason(1) as MissingReason)).toBe("no value of a for row 1 in 2026-Q1");
    // Without a period the reason still says which: never "... in " with nothing after it.
    const unnamed = compileColumns(parse("a * 2"), env).evaluate(columns);
    expect(describeMissing(unnamed.reason(1) as MissingReason)).toBe("no value of a for row 1 in the columns' period");
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

describe("the fast loop and its chunks", () => {
  /**
   * The fast loop (or the `mixed` one, where the formula has it) over rows [0, rows) alone; its values, or
   * undefined where it reports a row it cannot take.
   */
  function fastValues(
    ast: ReturnType<typeof parse>,
    env: Environment,
    type: Type,
    columns: Float64Array[],
    rows: number,
    which: "fast" | "mixed" = "fast",
  ) {
    const { loops } = compileColumnLoops(ast, env, checkFormula(ast, env, { expected: type }), type);
    const loop = loops[which];
    const values = new Float64Array(rows);
    return loop?.(columns, 0, rows, values) ? values : undefined;
  }

  for (const type of ["number", "boolean"] as Type[]) {
    it(`where it reports every row plain, gives the row function's values (random ${type} formulas)`, () => {
      let decided = 0;
      fc.assert(
        fc.property(typedFormula(type, 4, "columns"), randomColumns, (ast, cells) => {
          const { rows, columns, ctx } = bothWays(cells);
          const values = fastValues(ast, ENV, type, columns, rows);
          if (!values) return;
          decided++;
          for (let row = 0; row < rows; row++) {
            const reference = interpret(ast, ENV, ctx, row, 0, checkFormula(ast, ENV, { expected: type }));
            expect(isMissing(reference), `row ${row}`).toBe(false);
            const expected = typeof reference === "boolean" ? Number(reference) : reference;
            expect(Object.is(values[row], expected), `row ${row}: ${values[row]} vs ${expected}`).toBe(true);
          }
        }),
        { numRuns: 300, seed: 20261204 },
      );
      // Not a vacuous pass: the fast loop decided a good share of the cases (gaps make the others fail).
      expect(decided).toBeGreaterThan(30);
    });
  }

  it("gives a run whose terms push both ways up to the mixed loop, which tests each step as the rule does", () => {
    // Runs of + and - over inputs and products, on gapless columns of decimals that cancel and overflow.
    const value = fc.constantFrom(0.1, 0.2, 0.3, -0.3, 0.7, 1.1, 20.8, 5.1, 7.54, 1e308, -1e308, 0, -0, 1e-20, 3);
    const leaf: fc.Arbitrary<Expr> = fc.oneof(value.map(num), fc.constantFrom("x", "y", "z", "score").map(id));
    const term = fc.oneof(
      leaf,
      fc.tuple(leaf, leaf).map(([a, b]) => bin(a, "*", b)),
    );
    const run = fc
      .tuple(term, fc.array(fc.tuple(fc.constantFrom("+", "-" as const), term), { minLength: 2, maxLength: 7 }))
      .map(([first, steps]) => steps.reduce<Expr>((left, [op, right]) => bin(left, op, right), first));
    const cells = fc.record(
      Object.fromEntries(NUMBER_INPUTS.map((n) => [n, fc.array(value, { minLength: 6, maxLength: 6 })])) as Record<
        string,
        fc.Arbitrary<Cell[]>
      >,
    );
    let fastGaveUp = 0;
    let mixedDecided = 0;
    fc.assert(
      fc.property(run, cells, (ast, data) => {
        const { rows, columns, ctx } = bothWays(data);
        const checked = checkFormula(ast, ENV);
        if (!fastValues(ast, ENV, "number", columns, rows)) fastGaveUp++;
        const values = fastValues(ast, ENV, "number", columns, rows, "mixed");
        if (!values) return;
        mixedDecided++;
        for (let row = 0; row < rows; row++) {
          const reference = interpret(ast, ENV, ctx, row, 0, checked);
          expect(isMissing(reference), `row ${row}`).toBe(false);
          expect(Object.is(values[row], reference), `row ${row}: ${values[row]} vs ${String(reference)}`).toBe(true);
        }
      }),
      { numRuns: 1000, seed: 20261206 },
    );
    expect(fastGaveUp).toBeGreaterThan(100);
    expect(mixedDecided).toBeGreaterThan(100);
  });

  it("fires for every step that cancels against a literal, on either side (x - c, c - x)", () => {
    const env = environment({ x: "number" });
    const nearby = fc.tuple(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: -2000, max: 2000 }));
    fc.assert(
      fc.property(nearby, fc.boolean(), ([thousandths, ulps], literalFirst) => {
        const c = thousandths / 1000;
        // x within a few thousand units in the last place of c: where the cancellation rule may apply.
        const x = c + ulps * Number.EPSILON * c;
        const ast = parse(literalFirst ? `${c} - x` : `x - ${c}`);
        const values = fastValues(ast, env, "number", [Float64Array.of(x)], 1);
        // The rule's own guard (excelSubtract): where it fires, the fast loop must give the row up.
        const [a, b] = literalFirst ? [c, x] : [x, c];
        const r = a - b;
        if (r !== 0 && Math.abs(r) <= 1e-13 * Math.abs(a)) expect(values, `${a} - ${b}`).toBeUndefined();
        const exact = compileColumns(ast, env).evaluate([Float64Array.of(x)]);
        if (values) expect(Object.is(values[0], exact.values[0]), `${x} vs ${c}`).toBe(true);
      }),
      { numRuns: 2000, seed: 20261205 },
    );
  });

  it("fires for every step between two inputs that cancels, where the guard is tested on the quotient ((a - b) / b)", () => {
    const env = environment({ x: "number", y: "number" });
    const nearby = fc.tuple(
      fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
      // Around 450 units in the last place the step is 1e-13 of its operands: where the guard's edge is.
      fc.oneof(
        fc.integer({ min: -3000, max: 3000 }),
        fc.integer({ min: 430, max: 470 }).map((u) => -u),
      ),
      fc.boolean(),
    );
    const formulas: [string, (x: number, y: number) => [number, number, number]][] = [
      // The formula, and the step the rule guards: its operands a and b, and its plain result r.
      ["(x - y) / y", (x, y) => [x, y, x - y]],
      ["(x - y) / x * 100", (x, y) => [x, y, x - y]],
      ["abs(y - x) / x", (x, y) => [y, x, y - x]],
      ["abs(x + y) / y", (x, y) => [x, -y, x + y]],
    ];
    fc.assert(
      fc.property(nearby, fc.constantFrom(...formulas), ([x, ulps, negative], [text, step]) => {
        // y within a few thousand units in the last place of x (or of -x for a sum): the rule may apply.
        const near = x + ulps * Number.EPSILON * x;
        const y = text.includes("+") ? -near : negative ? -near : near;
        const ast = parse(text);
        const columns = [Float64Array.of(x), Float64Array.of(y)];
        const values = fastValues(ast, env, "number", columns, 1);
        const [a, , r] = step(x, y);
        if (r !== 0 && Math.abs(r) <= 1e-13 * Math.abs(a)) expect(values, `${text}: ${x}, ${y}`).toBeUndefined();
        const exact = compileColumns(ast, env).evaluate(columns);
        const row = compileColumns(ast, env).formula.run(new MemoryContext(env, memoryOf(x, y)), 0, 0);
        if (values) expect(Object.is(values[0], exact.values[0]), `${text}: ${x}, ${y}`).toBe(true);
        expect(exact.missing[0] === 1 ? isMissing(row) : Object.is(exact.values[0], row), `${text}: ${x}, ${y}`).toBe(
          true,
        );
      }),
      { numRuns: 3000, seed: 20261208 },
    );
  });

  it("runs many chunks with gaps, cancellations and overflows at chunk edges as row by row", () => {
    const rows = 5000;
    const special = new Map<number, Cell>([
      [0, undefined],
      [511, "n/a"],
      [512, 0.30000000000000004],
      [1023, 1e308],
      [1024, 0.1],
      [2600, undefined],
      [4999, 0.30000000000000004],
    ]);
    const random = fc.sample(fc.double({ min: 0.5, max: 200, noNaN: true }), { numRuns: rows * 4, seed: 7 });
    const cells = Object.fromEntries(
      NUMBER_INPUTS.map((name, k) => [
        name,
        Array.from({ length: rows }, (_, r) =>
          name === "x" && special.has(r) ? special.get(r) : random[k * rows + r],
        ),
      ]),
    ) as Record<string, Cell[]>;
    // Rows 3000-3999: plain again after the gaps, so the fast loop is tried again after its pause.
    const { columns, ctx, missingInput } = bothWays(cells);
    for (const text of ["(x / y - 1) * 100", "abs(x - 0.3) / y * 100", "x * 1e10 + y", "0.3 - x + y - z", "x > y"]) {
      const ast = parse(text);
      const type = checkFormula(ast, ENV).type as Type;
      const result = compileColumns(ast, ENV).evaluate(columns, { missingInput });
      const run = compileColumns(ast, ENV).formula;
      let missingRows = 0;
      for (let row = 0; row < rows; row++) {
        const reference = run.run(ctx, row, 0);
        if (isMissing(reference)) {
          missingRows++;
          expect(result.reason(row), `${text}, row ${row}`).toEqual(reference.reason);
        } else {
          const expected = typeof reference === "boolean" ? Number(reference) : reference;
          expect(Object.is(result.values[row], expected), `${text}, row ${row}`).toBe(true);
        }
        expect(result.missing[row]).toBe(isMissing(reference) ? 1 : 0);
      }
      expect(result.missingCount, text).toBe(missingRows);
      expect(type === "boolean" || missingRows >= 3, text).toBe(true);
    }
  });
});

describe("checks the fast loop leaves to the final value", () => {
  // Where a value reaches the result through operations that keep an infinity or NaN (x ^ c for c > 0,
  // ln, log10, sqrt, abs, round's first argument), or is a choice between finite values, the loops test
  // no step on the way: these formulas over columns holding infinities as well must still give what row
  // by row evaluation gives, an infinite input being missing.
  const formulas = [
    "(x / y - 1) * 100",
    "(ln(x) - ln(y)) / (ln(200) - ln(10))",
    "max(0, 1 - ((x - y) / y) ^ 2)",
    "round(x / y * 100, 1)",
    "round(x * 3, y) + 1",
    "sqrt(x) * 2 + y",
    "log10(x * y) - 1",
    "exp(x) * 2 + 1",
    "(x - y) ^ 0 + 1",
    "(x / y) ^ -1 + 1",
    "x ^ 0.5 * 3 - y",
    "abs(x - y) / y * 100",
    "if(x > 0, 1, 0.5) * y",
    "if(x > 1, 2, 3)",
    "min(x, y) + max(y, 2)",
    "clamp((x - 20) / (80 - 20), 0, 1)",
    "clamp(x * y, 0, 1) + z",
    "clamp(x * 2, 1, 0) + y",
    "if(clamp(x * 2, 1, 0) > 0.5, 1, 2)",
    "if(clamp(x, 0, 1) > 0.5, y, 2)",
    "x / y + x / y",
    "0.2 * x + 0.3 * y - 0.1 * z",
  ];
  const cell = fc.oneof(
    { weight: 6, arbitrary: awkwardNumber as fc.Arbitrary<Cell> },
    fc.constantFrom<Cell>(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, "n/a", undefined),
  );
  const columnsWithInfinities = fc
    .integer({ min: 1, max: 30 })
    .chain((rows) =>
      fc.record(
        Object.fromEntries(
          NUMBER_INPUTS.map((name) => [name, fc.array(cell, { minLength: rows, maxLength: rows })]),
        ) as Record<string, fc.Arbitrary<Cell[]>>,
      ),
    );

  it.each(formulas)("%s", (text) => {
    const ast = parse(text);
    const checked = checkFormula(ast, ENV);
    const batch = compileColumns(ast, ENV, { checked });
    fc.assert(
      fc.property(columnsWithInfinities, (cells) => {
        // The columns hold the infinities; row by row, an infinite cell is no data, as the batch reads it.
        const columns: Float64Array[] = [];
        for (const [name, list] of Object.entries(cells)) {
          columns[slotOf(name)] = Float64Array.from(list, (c) => (typeof c === "number" ? c : Number.NaN));
        }
        const shown = Object.fromEntries(
          Object.entries(cells).map(([name, list]) => [
            name,
            list.map((c) => (typeof c === "number" && !Number.isFinite(c) ? undefined : c)),
          ]),
        );
        const { rows, ctx, missingInput } = bothWays(shown);
        const result = batch.evaluate(columns, { rows, missingInput });
        for (let row = 0; row < rows; row++) {
          const reference = interpret(ast, ENV, ctx, row, 0, checked);
          if (isMissing(reference)) {
            expect(result.missing[row], `row ${row}`).toBe(1);
            expect(result.reason(row), `row ${row}`).toEqual(reference.reason);
          } else {
            expect(result.missing[row], `row ${row}`).toBe(0);
            expect(Object.is(result.values[row], reference), `row ${row}: ${result.values[row]}`).toBe(true);
          }
        }
      }),
      { numRuns: 150, seed: 20261207 },
    );
  });
});

describe("columns with gaps in every chunk", () => {
  it("still give every row's value and reason while the fast loop pauses and retries", () => {
    const env = environment({ a: "number" });
    const rows = 60_000; // 118 chunks: pauses grow to their longest and start again after plain chunks
    const a = Float64Array.from({ length: rows }, (_, r) => (r < 40_000 && r % 97 === 0 ? Number.NaN : r / 8));
    const result = compileColumns(parse("a * 3 - 1"), env).evaluate([a]);
    let gaps = 0;
    for (let row = 0; row < rows; row++) {
      if (Number.isNaN(a[row] as number)) {
        gaps++;
        expect(result.missing[row]).toBe(1);
        expect(result.reason(row)).toEqual({ kind: "no-data", name: "a", unit: `row ${row}`, period: COLUMNS_PERIOD });
      } else expect(result.values[row], `row ${row}`).toBe((row / 8) * 3 - 1);
    }
    expect(result.missingCount).toBe(gaps);
    expect(gaps).toBe(413);
  });
});

/** One unit, one period, inputs x and y. */
function memoryOf(x: number, y: number) {
  return { units: ["u"], periods: [PERIOD], values: { x: { u: { [PERIOD]: x } }, y: { u: { [PERIOD]: y } } } };
}

function parse(text: string) {
  const { ast, diagnostics } = parseFormula(text);
  if (!ast || diagnostics.length > 0) throw new Error(`${text} does not parse`);
  return ast;
}
