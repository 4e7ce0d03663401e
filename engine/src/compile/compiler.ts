import { type CheckResult, checkFormula } from "../check/checker.js";
import type { InferredType } from "../check/types.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import type { Binary, Call, Expr, Identifier } from "../formula/ast.js";
import type { EvalContext } from "../formula/context.js";
import type { Environment, Type } from "../formula/environment.js";
import { printFormula } from "../formula/printer.js";
import type { Value } from "../formula/value.js";
import { powerDomainDetail } from "../functions/math.js";
import type {
  ControlFunction,
  CrossUnitFunction,
  FunctionSpec,
  PureFunction,
  TimeFunction,
} from "../functions/spec.js";
import type { Range } from "../source/range.js";
import { compareNumbers } from "./compare.js";
import { Loads } from "./loads.js";
import { type AggregateSite, type RankSite, rankAmongPeers, regionAggregate } from "./peers.js";
import { outOfRange } from "./periods.js";
import {
  divisionByZero,
  domainMissing,
  explicitMissing,
  nonFiniteDetail,
  noPeers,
  OPERATOR_NAMES,
  TOO_LARGE,
} from "./reasons.js";
import {
  isSum,
  needsSteps,
  notAllOneWay,
  type SumRun,
  type SumSite,
  sumBefore,
  sumRun,
  sumSteps,
  type TermCode,
} from "./sum-chain.js";
import { decimalBounds } from "./thresholds.js";

/** A formula compiled once, evaluated for many units and periods. */
export interface CompiledFormula {
  readonly type: Type;
  /** The formula's value for `unit` in `period`; never throws, never NaN or Infinity. */
  run(ctx: EvalContext, unit: number, period: number): Value;
  /** The slots the formula reads with EvalContext.get (its inputs), ascending. */
  readonly inputs: readonly number[];
  /** The slots it reads with EvalContext.ytd, ascending. */
  readonly ytdInputs: readonly number[];
  /** Whether it looks at other periods (prev, prev_year, ytd). */
  readonly usesOtherPeriods: boolean;
  /** Whether it looks at other units (region_*, rank). */
  readonly usesPeers: boolean;
  /** The generated JavaScript, for debugging and for tests that inspect it. */
  readonly javascript: string;
}

/** Thrown when asked to compile a formula the checker rejects: a caller's bug, not a user's mistake. */
export class CompileError extends Error {}

export interface CompileOptions {
  /** The checker's result for this AST and environment, when the caller already has it. */
  readonly checked?: CheckResult;
}

/**
 * Compiles a checked formula into one JavaScript function (new Function), so evaluation runs at close
 * to hand-written speed: names are resolved to slot numbers at compile time, values live in local
 * variables, and the happy path allocates nothing. No text from the formula is ever spliced into the
 * code: slots are integers, numbers are printed from their parsed value and checked, and strings,
 * missing reasons and call-site data go through a constants array.
 */
export function compileFormula(ast: Expr, env: Environment, options: CompileOptions = {}): CompiledFormula {
  const checked = options.checked ?? checkFormula(ast, env);
  const firstError = checked.diagnostics.find((d) => d.severity === "error");
  if (firstError || !checked.type || hasErrors(checked.diagnostics)) {
    throw new CompileError(`cannot compile a formula with errors: ${firstError?.message ?? "no type"}`);
  }
  const program = new Program(checked, env);
  const javascript = program.source(program.unitFunction(ast, "run"));
  const run = instantiate<CompiledFormula["run"]>(program, javascript);
  return {
    type: checked.type,
    run,
    inputs: [...program.inputs].sort((a, b) => a - b),
    ytdInputs: [...program.ytdInputs].sort((a, b) => a - b),
    usesOtherPeriods: program.usesOtherPeriods,
    usesPeers: program.usesPeers,
    javascript,
  };
}

/**
 * The loops over columns (CHUNK and COLUMNS below; batch.ts runs them), over the rows from `start` to
 * `end`, reading `cols[slot][row]` and writing `values[row]`. `fast` assumes every row is plain and
 * returns false when some row is not (its values are then to be thrown away); `exact` calls `slow(row)`
 * for each row it does not handle.
 */
export interface ColumnLoops {
  fast(cols: readonly (Float64Array | undefined)[], start: number, end: number, values: Float64Array): boolean;
  /** The same as `fast` where that gives up on a run of + and - whose terms push both ways (MIXED). */
  readonly mixed?: ColumnLoops["fast"];
  exact(
    cols: readonly (Float64Array | undefined)[],
    start: number,
    end: number,
    values: Float64Array,
    slow: (row: number) => void,
  ): void;
}

/** The CHUNK and COLUMNS loops of a formula the checker accepted as `type`, and their source. For batch.ts. */
export function compileColumnLoops(
  ast: Expr,
  env: Environment,
  checked: CheckResult,
  type: Type,
): { loops: ColumnLoops; javascript: string } {
  const program = new Program(checked, env);
  const fast = program.columnFunction(ast, type, CHUNK);
  // Only where `fast` gives up on runs of + and - whose terms push both ways (see MIXED).
  const mixed = program.mixedRuns ? `\n  mixed: ${program.columnFunction(ast, type, MIXED)},` : "";
  const exact = program.columnFunction(ast, type, COLUMNS);
  const javascript = program.source(`{
  fast: ${fast},${mixed}
  exact: ${exact}
}`);
  return { loops: instantiate<ColumnLoops>(program, javascript), javascript };
}

