import { compareDecimal } from "../util/decimal-compare.js";

/**
 * compareDecimal without its cost on the common path. Rounding to 15 significant digits is monotone,
 * and two numbers can round to the same 15 digits only if they differ by less than one unit in their
 * 15th digit, which is at most 1e-14 of the larger magnitude. So numbers further apart than 2e-14 of the
 * larger (a margin for the floating-point arithmetic of the test itself) keep their order, and only
 * near-equal numbers pay for compareDecimal's decimal formatting. A property test checks this agrees
 * with compareDecimal.
 */
export function compareNumbers(a: number, b: number): -1 | 0 | 1 {
  if (a === b) return 0;
  const difference = a - b;
  const larger = Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(difference) > 2e-14 * larger) return difference < 0 ? -1 : 1;
  return compareDecimal(a, b);
}
