import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Period } from "../../src/data/period.js";
import { type DataStore, DataStoreBuilder, periodCode } from "../../src/data/store.js";
import type { FieldAggregate } from "../../src/model/ruleset.js";
import { cellKey, overridden, ytdEdit } from "../../src/whatif/rescore.js";

/**
 * A year-to-date change is one data edit (rescore.ts `overridden`): the period's last month moved, and for a
 * cumulative field the running totals after it with it. The view must answer every read — each month's,
 * quarter's and the year's value and year-to-date total — exactly as a store built from the edited data.
 */
const KINDS: readonly { aggregate: FieldAggregate; cumulative: boolean }[] = [
  { aggregate: "sum", cumulative: true },
  { aggregate: "sum", cumulative: false },
  { aggregate: "mean", cumulative: false },
  { aggregate: "mean", cumulative: true },
  { aggregate: "last", cumulative: false },
  { aggregate: "last", cumulative: true },
];

const model = {
  units: [{ id: "u", aliases: [] }],
  fields: KINDS.map((k, i) => ({ id: `f${i}`, frequency: "month" as const, ...k })),
};

/** A store of 2026's twelve monthly values of each field: running totals of `flows` where cumulative. */
function storeOf(flows: readonly number[]): DataStore {
  const builder = new DataStoreBuilder(model, 2026, 2026);
  KINDS.forEach((k, f) => {
    let total = 0;
    flows.forEach((x, m) => {
      total += x;
      builder.set(f, 0, { kind: "month", year: 2026, index: m + 1 }, k.cumulative ? total : x);
    });
  });
  return builder.build();
}

const PERIODS: Period[] = [
  ...Array.from({ length: 12 }, (_, i): Period => ({ kind: "month", year: 2026, index: i + 1 })),
  ...Array.from({ length: 4 }, (_, i): Period => ({ kind: "quarter", year: 2026, index: i + 1 })),
  { kind: "year", year: 2026, index: 1 },
];

describe("a year-to-date change read back as the edited data", () => {
  test("every field kind, every period: the view equals a store built from the edit", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 12, maxLength: 12 }),
        fc.constantFrom(...PERIODS.filter((p) => p.kind !== "year")),
        fc.integer({ min: -50, max: 500 }),
        fc.integer({ min: 0, max: KINDS.length - 1 }),
        (flows, period, delta, field) => {
          const store = storeOf(flows);
          const code = periodCode(period);
          const was = store.ytd(field, 0, code) as number;
          const edit = ytdEdit(store, field, 0, code, was + delta);
          expect(edit).toBeDefined();
          const { month, by } = edit as { month: number; by: number };
          // The edit made in the data: month `month`'s own value moved by `by` (its flow, for a running total).
          const edited = storeOf(flows.map((x, m) => (m === month % 12 ? x + by : x)));
          const other = storeOf(flows); // the other fields are not edited
          const view = overridden(store, new Map([[cellKey(field, 0, code, true), was + delta]]));
          expect(view.ytd(field, 0, code)).toBeCloseTo(was + delta, 9);
          for (const p of PERIODS) {
            const c = periodCode(p);
            for (let f = 0; f < KINDS.length; f++) {
              const want = f === field ? edited : other;
              expect(view.value(f, 0, c)).toBeCloseTo(want.value(f, 0, c) as number, 9);
              expect(view.ytd(f, 0, c)).toBeCloseTo(want.ytd(f, 0, c) as number, 9);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  test("a cumulative field's Q3 total 3 → 4: September's count 1 → 2, its running total 3 → 4, Q4 unchanged", () => {
    // Flows 1 in January and August, 1 in September, 2 in December: running totals 2, 3 and 5.
    const flows = [1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 2];
    const store = storeOf(flows);
    const q3 = periodCode({ kind: "quarter", year: 2026, index: 3 });
    const q4 = periodCode({ kind: "quarter", year: 2026, index: 4 });
    const sep = periodCode({ kind: "month", year: 2026, index: 9 });
    expect([store.ytd(0, 0, q3), store.value(0, 0, sep), store.value(0, 0, q4)]).toEqual([3, 1, 2]);
    const view = overridden(store, new Map([[cellKey(0, 0, q3, true), 4]]));
    expect(view.value(0, 0, sep)).toBe(2);
    expect(view.ytd(0, 0, sep)).toBe(4);
    expect(view.value(0, 0, q3)).toBe(3);
    expect(view.value(0, 0, q4)).toBe(2);
    expect(view.ytd(0, 0, q4)).toBe(6);
  });
});