/** Runs the generated factory: the function it returns, with the program's constants and helpers. */
function instantiate<F>(program: Program, javascript: string): F {
  const factory = new Function("K", "H", "P", javascript) as (
    constants: readonly unknown[],
    helpers: typeof HELPERS,
    pure: readonly PureFunction["evaluate"][],
  ) => F;
  return factory(program.constants, HELPERS, program.pureFunctions);
}

/** Where a function's domain error is reported: its name, the call's range, and words for the cause. */
interface DomainSite {
  readonly name: string;
  readonly range: Range;
  readonly detail?: (...args: number[]) => string | undefined;
}

/** The helpers generated code calls, by fixed names. */
const HELPERS = {
  compareNumbers,
  regionAggregate,
  rankAmongPeers,
  outOfRange,
  sumSteps,
  sumBefore,
  domain(site: DomainSite, result: number, ...args: number[]): Value {
    return domainMissing(site.name, site.range, site.detail?.(...args) ?? nonFiniteDetail(result));
  },
};

const PRELUDE = `"use strict";
const cmp = H.compareNumbers, region = H.regionAggregate, rank = H.rankAmongPeers, outOfRange = H.outOfRange, domain = H.domain,
  sumSteps = H.sumSteps, sumBefore = H.sumBefore;`;

/** Names used only as call-site keys in EvalContext.memo; unique per compiled call site in the process. */
let nextSite = 0;

/** What an expression compiled to: JavaScript naming its value, and whether that value can be missing. */
interface Operand {
  readonly code: string;
  readonly canBeMissing: boolean;
}

const COMPARISON_JS: Readonly<Record<string, string>> = {
  "=": "===",
  "<>": "!==",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
};
const ARITHMETIC_JS: Readonly<Record<string, string>> = { "*": "*", "/": "/" };

class Program {
  readonly constants: unknown[] = [];
  readonly pureFunctions: PureFunction["evaluate"][] = [];
  readonly inputs = new Set<number>();
  readonly ytdInputs = new Set<number>();
  usesOtherPeriods = false;
  usesPeers = false;
  /** A CHUNK loop of this program gives up where a run's terms push both ways (see MIXED). */
  mixedRuns = false;
  private readonly pureNames = new Map<PureFunction, string>();
  private readonly declarations: string[] = [];
  private subFunctions = 0;

  constructor(
    readonly checked: CheckResult,
    readonly env: Environment,
  ) {}

  constant(value: unknown): string {
    this.constants.push(value);
    return `K[${this.constants.length - 1}]`;
  }

  pure(spec: PureFunction): string {
    let name = this.pureNames.get(spec);
    if (!name) {
      name = `f${this.pureFunctions.length}`;
      this.declarations.push(`const ${name} = P[${this.pureFunctions.length}];`);
      this.pureFunctions.push(spec.evaluate);
      this.pureNames.set(spec, name);
    }
    return name;
  }

  /** Compiles `root` as a function of (ctx, unit, period); returns its source. */
  unitFunction(root: Expr, name: string): string {
    const builder = new FunctionBuilder(this, ROW);
    const result = builder.emit(root, "period");
    return builder.source(name, result.code);
  }

  /** Compiles `root` as a CHUNK or COLUMNS loop (FunctionBuilder.columnLoop); returns its source. */
  columnFunction(root: Expr, type: Type, target: Target): string {
    const builder = new FunctionBuilder(this, target);
    const result = builder.emit(root, "period", type === "number");
    return builder.columnLoop(result.code, type);
  }

  /** A cross-unit argument as its own function, declared once in the factory; returns its name. */
  subFunction(root: Expr): string {
    const name = `s${this.subFunctions++}`;
    this.declarations.push(`const ${name} = ${this.unitFunction(root, name)};`);
    return name;
  }

  source(main: string): string {
    return `${PRELUDE}\n${this.declarations.join("\n")}\nreturn ${main};\n`;
  }

  typeOf(expr: Expr): InferredType | undefined {
    return this.checked.types.get(expr);
  }

  slotOf(node: Identifier): number {
    const binding = this.env.lookup(node.name);
    const slot = binding?.slot;
    if (slot === undefined || !Number.isSafeInteger(slot) || slot < 0) {
      throw new CompileError(`name ${node.name} has no valid slot in the environment`);
    }
    return slot;
  }

  specOf(node: Call): FunctionSpec {
    const spec = this.checked.calls.get(node);
    if (!spec) throw new CompileError(`call of ${node.callee} was not checked`);
    return spec;
  }
}

/** A number as a JavaScript literal, printed from its value; anything unusual goes through the constants. */
function numberLiteral(value: number, program: Program): string {
  const text = String(value);
  if (Number.isFinite(value) && !Object.is(value, -0) && /^-?\d+(\.\d+)?(e[+-]\d+)?$/.test(text)) return `(${text})`;
  return program.constant(value);
}

/** The value of a number literal, or of a signed one (-5), known at compile time. */
function constantNumber(expr: Expr): number | undefined {
  if (expr.kind === "number") return expr.value;
  if (expr.kind === "unary" && expr.operator !== "not") {
    const inner = constantNumber(expr.operand);
    return inner === undefined ? undefined : expr.operator === "-" ? -inner : inner;
  }
  return undefined;
}

const FLIPPED: Readonly<Record<string, string>> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "=", "<>": "<>" };

