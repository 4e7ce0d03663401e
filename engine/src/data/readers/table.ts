import { DataCode } from "../codes.js";
import { shorten } from "../parse-number.js";
import { parsePeriod } from "../period.js";
import { type Cell, type CellAt, cellText, isEmpty } from "./cell.js";
import { COLUMN_NAMES, type ColumnRole, columnRole } from "./headers.js";
import type { DataField } from "./model.js";
import type { OtherVersionField } from "./other-versions.js";
import { lookupField, type RecordContext, readRecord, resolveField, setAside } from "./records.js";

/**
 * Tables (CSV files and Excel sheets) in two shapes, told apart by the header (the first non-empty row):
 *   long: unit, period, field, value   - one value per row
 *   wide: unit, period, <field>, ...   - one column per field
 * Comment columns (comment, note, №, примечание, ...) are skipped in both.
 */
export interface TableRow {
  /** The row's cells, at least as many as the header has (readers pad short rows with empty cells). */
  readonly cells: readonly Cell[];
  readonly at: CellAt;
}

export type Layout =
  | {
      readonly kind: "long";
      readonly unit: number;
      readonly period: number;
      readonly field: number;
      readonly value: number;
      readonly width: number;
      readonly blank: readonly number[];
    }
  | {
      readonly kind: "wide";
      readonly unit: number;
      readonly period: number;
      readonly fields: readonly { readonly column: number; readonly field: DataField }[];
      /** Columns of fields only other versions of the family declare: counted, not read. */
      readonly setAside: readonly { readonly column: number; readonly field: OtherVersionField; readonly at: CellAt }[];
      readonly width: number;
      readonly blank: readonly number[];
    };

/** How a header is read: a layout, or why not (already reported), or "notes" for a sheet that holds no table. */
export type HeaderRead = { readonly layout: Layout } | { readonly failed: true } | { readonly notes: true };

const EXPECTED_HEADER = "unit, period, field, value (long form) or unit, period and one column per field (wide form)";

export function readHeader(ctx: RecordContext, header: TableRow, isSheet: boolean): HeaderRead {
  const roles = new Map<ColumnRole, number>();
  const others: { column: number; text: string; at: CellAt }[] = [];
  const blank: number[] = [];
  header.cells.forEach((cell, column) => {
    const text = cellText(cell.content);
    if (text === undefined || text === "") {
      blank.push(column);
      return;
    }
    const role = columnRole(text);
    if (role === undefined) {
      others.push({ column, text, at: cell.at });
    } else if (role !== "comment") {
      if (roles.has(role)) {
        ctx.problems.report(DataCode.D111, cell.at, `a second ${role} column "${shorten(text)}": it is not read`, {
          suggestion: "delete or rename one of the two columns",
        });
      } else roles.set(role, column);
    }
  });
  const unit = roles.get("unit");
  const period = roles.get("period");
  if (isSheet && roles.size === 0 && !others.some((o) => ctx.fields.lookup(o.text).kind === "found")) {
    return { notes: true };
  }
  if (unit === undefined || period === undefined) {
    const missing = [unit === undefined ? "unit" : "", period === undefined ? "period" : ""].filter(Boolean);
    const found = header.cells
      .map((c) => cellText(c.content))
      .filter((t) => t)
      .map((t) => `"${shorten(t ?? "", 20)}"`)
      .slice(0, 6);
    ctx.problems.report(
      DataCode.D110,
      header.cells[0]?.at ?? header.at,
      `the header row has no ${missing.join(" or ")} column${found.length > 0 ? ` (found ${found.join(", ")})` : ""}`,
      {
        suggestion: `the first row must name the columns: ${EXPECTED_HEADER}; delete any title rows above it (accepted names for the unit column: ${COLUMN_NAMES.unit.join(", ")}; for the period: ${COLUMN_NAMES.period.join(", ")})`,
      },
    );
    return { failed: true };
  }
  const field = roles.get("field");
  const value = roles.get("value");
  const width = header.cells.length;
  if (field !== undefined && value !== undefined) {
    for (const o of others) {
      ctx.problems.report(DataCode.D116, o.at, `the column "${shorten(o.text)}" is not read in a long table`, {
        suggestion: "delete the column, or name it comment if it holds remarks",
      });
    }
    return { layout: { kind: "long", unit, period, field, value, width, blank } };
  }
  if (field !== undefined || value !== undefined) {
    ctx.problems.report(
      DataCode.D110,
      header.cells[field ?? value ?? 0]?.at ?? header.at,
      `a long table needs both a field column and a value column; this header has only a ${field !== undefined ? "field" : "value"} column`,
      { suggestion: `name the columns ${EXPECTED_HEADER}` },
    );
    return { failed: true };
  }
  const { fields, setAside } = wideFields(ctx, others);
  if (others.length === 0) {
    ctx.problems.report(DataCode.D110, header.cells[0]?.at ?? header.at, "the header has no field columns", {
      suggestion: `name the columns ${EXPECTED_HEADER}`,
    });
    return { failed: true };
  }
  return { layout: { kind: "wide", unit, period, fields, setAside, width, blank } };
}

