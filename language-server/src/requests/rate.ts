import { dirname } from "node:path";
import {
  buildReportView,
  hasErrors,
  type Lang,
  manifestDataFiles,
  type Period,
  periodsOf,
  type RateBatch,
  type ReadFileHook,
  rateCommandCore,
  ratingHtml,
  renderReports,
  UsageError,
  writeOutputFiles,
} from "@tarazy/engine";
import { badRequest, failure, plainDiagnostic } from "./convert.js";
import type { ExportParams, PlainDiagnostic, RateParams } from "./protocol.js";

/** The periods asked for (period, or from and to), checked as `tarazy rate` checks --period/--from/--to. */
export function periodsOfParams(params: { period?: string; from?: string; to?: string }): Period[] {
  const values = new Map<string, string>();
  if (params.period) values.set("--period", params.period);
  if (params.from) values.set("--from", params.from);
  if (params.to) values.set("--to", params.to);
  try {
    return periodsOf(values);
  } catch (error) {
    if (error instanceof UsageError) throw badRequest(error.message.replace(/--(\w+)/g, "$1"));
    throw error;
  }
}

/**
 * Rates as `tarazy rate` does (the same rating session); a request error when nothing could be rated.
 * The rule files are read through `readFile`: the editor's unsaved buffers win over the disk.
 */
export async function rateBatch(params: RateParams, readFile?: ReadFileHook): Promise<RateBatch> {
  if (!params.ruleset || !params.data) throw badRequest("give a ruleset and a data folder");
  const batch = await rateCommandCore({
    ruleset: params.ruleset,
    data: [params.data],
    periods: periodsOfParams(params),
    cwd: dirname(params.ruleset),
    ...(readFile ? { readFile } : {}),
  });
  if (batch.rated.length === 0) throw failure(batch.diagnostics, "the rating could not be computed:");
  return batch;
}

function reportInput(batch: RateBatch, lang: Lang) {
  const first = batch.rated[0];
  if (!first) throw badRequest("nothing was rated");
  const versions = new Set(batch.rated.map((r) => r.version));
  if (versions.size > 1)
    throw badRequest("the periods were rated with different ruleset versions: rate their periods separately");
  return {
    ruleset: first.version.ruleset,
    results: batch.rated.map((r) => r.result),
    lang,
    dataFiles: manifestDataFiles(first.version),
  };
}

/** tarazy/rate: the RatingResult JSON (one, or an array for a range) and the HTML report of the same code. */
export async function rate(
  params: RateParams,
  lang: Lang,
  readFile?: ReadFileHook,
): Promise<{ result: unknown; html: string; diagnostics: PlainDiagnostic[] }> {
  const batch = await rateBatch(params, readFile);
  const results = batch.rated.map((r) => r.result);
  const html = ratingHtml(buildReportView(reportInput(batch, lang)));
  return {
    result: results.length === 1 ? results[0] : results,
    html,
    diagnostics: batch.diagnostics.map(plainDiagnostic),
  };
}

const FILE_OF: Record<ExportParams["format"], string> = {
  xlsx: "rating.xlsx",
  html: "rating.html",
  csv: "rating.csv",
  json: "rating.json",
  md: "rating.md",
};

/** tarazy/export: one report file written into the folder, the same bytes as `tarazy rate --out` writes. */
export async function exportReport(
  params: ExportParams,
  lang: Lang,
  readFile?: ReadFileHook,
): Promise<{ files: string[] }> {
  const name = FILE_OF[params.format];
  if (!name) throw badRequest(`format must be one of ${Object.keys(FILE_OF).join(", ")}`);
  if (!params.out) throw badRequest("give the folder to write into (out)");
  const batch = await rateBatch(params, readFile);
  const rendered = await renderReports(reportInput(batch, lang));
  if (hasErrors(rendered.diagnostics)) throw failure(rendered.diagnostics, "the report could not be made:");
  // Only the file asked for: manifest.json lists every report, so it is written by `tarazy rate --out` alone.
  const files = rendered.files.filter((f) => f.name === name);
  const written = await writeOutputFiles(params.out, files);
  if (hasErrors(written.diagnostics)) throw failure(written.diagnostics, "the report could not be written:");
  return { files: [...written.files] };
}
