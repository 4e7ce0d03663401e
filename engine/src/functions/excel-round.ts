import { SIGNIFICANT_DIGITS, toSignificant } from "../util/decimal-compare.js";

/**
 * Rounding as Excel shows it. A double such as 1.005 is really 1.00499999999999989...; rounding that
 * binary value gives 1.00, but the person sees 1.005 and expects 1.01. So we round the number's
 * 15-significant-digit decimal (the same digits compareDecimal compares).
 *
 * The exact way works on the decimal's digit string and costs about a microsecond; rating thousands of
 * units rounds often, so a fast path does it in arithmetic whenever x * 10^digits is clearly away from
 * a tie (a ...5 in the first dropped digit), where both ways give the same integer k and the same
 * double k / 10^digits. A property test checks the two agree.
 */

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i); // exact doubles

/** x rounded half away from zero to `digits` decimals (negative digits round to tens, hundreds, ...). */
export function roundHalfAway(x: number, digits: number): number {
  const places = Math.trunc(digits); // Excel truncates a fractional digit count
  if (places >= -15 && places <= 15 && Number.isFinite(x)) {
    const scale = POWERS_OF_TEN[Math.abs(places)] as number;
    const y = Math.abs(places >= 0 ? x * scale : x / scale);
    const whole = Math.floor(y);
    const fraction = y - whole;
    // y is within |y| * 5.1e-15 of the decimal's scaled value; away from .5 by more, no tie is possible
    if (Math.abs(fraction - 0.5) > y * 1e-14 + 1e-300 && y < 1e13) {
      const k = fraction > 0.5 ? whole + 1 : whole;
      if (k === 0) return 0;
      const magnitude = places >= 0 ? k / scale : k * scale;
      return x < 0 ? -magnitude : magnitude;
    }
  }
  return roundHalfAwayExact(x, places);
}

/** The definition: rounds the 15-significant-digit decimal of x on its digits. */
export function roundHalfAwayExact(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x === 0 ? 0 : x;
  const places = Math.trunc(digits);
  const [mantissa = "0", exponentText = "0"] = Math.abs(x)
    .toExponential(SIGNIFICANT_DIGITS - 1)
    .split("e");
  const digitsOf = mantissa.replace(".", ""); // 15 digits, value = 0.d1d2... * 10^(exponent + 1)
  const exponent = Number(exponentText);
  const keep = exponent + 1 + places; // how many of the 15 digits survive
  if (keep >= SIGNIFICANT_DIGITS) return toSignificant(x);
  if (keep < 0) return 0;
  const roundUp = digitsOf.charCodeAt(keep) >= 53; // the first dropped digit is 5..9
  const kept = Number(digitsOf.slice(0, keep) || "0") + (roundUp ? 1 : 0); // at most 15 digits: exact
  if (kept === 0) return 0;
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
  // 0.3 / 0.1 is 2.9999999999999996 in binary: the person means 3, so take the quotient at 15 digits,
  // unless it is clearly away from a whole number (then the 15 digits cannot change the answer).
  const raw = x / step;
  const nearWhole = Math.abs(raw - Math.round(raw)) <= Math.abs(raw) * 1e-14;
  const quotient = nearWhole ? toSignificant(raw) : raw;
  const multiple = direction(quotient);
  const result = step === 1 ? multiple : toSignificant(multiple * step);
  return result === 0 ? 0 : result; // never -0
}
