import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import { DataCode } from "./codes.js";
import { valueProblem } from "./field-values.js";
import type { Observation } from "./observation.js";
import type { ObservationTable } from "./observation-table.js";
import { CsvChars } from "./readers/csv-chars.js";
import { type ReaderContext, readCsv } from "./readers/csv-reader.js";
import { decodeDataBytes } from "./readers/decode.js";
import { FileBytes } from "./readers/file-bytes.js";
import { type DataFileEntry, type DataFormat, listDataFiles } from "./readers/files.js";
import { readJson } from "./readers/json-reader.js";
import { ObservationMerger } from "./readers/merge.js";
import type { DataField, DataModel, DataUnit } from "./readers/model.js";
import { NameIndex } from "./readers/names.js";
import { type FamilyFields, OtherVersionFields, type SetAsideValues } from "./readers/other-versions.js";
import { FILE_START, FileProblems } from "./readers/problems.js";
import { readXlsx } from "./readers/xlsx-reader.js";
import { formatPeriodCode } from "./store.js";

export { decodeDataBytes } from "./readers/decode.js";
export type { FamilyFields, SetAsideValues } from "./readers/other-versions.js";
export type { DataField, DataFormat, DataModel, DataUnit };

export interface DataLimits {
  /** Files larger than this are not read (D102). */
  readonly maxFileBytes: number;
  /** Diagnostics listed per file; the rest are counted (D108, D109). */
  readonly maxProblemsPerFile: number;
}

export const DEFAULT_DATA_LIMITS: DataLimits = { maxFileBytes: 100 * 1024 * 1024, maxProblemsPerFile: 100 };

export interface ReadDataOptions {
  /** Relative paths are resolved against this folder (default: the process's); diagnostics show them as given. */
  readonly cwd?: string;
  readonly limits?: Partial<DataLimits>;
  /**
   * The version the data is read for and the fields of the other versions of its family (family-fields.ts
   * finds them): values of a field only they declare are set aside and reported (D128), not errors (D122).
   */
  readonly family?: FamilyFields;
  /**
   * Hash each file's bytes (`sha256` in `files`, for output manifests); default true. A rating that writes no
   * manifest skips it: sha-256 of a national data set's 72 MB takes 0.12 s.
   */
  readonly hash?: boolean;
}

export interface DataFileRead {
  /** As given (joined with the path inside a folder), with forward slashes. */
  readonly path: string;
  /** Of the file's bytes, for output manifests; absent when the read was asked not to hash (`hash: false`). */
  readonly sha256?: string;
  readonly format: DataFormat;
  /** Data rows (CSV lines or sheet rows after the header, JSON records); blank rows not counted. */
  readonly rows: number;
}

export interface DataReadResult {
  /** One per unit, field and period, in file and row order; empty cells are not observations. */
  readonly table: ObservationTable;
  /** The table's observations as objects, made at the first use (the rating and counts read the table). */
  readonly observations: Observation[];
  readonly diagnostics: Diagnostic[];
  readonly files: DataFileRead[];
  /** Values of fields only other versions declare, by file and field: counted, not read (see `family`). */
  readonly setAside: SetAsideValues[];
}

/**
 * Reads measurement data: CSV (long or wide), Excel workbooks and JSON, given as files or folders (read
 * recursively in name order), checked against the rule model's units and fields, and merged. Every cell
 * that is not read is reported; two different values for one cell are an error, never an overwrite.
 * See docs/data-format.md for what is accepted.
 */
