import { toSignificant } from "../../util/decimal-compare.js";
import { DataCode } from "../codes.js";
import { parseCellValue, shorten } from "../parse-number.js";
import { formatPeriod, monthsIn, type Period } from "../period.js";
import { type Cell, type CellAt, cellText, isEmpty } from "./cell.js";
import { type CharCodes, codesOf, stringOf } from "./csv-chars.js";
import { columnRole } from "./headers.js";
import type { ObservationMerger } from "./merge.js";
import type { DataField, DataUnit } from "./model.js";
import { type NameIndex, normalizeName } from "./names.js";
import type { OtherVersionField, OtherVersionFields, SetAsideTally } from "./other-versions.js";
import { readPeriodCell } from "./period-cell.js";
import type { FileProblems } from "./problems.js";

/** What every reader shares while reading one file. */
export interface RecordContext {
  readonly file: string;
  readonly units: NameIndex<DataUnit>;
  readonly fields: NameIndex<DataField>;
  readonly problems: FileProblems;
  readonly merger: ObservationMerger;
  /** The comma is the decimal separator in this file (semicolon-separated CSV). */
  readonly decimalComma: boolean;
  readonly counts: { rows: number };
  /** Fields only other versions of the family declare, and this file's tally of their values (D128). */
  readonly otherVersions?: { readonly fields: OtherVersionFields; readonly tally: SetAsideTally };
}

export interface FieldValue {
  readonly field: DataField;
  readonly cell: Cell;
}

/** Words that mark a total row, which Tarazy computes itself. */
const TOTAL_WORDS = /^(итого|всего|барлығы|жиыны|жиынтығы|total|grand total)(?![\p{L}\p{N}])/u;

/**
 * One record: a unit, a period, and values of fields (one in the long form, several in the wide form).
 * A record with no values is skipped (empty cells are not observations); otherwise a bad unit or period
 * rejects the record, and each value is checked on its own.
 */
export function readRecord(
  ctx: RecordContext,
  unitCell: Cell | undefined,
  periodCell: Cell | undefined,
  values: readonly FieldValue[],
  rowAt: CellAt,
): void {
  const filled = values.filter((v) => !isEmpty(v.cell.content));
  if (filled.length === 0) return;
  const first = filled[0]?.cell.at ?? rowAt;
  const unit = resolveUnit(ctx, unitCell, first);
  const period = resolvePeriod(ctx, periodCell, first);
  if (!unit || !period) return;
  const periodId = formatPeriod(period);
  for (const { field, cell } of filled) readFieldValue(ctx, unit, period, periodId, field, cell);
}

function resolveUnit(ctx: RecordContext, cell: Cell | undefined, valueAt: CellAt): DataUnit | undefined {
  const text = cell ? cellText(cell.content) : undefined;
  if (!cell || isEmpty(cell.content) || text === undefined) {
    ctx.problems.report(DataCode.D126, cell?.at ?? valueAt, "this row has values but no unit", {
      suggestion: "fill in the unit of the row (its id or name from units.yaml)",
    });
    return undefined;
  }
  const match = ctx.units.lookup(text);
  if (match.kind === "found") return match.item;
  if (match.kind === "ambiguous") {
    ctx.problems.report(
      DataCode.D121,
      cell.at,
      `"${shorten(text)}" is a name of several units: ${match.items.map((u) => u.id).join(", ")}`,
      { suggestion: "write the unit id instead of the name", repeatKey: text },
    );
    return undefined;
  }
  ctx.problems.report(DataCode.D120, cell.at, `unknown unit "${shorten(text)}"`, {
    suggestion: unknownUnitHint(text, match.suggestion),
    repeatKey: text,
  });
  return undefined;
}

function unknownUnitHint(text: string, didYouMean: string | undefined): string {
  if (TOTAL_WORDS.test(normalizeName(text))) return "delete the total row: Tarazy adds up units itself";
  if (columnRole(text) === "unit") return "this looks like a second header row: delete it";
  if (text.includes("?") || text.includes("\ufffd")) {
    return "letters were lost when the file was saved in an 8-bit code page: save it as CSV UTF-8";
  }
  const add =
    "units are matched by id, alias or name (kk, ru, en); add this spelling to the unit's aliases in units.yaml if it is right";
  return didYouMean ? `${didYouMean} (${add})` : add;
}

function resolvePeriod(ctx: RecordContext, cell: Cell | undefined, valueAt: CellAt): Period | undefined {
  if (!cell || isEmpty(cell.content)) {
    ctx.problems.report(DataCode.D126, cell?.at ?? valueAt, "this row has values but no period", {
      suggestion: "fill in the period of the row: 2026-03, 2026-Q1 or 2026",
    });
    return undefined;
  }
  const read = readPeriodCell(cell.content);
  if (read.ok) return read.period;
  ctx.problems.report(DataCode.D124, cell.at, read.message, {
    suggestion: read.suggestion,
    repeatKey: cellText(cell.content) ?? cell.content.kind,
  });
  return undefined;
}