/**
 * What generated code is for. ROW: a function of (ctx, unit, period) whose values may be missing.
 * COLUMNS: the body of a loop over rows of columns (batch.ts) that handles the common case only: every
 * value present and every step plain; at anything else (a missing input, a division by zero, an overflow,
 * a possible cancellation) it leaves the row to the ROW function, so both give exactly the same results.
 * CHUNK: the same loop over a chunk of rows, with as little as possible per check (a check costs up to
 * half the loop's time in cheap formulas): a value that must be finite is added to the chunk's sum `z`
 * (the checks of a row in one expression at its end), which stays finite while they all are and becomes
 * infinite or NaN for good at the first that is not; any other test returns false at once, a branch that
 * is never taken in the common case. A chunk that returns false, or whose `z` is not finite at its end, is
 * thrown away and run again by COLUMNS; otherwise its values are COLUMNS' values, since both compute each
 * by the same code. (A sum of large finite values may overflow: that chunk is only run twice.)
 */
interface Target {
  /** The statement reading input `slot` in `period` into `temp`. */
  load(slot: number, period: string, temp: string): string;
  /** Whether a value can be missing in this code at all. */
  readonly missingValues: boolean;
  /** Where `test` holds: `result` becomes `code` (ROW), the row is left (COLUMNS), the chunk fails (CHUNK). */
  when(test: string, result: string, code: string): string;
  /** CHUNK and MIXED: checks of finiteness are summed, not tested one by one (FunctionBuilder.notFinite). */
  readonly chunked: boolean;
  /** The same where `value` is not finite. */
  whenNotFinite(value: string, result: string, code: string): string;
}

const notFinite = (value: string) => `!(${value} - ${value} === 0)`;

const ROW: Target = {
  load: (slot, period, temp) => `${temp} = ctx.get(${slot}, unit, ${period});`,
  missingValues: true,
  when: (test, result, code) => `if (${test}) ${result} = ${code};`,
  chunked: false,
  whenNotFinite: (value, result, code) => ROW.when(notFinite(value), result, code),
};

/** Leaves the row to the row function (`slow`) and goes on with the next (the loop is labelled `rows`). */
const LEAVE_ROW = "{ slow(row); continue rows; }";

const COLUMNS: Target = {
  load: (slot, _period, temp) => `${temp} = c${slot}[row];`,
  missingValues: false,
  when: (test) => `if (${test}) ${LEAVE_ROW}`,
  chunked: false,
  whenNotFinite: (value) => `if (${notFinite(value)}) ${LEAVE_ROW}`,
};

const CHUNK: Target = {
  load: (slot, _period, temp) => `${temp} = c${slot}[row];`,
  missingValues: false,
  // Not a flag to test later: a flag is a value carried from row to row, a branch never taken costs less.
  when: (test) => `if (${test}) return false;`,
  chunked: true,
  whenNotFinite: (value) => `z += ${value};`,
};

/**
 * CHUNK for data where a run of + and - has terms that do not all push the sum up (`a + b - c` over
 * positive values; see notAllOneWay). CHUNK gives up on such a row without testing the run's steps:
 * keeping the steps' guards in the loop, even on a branch never taken, made the weighted sum of eight
 * inputs about 10 % slower. MIXED tests them.
 */
const MIXED: Target = { ...CHUNK };

/** Whether `*` or `/` with a literal operand cannot overflow or divide by zero (operands are always finite). */
function cannotFail(node: Binary): boolean {
  const left = constantNumber(node.left);
  const right = constantNumber(node.right);
  if (node.operator === "*") return [left, right].some((c) => c !== undefined && Math.abs(c) <= 1);
  return node.operator === "/" && right !== undefined && Math.abs(right) >= 1;
}

/** 1e-13 / (1 - 1e-13) with a margin for rounding (see FunctionBuilder.runOverOwnTerm). */
const QUOTIENT_BOUND = 1.000000000001e-13;

/**
 * Functions whose value is not finite where their first argument is not (ln(∞) = ∞, sqrt(NaN) = NaN,
 * round(∞, 1) = ∞), so a strict call passes `strict` on to that argument. Not exp (exp(-∞) = 0), nor min
 * and max (max(∞, NaN)), nor round's digits (round(1, NaN) is 1).
 */
const KEEPS_NON_FINITE: ReadonlySet<string> = new Set(["abs", "ln", "log10", "sqrt", "round"]);

/** Whether a call's second and third arguments are literals lo <= hi (clamp's value then lies between them). */
function betweenLiterals(node: Call): boolean {
  const [lo, hi] = [node.args[1], node.args[2]].map((a) => (a === undefined ? undefined : constantNumber(a)));
  return lo !== undefined && hi !== undefined && lo <= hi;
}

class FunctionBuilder {
  private lines: string[] = [];
  /** CHUNK: code of the formula's parts that read no input, run once before the loop (see hoist). */
  private readonly hoisted: string[] = [];
  private readonly hoistedTemps = new Set<string>();
  private readonly loads = new Loads();
  /** Inputs read where `strict` (see emit), without the test that they are numbers. */
  private readonly unchecked = new Set<string>();
  /** CHUNK: values that every row checks (or literals), so known finite wherever the chunk succeeds. */
  private readonly finite = new Set<string>();
  /** CHUNK: the row's checks that run in every row, summed at its end in one expression. */
  private readonly rowChecks: string[] = [];
  /** CHUNK: runs whose cancellation guard is tested on the quotient they are divided into (runOverOwnTerm). */
  private readonly guardOnQuotient = new Set<Expr>();
  private temps = 0;
  private depth = 1;

