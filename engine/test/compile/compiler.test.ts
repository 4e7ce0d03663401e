import { describe, expect, it } from "vitest";
import { CompileError, compileFormula } from "../../src/compile/compiler.js";
import { decimalBounds, stepUlps } from "../../src/compile/thresholds.js";
import type { Expr } from "../../src/formula/ast.js";
import { MapEnvironment } from "../../src/formula/environment.js";
import { MemoryContext } from "../../src/formula/memory-context.js";
import { parseFormula } from "../../src/formula/parser.js";
import { compareDecimal } from "../../src/util/decimal-compare.js";
import { bin, id, num } from "./ast-builder.js";
import { environment } from "./fixtures.js";

function parse(text: string): Expr {
  const { ast, diagnostics } = parseFormula(text);
  if (!ast || diagnostics.length > 0) throw new Error(`${text} does not parse`);
  return ast;
}

describe("generated code", () => {
  const hostile = ["__proto__", "constructor", "toString", "process", "globalThis"];
  const env = new MapEnvironment(hostile.map((name, slot) => ({ name, slot, type: "number", kind: "field" })));
  const ctx = new MemoryContext(env, {
    units: ["u"],
    periods: ["2026-03"],
    values: Object.fromEntries(hostile.map((name, i) => [name, { u: { "2026-03": i + 1 } }])),
  });

  it("never contains a name or text from the formula", () => {
    const text = '__proto__ + constructor * toString - process / globalThis + if("`); process.exit(1); (`" = "", 1, 0)';
    const compiled = compileFormula(parse(text), env);
    for (const word of [...hostile, "exit", "`"]) expect(compiled.javascript).not.toContain(word);
    expect(compiled.run(ctx, 0, 0)).toBe(1 + 2 * 3 - 4 / 5);
  });

  it("prints numbers from their parsed value, not from the text written", () => {
    const compiled = compileFormula(parse("x * 1e3 + 0.5"), environment({ x: "number" }));
    expect(compiled.javascript).toContain("(1000)");
    expect(compiled.javascript).toContain("(0.5)");
  });

  it("refuses an environment slot that is not a small integer", () => {
    const bad = new MapEnvironment([
      { name: "x", slot: "0); evil(" as unknown as number, type: "number", kind: "field" },
    ]);
    expect(() => compileFormula(parse("x + 1"), bad)).toThrow(CompileError);
  });

  it("refuses an operator it does not know, instead of emitting it", () => {
    const ast = { ...bin(id("x"), "+", num(1)), operator: "+ 1; evil()" } as unknown as Expr;
    expect(() => compileFormula(ast, environment({ x: "number" }))).toThrow(CompileError);
  });
});

describe("compileFormula", () => {
  const env = environment({ x: "number", y: "number", z: "number", ok: "boolean" });

  it("refuses a formula with errors: the caller must check first", () => {
    expect(() => compileFormula(parse("nope + 1"), env)).toThrow(
      "cannot compile a formula with errors: unknown name `nope`",
    );
  });

  it("lists the inputs it reads and what it looks at", () => {
    const compiled = compileFormula(parse("ytd(x) + prev(y) + region_avg(z) + y"), env);
    expect(compiled).toMatchObject({
      type: "number",
      inputs: [1, 2],
      ytdInputs: [0],
      usesOtherPeriods: true,
      usesPeers: true,
    });
    expect(compileFormula(parse("x > 1 and ok"), env)).toMatchObject({
      type: "boolean",
      inputs: [0, 3],
      ytdInputs: [],
      usesOtherPeriods: false,
      usesPeers: false,
    });
  });

  it("evaluates a formula once compiled for many units and periods", () => {
    const ctx = new MemoryContext(env, {
      units: ["a", "b"],
      periods: ["2026-01", "2026-02"],
      values: { x: { a: { "2026-01": 1, "2026-02": 2 }, b: { "2026-01": 10, "2026-02": 20 } } },
    });
    const compiled = compileFormula(parse("x * 2"), env);
    expect([
      compiled.run(ctx, 0, 0),
      compiled.run(ctx, 0, 1),
      compiled.run(ctx, 1, 0),
      compiled.run(ctx, 1, 1),
    ]).toEqual([2, 4, 20, 40]);
  });
});

describe("comparison with a constant", () => {
  const env = environment({ x: "number" });
  const { below, above } = decimalBounds(90);
  const edges = [stepUlps(below, -1), below, 90, above, stepUlps(above, 1)];
  const expected: Record<string, (c: number) => boolean> = {
    "<": (c) => c < 0,
    "<=": (c) => c <= 0,
    ">": (c) => c > 0,
    ">=": (c) => c >= 0,
    "=": (c) => c === 0,
    "<>": (c) => c !== 0,
  };
  it.each(Object.keys(expected))("x %s 90 and 90 %s x agree with compareDecimal at the edges of 90", (op) => {
    const ctx = new MemoryContext(env, { units: ["u"], periods: ["2026-03"] });
    const constantRight = compileFormula(parse(`x ${op} 90`), env);
    const constantLeft = compileFormula(parse(`90 ${op} x`), env);
    for (const x of edges) {
      ctx.set("x", "u", "2026-03", x);
      const check = expected[op] as (c: number) => boolean;
      expect(constantRight.run(ctx, 0, 0), `${x} ${op} 90`).toBe(check(compareDecimal(x, 90)));
      expect(constantLeft.run(ctx, 0, 0), `90 ${op} ${x}`).toBe(check(compareDecimal(90, x)));
    }
  });
});

describe("inputs are read once", () => {
  const env = environment({ x: "number", target: "number", c: "number" });
  /** The slots a formula reads for one unit, in order, with the given inputs. */
  function reads(text: string, inputs: Record<string, number>): string[] {
    const names = ["x", "target", "c"];
    const ctx = new MemoryContext(env, {
      units: ["u"],
      periods: ["2026-03"],
      values: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, { u: { "2026-03": v } }])),
    });
    const seen: string[] = [];
    const counting = Object.assign(Object.create(ctx), {
      get: (slot: number, unit: number, period: number) => {
        seen.push(names[slot] as string);
        return ctx.get(slot, unit, period);
      },
    });
    compileFormula(parse(text), env).run(counting, 0, 0);
    return seen;
  }

  it("reads an input used twice once, where the first read has certainly run", () => {
    expect(reads("abs(x - target) / target * 100", { x: 50, target: 40 })).toEqual(["x", "target"]);
    expect(reads("max(0, 1 - ((x - target) / target) ^ 2)", { x: 50, target: 40 })).toEqual(["x", "target"]);
  });

  it("reads again after a branch that may not have run, and never reads what the formula does not", () => {
    // `target` is read inside the if's first branch only when c > 0: the sum after it reads it itself.
    expect(reads("if(c > 0, target, 0) + target", { c: 1, target: 2 })).toEqual(["c", "target", "target"]);
    expect(reads("if(c > 0, target, 0) + target", { c: -1, target: 2 })).toEqual(["c", "target"]);
    // x is missing: nothing after it is read, as before.
    expect(reads("x - target + target", { target: 2 })).toEqual(["x"]);
  });
});
