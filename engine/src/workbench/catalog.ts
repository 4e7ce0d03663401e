import { closeSync, openSync, readSync } from "node:fs";
import { join, resolve } from "node:path";
import { readDataFiles, summarizeData } from "../data/load-data.js";
import type { PeriodKind } from "../data/period.js";
import { columnRole } from "../data/readers/headers.js";
import { discoverRulesets } from "../rules/discover.js";
import { loadRuleset, versionHeaders } from "../rules/load.js";
import { listFolder } from "../rules/read.js";
import { coveredPeriods } from "./data-periods.js";

export interface CatalogVersion {
  readonly version: string;
  /** The version folder (absolute). */
  readonly path: string;
  /** First and last month in force ("2026-01"); `to` absent while open. */
  readonly from?: string;
  readonly to?: string;
}

export interface CatalogRuleset {
  /** The family folder, or the version folder of a ruleset outside a family (absolute). */
  readonly path: string;
  /** The ruleset id of its latest version (the folder name when unreadable). */
  readonly name: string;
  readonly versions: readonly CatalogVersion[];
  /** Folders beside the rules that hold data files (sample-data first), absolute. */
  readonly dataFolders: readonly string[];
  /** Periods of the ratings' rhythms that the first data folder covers, newest first. */
  readonly periods: readonly string[];
}

const DATA_FILE = /\.(csv|tsv|xlsx)$/i;
const NOT_DATA = new Set(["tests", "node_modules", "dist"]);

/**
 * Whether a file may be data Tarazy reads: an Excel workbook, or a CSV/TSV whose header names a period column
 * (every data layout has one, docs/data-format.md). A table of published results beside the rules (the
 * gallery's `published/`: unit, name, hdi, rank) is not offered as data.
 */
function isDataFile(path: string): boolean {
  if (!DATA_FILE.test(path)) return false;
  if (/\.xlsx$/i.test(path)) return true;
  const head = Buffer.alloc(8192);
  let length = 0;
  try {
    const fd = openSync(path, "r");
    try {
      length = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  const header =
    head
      .toString("utf8", 0, length)
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)[0] ?? "";
  return header.split(/[,;\t]/).some((cell) => columnRole(cell.trim().replace(/^"|"$/g, "")) === "period");
}

/** Subfolders of `folder` (not version folders) that directly hold data files (`isDataFile`). */
function dataFoldersIn(folder: string, versionFolders: ReadonlySet<string>): string[] {
  const found = listFolder(folder)
    .filter((e) => e.folder && !e.name.startsWith(".") && !NOT_DATA.has(e.name))
    .map((e) => join(folder, e.name))
    .filter((f) => !versionFolders.has(f) && listFolder(f).some((e) => !e.folder && isDataFile(join(f, e.name))));
  return found.sort(
    (a, b) => Number(!a.endsWith("sample-data")) - Number(!b.endsWith("sample-data")) || (a < b ? -1 : 1),
  );
}

/** The periods the data covers, in the rhythms of the latest version's ratings (none when unreadable). */
async function periodsOf(rulesetPath: string, dataFolder: string | undefined): Promise<string[]> {
  if (!dataFolder) return [];
  const loaded = loadRuleset(rulesetPath);
  const model = loaded.model;
  if (!model) return [];
  const read = await readDataFiles([dataFolder], model);
  const kinds = [...new Set(model.ratings.map((r) => r.frequency as PeriodKind))];
  return coveredPeriods(summarizeData(read).periods, kinds);
}

/** The folders beside a ruleset (family or version folder) that hold data files, `sample-data` first. */
export function dataFoldersOf(path: string): string[] {
  const root = resolve(path);
  return dataFoldersIn(root, new Set(versionHeaders(root).map((h) => h.folder)));
}

/** One ruleset (family or lone version folder) with its versions, data folders and periods. */
export async function describeRuleset(path: string): Promise<CatalogRuleset | undefined> {
  const root = resolve(path);
  const headers = versionHeaders(root);
  if (headers.length === 0) return undefined;
  const versions = headers.map((h) => ({
    version: h.version,
    path: h.folder,
    ...(h.from ? { from: h.from } : {}),
    ...(h.to ? { to: h.to } : {}),
  }));
  const folders = new Set(versions.map((v) => v.path));
  const dataFolders = dataFoldersIn(root, folders);
  const latest = [...headers].sort((a, b) => ((a.from ?? "") < (b.from ?? "") ? 1 : -1))[0];
  return {
    path: root,
    name: latest?.id || root.split(/[\\/]/).pop() || root,
    versions,
    dataFolders,
    periods: await periodsOf(root, dataFolders[0]),
  };
}

/**
 * Every ruleset under the given folders (families, and versions outside a family), in discovery order: what
 * an editor offers in its pickers. Reads the ruleset headers and the first data folder of each.
 */
export async function listRulesets(roots: readonly string[]): Promise<CatalogRuleset[]> {
  const seen = new Set<string>();
  const out: CatalogRuleset[] = [];
  for (const root of roots) {
    for (const target of discoverRulesets(root)) {
      if ((target.kind !== "family" && target.kind !== "version") || seen.has(target.path)) continue;
      seen.add(target.path);
      const entry = await describeRuleset(target.path);
      if (entry) out.push(entry);
    }
  }
  return out;
}