  constructor(
    private readonly program: Program,
    private readonly target: Target,
  ) {}

  source(name: string, result: string): string {
    return `function ${name}(ctx, unit, period) {\n${this.declarations()}${this.lines.join("\n")}\n  return ${result};\n}`;
  }

  /**
   * The loop over the rows from `start` to `end` for COLUMNS (`exact`) or CHUNK (`fast`): reads each
   * input's column once and writes `values[row]` (a condition as 1 or 0). `exact` leaves every other row
   * to `slow`; `fast` returns whether no row needed that. The caller fills the missing mask.
   */
  columnLoop(result: string, type: Type): string {
    const chunk = this.target.chunked;
    const columns = [...this.program.inputs].map((slot) => `c${slot} = cols[${slot}]`);
    const declare = columns.length > 0 ? `  const ${columns.join(", ")};\n` : "";
    // A number's checks were deferred to here (see `strict` in emit): one test of the final value.
    if (type === "number") this.notFinite(result);
    const store = `values[row] = ${type === "boolean" ? `${result} ? 1 : 0` : result};`;
    const body = this.lines.map((l) => `  ${l}`).join("\n");
    // Locals declared inside the loop: nothing carries from one row to the next, which the JIT can see.
    const locals = this.declarations().replace(/^ {2}/, "    ");
    const name = this.target === MIXED ? "mixed" : chunk ? "fast" : "exact";
    const parameters = chunk ? "cols, start, end, values" : "cols, start, end, values, slow";
    const loop = `${chunk ? "" : "rows: "}for (let row = start; row < end; row++) {`;
    // CHUNK: one addition per row carried to the next (z), whatever the number of checks.
    const sum = this.rowChecks.length > 0 ? `\n    z += ${this.rowChecks.join(" + ")};` : "";
    const [before, after] = chunk ? ["  let z = 0;\n", "\n  return z - z === 0;"] : ["", ""];
    return `function ${name}(${parameters}) {\n${declare}${before}${this.hoistedCode()}  ${loop}\n${locals}${body}\n    ${store}${sum}\n  }${after}\n}`;
  }

  private declarations(): string {
    const temps = Array.from({ length: this.temps }, (_, i) => `t${i}`).filter((t) => !this.hoistedTemps.has(t));
    return temps.length > 0 ? `  let ${temps.join(", ")};\n` : "";
  }

  /** The hoisted part of a CHUNK loop: its temps and code (its checks add to `z` before the first row). */
  private hoistedCode(): string {
    if (this.hoisted.length === 0) return "";
    return `  let ${[...this.hoistedTemps].join(", ")};\n${this.hoisted.join("\n")}\n`;
  }

  /**
   * Where `value` is not finite, `result` becomes `code` (ROW), the row is left (COLUMNS), or the chunk
   * fails (CHUNK). CHUNK: a value already checked in every row (or a literal) is not checked again; a
   * check that runs in every row joins the row's sum at its end, and one of a hoisted value runs once.
   */
  private notFinite(value: string, result = "", code = "") {
    if (!this.target.chunked) {
      this.line(this.target.whenNotFinite(value, result, code));
      return;
    }
    if (this.finite.has(value)) return;
    const check = this.target.whenNotFinite(value, result, code);
    if (this.lines === this.hoisted) this.line(check);
    else if (this.hoistedTemps.has(value)) this.hoisted.push(`  ${check}`);
    else if (this.depth === 1) this.rowChecks.push(value);
    else {
      // Inside a branch: checked where that branch runs only.
      this.line(check);
      return;
    }
    this.finite.add(value);
  }

  /**
   * CHUNK: a part of the formula that reads no input (`ln(10)`, `80 - 20`) is computed, and checked, once
   * before the loop instead of in every row. Its checks then fail the whole chunk even where the row
   * would not reach it (an `if` branch not taken); the exact loop decides those rows, so only time is lost.
   */
  private hoist(expr: Expr): boolean {
    return (
      this.target.chunked &&
      this.lines !== this.hoisted &&
      constantNumber(expr) === undefined &&
      this.readsNothing(expr)
    );
  }

  private readsNothing(expr: Expr): boolean {
    switch (expr.kind) {
      case "number":
      case "boolean":
        return true;
      case "unary":
        return this.readsNothing(expr.operand);
      case "binary":
        return this.readsNothing(expr.left) && this.readsNothing(expr.right);
      case "call":
        return this.program.specOf(expr).kind === "pure" && expr.args.every((a) => this.readsNothing(a));
      default:
        return false;
    }
  }

  private emitHoisted(expr: Expr, period: string, strict: boolean): Operand {
    const [lines, depth, first] = [this.lines, this.depth, this.temps];
    this.lines = this.hoisted;
    this.depth = 1;
    const result = this.emitNode(expr, period, strict);
    for (let i = first; i < this.temps; i++) this.hoistedTemps.add(`t${i}`);
    this.lines = lines;
    this.depth = depth;
    return result;
  }

  /** canBeMissing as the target sees it: nothing is ever missing in the COLUMNS fast path. */
  private maybe(canBeMissing: boolean): boolean {
    return canBeMissing && this.target.missingValues;
  }

  private temp(): string {
    return `t${this.temps++}`;
  }

  private line(text: string) {
    this.lines.push(`${"  ".repeat(this.depth)}${text}`);
  }

  private open(text: string, presentOperand?: string) {
    this.line(text);
    this.depth++;
    this.loads.enter(presentOperand);
  }

