import { compareDecimal } from "../util/decimal-compare.js";

/**
 * Comparing with a constant, the common case (`x >= 90`, `plan > 0`), without compareDecimal at run
 * time. Rounding to 15 significant digits is monotone, so the doubles that compare equal to c form one
 * interval [below, above], found once at compile time; then x > c (at 15 digits) is just x > above,
 * x < c is x < below, as fast as plain JavaScript.
 */
export interface DecimalBounds {
  /** The smallest double equal to c at 15 significant digits. */
  readonly below: number;
  /** The largest double equal to c at 15 significant digits. */
  readonly above: number;
}

export function decimalBounds(c: number): DecimalBounds {
  if (c === 0) return { below: 0, above: 0 }; // only zero rounds to zero
  return { below: edge(c, -1), above: edge(c, 1) };
}

/** The last double from c in `direction` that still equals c at 15 significant digits. */
function edge(c: number, direction: 1 | -1): number {
  // The 15-digit bucket of c spans at most 1e-14 of c, about 45 units in the last place; 512 is beyond it.
  let inside = 0;
  let outside = 512;
  while (outside - inside > 1) {
    const mid = (inside + outside) >> 1;
    const candidate = stepUlps(c, direction * mid);
    if (Number.isFinite(candidate) && compareDecimal(candidate, c) === 0) inside = mid;
    else outside = mid;
  }
  return stepUlps(c, direction * inside);
}

const buffer = new DataView(new ArrayBuffer(8));

/** The double `n` units in the last place from x (n may be negative); x is finite and not zero. */
export function stepUlps(x: number, n: number): number {
  buffer.setFloat64(0, Math.abs(x));
  const bits = buffer.getBigUint64(0) + BigInt(x < 0 ? -n : n);
  if (bits <= 0n) return 0;
  buffer.setBigUint64(0, bits);
  const magnitude = buffer.getFloat64(0);
  return x < 0 ? -magnitude : magnitude;
}
