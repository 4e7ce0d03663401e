import { checkFormula } from "../check/checker.js";
import type { Expr } from "../formula/ast.js";
import type { Environment } from "../formula/environment.js";
import { TimelessContext } from "../formula/timeless-context.js";
import { type MissingReason, missing, type Value } from "../formula/value.js";
import {
  type ColumnLoops,
  type CompiledFormula,
  CompileError,
  type CompileOptions,
  compileColumnLoops,
  compileFormula,
} from "./compiler.js";

/**
 * A formula evaluated over whole columns, for callers that hold data as typed arrays: one Float64Array
 * per input in, a Float64Array of values and a missing mask out. Rows go in chunks through a generated
 * loop that assumes every value present and every step plain: the values that must be finite are summed
 * and the sum tested once per chunk; any other test gives the chunk up at once. A chunk where some
 * check fires (a missing input, a division by zero, a possible cancellation) is run again by an exact
 * loop that sends each such row through the formula's row function, so values and reasons are exactly
 * those of `CompiledFormula.run`. Formulas that look at other periods or other units have no meaning over
 * bare columns and are refused, as are text formulas and inputs that are not numbers.
 */
export interface ColumnFormula {
  /** The row-by-row formula the batch falls back on. */
  readonly formula: CompiledFormula;
  /** The input slots to give columns for, ascending. */
  readonly inputs: readonly number[];
  /** A condition's values are 1 (true) and 0 (false). */
  readonly type: "number" | "boolean";
  /** The generated loops (`fast`, `mixed` where the formula needs it, and `exact`), for debugging and tests. */
  readonly javascript: string;
  evaluate(columns: ColumnInputs, options?: ColumnOptions): ColumnResult;
}

/** The input columns by slot (`columns[slot]`); NaN or an infinity in a column means that value is missing. */
export type ColumnInputs = readonly (Float64Array | undefined)[];

export interface ColumnOptions {
  /** Rows to evaluate; by default the length of the input columns (required when there are none). */
  readonly rows?: number;
  /** The period the columns hold ("2026-Q1"), named in the default missing reasons; else "the columns' period". */
  readonly period?: string;
  /**
   * Why input `slot` is missing in `row`; by default "no data" for the input's name, unit `row N` and
   * `period`.
   */
  readonly missingInput?: (slot: number, row: number) => MissingReason;
  /** Arrays to write into instead of new ones (reused between calls), at least `rows` long. */
  readonly into?: { readonly values: Float64Array; readonly missing: Uint8Array };
}

export interface ColumnResult {
  /** Each row's value; NaN where the value is missing, so it is never read as a number. */
  readonly values: Float64Array;
  /** 1 where the value is missing, 0 where it is present. */
  readonly missing: Uint8Array;
  readonly missingCount: number;
  /** Why row `row`'s value is missing, or undefined where it is present. */
  reason(row: number): MissingReason | undefined;
}

/** Compiles a checked formula for evaluation over columns; CompileError where that has no meaning. */
export function compileColumns(ast: Expr, env: Environment, options: CompileOptions = {}): ColumnFormula {
  const checked = options.checked ?? checkFormula(ast, env);
  const formula = compileFormula(ast, env, { checked });
  const type = formula.type;
  if (type === "string") throw new CompileError("a text formula cannot be evaluated over number columns");
  if (formula.usesOtherPeriods || formula.usesPeers || formula.ytdInputs.length > 0) {
    throw new CompileError("a formula that reads other periods or other units cannot be evaluated over columns");
  }
  const names = inputNames(env, formula.inputs);
  const { loops, javascript } = compileColumnLoops(ast, env, checked, type);
  return {
    formula,
    inputs: formula.inputs,
    type,
    javascript,
    evaluate: (columns, evaluateOptions = {}) => evaluate(formula, loops, names, columns, evaluateOptions),
  };
}

/** The names of the input slots, checked to be numbers (columns hold numbers only). */
function inputNames(env: Environment, inputs: readonly number[]): ReadonlyMap<number, string> {
  const names = new Map<number, string>();
  for (const binding of env.bindings()) {
    if (!inputs.includes(binding.slot)) continue;
    if (binding.type !== "number") throw new CompileError(`input ${binding.name} is not a number column`);
    names.set(binding.slot, binding.name);
  }
  return names;
}