  private close(text = "}") {
    this.depth--;
    this.line(text);
    this.loads.leave();
  }

  /** `} else {`: the then-branch ends and the else-branch begins. */
  private elseBranch() {
    this.close("} else {");
    this.depth++;
    this.loads.enter();
  }

  /**
   * Runs `then` where `operand` is present; where it is missing, the result is that missing value (or
   * `whenMissing`, a statement that sets the result).
   */
  private present(operand: Operand, result: string, then: () => void, whenMissing?: string) {
    if (!operand.canBeMissing) {
      then();
      return;
    }
    this.line(`if (typeof ${operand.code} === "object") ${whenMissing ?? `${result} = ${operand.code};`}`);
    this.open("else {", operand.code);
    then();
    this.close();
    this.loads.imply(result, operand.code);
  }

  /**
   * Evaluates `args` left to right, stopping at the first missing one; `then` sees all of them present.
   * Returns whether any of them can be missing. `strictFirst`: the first is emitted `strict` (see emit).
   */
  private allPresent(
    args: readonly Expr[],
    period: string,
    result: string,
    then: (codes: string[]) => void,
    strictFirst = false,
  ) {
    const codes: string[] = [];
    let canBeMissing = false;
    const next = (index: number) => {
      const arg = args[index];
      if (!arg) return then(codes);
      const operand = this.emit(arg, period, strictFirst && index === 0);
      codes.push(operand.code);
      canBeMissing ||= operand.canBeMissing;
      this.present(operand, result, () => next(index + 1));
    };
    next(0);
    return canBeMissing;
  }

  /**
   * `strict` (COLUMNS only): the value reaches the final result through operations that keep an infinity
   * or NaN (+, -, *, either side of / as arithmetic below passes a divisor's on, a sign, abs, a branch of
   * if), so a step here that would fail gives a final value that is not finite, which the loop sends to
   * the row function: its own test is left out.
   */
  emit(expr: Expr, period: string, strict = false): Operand {
    return this.hoist(expr) ? this.emitHoisted(expr, period, strict) : this.emitNode(expr, period, strict);
  }

  private emitNode(expr: Expr, period: string, strict: boolean): Operand {
    switch (expr.kind) {
      case "number": {
        const code = numberLiteral(expr.value, this.program);
        if (Number.isFinite(expr.value)) this.finite.add(code);
        return { code, canBeMissing: false };
      }
      case "string":
        return { code: this.program.constant(expr.value), canBeMissing: false };
      case "boolean":
        return { code: expr.value ? "true" : "false", canBeMissing: false };
      case "missing": {
        const code = this.program.constant(explicitMissing(expr));
        if (!this.target.missingValues) this.line(this.target.when("true", "", code));
        return { code, canBeMissing: this.maybe(true) };
      }
      case "identifier":
        return this.input(expr, period, strict);
      case "unary":
        return this.unary(expr.operator, expr.operand, period, strict);
      case "binary":
        return this.binary(expr, period, strict);
      case "call":
        return this.call(expr, period, strict);
      case "error":
        throw new CompileError("cannot compile a formula with syntax errors");
    }
  }

  /** An input, read once: a second use where the first read has certainly run takes its local. */
  private input(node: Identifier, period: string, strict: boolean): Operand {
    const slot = this.program.slotOf(node);
    this.program.inputs.add(slot);
    const key = `${slot}@${period}`;
    const known = this.loads.find(key);
    if (known) {
      // Read without its test where strict; used here where it is not, it is tested here.
      if (!strict && this.unchecked.has(known.temp)) this.notFinite(known.temp, known.temp, "");
      return { code: known.temp, canBeMissing: this.maybe(!known.present) };
    }
    const t = this.temp();
    this.line(this.target.load(slot, period, t));
    if (!strict && !this.target.missingValues) this.notFinite(t);
    if (strict) this.unchecked.add(t);
    this.loads.remember(key, t);
    return { code: t, canBeMissing: this.maybe(true) };
  }

  private unary(operator: string, operand: Expr, period: string, strict = false): Operand {
    const result = this.temp();
    const value = this.emit(operand, period, strict && operator !== "not");
    const js = operator === "not" ? "!" : operator === "-" ? "-" : operator === "+" ? "" : undefined;
    if (js === undefined) throw new CompileError(`unknown operator ${operator}`);
    this.present(value, result, () => this.line(`${result} = ${js}${value.code};`));
    return { code: result, canBeMissing: this.maybe(value.canBeMissing) };
  }

  private binary(node: Binary, period: string, strict: boolean): Operand {
    const op = node.operator;
    if (op === "and" || op === "or") return this.logic(op, [node.left, node.right], period);
    if (isSum(node)) return this.sum(sumRun(node), period, strict, this.guardOnQuotient.has(node));
    const result = this.temp();
    const product = op === "*" || op === "/";
    const run = this.target.chunked && op === "/" ? this.runOverOwnTerm(node) : undefined;
    if (run) this.guardOnQuotient.add(run);
    // CHUNK tests the result of a * or / that can fail, which an operand's infinity or NaN reaches
    // (a divisor's does not where the quotient is not strict: x / ∞ is 0).
    const tested = this.target.chunked && product && !cannotFail(node);
    // x ^ c with a literal c > 0 keeps an infinity or NaN of x (∞ ^ c = ∞, NaN ^ c = NaN); c <= 0 may not.
    const keeps = product || (op === "^" && (constantNumber(node.right) ?? 0) > 0);
    const left = this.emit(node.left, period, (strict && keeps) || tested);
    let canBeMissing = left.canBeMissing;
    this.present(left, result, () => {
      // A divisor is strict too: its infinity or NaN is passed on to the quotient (see arithmetic).
      const right = this.emit(node.right, period, (strict && product) || (tested && op === "*"));
      canBeMissing ||= right.canBeMissing;
      this.present(right, result, () => {
        if (op in COMPARISON_JS) this.comparison(node, left.code, right.code, result);
        else {
          this.arithmetic(node, left.code, right.code, result, strict);
          canBeMissing ||= !cannotFail(node);
        }
      });
    });
    if (run) this.line(this.target.when(`Math.abs(${result}) <= ${QUOTIENT_BOUND}`, result, ""));
    return { code: result, canBeMissing: this.maybe(canBeMissing) };
  }

