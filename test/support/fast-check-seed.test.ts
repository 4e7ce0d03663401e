import fc from "fast-check";
import { expect, test } from "vitest";

test("property tests draw from the run's one seed (FC_SEED, else the fixed one): the same draws every run", () => {
  const expected = process.env.FC_SEED === undefined ? 20261203 : undefined;
  if (expected !== undefined) expect(fc.readConfigureGlobal().seed).toBe(expected);
  const draw = () => fc.sample(fc.double(), 20);
  expect(draw()).toEqual(draw());
});
