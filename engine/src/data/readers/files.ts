import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { DataCode } from "../codes.js";
import { FILE_START } from "./problems.js";

export type DataFormat = "csv" | "xlsx" | "json";

export interface DataFileEntry {
  /** The path as shown in diagnostics and manifests: as given, joined with the path inside a folder. */
  readonly display: string;
  readonly absolute: string;
  readonly format: DataFormat;
}

const FORMATS: Readonly<Record<string, DataFormat>> = {
  ".csv": "csv",
  ".tsv": "csv",
  ".xlsx": "xlsx",
  ".xlsm": "xlsx",
  ".json": "json",
};

/** Spreadsheet files that hold data Tarazy cannot read: an error, not a skip, so that no data is lost silently. */
const UNREADABLE: Readonly<Record<string, string>> = {
  ".xls": "an old Excel 97-2003 workbook: save it as an Excel workbook (.xlsx) or as CSV UTF-8",
  ".xlsb": "a binary Excel workbook: save it as an Excel workbook (.xlsx) or as CSV UTF-8",
  ".ods": "an OpenDocument spreadsheet: save it as an Excel workbook (.xlsx) or as CSV UTF-8",
};

/** Not data, skipped in folders without a word: notes, hidden files, Excel's lock files. */
function isQuietlySkipped(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith(".") || lower.startsWith("~$") || lower.startsWith("readme") || lower.endsWith(".md");
}

/**
 * The data files named by `paths`: files as given, folders read recursively in name order (by code point, so
 * every machine reads them alike). A file reached twice is read once.
 */
export async function listDataFiles(
  paths: readonly string[],
  cwd: string,
): Promise<{ files: DataFileEntry[]; diagnostics: Diagnostic[] }> {
  const files: DataFileEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  let found = 0;
  const problem = (file: string, code: string, message: string, suggestion: string, severity: "error" | "warning") =>
    diagnostics.push({ code, severity, message, file, range: FILE_START.range, suggestion });

  const addFile = async (display: string, absolute: string, explicit: boolean) => {
    const name = path.basename(display);
    if (!explicit && isQuietlySkipped(name)) return;
    const real = await realpath(absolute).catch(() => absolute);
    if (seen.has(real)) return;
    seen.add(real);
    const ext = path.extname(name).toLowerCase();
    const format = FORMATS[ext];
    if (format) {
      found++;
      files.push({ display, absolute, format });
    } else if (UNREADABLE[ext]) {
      problem(
        display,
        DataCode.D101,
        `this is ${UNREADABLE[ext]}`,
        "Tarazy reads .csv, .tsv, .xlsx and .json files",
        "error",
      );
    } else if (explicit) {
      problem(
        display,
        DataCode.D101,
        `"${name}" is not a data file Tarazy reads`,
        "give .csv, .tsv, .xlsx or .json files, or a folder of them",
        "error",
      );
    } else {
      problem(
        display,
        DataCode.D107,
        "this file in the data folder is not a .csv, .tsv, .xlsx or .json file, so it is not read",
        "move it out of the data folder, or save it in a data format if it holds data",
        "warning",
      );
    }
  };

  const walk = async (display: string, absolute: string, visited: Set<string>) => {
    const real = await realpath(absolute).catch(() => absolute);
    if (visited.has(real)) return;
    visited.add(real);
    const entries = (await readdir(absolute, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const childDisplay = joinDisplay(display, entry.name);
      const childAbsolute = path.join(absolute, entry.name);
      if (entry.name.startsWith(".")) continue;
      const info = await stat(childAbsolute).catch(() => undefined);
      if (info?.isDirectory()) await walk(childDisplay, childAbsolute, visited);
      else if (info?.isFile()) await addFile(childDisplay, childAbsolute, false);
    }
  };

  for (const given of paths) {
    const display = toPosix(given);
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      const why =
        info.code === "ENOENT"
          ? "there is no such file or folder"
          : `it cannot be opened (${info.code ?? info.message})`;
      problem(display, DataCode.D100, `cannot read "${display}": ${why}`, "check the path", "error");
    } else if (info.isDirectory()) {
      const before = found;
      await walk(display, absolute, new Set());
      if (found === before) {
        problem(
          display,
          DataCode.D106,
          "this folder holds no .csv, .tsv, .xlsx or .json files",
          "check the path",
          "warning",
        );
      }
    } else {
      await addFile(display, absolute, true);
    }
  }
  return { files, diagnostics };
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

function joinDisplay(folder: string, name: string): string {
  return folder.endsWith("/") ? `${folder}${name}` : `${folder}/${name}`;
}
