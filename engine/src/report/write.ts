import { createHash } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { rangeOfLength } from "../source/range.js";
import { ReportCodes } from "./codes.js";
import { ratingCsv } from "./csv.js";
import { ratingHtml } from "./html.js";
import { checkReportInput, type ReportInput } from "./input.js";
import { ratingJson } from "./json.js";
import { manifestFileJson, type OutputFileHash } from "./manifest.js";
import { ratingMarkdown } from "./markdown.js";
import { buildReportView } from "./view.js";
import { ratingXlsx } from "./xlsx.js";

/** The file names writeReports uses in the output folder. */
export const REPORT_FILES = {
  json: "rating.json",
  csv: "rating.csv",
  xlsx: "rating.xlsx",
  markdown: "rating.md",
  html: "rating.html",
  manifest: "manifest.json",
} as const;

export interface ReportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface RenderedReports {
  /** Empty when the input has errors; manifest.json last. */
  readonly files: readonly ReportFile[];
  /** Problems with the input (errors stop the rendering, warnings do not). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface WrittenReports {
  /** Absolute paths of the files written, in REPORT_FILES order. */
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Every report in memory, without touching the disk (the language server and tests use this). */
export async function renderReports(input: ReportInput): Promise<RenderedReports> {
  const diagnostics = checkReportInput(input);
  if (hasErrors(diagnostics)) return { files: [], diagnostics };
  const view = buildReportView(input);
  const text = (s: string) => new TextEncoder().encode(s);
  const files: ReportFile[] = [
    { name: REPORT_FILES.json, bytes: text(ratingJson(view)) },
    { name: REPORT_FILES.csv, bytes: text(ratingCsv(view)) },
    { name: REPORT_FILES.xlsx, bytes: new Uint8Array(await ratingXlsx(view)) },
    { name: REPORT_FILES.markdown, bytes: text(ratingMarkdown(view)) },
    { name: REPORT_FILES.html, bytes: text(ratingHtml(view)) },
  ];
  const outputs: OutputFileHash[] = files.map((f) => ({
    file: f.name,
    sha256: sha256(f.bytes),
    bytes: f.bytes.length,
  }));
  files.push({ name: REPORT_FILES.manifest, bytes: text(manifestFileJson(view.manifest, outputs)) });
  return { files, diagnostics };
}

function writeFailure(path: string, error: unknown): Diagnostic {
  const reason = error instanceof Error && "code" in error ? `${String(error.code)}: ${error.message}` : String(error);
  return {
    code: ReportCodes.O110,
    severity: "error",
    message: `cannot write ${path} (${reason})`,
    file: path,
    range: rangeOfLength(0),
    suggestion: "choose an output folder you can write to, or free disk space",
  };
}

/**
 * Writes files into `dir` (created if needed), each under a temporary name and then renamed, so that a
 * reader never sees half a file. Stops at the first failure and says which file and why.
 */
export async function writeOutputFiles(dir: string, files: readonly ReportFile[]): Promise<WrittenReports> {
  const folder = resolve(dir);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    return { files: [], diagnostics: [writeFailure(folder, error)] };
  }
  const written: string[] = [];
  for (const f of files) {
    const path = join(folder, f.name);
    try {
      await writeFile(`${path}.partial`, f.bytes);
      await rename(`${path}.partial`, path);
      written.push(path);
    } catch (error) {
      return { files: written, diagnostics: [writeFailure(path, error)] };
    }
  }
  return { files: written, diagnostics: [] };
}

/**
 * Writes rating.json, rating.csv, rating.xlsx, rating.md, rating.html and manifest.json into `outDir`.
 * Nothing is written when the input has errors; the diagnostics say why.
 */
export async function writeReports(outDir: string, input: ReportInput): Promise<WrittenReports> {
  const rendered = await renderReports(input);
  if (rendered.files.length === 0) return { files: [], diagnostics: rendered.diagnostics };
  const written = await writeOutputFiles(outDir, rendered.files);
  return { files: written.files, diagnostics: [...rendered.diagnostics, ...written.diagnostics] };
}
