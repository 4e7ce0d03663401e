import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNumbers } from "../../src/compile/compare.js";
import { compareDecimal } from "../../src/util/decimal-compare.js";

describe("compareNumbers (compareDecimal with a fast path)", () => {
  it("reads 4262.4 of a 4736 plan as exactly 90%", () => {
    expect((4262.4 / 4736) * 100).not.toBe(90); // the binary double is off in the 15th digit
    expect(compareNumbers((4262.4 / 4736) * 100, 90)).toBe(0);
    expect(compareNumbers(0.1 + 0.2, 0.3)).toBe(0);
    expect(compareNumbers(89.9999999999, 90)).toBe(-1);
  });

  const nearby = fc
    .tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -40, max: 40 }))
    .map(([x, ulps]) => {
      // a number a few units in the last place away, where the two paths meet
      const buffer = new Float64Array([x]);
      const bits = new BigInt64Array(buffer.buffer);
      bits[0] = (bits[0] as bigint) + BigInt(ulps);
      return [x, buffer[0] as number] as const;
    })
    .filter(([, y]) => Number.isFinite(y));

  it("agrees with compareDecimal on arbitrary and on nearly equal numbers", () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(fc.double({ noNaN: true }), fc.double({ noNaN: true })), nearby), ([a, b]) => {
        expect(compareNumbers(a, b)).toBe(compareDecimal(a, b));
      }),
      { numRuns: 5000, seed: 42 },
    );
  });

  it("agrees with compareDecimal on decimals a person writes and their computed forms", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000_000, max: 100_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (a, b) => {
          const ratio = (a / b) * b;
          expect(compareNumbers(ratio, a)).toBe(compareDecimal(ratio, a));
          expect(compareNumbers((a / 10) * 3, (a * 3) / 10)).toBe(compareDecimal((a / 10) * 3, (a * 3) / 10));
        },
      ),
      { numRuns: 2000, seed: 43 },
    );
  });
});
