import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/data/period.js";
import { readCsv } from "../../src/data/readers/csv-reader.js";
import { ObservationMerger } from "../../src/data/readers/merge.js";
import { NameIndex } from "../../src/data/readers/names.js";
import { FileProblems } from "../../src/data/readers/problems.js";
import { buildDataStore, type DataStore, periodCode, type StoreModel } from "../../src/data/store.js";
import { buildDataStoreFromTable } from "../../src/data/store-from-table.js";
import { MODEL } from "./model.js";

const AGGREGATES = ["sum", "mean", "last"] as const;
/** MODEL's fields with an aggregate each (the store needs one): every kind with every frequency. */
const STORE_MODEL: StoreModel = {
  units: MODEL.units,
  fields: MODEL.fields.map((f, i) => ({ ...f, aggregate: AGGREGATES[i % 3] as (typeof AGGREGATES)[number] })),
};
const units = new NameIndex(MODEL.units, (u) => [u.id]);
const fields = new NameIndex(MODEL.fields, (f) => [f.id]);

/** Every month, quarter and year of 2025-2026, as codes. */
const CODES = [2025, 2026].flatMap((year) => [
  ...Array.from({ length: 12 }, (_, m) => periodCode({ kind: "month", year, index: m + 1 })),
  ...Array.from({ length: 4 }, (_, q) => periodCode({ kind: "quarter", year, index: q + 1 })),
  periodCode({ kind: "year", year, index: 1 }),
]);

function read(text: string, model?: typeof MODEL) {
  const merger = new ObservationMerger(model);
  const problems = new FileProblems("t.csv", 10_000);
  readCsv(text, { file: "t.csv", units, fields, problems, merger, counts: { rows: 0 } });
  return merger;
}

/** Everything a rating or explain asks of a store, for every field, unit and period. */
function answers(store: DataStore) {
  const out: unknown[] = [];
  for (let f = 0; f < STORE_MODEL.fields.length; f++) {
    for (let u = 0; u < STORE_MODEL.units.length; u++) {
      for (const code of CODES) {
        out.push([store.value(f, u, code), store.ytd(f, u, code), store.sources(f, u, code)]);
        out.push([store.sources(f, u, code, true), store.hasDataIn(code), store.isBeforeData(code)]);
      }
    }
  }
  return out;
}

describe("the store read from the table's own slots and values", () => {
  const row = fc.tuple(
    fc.constantFrom(...MODEL.units.map((u) => u.id)),
    fc.constantFrom("2025-12", "2026-01", "2026-02", "2026-03", "2026-05", "2026-06", "2026-Q1", "2026-Q2", "2026"),
    fc.constantFrom(...MODEL.fields.map((f) => f.id)),
    fc.constantFrom("1", "2.5", "-4", "0", "n/a", "1000"),
  );

  it("answers as the store built from the observations, and as one copied from a table of another order", () => {
    let shared = 0;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const text = `unit,period,field,value\n${rows.map((r) => r.join(",")).join("\n")}\n`;
        const merger = read(text, MODEL);
        const fromTable = buildDataStoreFromTable(STORE_MODEL, merger.table);
        const fromObjects = buildDataStore(STORE_MODEL, merger.observations);
        expect(fromTable.diagnostics).toEqual([]);
        expect(fromObjects.diagnostics).toEqual([]);
        expect(fromTable.store.firstYear).toBe(fromObjects.store.firstYear);
        expect(fromTable.store.years).toBe(fromObjects.store.years);
        const expected = answers(fromObjects.store);
        expect(answers(fromTable.store)).toEqual(expected);
        // Read without the model, the table's units and fields are in the order first seen: copied.
        expect(answers(buildDataStoreFromTable(STORE_MODEL, read(text).table).store)).toEqual(expected);
        if (merger.table.length > 0) shared++;
      }),
      { numRuns: 60 },
    );
    expect(shared).toBeGreaterThan(40);
  });

  it("keeps each value once: the store's values are the table's value column", () => {
    const merger = read(
      "unit,period,field,value\narys,2026-03,unemployment,7.5\nkeles,2026-Q1,own_revenue,n/a\n",
      MODEL,
    );
    const { store } = buildDataStoreFromTable(STORE_MODEL, merger.table);
    const march = periodCode(parsePeriod("2026-03") as NonNullable<ReturnType<typeof parsePeriod>>);
    expect(store.value(2, 1, march)).toBe(7.5);
    // The table's value column is what the store reads: changed there, changed in the store.
    (merger.table.valueChunks()[0] as Float64Array)[0] = 8.25;
    expect(store.value(2, 1, march)).toBe(8.25);
    // "arys,2026-03,unemployment," is 26 characters: the value starts at column 27.
    expect(store.sources(2, 1, march)).toEqual([{ file: "t.csv", row: 2, column: 27 }]);
  });
});
