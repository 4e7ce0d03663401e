import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ObservationTable } from "./observation-table.js";
import { DataStore, DataStoreBuilder, type StoreModel } from "./store.js";

/**
 * Builds the store from the readers' table. The readers have already placed every value on a known unit,
 * field and period in the table's cell slots and refused repeats and overlaps, so when the table's units and
 * fields are the model's, in its order (readDataFiles registers them so), the store reads the table's slots
 * and value column as they are: nothing is copied. Otherwise (a table read for other units or fields) the
 * values are copied cell by cell into a store of their own (copyTable).
 */
export function buildDataStoreFromTable(
  model: StoreModel,
  table: ObservationTable,
): { store: DataStore; diagnostics: Diagnostic[] } {
  if (!sameIndexes(model, table)) return copyTable(model, table);
  const { firstYear, lastYear } = yearsOf(table);
  const years = table.length > 0 ? lastYear - firstYear + 1 : 0;
  const monthHasData = new Uint8Array(years * 12);
  // Row records: every period with a value, once per row.
  for (let r = 0; r < table.rowCount; r++) {
    const code = table.rowPeriod(r);
    const kind = code % 3;
    const offset = (code - kind) / 3 - firstYear * 12;
    monthHasData.fill(1, offset, offset + (kind === 0 ? 1 : kind === 1 ? 3 : 12));
  }
  const cells = { slots: table.slots, values: table.valueChunks() };
  const store = new DataStore(model, cells, monthHasData, years > 0 ? firstYear : 0, years, table);
  return { store, diagnostics: [] };
}

/** Whether the table's unit and field indexes are the model's, and its slots wide enough for its units. */
function sameIndexes(model: StoreModel, table: ObservationTable): boolean {
  const same = (a: readonly { id: string }[], b: readonly { id: string }[]) =>
    a.length === b.length && a.every((x, i) => x.id === b[i]?.id);
  return same(model.units, table.units) && same(model.fields, table.fields) && table.slots.width >= model.units.length;
}

/** The first and last year of the table's periods (infinite when it is empty). */
function yearsOf(table: ObservationTable): { firstYear: number; lastYear: number } {
  let firstYear = Number.POSITIVE_INFINITY;
  let lastYear = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < table.rowCount; r++) {
    const year = Math.floor(table.rowPeriod(r) / 36);
    if (year < firstYear) firstYear = year;
    if (year > lastYear) lastYear = year;
  }
  return { firstYear, lastYear };
}

/**
 * A store of the table's values copied cell by cell, column to column. Months go in first, then quarters, then
 * years, each in data order (as buildDataStore does), so a cumulative field's month value stays the source
 * when a quarter repeats it.
 */
function copyTable(model: StoreModel, table: ObservationTable): { store: DataStore; diagnostics: Diagnostic[] } {
  const unitOf = indexByIds(
    table.units.map((u) => u.id),
    model.units.map((u) => u.id),
  );
  const fieldOf = indexByIds(
    table.fields.map((f) => f.id),
    model.fields.map((f) => f.id),
  );
  const { firstYear, lastYear } = yearsOf(table);
  const kinds = [false, false, false];
  for (let r = 0; r < table.rowCount; r++) kinds[table.rowPeriod(r) % 3] = true;
  const builder =
    table.length > 0 ? new DataStoreBuilder(model, firstYear, lastYear) : new DataStoreBuilder(model, 0, -1);
  for (let kind = 0; kind < 3; kind++) {
    if (!kinds[kind]) continue;
    // Row records: the unit and period once for the run of cells that share them.
    for (let r = 0; r < table.rowCount; r++) {
      const code = table.rowPeriod(r);
      if (code % 3 !== kind) continue;
      const unit = unitOf[table.rowUnit(r)] ?? -1;
      for (let i = table.rowStart(r), end = table.rowStart(r + 1); i < end; i++) {
        const field = fieldOf[table.field(i)] ?? -1;
        if (unit < 0 || field < 0) throw new RangeError("a unit or field the rules do not have");
        builder.setCode(field, unit, code, table.value(i), i);
      }
    }
  }
  const store = builder.build(table);
  return { store, diagnostics: builder.diagnostics };
}

/** For each id of `from`, its index in `to` (-1 when absent). */
function indexByIds(from: readonly string[], to: readonly string[]): Int32Array {
  const at = new Map(to.map((id, i) => [id, i]));
  return Int32Array.from(from, (id) => at.get(id) ?? -1);
}
