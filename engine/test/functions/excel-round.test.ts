import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ceilTo, floorTo, roundHalfAway, roundHalfAwayExact } from "../../src/functions/excel-round.js";
import { toSignificant } from "../../src/util/decimal-compare.js";

describe("roundHalfAway", () => {
  it.each([
    [1.005, 2, 1.01], // binary 1.00499999999999989..., shown and rounded as 1.005
    [2.675, 2, 2.68],
    [1.015, 2, 1.02],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [1.4999999, 0, 1],
    [1234.5678, 2, 1234.57],
    [1234.5, -2, 1200],
    [1250, -2, 1300],
    [-1250, -2, -1300],
    [49, -2, 0],
    [50, -2, 100],
    [999.5, 0, 1000],
    [9.995, 2, 10],
    [0.1 + 0.2, 1, 0.3],
    [(4262.4 / 4736) * 100, 0, 90],
    [123.456, 1.9, 123.5], // fractional digits truncate, as in Excel
    [123.456, 20, 123.456],
    [5e-324, 2, 0],
    [1e300, -400, 0],
    [1e21 + 0.5, 0, 1e21],
  ])("round(%s, %s) = %s", (x, digits, expected) => {
    expect(roundHalfAway(x, digits)).toBe(expected);
  });

  it("never gives -0", () => {
    expect(Object.is(roundHalfAway(-0.4, 0), 0)).toBe(true);
    expect(Object.is(roundHalfAway(-0, 2), 0)).toBe(true);
  });

  it("agrees with half-away-from-zero rounding of the shown decimal on random numbers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        (thousandths, digits) => {
          // x = thousandths / 1000 exactly as a person writes it; round by integer arithmetic on its digits
          const x = thousandths / 1000;
          const scale = 10 ** (3 - Math.min(digits, 3));
          const magnitude = Math.abs(thousandths);
          const rounded = Math.floor((magnitude + scale / 2) / scale) * scale;
          const expected = (Math.sign(thousandths) * rounded) / 1000 || 0;
          expect(roundHalfAway(x, digits)).toBe(toSignificant(expected));
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it("is monotone and stays within half a step of x", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.integer({ min: -3, max: 6 }),
        (a, b, digits) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(roundHalfAway(lo, digits)).toBeLessThanOrEqual(roundHalfAway(hi, digits));
          const step = 10 ** -digits;
          expect(Math.abs(roundHalfAway(a, digits) - a)).toBeLessThanOrEqual(step / 2 + Math.abs(a) * 1e-14);
        },
      ),
      { numRuns: 500, seed: 8 },
    );
  });
});

describe("floorTo and ceilTo", () => {
  it.each([
    [2.5, 1, 2, 3],
    [-2.5, 1, -3, -2],
    [0.35, 0.1, 0.3, 0.4],
    [0.3, 0.1, 0.3, 0.3], // 0.3 / 0.1 = 2.9999999999999996 in binary; read as 3
    [12, 5, 10, 15],
    [12, -5, 10, 15], // the sign of significance is ignored
    [-12, 5, -15, -10],
    [7, 0, 0, 0],
    [(4262.4 / 4736) * 100, 1, 90, 90],
  ])("floor/ceil(%s, %s) = %s / %s", (x, significance, down, up) => {
    expect(floorTo(x, significance)).toBe(down);
    expect(ceilTo(x, significance)).toBe(up);
  });

  it("never gives -0", () => {
    expect(Object.is(ceilTo(-0.5, 1), 0)).toBe(true);
  });
});

describe("the fast path of roundHalfAway", () => {
  it("agrees with the exact digit-string rounding", () => {
    const tie = fc
      .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }))
      .map(([n, d]) => (n + 0.5) / 10 ** d); // values that are ties as a person writes them
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          tie,
        ),
        fc.integer({ min: -17, max: 17 }),
        (x, digits) => {
          expect(roundHalfAway(x, digits)).toBe(roundHalfAwayExact(x, digits));
        },
      ),
      { numRuns: 5000, seed: 9 },
    );
  });
});
