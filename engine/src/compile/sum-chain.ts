import type { Binary, Expr } from "../formula/ast.js";
import type { Missing, Value } from "../formula/value.js";
import { excelAdd, excelSubtract, NEAR_CANCELLATION } from "../util/excel-add.js";

/**
 * A run of + and - read left to right, `a - b + c - d`, compiled as one unit: plain arithmetic over its
 * terms, then ONE test of the whole run instead of a cancellation test and a finiteness test after every
 * operation. Where that test fails (an overflow, or a step that may cancel at 15 significant digits) the
 * run is evaluated again operation by operation by `sumSteps` below, which is the rule itself
 * (docs/formula-language.md, "Addition and subtraction"), so results and reasons are exactly the same.
 *
 * Why one test is enough: when every term pushes the sum the same way (all added terms >= 0 and all
 * subtracted ones <= 0, or the reverse) each partial sum is at least as large in size as the one before
 * (rounding is monotonic), so no step can come within 1e-13 of cancelling and only overflow remains; an
 * overflow anywhere leaves the final sum infinite or NaN, since every term is finite. Runs with mixed
 * signs test each step's near-cancellation guard, still without a branch per step.
 */
export interface SumRun {
  readonly first: Expr;
  readonly steps: readonly SumStep[];
}

export interface SumStep {
  readonly minus: boolean;
  readonly term: Expr;
  /** The operation itself, for the reason when its result overflows. */
  readonly node: Binary;
}

/** What the careful evaluation needs of a run: which steps subtract, and each step's overflow reason. */
export interface SumSite {
  readonly minus: readonly boolean[];
  readonly overflow: readonly Missing[];
}

export function isSum(expr: Expr): boolean {
  return expr.kind === "binary" && (expr.operator === "+" || expr.operator === "-");
}

/** The run whose last operation is `node`: down the left side while the operator is + or -. */
export function sumRun(node: Binary): SumRun {
  const steps: SumStep[] = [];
  let left: Expr = node;
  while (left.kind === "binary" && isSum(left)) {
    steps.push({ minus: left.operator === "-", term: left.right, node: left });
    left = left.left;
  }
  return { first: left, steps: steps.reverse() };
}

/**
 * The run evaluated operation by operation, as if written out: each step by Excel's cancellation rule,
 * and the first step whose result is not finite gives its overflow reason. `terms` are the present values.
 */
export function sumSteps(terms: readonly number[], site: SumSite): number | Missing {
  let sum = terms[0] as number;
  for (let k = 1; k < terms.length; k++) {
    const term = terms[k] as number;
    sum = site.minus[k - 1] ? excelSubtract(sum, term) : excelAdd(sum, term);
    if (!(sum - sum === 0)) return site.overflow[k - 1] as Missing;
  }
  return sum;
}

/**
 * When term k of a run is missing: the reason of an overflow among the steps before it (which the
 * operation-by-operation reading meets first), else the term's own missing value.
 */
export function sumBefore(terms: readonly number[], site: SumSite, term: Value): Value {
  const before = sumSteps(terms, site);
  return typeof before === "object" ? before : term;
}

/** A term as generated code: its JavaScript, its sign in the run, and its value when a literal. */
export interface TermCode {
  readonly code: string;
  readonly minus: boolean;
  readonly constant: number | undefined;
}

/**
 * JavaScript that is true when the run must be evaluated step by step: the final partial sum is not
 * finite, or the terms do not all push the same way and some step's result is within 1e-13 of the
 * partial sum before it (excelAdd's own first test). `partials[k]` holds the sum after step k+1.
 * `chunk` (the batch's fast loops, which only need a test that fires at least where this one does): no
 * branch per guard (| for ||), no `!== 0` part (a sum that is exactly 0 fires it; the exact loop then
 * decides), and a literal's bound where a step has one (constantBound).
 */
