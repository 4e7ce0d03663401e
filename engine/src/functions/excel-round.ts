import { SIGNIFICANT_DIGITS, toSignificant } from "../util/decimal-compare.js";

/**
 * Rounding as Excel shows it. A double such as 1.005 is really 1.00499999999999989...; rounding that
 * binary value gives 1.00, but the person sees 1.005 and expects 1.01. So we round the number's
 * 15-significant-digit decimal (the same digits compareDecimal compares), exactly, on its digit string.
 */

/** x rounded half away from zero to `digits` decimals (negative digits round to tens, hundreds, ...). */
export function roundHalfAway(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x === 0 ? 0 : x;
  const places = Math.trunc(digits); // Excel truncates a fractional digit count
  const [mantissa = "0", exponentText = "0"] = Math.abs(x)
    .toExponential(SIGNIFICANT_DIGITS - 1)
    .split("e");
  const digitsOf = mantissa.replace(".", ""); // 15 digits, value = 0.d1d2... * 10^(exponent + 1)
  const exponent = Number(exponentText);
  const keep = exponent + 1 + places; // how many of the 15 digits survive
  if (keep >= SIGNIFICANT_DIGITS) return toSignificant(x);
  if (keep < 0) return 0;
  const roundUp = digitsOf.charCodeAt(keep) >= 53; // the first dropped digit is 5..9
  const kept = BigInt(digitsOf.slice(0, keep) || "0") + (roundUp ? 1n : 0n);
  if (kept === 0n) return 0;
  const magnitude = Number(`${kept}e${exponent + 1 - keep}`);
  return x < 0 ? -magnitude : magnitude;
}

/** Rounds down (toward minus infinity) to a multiple of |significance|; floor(x) when significance is 1. */
export function floorTo(x: number, significance: number): number {
  return toMultiple(x, significance, Math.floor);
}

/** Rounds up (toward plus infinity) to a multiple of |significance|. */
export function ceilTo(x: number, significance: number): number {
  return toMultiple(x, significance, Math.ceil);
}

function toMultiple(x: number, significance: number, direction: (q: number) => number): number {
  const step = Math.abs(significance);
  if (step === 0) return 0; // as Excel's FLOOR.MATH and CEILING.MATH
  // 0.3 / 0.1 is 2.9999999999999996 in binary: the person means 3, so take the quotient at 15 digits.
  const quotient = toSignificant(x / step);
  const result = toSignificant(direction(quotient) * step);
  return result === 0 ? 0 : result; // never -0
}