/**
 * The field of each wide column; an unknown or repeated header is reported and its column not read. A column
 * of another version's field is kept apart, to count its values.
 */
function wideFields(
  ctx: RecordContext,
  others: readonly { column: number; text: string; at: CellAt }[],
): {
  fields: { column: number; field: DataField }[];
  setAside: { column: number; field: OtherVersionField; at: CellAt }[];
} {
  const fields: { column: number; field: DataField }[] = [];
  const setAside: { column: number; field: OtherVersionField; at: CellAt }[] = [];
  const seen = new Map<string, string>();
  for (const o of others) {
    const hint = parsePeriod(o.text)
      ? "periods as columns are not read: put one row per unit and period, with one column per field, or use the long form (unit, period, field, value)"
      : undefined;
    const found = lookupField(ctx, o.text, o.at, hint);
    if (!found) continue;
    const field = found.field;
    const before = seen.get(field.id);
    if (before !== undefined) {
      ctx.problems.report(
        DataCode.D111,
        o.at,
        `"${shorten(o.text)}" is the field ${field.id} again (as "${before}"): this column is not read`,
        { suggestion: "delete or rename one of the two columns" },
      );
      continue;
    }
    seen.set(field.id, shorten(o.text));
    if (found.kind === "field") fields.push({ column: o.column, field: found.field });
    else setAside.push({ column: o.column, field: found.field, at: o.at });
  }
  return { fields, setAside };
}

/** Reads one row after the header. Blank rows are skipped; columns without a header must stay empty. */
export function readTableRow(ctx: RecordContext, layout: Layout, row: TableRow, blankReported: Set<number>): void {
  if (row.cells.every((c) => isEmpty(c.content))) return;
  ctx.counts.rows++;
  const extra = row.cells.findIndex((c, i) => i >= layout.width && !isEmpty(c.content));
  if (extra >= 0) {
    const cell = row.cells[extra];
    ctx.problems.report(
      DataCode.D115,
      cell?.at ?? row.at,
      `this row has ${lastFilled(row) + 1} cells but the header has ${layout.width} columns, so the row is not read`,
      {
        suggestion:
          'quote numbers with a decimal comma ("1200,5") or use semicolons as separators; otherwise add the missing column header',
      },
    );
    return;
  }
  for (const column of layout.blank) {
    const cell = row.cells[column];
    if (cell && !isEmpty(cell.content) && !blankReported.has(column)) {
      blankReported.add(column);
      ctx.problems.report(DataCode.D112, cell.at, "this column has values but no header, so they are not read", {
        suggestion: "write the field id in the header row, or delete the column",
      });
    }
  }
  const cell = (i: number) => row.cells[i];
  if (layout.kind === "long") {
    const valueCell = cell(layout.value);
    if (!valueCell || isEmpty(valueCell.content)) return;
    const field = resolveField(ctx, cell(layout.field), valueCell.at);
    if (!field) return;
    readRecord(ctx, cell(layout.unit), cell(layout.period), [{ field, cell: valueCell }], row.at);
    return;
  }
  for (const { column, field, at } of layout.setAside) {
    const c = cell(column);
    if (c && !isEmpty(c.content)) setAside(ctx, field, at);
  }
  const values = layout.fields.flatMap(({ column, field }) => {
    const c = cell(column);
    return c ? [{ field, cell: c }] : [];
  });
  readRecord(ctx, cell(layout.unit), cell(layout.period), values, row.at);
}

function lastFilled(row: TableRow): number {
  for (let i = row.cells.length - 1; i >= 0; i--) if (!isEmpty(row.cells[i]?.content ?? { kind: "empty" })) return i;
  return -1;
}