export async function readDataFiles(
  paths: readonly string[],
  model: DataModel,
  options: ReadDataOptions = {},
): Promise<DataReadResult> {
  const limits = { ...DEFAULT_DATA_LIMITS, ...options.limits };
  const listed = await listDataFiles(paths, options.cwd ?? process.cwd());
  const diagnostics: Diagnostic[] = [...listed.diagnostics];
  const files: DataFileRead[] = [];
  const merger = new ObservationMerger(model);
  const units = new NameIndex(model.units, (u) => [...u.aliases, u.name.kk, u.name.ru, u.name.en]);
  const fields = new NameIndex(model.fields, (f) => [f.name.kk, f.name.ru, f.name.en]);
  const otherFields = options.family ? new OtherVersionFields(options.family, model.fields) : undefined;
  const setAside: SetAsideValues[] = [];
  const bytes = new FileBytes();
  for (const entry of listed.files) {
    const problems = new FileProblems(entry.display, limits.maxProblemsPerFile);
    const counts = { rows: 0 };
    const tally = otherFields?.tally(entry.display);
    const ctx = {
      file: entry.display,
      units,
      fields,
      problems,
      merger,
      counts,
      ...(otherFields && tally ? { otherVersions: { fields: otherFields, tally } } : {}),
    };
    const read = await readOne(entry, ctx, limits, options.hash !== false, bytes);
    if (read) files.push({ path: entry.display, ...read, format: entry.format, rows: counts.rows });
    diagnostics.push(...problems.finish(), ...(tally?.diagnostics() ?? []));
    setAside.push(...(tally?.values ?? []));
  }
  diagnostics.push(...valueDiagnostics(merger.table));
  return dataRead(merger.table, noDataAnywhere(diagnostics, merger.table), files, setAside);
}

/** A read's result; `observations` is made from the table when first asked for. */
export function dataRead(
  table: ObservationTable,
  diagnostics: Diagnostic[],
  files: DataFileRead[],
  setAside: SetAsideValues[],
): DataReadResult {
  let observations: Observation[] | undefined;
  return {
    table,
    get observations() {
      observations ??= table.toArray();
      return observations;
    },
    diagnostics,
    files,
    setAside,
  };
}

/**
 * An empty or header-only file is a warning (D106) beside files with data; when no file gives any value
 * it is the only source there was, and an error (D119) at the same place.
 */
function noDataAnywhere(diagnostics: Diagnostic[], table: ObservationTable): Diagnostic[] {
  if (table.length > 0 || hasErrors(diagnostics)) return diagnostics;
  return diagnostics.map((d) =>
    d.code === DataCode.D106
      ? {
          ...d,
          code: DataCode.D119,
          severity: "error",
          message: `${d.message}, and no other data file gives any value, so there is nothing to rate`,
        }
      : d,
  );
}

/** Every cell whose value its field's `values` do not allow (D170), at the cell. */
function valueDiagnostics(table: ObservationTable): Diagnostic[] {
  const constrained = table.fields.map((f) => f.values);
  if (!constrained.some((v) => v !== undefined)) return [];
  const out: Diagnostic[] = [];
  for (let i = 0; i < table.length; i++) {
    const values = constrained[table.field(i)];
    const value = table.value(i);
    if (!values || value === "n/a") continue;
    const problem = valueProblem(values, value);
    if (!problem) continue;
    const o = table.observation(i) as Observation;
    const start = { offset: 0, line: Math.max(1, o.source.row), column: Math.max(1, o.source.column) };
    out.push({
      code: DataCode.D170,
      severity: "error",
      message: `${o.field} = ${o.value} for ${o.unit} in ${o.period} ${problem}`,
      file: o.source.file,
      range: { start, end: { ...start, column: start.column + 1 } },
      suggestion: "correct the cell; if the value is right, change the field's `values` in fields.yaml",
    });
  }
  return out;
}

