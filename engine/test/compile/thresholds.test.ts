import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalBounds, stepUlps } from "../../src/compile/thresholds.js";
import { compareDecimal } from "../../src/util/decimal-compare.js";

/** How x compares with c through the precomputed bounds, as compiled code does it. */
function viaBounds(x: number, c: number): -1 | 0 | 1 {
  const { below, above } = decimalBounds(c);
  return x < below ? -1 : x > above ? 1 : 0;
}

describe("comparison with a constant through precomputed bounds", () => {
  it("puts every double computed as 90% of 4736 on 90", () => {
    expect(viaBounds((4262.4 / 4736) * 100, 90)).toBe(0);
    expect(viaBounds(89.9999999999, 90)).toBe(-1);
    expect(viaBounds(90.0000000001, 90)).toBe(1);
    const { below, above } = decimalBounds(90);
    expect(below).toBeLessThan(90);
    expect(above).toBeGreaterThan(90);
    expect(compareDecimal(stepUlps(below, -1), 90)).toBe(-1);
    expect(compareDecimal(stepUlps(above, 1), 90)).toBe(1);
  });

  it("treats zero exactly", () => {
    expect(decimalBounds(0)).toEqual({ below: 0, above: 0 });
    expect(viaBounds(5e-324, 0)).toBe(1);
    expect(viaBounds(-5e-324, 0)).toBe(-1);
  });

  const constant = fc.oneof(
    fc.constantFrom(90, 100, 0.1, 0.3, 1e-300, 1.7976931348623157e308, -90, 4736, 1e15, 123456789012345.6),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((c) => c !== 0),
  );

  it("agrees with compareDecimal near the constant and anywhere", () => {
    fc.assert(
      fc.property(constant, fc.integer({ min: -80, max: 80 }), fc.double({ noNaN: true }), (c, ulps, anywhere) => {
        const near = stepUlps(c, ulps);
        if (Number.isFinite(near)) expect(viaBounds(near, c)).toBe(compareDecimal(near, c));
        expect(viaBounds(anywhere, c)).toBe(compareDecimal(anywhere, c));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
});