export function needsSteps(
  terms: readonly TermCode[],
  partials: readonly string[],
  overflows = true,
  chunk = false,
): string {
  const or = chunk ? " | " : " || ";
  const last = partials[partials.length - 1] as string;
  // Without `overflows` the caller tests the final value itself (an overflow reaches it).
  const tests = overflows ? [`!(${last} - ${last} === 0)`] : [];
  const decided = sameDirection(terms);
  if (decided !== "true") {
    // One step: its own guard costs no more than testing the signs first.
    const sameWay = partials.length === 1 ? "false" : decided;
    const guards = partials.map((p, k) => {
      const before = k === 0 ? (terms[0] as TermCode).code : partials[k - 1];
      const bound = chunk && partials.length === 1 ? constantBound(terms) : undefined;
      const size = bound === undefined ? `${NEAR_CANCELLATION} * Math.abs(${before})` : `(${bound})`;
      return `(${chunk ? "" : `${p} !== 0 && `}Math.abs(${p}) <= ${size})`;
    });
    const cancels = guards.length === 1 ? (guards[0] as string) : `(${guards.join(or)})`;
    // && even in a chunk: where the terms push one way (the common case) the guards are not computed.
    tests.push(sameWay === "false" ? cancels : `(!(${sameWay}) && ${cancels})`);
  }
  return tests.length === 0 ? "false" : tests.join(or);
}

/**
 * The batch's fast loop (CHUNK) tests no step of a run of two or more steps whose direction the data
 * decides: this code, true where the terms do not all push the sum up (down where the literals rule up
 * out), gives the chunk up instead (another loop then tests each step's guard). Undefined where one step,
 * or the literals, decide the test.
 */
export function notAllOneWay(terms: readonly TermCode[]): string | undefined {
  const decided = sameDirection(terms);
  if (terms.length <= 2 || decided === "true" || decided === "false") return undefined;
  // One direction only, upwards where the literals allow it: a row whose terms all push down goes to the
  // other loop too, and the common case (weights and values >= 0) costs one comparison per term.
  const up = oneWay(terms, 1);
  return `!(${up === "false" ? oneWay(terms, -1) : up})`;
}

/** Code testing that every term pushes the sum one way; "true"/"false" when the literals decide it. */
function sameDirection(terms: readonly TermCode[]): string {
  const up = oneWay(terms, 1);
  const down = oneWay(terms, -1);
  if (up === "true" || down === "true") return "true";
  const open = [up, down].filter((c) => c !== "false");
  return open.length === 0 ? "false" : open.map((c) => `(${c})`).join(" || ");
}

/** Code testing that every term moves the sum in `direction` (1: up, -1: down), or "true"/"false". */
function oneWay(terms: readonly TermCode[], direction: 1 | -1): string {
  const tests: string[] = [];
  for (const term of terms) {
    const sign = term.minus ? -direction : direction;
    if (term.constant !== undefined) {
      if (!(sign * term.constant >= 0)) return "false";
      continue;
    }
    tests.push(`${term.code} ${sign > 0 ? ">=" : "<="} 0`);
  }
  return tests.length === 0 ? "true" : tests.join(" && ");
}

/**
 * For a run of one step with a literal term, a bound that Math.abs(r) <= 1e-13 * Math.abs(a) implies, so
 * the guard needs no multiplication (a test that may fire more often but never less is all the fast
 * loop needs). `c - x`: a is c. `x - c`: a step that cancels is exact (a and c are within a factor 2), so
 * |a| <= |c| + |r| and |r| <= 1e-13 * |c| / (1 - 1e-13), which the margin 1e-12 covers with room for
 * the rounding of the product.
 */
function constantBound(terms: readonly TermCode[]): number | undefined {
  const [first, second] = terms;
  if (first?.constant !== undefined) return NEAR_CANCELLATION * Math.abs(first.constant);
  // Not for a literal so small that the bound would lose precision (underflow): the general guard then.
  const c = second?.constant;
  return c !== undefined && Math.abs(c) >= 1e-200 ? NEAR_CANCELLATION * Math.abs(c) * (1 + 1e-12) : undefined;
}
