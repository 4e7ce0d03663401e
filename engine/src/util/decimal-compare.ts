/**
 * Comparisons as a person reads the numbers. Binary doubles say 0.9 * 4736 = 4262.400000000001, so a plain
 * `>=` would put 4262.4 of a 4736 plan just below a 90% threshold. Like Excel, Tarazy compares numbers
 * rounded to 15 significant digits: 4262.4 / 4736 * 100 >= 90 is true. Used by formula comparisons, score
 * bands, grades and ranking keys, so every threshold in the product behaves the same way.
 */
export const SIGNIFICANT_DIGITS = 15;

/** The number rounded to 15 significant digits (the value Excel displays and compares). */
export function toSignificant(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(SIGNIFICANT_DIGITS));
}

/** A JSON replacer writing every number at 15 significant digits: no float noise in what a reader sees. */
export function significantJson(_key: string, value: unknown): unknown {
  return typeof value === "number" ? toSignificant(value) : value;
}

/** -1, 0 or 1 comparing a and b at 15 significant digits. */
export function compareDecimal(a: number, b: number): -1 | 0 | 1 {
  const x = toSignificant(a);
  const y = toSignificant(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function decimalEqual(a: number, b: number): boolean {
  return compareDecimal(a, b) === 0;
}