  /**
   * CHUNK: in `(a - b) / b`, `abs(a + b) / a` (a deviation from a target), the run's cancellation guard
   * |r| <= 1e-13 |a| is tested on the quotient instead, which the row computes anyway: no multiplication,
   * one absolute value. Where the guard fires, |r| <= 1e-13 (|b| + |r|) (a = b - r or a = r - b, whatever
   * the rounding of r), so |r / b| <= 1e-13 / (1 - 1e-13), and |r / a| <= 1e-13: below QUOTIENT_BOUND
   * after rounding either way. The run (one step) is returned; its own guard is then left out (sum).
   */
  private runOverOwnTerm(node: Binary): Binary | undefined {
    let dividend = node.left;
    if (dividend.kind === "call" && dividend.args.length === 1 && this.program.specOf(dividend).name === "abs") {
      dividend = dividend.args[0] as Expr;
    }
    const divisor = node.right;
    if (dividend.kind !== "binary" || !isSum(dividend) || isSum(dividend.left) || divisor.kind !== "identifier") {
      return undefined;
    }
    const same = (e: Expr) => e.kind === "identifier" && e.name === divisor.name;
    return same(dividend.left) || same(dividend.right) ? dividend : undefined;
  }

  /**
   * A run of + and - (sum-chain.ts): the terms left to right, each only when those before it are present;
   * then plain arithmetic and one test, which sends the rare run that needs it through sumSteps.
   */
  private sum(run: SumRun, period: string, strict: boolean, guardOnQuotient = false): Operand {
    const result = this.temp();
    const exprs = [run.first, ...run.steps.map((s) => s.term)];
    const site = this.program.constant({
      minus: run.steps.map((s) => s.minus),
      overflow: run.steps.map((s) => domainMissing(OPERATOR_NAMES[s.node.operator] ?? "", s.node.range, TOO_LARGE)),
    } satisfies SumSite);
    const terms: TermCode[] = [];
    const next = (k: number) => {
      const expr = exprs[k];
      if (!expr) return this.sumOfPresent(terms, result, site, strict, guardOnQuotient);
      // CHUNK tests the run's sum for finiteness (sumOfPresent), which a term's infinity or NaN reaches.
      const term = this.emit(expr, period, strict || this.target.chunked);
      const before = terms.map((t) => t.code).join(", ");
      terms.push({ code: term.code, minus: run.steps[k - 1]?.minus ?? false, constant: constantNumber(expr) });
      // A missing term after two or more: an overflow before it comes first, as written out step by step.
      const whenMissing = k >= 2 ? `${result} = sumBefore([${before}], ${site}, ${term.code});` : undefined;
      this.present(term, result, () => next(k + 1), whenMissing);
    };
    next(0);
    return { code: result, canBeMissing: this.maybe(true) };
  }

  private sumOfPresent(
    terms: readonly TermCode[],
    result: string,
    site: string,
    strict: boolean,
    guardOnQuotient: boolean,
  ) {
    const partials: string[] = [];
    terms.slice(1).forEach((term, k) => {
      const p = this.temp();
      this.line(
        `${p} = ${k === 0 ? (terms[0] as TermCode).code : partials[k - 1]} ${term.minus ? "-" : "+"} ${term.code};`,
      );
      partials.push(p);
    });
    const steps = `sumSteps([${terms.map((t) => t.code).join(", ")}], ${site})`;
    const last = partials[partials.length - 1] as string;
    if (this.target.missingValues) {
      // ROW: the steps where the test fires, else the plain sum.
      this.line(`if (${needsSteps(terms, partials, !strict)}) ${result} = ${steps};`);
      this.line(`else ${result} = ${last};`);
      return;
    }
    // The loops: the plain sum, then the test that leaves the row or gives the chunk up.
    this.line(`${result} = ${last};`);
    // CHUNK: the overflow test as a check of its own (summed), the rest as a test that fails the chunk.
    const overflows = !strict && !this.target.chunked;
    if (!strict && this.target.chunked) this.notFinite(result);
    const notOneWay = this.target === CHUNK ? notAllOneWay(terms) : undefined;
    if (notOneWay !== undefined) this.program.mixedRuns = true;
    const test = guardOnQuotient ? "false" : (notOneWay ?? needsSteps(terms, partials, overflows, this.target.chunked));
    if (test !== "false") this.line(this.target.when(test, result, steps));
  }

