import { toSignificant } from "./decimal-compare.js";

/**
 * Addition and subtraction as a person expects them: when the two operands cancel at 15 significant
 * digits (the precision at which Tarazy, like Excel, compares numbers), the result is exactly 0 instead of
 * the binary residue. ((20.8 + 5.1) - 20.8) - 5.1 is 0, not -1.78e-15, so `x / (a - b)` with a = b is a
 * division by zero and `a - b = 0` holds. See docs/formula-language.md, "Addition and subtraction".
 *
 * The rule: a - b is 0 when a and b are equal at 15 significant digits (a + b: when a and -b are), unless
 * both are whole numbers (their difference is then exact: 1000000000000001 - 1000000000000000 is 1).
 * Only a result at most 1e-13 of the operands' size can pass that test, so the 15-digit comparison (a
 * string round trip) runs only for near-cancellations and the common case costs one comparison.
 */
export const NEAR_CANCELLATION = 1e-13;

export function excelAdd(a: number, b: number): number {
  const r = a + b;
  return r !== 0 && Math.abs(r) <= NEAR_CANCELLATION * Math.abs(a) && cancels(a, -b) ? 0 : r;
}

export function excelSubtract(a: number, b: number): number {
  const r = a - b;
  return r !== 0 && Math.abs(r) <= NEAR_CANCELLATION * Math.abs(a) && cancels(a, b) ? 0 : r;
}

/** a and b are the same number at 15 significant digits and not both whole (exact) numbers. */
function cancels(a: number, b: number): boolean {
  return toSignificant(a) === toSignificant(b) && !(Number.isInteger(a) && Number.isInteger(b));
}
