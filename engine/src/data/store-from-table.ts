import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ObservationTable } from "./observation-table.js";
import { type DataStore, DataStoreBuilder, type StoreModel } from "./store.js";

/**
 * Builds the store from the readers' table, column to column: the readers have already placed every value
 * on a known unit, field and period and refused repeats, so nothing is looked up by name and no object is
 * made per cell. Months go in first, then quarters, then years, each in data order (as buildDataStore does),
 * so a cumulative field's month value stays the source when a quarter repeats it.
 */
export function buildDataStoreFromTable(
  model: StoreModel,
  table: ObservationTable,
): { store: DataStore; diagnostics: Diagnostic[] } {
  const unitOf = indexByIds(
    table.units.map((u) => u.id),
    model.units.map((u) => u.id),
  );
  const fieldOf = indexByIds(
    table.fields.map((f) => f.id),
    model.fields.map((f) => f.id),
  );
  let firstYear = Number.POSITIVE_INFINITY;
  let lastYear = Number.NEGATIVE_INFINITY;
  const kinds = [false, false, false];
  for (let r = 0; r < table.rowCount; r++) {
    const code = table.rowPeriod(r);
    const year = Math.floor(code / 36);
    if (year < firstYear) firstYear = year;
    if (year > lastYear) lastYear = year;
    kinds[code % 3] = true;
  }
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