  private comparison(node: Binary, a: string, b: string, result: string) {
    const js = COMPARISON_JS[node.operator];
    const numeric = this.program.typeOf(node.left) === "number" || this.program.typeOf(node.right) === "number";
    if (!numeric) {
      this.line(`${result} = ${a} ${js === "===" || js === "!==" ? js : "==="} ${b};`);
      return;
    }
    const leftConstant = constantNumber(node.left);
    const rightConstant = constantNumber(node.right);
    if (rightConstant !== undefined && leftConstant === undefined) {
      this.line(`${result} = ${this.againstConstant(a, node.operator, rightConstant)};`);
    } else if (leftConstant !== undefined && rightConstant === undefined) {
      this.line(`${result} = ${this.againstConstant(b, FLIPPED[node.operator] ?? node.operator, leftConstant)};`);
    } else {
      this.line(`${result} = cmp(${a}, ${b}) ${js} 0;`);
    }
  }

  /** x compared with the constant c at 15 significant digits, as plain comparisons with c's bounds. */
  private againstConstant(x: string, operator: string, c: number): string {
    const bounds = decimalBounds(c);
    const below = numberLiteral(bounds.below, this.program);
    const above = numberLiteral(bounds.above, this.program);
    switch (operator) {
      case ">":
        return `${x} > ${above}`;
      case ">=":
        return `${x} >= ${below}`;
      case "<":
        return `${x} < ${below}`;
      case "<=":
        return `${x} <= ${above}`;
      case "=":
        return `(${x} >= ${below} && ${x} <= ${above})`;
      case "<>":
        return `(${x} < ${below} || ${x} > ${above})`;
      default:
        throw new CompileError(`unknown comparison ${operator}`);
    }
  }

  /** `*`, `/` and `^` (+ and - go through sum); a step that cannot fail (cannotFail) is not tested. */
  private arithmetic(node: Binary, a: string, b: string, result: string, strict: boolean) {
    const name = OPERATOR_NAMES[node.operator];
    if (!name) throw new CompileError(`unknown operator ${node.operator}`);
    if (node.operator === "^") {
      const site: DomainSite = { name, range: node.range, detail: powerDomainDetail };
      this.line(`${result} = Math.pow(${a}, ${b});`);
      if (strict) return;
      const domain = `domain(${this.program.constant(site)}, ${result}, ${a}, ${b})`;
      this.notFinite(result, result, domain);
      return;
    }
    const js = ARITHMETIC_JS[node.operator];
    if (!js) throw new CompileError(`unknown operator ${node.operator}`);
    // Strict: a division by zero or an overflow gives an infinity or NaN that reaches the final test, and
    // so does a divisor that is not finite, through the factor (b - b) + 1: exactly 1 where b is finite
    // (x * 1 is x, -0 included), NaN where it is not (x / ∞ alone would be a finite 0).
    if (cannotFail(node) || strict) {
      const passOn = strict && node.operator === "/" && constantNumber(node.right) === undefined;
      // CHUNK tests the divisor itself: no multiplication in the value's own chain of operations.
      const factor = passOn && !this.target.chunked ? ` * ((${b} - ${b}) + 1)` : "";
      this.line(`${result} = ${a} ${js} ${b}${factor};`);
      if (passOn && this.target.chunked) this.notFinite(b);
      return;
    }
    const overflow = this.program.constant(domainMissing(name, node.range, TOO_LARGE));
    // Only the row function tells a division by zero from an overflow: elsewhere the quotient's own
    // test sees both (x / 0 is an infinity or NaN).
    const zeroTest = node.operator === "/" && this.target.missingValues;
    if (zeroTest) {
      const zero = this.program.constant(divisionByZero(node.right, printFormula(node.right)));
      this.line(this.target.when(`${b} === 0`, result, zero));
      this.open("else {");
    }
    this.line(`${result} = ${a} ${js} ${b};`);
    this.notFinite(result, result, overflow);
    if (zeroTest) this.close();
  }

  private call(node: Call, period: string, strict: boolean): Operand {
    const spec = this.program.specOf(node);
    switch (spec.kind) {
      case "pure":
        return this.pure(spec, node, period, strict);
      case "control":
        return this.control(spec, node, period, strict);
      case "time":
        return this.time(spec, node, period);
      case "cross-unit":
        return this.crossUnit(spec, node, period);
    }
  }

  private pure(spec: PureFunction, node: Call, period: string, strict: boolean): Operand {
    const result = this.temp();
    const site: DomainSite = {
      name: spec.name,
      range: node.range,
      ...(spec.domainDetail ? { detail: spec.domainDetail } : {}),
    };
    const picks = spec.picksAnArgument === true;
    const then = (args: string[]) => {
      const call = spec.inline ? spec.inline(args) : `${this.program.pure(spec)}(${args.join(", ")})`;
      this.line(`${result} = ${call};`);
      // CHUNK: min, max, abs of values known finite are finite, and so is clamp between literal bounds
      // lo <= hi (it is NaN only for lo > hi): the final value needs no check of its own.
      if ((picks || (spec.name === "clamp" && betweenLiterals(node))) && args.every((a) => this.finite.has(a)))
        this.finite.add(result);
      if (picks || strict) return;
      const domain = `domain(${this.program.constant(site)}, ${[result, ...args].join(", ")})`;
      this.notFinite(result, result, domain);
    };
    const argMissing = this.allPresent(node.args, period, result, then, strict && KEEPS_NON_FINITE.has(spec.name));
    return { code: result, canBeMissing: this.maybe(argMissing || !picks) };
  }