function evaluate(
  formula: CompiledFormula,
  loops: ColumnLoops,
  names: ReadonlyMap<number, string>,
  columns: ColumnInputs,
  options: ColumnOptions,
): ColumnResult {
  const rows = rowCount(formula.inputs, columns, options.rows);
  const values = options.into?.values ?? new Float64Array(rows);
  const mask = options.into?.missing ?? new Uint8Array(rows);
  if (values.length < rows || mask.length < rows)
    throw new RangeError(`the output arrays are shorter than ${rows} rows`);
  if (options.into) mask.fill(0, 0, rows); // a new array is all zeros already
  const period = options.period ?? COLUMNS_PERIOD;
  const reasonOf =
    options.missingInput ??
    ((slot: number, row: number): MissingReason => ({
      kind: "no-data",
      name: names.get(slot) ?? `input ${slot}`,
      unit: `row ${row}`,
      period,
    }));
  const ctx = new ColumnContext(columns, reasonOf, period);
  const reasons = new Map<number, MissingReason>();
  // A row the loop leaves: evaluated by the row function, with its missing values and reasons.
  const slow = (row: number) => {
    const value: Value = formula.run(ctx, row, 0);
    if (typeof value === "object") {
      values[row] = Number.NaN;
      mask[row] = 1;
      reasons.set(row, value.reason);
    } else values[row] = typeof value === "boolean" ? (value ? 1 : 0) : (value as number);
  };
  runChunks(loops, columns, rows, values, slow);
  return { values, missing: mask, missingCount: reasons.size, reason: (row) => reasons.get(row) };
}

/** The period of a missing reason when the caller does not name the columns' period (never an empty one). */
export const COLUMNS_PERIOD = "the columns' period";

/** Rows per chunk of the fast loop: its test costs little per row, a chunk run twice little in all. */
const CHUNK_ROWS = 1024;
/** The most chunks that go straight to the exact loop after a chunk that failed in the fast one. */
const LONGEST_PAUSE = 64;

/**
 * Every row through `fast` chunk by chunk, and a chunk that fails through `exact`. Where uncommon rows
 * are frequent (gaps scattered through a column) most chunks would run twice, so after a failed chunk
 * the next ones skip the fast loop: 1 chunk, then 2, 4 ... 64 while the fast loop keeps failing, and
 * 1 again after it succeeds. Such columns then cost about the exact loop alone. Where `fast` gives up on
 * a run whose terms do not all push one way (loops.mixed exists) the chunk is tried with `mixed`, which
 * then stands in for `fast` for the rest of the call: data that mixes signs in one chunk likely does in
 * others.
 */
function runChunks(
  loops: ColumnLoops,
  columns: ColumnInputs,
  rows: number,
  values: Float64Array,
  slow: (row: number) => void,
): void {
  let exactUntil = 0;
  let pause = 1;
  let fast = loops.fast;
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const end = Math.min(start + CHUNK_ROWS, rows);
    if (start >= exactUntil) {
      if (fast(columns, start, end, values)) {
        pause = 1;
        continue;
      }
      if (loops.mixed && fast !== loops.mixed && loops.mixed(columns, start, end, values)) {
        fast = loops.mixed;
        pause = 1;
        continue;
      }
      exactUntil = end + pause * CHUNK_ROWS;
      pause = Math.min(2 * pause, LONGEST_PAUSE);
    }
    loops.exact(columns, start, end, values, slow);
  }
}

function rowCount(inputs: readonly number[], columns: ColumnInputs, rows: number | undefined): number {
  const first = inputs[0] === undefined ? undefined : columns[inputs[0]];
  const n = rows ?? first?.length;
  if (n === undefined || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError("give the number of rows: the formula reads no column");
  }
  for (const slot of inputs) {
    const column = columns[slot];
    if (!(column instanceof Float64Array)) throw new RangeError(`no Float64Array column for input slot ${slot}`);
    if (column.length < n) throw new RangeError(`the column for input slot ${slot} is shorter than ${n} rows`);
  }
  return n;
}

/** The row function's view of the columns: unit = row; missing where a column holds NaN or an infinity. */
class ColumnContext extends TimelessContext {
  constructor(
    private readonly columns: ColumnInputs,
    private readonly reasonOf: (slot: number, row: number) => MissingReason,
    private readonly period: string,
  ) {
    super();
  }

  get(slot: number, row: number): Value {
    const value = (this.columns[slot] as Float64Array)[row] as number;
    return value - value === 0 ? value : missing(this.reasonOf(slot, row));
  }

  ytd(slot: number, row: number): Value {
    return this.get(slot, row);
  }

  override unitName(row: number): string {
    return `row ${row}`;
  }

  override periodName(): string {
    return this.period;
  }
}