/** Reads one file into the context; returns the hash of its bytes (when asked for), or undefined when it could not be read. */
async function readOne(
  entry: DataFileEntry,
  ctx: ReaderContext,
  limits: DataLimits,
  hash: boolean,
  files: FileBytes,
): Promise<{ sha256?: string } | undefined> {
  const info = await stat(entry.absolute).catch(() => undefined);
  if (info && info.size > limits.maxFileBytes) {
    ctx.problems.report(
      DataCode.D102,
      FILE_START,
      `the file is ${fileSize(info.size)}, more than the limit of ${fileSize(limits.maxFileBytes)}, so it is not read`,
      { suggestion: "check that this is the right file; split it if it really holds that much data" },
    );
    return undefined;
  }
  let bytes: Uint8Array;
  try {
    bytes = await files.read(entry.absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    ctx.problems.report(DataCode.D100, FILE_START, `cannot read "${path.basename(entry.display)}" (${code})`, {
      suggestion: "check the file's permissions",
    });
    return undefined;
  }
  // Hashed here: WebCrypto's digest runs on the thread pool, but copies the bytes first on this thread,
  // which took longer (120-390 ms for 25 MB) than hashing them (60 ms).
  const read = hash ? { sha256: createHash("sha256").update(bytes).digest("hex") } : {};
  if (entry.format === "xlsx") {
    // A copy: the workbook's reader may keep views of what it was given.
    await readXlsx(bytes.slice(), ctx);
    return read;
  }
  const decoded = decodeDataBytes(bytes);
  if (!decoded.ok) {
    const at = { line: decoded.line, column: decoded.column };
    const range = { start: { offset: 0, ...at }, end: { offset: 0, line: at.line, column: at.column + 1 } };
    ctx.problems.report(
      decoded.kind === "binary" ? DataCode.D103 : DataCode.D104,
      { range, row: at.line, column: at.column },
      decoded.message,
      { suggestion: decoded.suggestion },
    );
    return read;
  }
  if (decoded.firstNonUtf8) {
    const { byte, line, column } = decoded.firstNonUtf8;
    const offset = byte;
    ctx.problems.report(
      DataCode.D105,
      {
        range: { start: { offset, line, column }, end: { offset: offset + 1, line, column: column + 1 } },
        row: line,
        column,
      },
      `this file is not UTF-8 (byte ${byte}, line ${line}, column ${column}); it was read as Windows-1251 (Cyrillic)`,
      { suggestion: "save it as CSV UTF-8 (in Excel: File > Save As > CSV UTF-8) so that it is read without guessing" },
    );
  }
  if (entry.format === "json") readJson(decoded.text, ctx);
  else if (decoded.ascii) {
    const chars = CsvChars.ofAscii(decoded.ascii);
    readCsv(chars, ctx);
    chars.release(); // its bytes are the next file's
  } else readCsv(decoded.text, ctx);
  return read;
}

function fileSize(bytes: number): string {
  const round = (n: number) => String(Number(n.toFixed(1)));
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${round(bytes / 1024)} KB`;
  return `${round(bytes / (1024 * 1024))} MB`;
}

export interface DataSummary {
  readonly files: number;
  readonly rows: number;
  readonly observations: number;
  readonly notApplicable: number;
  /** Values of other versions' fields set aside (D128). */
  readonly setAside: number;
  /** Distinct units, fields and periods with at least one observation. */
  readonly units: number;
  readonly fields: number;
  /** Distinct periods, in time order. */
  readonly periods: readonly string[];
}

/** Counts for `tarazy data check` and manifests. */
export function summarizeData(result: DataReadResult): DataSummary {
  const { table } = result;
  const units = new Set<number>();
  const fields = new Set<number>();
  const periods = new Set<number>();
  let notApplicable = 0;
  for (let r = 0; r < table.rowCount; r++) {
    units.add(table.rowUnit(r));
    periods.add(table.rowPeriod(r));
    for (let i = table.rowStart(r), end = table.rowStart(r + 1); i < end; i++) {
      fields.add(table.field(i));
      if (table.value(i) === "n/a") notApplicable++;
    }
  }
  return {
    files: result.files.length,
    rows: result.files.reduce((sum, f) => sum + f.rows, 0),
    observations: table.length,
    notApplicable,
    setAside: result.setAside.reduce((sum, s) => sum + s.values, 0),
    units: units.size,
    fields: fields.size,
    // Period codes order as comparePeriods does (by first month, shorter first).
    periods: [...periods].sort((a, b) => a - b).map(formatPeriodCode),
  };
}