/** The field of a long-form row, from its field cell. */
export function resolveField(ctx: RecordContext, cell: Cell | undefined, valueAt: CellAt): DataField | undefined {
  const text = cell ? cellText(cell.content) : undefined;
  if (!cell || isEmpty(cell.content) || text === undefined) {
    ctx.problems.report(DataCode.D126, cell?.at ?? valueAt, "this row has a value but no field", {
      suggestion: "fill in the field id from fields.yaml",
    });
    return undefined;
  }
  const found = lookupField(ctx, text, cell.at, undefined, text);
  if (found?.kind === "other-version") setAside(ctx, found.field, cell.at);
  return found?.kind === "field" ? found.field : undefined;
}

/** A field of the version read for, or one only other versions of its family declare (set aside). */
export type FieldFound =
  | { readonly kind: "field"; readonly field: DataField }
  | { readonly kind: "other-version"; readonly field: OtherVersionField };

/**
 * Looks a field up by id or name, reporting an unknown or ambiguous one at `at` (once per `repeatKey`).
 * A name the version read for does not know may be a field of another version of its family: that is
 * returned, not reported, and the caller sets its values aside.
 */
export function lookupField(
  ctx: RecordContext,
  text: string,
  at: CellAt,
  extraHint?: string,
  repeatKey?: string,
): FieldFound | undefined {
  const match = ctx.fields.lookup(text);
  if (match.kind === "found") return { kind: "field", field: match.item };
  const other = match.kind === "unknown" ? ctx.otherVersions?.fields.lookup(text) : undefined;
  if (other) return { kind: "other-version", field: other };
  if (match.kind === "ambiguous") {
    ctx.problems.report(
      DataCode.D123,
      at,
      `"${shorten(text)}" is a name of several fields: ${match.items.map((f) => f.id).join(", ")}`,
      { suggestion: "write the field id instead of the name", ...(repeatKey !== undefined ? { repeatKey } : {}) },
    );
    return undefined;
  }
  const hint =
    extraHint ?? "fields are matched by id or name (kk, ru, en); declare the field in fields.yaml if it is new";
  const close = match.suggestion ?? otherVersionSuggestion(ctx, text);
  ctx.problems.report(DataCode.D122, at, `unknown field "${shorten(text)}"`, {
    suggestion: close ? `${close} (${hint})` : hint,
    ...(repeatKey !== undefined ? { repeatKey } : {}),
  });
  return undefined;
}

/** "did you mean `asp_recipients`? (a field of version 2025.1)" when only another version has a close name. */
function otherVersionSuggestion(ctx: RecordContext, text: string): string | undefined {
  const close = ctx.otherVersions?.fields.closest(text);
  if (!close) return undefined;
  const of = close.versions.length > 0 ? `version ${close.versions.join(", ")}` : "another version";
  return `${close.suggestion} (a field of ${of})`;
}

/** Counts one value of another version's field, which is not read (reported once per file, D128). */
export function setAside(ctx: RecordContext, field: OtherVersionField, at: CellAt): void {
  ctx.otherVersions?.tally.add(field, at);
}

export function readFieldValue(
  ctx: RecordContext,
  unit: DataUnit,
  period: Period,
  periodId: string,
  field: DataField,
  cell: Cell,
): void {
  if (monthsIn(period.kind) < monthsIn(field.frequency)) {
    ctx.problems.report(
      DataCode.D125,
      cell.at,
      `${field.id} is reported ${ADVERB[field.frequency]}, so it takes no value for the ${period.kind} ${periodId}`,
      {
        suggestion: `give the value for the ${field.frequency} ${containing(period, field.frequency)}`,
        repeatKey: `${field.id}\u0000${period.kind}`,
      },
    );
    return;
  }
  const value = cellValue(ctx, field, cell);
  if (value === undefined) return;
  ctx.merger.add(unit, field, period, value, cell.at, ctx.problems, ctx.file);
}

const ADVERB = { month: "monthly", quarter: "quarterly", year: "yearly" } as const;

function containing(p: Period, kind: DataField["frequency"]): string {
  if (kind === "year") return String(p.year);
  return formatPeriod({ kind: "quarter", year: p.year, index: Math.ceil(p.index / 3) });
}

function isPercentField(field: DataField): boolean {
  return field.measure.includes("%");
}