  private control(spec: ControlFunction, node: Call, period: string, strict: boolean): Operand {
    const args = node.args;
    switch (spec.op) {
      case "and":
      case "or":
        return this.logic(spec.op, args, period);
      case "not":
        return this.unary("not", args[0] as Expr, period);
      case "if":
        return this.conditional(args[0] as Expr, args[1] as Expr, args[2] as Expr, period, strict);
      case "coalesce":
        return this.coalesce(args, period, strict);
      case "is_missing": {
        const value = this.emit(args[0] as Expr, period);
        return { code: value.canBeMissing ? `(typeof ${value.code} === "object")` : "false", canBeMissing: false };
      }
    }
  }

  /**
   * Kleene's and/or: the deciding value (false for and, true for or) wins over missing; otherwise the
   * first missing argument's reason; otherwise the other value. Stops at the deciding value.
   */
  private logic(op: "and" | "or", args: readonly Expr[], period: string): Operand {
    const result = this.temp();
    const decides = op === "and" ? "false" : "true";
    const neutral = op === "and" ? "true" : "false";
    this.line(`${result} = ${neutral};`);
    let opened = 0;
    for (const arg of args) {
      const value = this.emit(arg, period);
      this.line(`if (${value.code} === ${decides}) ${result} = ${decides};`);
      this.open("else {");
      opened++;
      if (value.canBeMissing)
        this.line(`if (typeof ${value.code} === "object" && ${result} === ${neutral}) ${result} = ${value.code};`);
    }
    for (let i = 0; i < opened; i++) this.close();
    return { code: result, canBeMissing: this.maybe(true) };
  }

  private conditional(condition: Expr, then: Expr, otherwise: Expr, period: string, strict: boolean): Operand {
    const result = this.temp();
    const test = this.emit(condition, period);
    this.present(test, result, () => {
      this.open(`if (${test.code}) {`);
      const first = this.emit(then, period, strict).code;
      this.line(`${result} = ${first};`);
      this.elseBranch();
      const second = this.emit(otherwise, period, strict).code;
      this.line(`${result} = ${second};`);
      this.close();
      // CHUNK: a choice between values known finite (literals, as score bands have) needs no check.
      if (this.finite.has(first) && this.finite.has(second)) this.finite.add(result);
    });
    return { code: result, canBeMissing: this.maybe(true) };
  }

  /** The first present value; when all are missing, the first one's reason. */
  private coalesce(args: readonly Expr[], period: string, strict: boolean): Operand {
    const result = this.temp();
    let opened = 0;
    let canBeMissing = true;
    for (const [index, arg] of args.entries()) {
      // Strict only where the value is certainly the result: the first, when nothing is ever missing.
      const value = this.emit(arg, period, strict && index === 0 && !this.target.missingValues);
      if (index === 0) this.line(`${result} = ${value.code};`);
      else this.line(`if (typeof ${value.code} !== "object") ${result} = ${value.code};`);
      // A value that is never missing ends the search: the arguments after it are never read.
      if (!value.canBeMissing) {
        canBeMissing = false;
        break;
      }
      if (index < args.length - 1) {
        this.open(`if (typeof ${result} === "object") {`);
        opened++;
      }
    }
    for (let i = 0; i < opened; i++) this.close();
    return { code: result, canBeMissing: this.maybe(canBeMissing) };
  }

  private time(spec: TimeFunction, node: Call, period: string): Operand {
    this.program.usesOtherPeriods = true;
    const arg = node.args[0] as Expr;
    const result = this.temp();
    if (spec.op === "ytd") {
      if (arg.kind !== "identifier") throw new CompileError("ytd needs a field name");
      const slot = this.program.slotOf(arg);
      this.program.ytdInputs.add(slot);
      this.line(`${result} = ctx.ytd(${slot}, unit, ${period});`);
      // A running total can overflow even when every month is finite.
      const overflow = this.program.constant(domainMissing(spec.name, node.range, TOO_LARGE));
      this.line(`if (typeof ${result} === "number" && !(${result} - ${result} === 0)) ${result} = ${overflow};`);
      return { code: result, canBeMissing: this.maybe(true) };
    }
    const shifted = this.temp();
    this.line(`${shifted} = ${spec.op === "prev" ? "ctx.prev" : "ctx.prevYear"}(${period});`);
    const shift = this.program.constant(spec.op);
    this.line(
      `if (${shifted} < 0) ${result} = outOfRange(ctx, ${period}, ${shift}, ${this.program.constant(node.range)});`,
    );
    this.open("else {");
    this.line(`${result} = ${this.emit(arg, shifted).code};`);
    this.close();
    return { code: result, canBeMissing: this.maybe(true) };
  }

  private crossUnit(spec: CrossUnitFunction, node: Call, period: string): Operand {
    this.program.usesPeers = true;
    const argument = this.program.subFunction(node.args[0] as Expr);
    const result = this.temp();
    const key = `tarazy:call-site:${nextSite++}`;
    if (spec.op === "rank") {
      const order = node.args[1];
      const site: RankSite = { key, descending: !(order?.kind === "string" && order.value === "asc") };
      this.line(`${result} = rank(ctx, unit, ${period}, ${argument}, ${this.program.constant(site)});`);
    } else {
      const site: AggregateSite = {
        key,
        name: spec.name,
        op: spec.op,
        range: node.range,
        noPeers: noPeers(spec.name, node.range),
      };
      this.line(`${result} = region(ctx, ${period}, ${argument}, ${this.program.constant(site)});`);
    }
    return { code: result, canBeMissing: this.maybe(true) };
  }
}
