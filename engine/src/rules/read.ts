import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type Range, SourceText } from "../source/range.js";
import { RuleReadCode } from "./codes.js";
import { decodeUtf8 } from "./utf8.js";

/** Rule files are small; a larger file is a mistake (data saved in the wrong place), not a ruleset. */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;

/** Supplies a file's text before the disk is asked, e.g. the editor's unsaved buffer; undefined: read the disk. */
export type ReadFileHook = (path: string) => string | undefined;

export const START: Range = {
  start: { offset: 0, line: 1, column: 1 },
  end: { offset: 0, line: 1, column: 1 },
};

export type ReadResult = { readonly text: string } | { readonly diagnostic: Diagnostic };

/** Reads one rule file as text, or says plainly why it cannot be read (missing, a folder, too large, not UTF-8). */
export function readRuleText(path: string, hook?: ReadFileHook, at?: { file: string; range: Range }): ReadResult {
  const supplied = hook?.(path);
  if (supplied !== undefined) return checkSize(path, supplied.replace(/^\uFEFF/, ""), Buffer.byteLength(supplied));
  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return unreadable(path, "is a folder, not a file", at);
    if (stat.size > MAX_RULE_FILE_BYTES) return tooLarge(path, stat.size);
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "does not exist"
        : code === "EACCES"
          ? "cannot be read (permission denied)"
          : "cannot be read";
    return unreadable(path, why, at);
  }
  const decoded = decodeUtf8(bytes);
  if ("text" in decoded) return checkSize(path, decoded.text, bytes.length);
  const source = new SourceText(decoded.prefix);
  const position = source.position(decoded.prefix.length);
  const byte = (bytes[decoded.badByte] ?? 0).toString(16).toUpperCase().padStart(2, "0");
  return {
    diagnostic: {
      code: RuleReadCode.R002,
      severity: "error",
      message: decoded.utf16
        ? "the file is saved as UTF-16; rule files are UTF-8"
        : `the file is not UTF-8: byte 0x${byte} at byte offset ${decoded.badByte} (line ${position.line}, column ${position.column}) is not valid UTF-8`,
      file: path,
      range: { start: position, end: position },
      suggestion:
        "save the file as UTF-8 (Save As, Encoding: UTF-8); legacy encodings such as Windows-1251 are not read",
    },
  };
}

function checkSize(path: string, text: string, bytes: number): ReadResult {
  return bytes > MAX_RULE_FILE_BYTES ? tooLarge(path, bytes) : { text };
}

function tooLarge(path: string, bytes: number): ReadResult {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return {
    diagnostic: {
      code: RuleReadCode.R003,
      severity: "error",
      message: `the file is ${mb} MB; rule files are limited to 1 MB`,
      file: path,
      range: START,
      suggestion: "keep measurement data in data files (CSV, XLSX), not among the rule files",
    },
  };
}

function unreadable(path: string, why: string, at?: { file: string; range: Range }): ReadResult {
  return {
    diagnostic: {
      code: RuleReadCode.R001,
      severity: "error",
      message: `${path} ${why}`,
      file: at?.file ?? path,
      range: at?.range ?? START,
    },
  };
}

export type PathKind = "file" | "folder" | "none";

export function pathKind(path: string, hook?: ReadFileHook): PathKind {
  try {
    return statSync(path).isDirectory() ? "folder" : "file";
  } catch {
    return hook?.(path) !== undefined ? "file" : "none";
  }
}

/** The folder's entries, sorted by name so every run reads files in the same order; [] when unreadable. */
export function listFolder(path: string): { name: string; folder: boolean }[] {
  try {
    return readdirSync(path, { withFileTypes: true })
      .map((e) => ({ name: e.name, folder: e.isDirectory() }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

export function isYamlName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** Every .yaml file under `folder` (recursively, in name order), skipping dot folders and `skip` folder names. */
export function yamlFilesUnder(folder: string, skip: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (const entry of listFolder(folder)) {
    if (entry.name.startsWith(".")) continue;
    const path = join(folder, entry.name);
    if (entry.folder) {
      if (!skip.has(entry.name)) out.push(...yamlFilesUnder(path, skip));
    } else if (isYamlName(entry.name)) out.push(path);
  }
  return out;
}