/** The value of one cell for `field`: a number, "n/a", or undefined when there is none (reported if bad). */
function cellValue(ctx: RecordContext, field: DataField, cell: Cell): number | "n/a" | undefined {
  const c = cell.content;
  const report = (code: string, message: string, suggestion: string) => {
    ctx.problems.report(code, cell.at, message, { suggestion });
    return undefined;
  };
  switch (c.kind) {
    case "empty":
      return undefined;
    case "number":
      if (!Number.isFinite(c.value)) return report(DataCode.D130, `${c.value} is not a finite number`, NUMBER_ONLY);
      // An Excel percent cell holds 0.45 and shows 45%; a field in % holds the 45 a person sees. Read at
      // 15 significant digits (what Excel shows) so that 0.45 * 100 is 45, not 45.00000000000001.
      if (c.percentFormat && isPercentField(field)) return toSignificant(c.value * 100);
      return c.value === 0 ? 0 : c.value;
    case "boolean":
      return report(DataCode.D130, `${String(c.value)} is not a number`, "write 1 for yes and 0 for no");
    case "date":
      return report(
        DataCode.D130,
        `the date ${c.date.toISOString().slice(0, 10)} is not a number`,
        "format the cell as a number, not a date",
      );
    case "error":
      return report(
        DataCode.D135,
        `the cell holds the Excel error ${c.text} (a formula failed), not a value`,
        "fix the formula in the spreadsheet, or write n/a if the field does not apply to this unit",
      );
    case "formula-without-result":
      return report(
        DataCode.D136,
        "the cell has a formula but no saved result",
        "open the workbook in Excel and save it, or paste the values instead of the formulas",
      );
    case "other":
      return report(DataCode.D130, `${c.description} is not a value`, NUMBER_ONLY);
    case "text":
      return plainNumber(c.text) ?? textValue(ctx, field, cell, c.text);
  }
}

/**
 * The fast path for what most cells hold, a plain numeral (-?digits, optionally .digits): its value, as the
 * locale-aware parser reads it in every file (a point is always the decimal point); undefined for anything
 * else, which goes to the parser. Up to 15 digits the numeral is an integer below 2^53 over an exact power
 * of ten, and that one division is correctly rounded, so it is the double Number() gives.
 */
export function plainNumber(text: string): number | undefined {
  const value = plainNumberIn(codesOf(text), 0, text.length);
  // biome-ignore lint/suspicious/noSelfCompare: NaN marks a text that is not a plain numeral
  return value === value ? value : undefined;
}

/**
 * plainNumber of the characters `from` to `to` (a CSV file's codes, csv-chars.ts), without making a string;
 * NaN for anything but a plain numeral (not undefined: a number-or-undefined is boxed on the heap in the
 * caller, 16 bytes a cell).
 */
export function plainNumberIn(codes: CharCodes, from: number, to: number): number {
  const n = to;
  const negative = codes[from] === 45;
  let i = negative ? from + 1 : from;
  const digitsFrom = i;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  for (; i < n; i++) {
    const c = codes[i] as number;
    if (c < 48 || c > 57) break;
    mantissa = mantissa * 10 + (c - 48);
    digits++;
  }
  if (i === digitsFrom) return Number.NaN;
  if (i < n) {
    if (codes[i] !== 46) return Number.NaN;
    const fractionFrom = ++i;
    for (; i < n; i++) {
      const c = codes[i] as number;
      if (c < 48 || c > 57) return Number.NaN;
      mantissa = mantissa * 10 + (c - 48);
      digits++;
    }
    scale = i - fractionFrom;
    if (scale === 0) return Number.NaN;
  }
  let value: number;
  if (digits <= 15) value = scale === 0 ? mantissa : mantissa / (POWERS_OF_TEN[scale] as number);
  else {
    value = Math.abs(Number(stringOf(codes, from, to)));
    if (!Number.isFinite(value)) return Number.NaN; // too many digits: the parser says so
  }
  return negative && value !== 0 ? -value : value;
}

/** 10^0 .. 10^15, all exact doubles. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

const NUMBER_ONLY = "write a number, n/a, or leave the value out";

function textValue(ctx: RecordContext, field: DataField, cell: Cell, text: string): number | "n/a" | undefined {
  const parsed = parseCellValue(text, { decimalComma: ctx.decimalComma });
  switch (parsed.kind) {
    case "empty":
      return undefined;
    case "n/a":
      return "n/a";
    case "no-data":
      ctx.problems.report(
        DataCode.D134,
        cell.at,
        `"${shorten(parsed.text)}" means no data: read as an empty cell (missing), not as n/a`,
        {
          suggestion:
            "leave the cell empty if the value is unknown, or write n/a if the field does not apply to this unit",
          repeatKey: parsed.text,
        },
      );
      return undefined;
    case "invalid": {
      const code =
        parsed.problem === "ambiguous"
          ? DataCode.D131
          : parsed.problem === "dash"
            ? DataCode.D132
            : parsed.problem === "excel-error"
              ? DataCode.D135
              : DataCode.D130;
      ctx.problems.report(code, cell.at, parsed.message, { suggestion: parsed.suggestion });
      return undefined;
    }
    case "number":
      if (parsed.percent && !isPercentField(field)) {
        ctx.problems.report(
          DataCode.D133,
          cell.at,
          `"${shorten(text.trim())}" has a percent sign but ${field.id} is measured in ${field.measure}`,
          { suggestion: `write the number in ${field.measure}, without %` },
        );
        return undefined;
      }
      return parsed.value;
  }
}
