import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Observation } from "../../src/data/observation.js";
import { type Period, periodRange } from "../../src/data/period.js";
import { buildDataStore, type DataStore, periodCode, type StoreModel, type StoreValue } from "../../src/data/store.js";
import type { FieldAggregate, Frequency } from "../../src/model/ruleset.js";

/**
 * The store forms quarter, year and ytd values once per field and period for all units (columns, with a
 * quick path for quarters whose month cells all hold numbers). Reading with a `touch` callback (as explain
 * does for provenance) takes the general path cell by cell; both must give the same value, to the bit, and
 * the same missing reason, whatever the data.
 */

const UNITS = ["arys", "kentau", "saryagash"];
const YEARS = [2025, 2026];

interface FieldSpec {
  readonly aggregate: FieldAggregate;
  readonly cumulative: boolean;
  readonly frequency: Frequency;
}

const fieldSpec: fc.Arbitrary<FieldSpec> = fc.record({
  aggregate: fc.constantFrom<FieldAggregate>("sum", "mean", "last"),
  cumulative: fc.boolean(),
  frequency: fc.constantFrom<Frequency>("month", "month", "quarter", "year"),
});

/** Ordinary numbers, the signed zero, and magnitudes whose sums overflow to Infinity. */
const cellValue: fc.Arbitrary<number | "n/a"> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -500, max: 5000 }).map((n) => n / 4) },
  { weight: 1, arbitrary: fc.constantFrom<number | "n/a">("n/a", -0, 1e308, -1e308, 0.1, 0.2) },
);

const periodsOf = (kind: Period["kind"]): Period[] =>
  YEARS.flatMap((year): Period[] =>
    kind === "year"
      ? [{ kind, year, index: 1 }]
      : Array.from({ length: kind === "month" ? 12 : 4 }, (_, i) => ({ kind, year, index: i + 1 })),
  );

const label = (p: Period) =>
  p.kind === "year"
    ? String(p.year)
    : p.kind === "quarter"
      ? `${p.year}-Q${p.index}`
      : `${p.year}-${String(p.index).padStart(2, "0")}`;

/** Cells of one field for one unit: each period of the given kinds reported with probability `density`. */
function cellsOf(kinds: readonly Period["kind"][]): fc.Arbitrary<[string, number | "n/a"][]> {
  const periods = kinds.flatMap(periodsOf);
  return fc
    .tuple(...periods.map(() => fc.option(cellValue, { freq: 2 })))
    .map((values) =>
      values.flatMap((v, i) => (v === null ? [] : [[label(periods[i] as Period), v] as [string, number | "n/a"]])),
    );
}

const dataset = fc
  .array(fieldSpec, { minLength: 1, maxLength: 4 })
  .chain((fields) =>
    fc
      .tuple(
        ...fields.map((f) =>
          fc.tuple(
            ...UNITS.map(() =>
              cellsOf(
                f.frequency === "month" ? ["month", "quarter"] : f.frequency === "quarter" ? ["quarter"] : ["year"],
              ),
            ),
          ),
        ),
      )
      .map((cells) => ({ fields, cells })),
  );

function storeOf(fields: readonly FieldSpec[], cells: readonly (readonly [string, number | "n/a"][][])[]): DataStore {
  const model: StoreModel = {
    units: UNITS.map((id) => ({ id, aliases: [] })),
    fields: fields.map((f, i) => ({ id: `f${i}`, ...f })),
  };
  const observations: Observation[] = [];
  cells.forEach((byUnit, f) => {
    byUnit.forEach((list, u) => {
      for (const [period, value] of list) {
        const source = { file: "data.csv", row: observations.length + 2, column: 4 };
        observations.push({ unit: UNITS[u] as string, field: `f${f}`, period, value, source });
      }
    });
  });
  return buildDataStore(model, observations).store;
}

/** The same value: numbers to the bit (Object.is tells -0 and NaN apart), missing values with the same reason. */
function expectSame(actual: StoreValue, expected: StoreValue, what: string) {
  if (typeof expected === "number") expect(Object.is(actual, expected), `${what}: ${actual} vs ${expected}`).toBe(true);
  else expect(actual, what).toEqual(expected);
}

const codes = [
  ...periodRange({ kind: "month", year: 2024, index: 11 }, { kind: "month", year: 2027, index: 2 }),
  ...periodRange({ kind: "quarter", year: 2024, index: 4 }, { kind: "quarter", year: 2027, index: 1 }),
  ...periodRange({ kind: "year", year: 2024, index: 1 }, { kind: "year", year: 2027, index: 1 }),
].map((p) => ({ p, code: periodCode(p) }));

describe("store columns", () => {
  it("read the same values and reasons as the general path, for every field, unit and period", () => {
    fc.assert(
      fc.property(dataset, fc.integer({ min: 0, max: 1000 }), ({ fields, cells }, seed) => {
        const store = storeOf(fields, cells);
        const general = storeOf(fields, cells);
        const touch = () => {};
        // Read in an order that hops between fields and periods, so columns are formed and re-read mid-way.
        const reads = fields.flatMap((_, f) =>
          UNITS.flatMap((_, u) => codes.map(({ p, code }) => ({ f, u, p, code }))),
        );
        const order = reads.map((_, i) => (i * 7919 + seed) % reads.length);
        for (const i of [...order, ...order]) {
          const { f, u, p, code } = reads[i] as (typeof reads)[number];
          const what = `f${f} (${JSON.stringify(fields[f])}) for ${UNITS[u]} in ${label(p)}`;
          expectSame(store.value(f, u, code), general.value(f, u, code, touch), what);
          expectSame(store.ytd(f, u, code), general.ytd(f, u, code, touch), `ytd of ${what}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("form a quarter from three months exactly as summed in order (no reassociation)", () => {
    // 0.1 + 0.2 + 0.3 = 0.6000000000000001 summed left to right; 0.1 + (0.2 + 0.3) = 0.6
    const model: StoreModel = {
      units: [{ id: "arys", aliases: [] }],
      fields: [{ id: "jobs", aggregate: "sum", cumulative: false, frequency: "month" }],
    };
    const source = { file: "data.csv", row: 2, column: 4 };
    const store = buildDataStore(model, [
      { unit: "arys", field: "jobs", period: "2026-01", value: 0.1, source },
      { unit: "arys", field: "jobs", period: "2026-02", value: 0.2, source },
      { unit: "arys", field: "jobs", period: "2026-03", value: 0.3, source },
    ]).store;
    expect(store.value(0, 0, periodCode({ kind: "quarter", year: 2026, index: 1 }))).toBe(0.6000000000000001);
  });
});
