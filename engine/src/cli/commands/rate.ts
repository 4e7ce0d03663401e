import path from "node:path";
import { loadFamilyFields } from "../../data/family-fields.js";
import { type DataFileRead, readDataFiles } from "../../data/load-data.js";
import {
  comparePeriods,
  formatPeriod,
  PERIOD_FORMAT_HINT,
  type Period,
  parsePeriod,
  periodRange,
  previousPeriod,
  samePeriod,
} from "../../data/period.js";
import { buildDataStore, type DataStore, periodCode } from "../../data/store.js";
import { type Diagnostic, hasErrors } from "../../diagnostics/diagnostic.js";
import { roundHalfAway } from "../../functions/excel-round.js";
import type { Lang, Ruleset } from "../../model/ruleset.js";
import { isLang, label, localize } from "../../report/labels.js";
import { writeReports } from "../../report/write.js";
import { isFamilyFolder, loadRuleset } from "../../rules/load.js";
import { defaultFormulaCompiler } from "../../scoring/compiler.js";
import { hasScores, type RatingRun, rate } from "../../scoring/engine.js";
import { type PreparedRuleset, prepareRuleset } from "../../scoring/prepare.js";
import type { RatingResult, UnitResult } from "../../scoring/result.js";
import { displayPath } from "../diagnostic-formats/relative.js";
import { type CliIO, type Command, UsageError } from "../io.js";
import { printDiagnostics } from "../print-diagnostics.js";

const USAGE = `Usage: tarazy rate RULESET --data PATH... --period P [options]
       tarazy rate RULESET --data PATH... --from P --to P [options]

Rates the units of a ruleset for a period from measurement data and prints the ranking. RULESET is a
version folder (it holds ruleset.yaml) or a family folder (the version in force in the period is used,
and the command says which). PATH is a .csv, .tsv, .xlsx or .json file, or a folder. See docs/scoring.md.

Options:
  --data PATH...        data files or folders (several paths, or --data repeated)
  --period P            the period: a month 2026-03, a quarter 2026-Q1 or a year 2026
  --from P --to P       rate every period from P to P (of one kind) in one batch
  --rating ID           the rating to compute (default: the first whose rhythm matches the period)
  --lang kk|ru|en       language of names and headings (default kk)
  --format text|json    a ranking table (default), or the RatingResult JSON
                        (engine/schema/rating-result.schema.json; an array for --from/--to)
  --out DIR             also write rating.json, .csv, .xlsx, .md, .html and manifest.json into DIR

Exit code: 0 rated, 1 problems in the rules or the data (printed with file, line and column), 2 bad usage.
`;

/** Command-line options shared by rate, explain and test: `--data` takes every path up to the next option. */
export interface ParsedOptions {
  readonly positional: string[];
  readonly values: Map<string, string>;
  readonly data: string[];
}

export function parseOptions(args: readonly string[], known: readonly string[]): ParsedOptions {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const data: string[] = [];
  let inData = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (!arg.startsWith("--")) {
      if (inData) data.push(arg);
      else positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const [option, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (!known.includes(option)) throw new UsageError(`unknown option '${option}'`);
    if (option === "--data") {
      inData = true;
      if (inline !== undefined) data.push(inline);
      continue;
    }
    inData = false;
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`${option} needs a value`);
    if (values.has(option)) throw new UsageError(`${option} is given twice`);
    values.set(option, value);
  }
  return { positional, values, data };
}

export function periodOption(values: Map<string, string>, option: string): Period | undefined {
  const text = values.get(option);
  if (text === undefined) return undefined;
  const p = parsePeriod(text);
  if (!p) throw new UsageError(`${option} '${text}' is not a period: ${PERIOD_FORMAT_HINT}`);
  return p;
}

export function langOption(values: Map<string, string>): Lang {
  const lang = values.get("--lang") ?? "kk";
  if (!isLang(lang)) throw new UsageError(`--lang is kk, ru or en, not '${lang}'`);
  return lang;
}

export function formatOption<T extends string>(values: Map<string, string>, allowed: readonly T[]): T {
  const format = values.get("--format") ?? allowed[0];
  if (!allowed.includes(format as T)) throw new UsageError(`--format is ${allowed.join(" or ")}, not '${format}'`);
  return format as T;
}

/** One ruleset version made ready to rate with the data: loaded, compiled, and its data in a store. */
export interface RatingVersion {
  readonly ruleset: Ruleset;
  readonly prepared: PreparedRuleset;
  readonly store: DataStore;
  readonly files: readonly DataFileRead[];
}

export interface VersionForPeriod {
  readonly version?: RatingVersion;
  /** Why this version was chosen from a family ("version 2026.1, in force in 2026-Q1"). */
  readonly versionReason?: string;
  readonly diagnostics: Diagnostic[];
}

/**
 * Rating sessions over a ruleset path and data paths: versions are loaded, compiled and filled with data
 * once, whatever number of periods is rated. The language server and the reports can use it as the CLI does.
 */
export class RatingSession {
  private readonly versions = new Map<string, Promise<{ version?: RatingVersion; diagnostics: Diagnostic[] }>>();
  private readonly byPeriod = new Map<string, Promise<VersionForPeriod>>();
  readonly family: boolean;

  constructor(
    readonly rulesetPath: string,
    readonly dataPaths: readonly string[],
    readonly cwd: string,
  ) {
    this.family = isFamilyFolder(path.resolve(cwd, rulesetPath));
  }

  /** The version in force in the period (a version folder is used for every period), with its data. */
  version(period: Period): Promise<VersionForPeriod> {
    const key = formatPeriod(period);
    let found = this.byPeriod.get(key);
    if (!found) {
      found = this.load(period);
      this.byPeriod.set(key, found);
    }
    return found;
  }

  private async load(period: Period): Promise<VersionForPeriod> {
    const target = path.resolve(this.cwd, this.rulesetPath);
    const loaded = loadRuleset(target, this.family ? { period: formatPeriod(period) } : {});
    if (!loaded.ruleset) return { diagnostics: loaded.diagnostics };
    const ruleset = loaded.ruleset;
    let ready = this.versions.get(ruleset.root);
    if (!ready) {
      ready = this.prepare(ruleset);
      this.versions.set(ruleset.root, ready);
    }
    const { version, diagnostics } = await ready;
    return {
      ...(version ? { version } : {}),
      ...(loaded.versionReason ? { versionReason: loaded.versionReason } : {}),
      diagnostics: [...loaded.diagnostics, ...diagnostics],
    };
  }

  private async prepare(ruleset: Ruleset): Promise<{ version?: RatingVersion; diagnostics: Diagnostic[] }> {
    const { prepared, diagnostics } = prepareRuleset(ruleset, defaultFormulaCompiler);
    if (!prepared) return { diagnostics };
    // The data may hold the fields of the family's other versions too: those are set aside (D128).
    const family = loadFamilyFields(ruleset);
    const read = await readDataFiles(this.dataPaths, ruleset, { cwd: this.cwd, ...(family ? { family } : {}) });
    const built = buildDataStore(ruleset, read.observations);
    const all = [...diagnostics, ...read.diagnostics, ...built.diagnostics];
    if (hasErrors(all)) return { diagnostics: all };
    return {
      version: {
        ruleset,
        prepared,
        store: built.store,
        files: read.files,
      },
      diagnostics: all,
    };
  }

  /**
   * The previous period's result of the rating, for rank changes: rated with the version in force then,
   * when it has the rating and its data can be read with that version's fields, and anything scores.
   */
  async previousResult(
    period: Period,
    ratingId: string,
    current: RatingVersion,
  ): Promise<RatingResult | "auto" | undefined> {
    const previous = previousPeriod(period);
    const { version } = await this.version(previous);
    if (!version) return undefined;
    if (version.ruleset.root === current.ruleset.root) return "auto";
    if (!version.ruleset.ratings.some((r) => r.id === ratingId)) return undefined;
    if (!version.store.hasDataIn(periodCode(previous))) return undefined;
    const run = rate(version.prepared, version.store, { rating: ratingId, period: previous, previous: "none" });
    return hasScores(run) ? run.result : undefined;
  }
}

/** The rating asked for, or the first whose rhythm matches the period (the engine reports a mismatch). */
export function chooseRating(ruleset: Ruleset, period: Period, requested: string | undefined): string {
  if (requested !== undefined) return requested;
  return (ruleset.ratings.find((r) => r.frequency === period.kind) ?? ruleset.ratings[0])?.id ?? "";
}

export interface RatedPeriod {
  readonly period: Period;
  readonly version: RatingVersion;
  readonly versionReason?: string;
  readonly run: RatingRun;
  readonly result: RatingResult;
}

export interface RateBatch {
  /** The periods rated, in order; empty when something stopped the batch. */
  readonly rated: readonly RatedPeriod[];
  /** Every problem met (rules, data, rating); errors stop the batch. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface RateCoreOptions {
  readonly ruleset: string;
  readonly data: readonly string[];
  readonly periods: readonly Period[];
  readonly rating?: string;
  readonly cwd: string;
  /** Called before each period of a batch (for a progress line). */
  readonly progress?: (index: number, count: number, period: Period) => void;
}

/** Rates each period in order; the result of one period gives the next its rank changes. */
export async function rateCommandCore(options: RateCoreOptions): Promise<RateBatch> {
  const session = new RatingSession(options.ruleset, options.data, options.cwd);
  const rated: RatedPeriod[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [index, period] of options.periods.entries()) {
    options.progress?.(index, options.periods.length, period);
    const loaded = await session.version(period);
    if (index === 0 || loaded.version !== rated.at(-1)?.version) diagnostics.push(...loaded.diagnostics);
    const version = loaded.version;
    if (!version) return { rated: [], diagnostics };
    const rating = chooseRating(version.ruleset, period, options.rating);
    const last = rated.at(-1);
    const previous =
      last && samePeriod(previousPeriod(period), last.period) && last.result.rating === rating
        ? last.result
        : await session.previousResult(period, rating, version);
    const run = rate(version.prepared, version.store, { rating, period, previous: previous ?? "none" });
    diagnostics.push(...run.diagnostics);
    if (!run.result || hasErrors(run.diagnostics)) return { rated: [], diagnostics };
    const reason = loaded.versionReason;
    rated.push({ period, version, ...(reason ? { versionReason: reason } : {}), run, result: run.result });
  }
  return { rated, diagnostics };
}

/** The periods of --period, or of --from/--to. */
export function periodsOf(values: Map<string, string>): Period[] {
  const single = periodOption(values, "--period");
  const from = periodOption(values, "--from");
  const to = periodOption(values, "--to");
  if (single && (from || to)) throw new UsageError("give either --period or --from and --to, not both");
  if (single) return [single];
  if (!from || !to) throw new UsageError("missing --period (or --from and --to)");
  if (from.kind !== to.kind)
    throw new UsageError(`--from ${formatPeriod(from)} and --to ${formatPeriod(to)} are periods of different kinds`);
  if (comparePeriods(from, to) > 0)
    throw new UsageError(`--from ${formatPeriod(from)} comes after --to ${formatPeriod(to)}`);
  const periods = periodRange(from, to);
  if (periods.length > 600) throw new UsageError("--from/--to spans more than 600 periods");
  return periods;
}

/** A total as people read it: rounded half away from zero to 2 decimals. */
export function points(x: number, decimals = 2): string {
  return roundHalfAway(x, decimals).toFixed(decimals);
}

/** ▲2 moved up two places, ▼1 down one, = unchanged, blank when there was no previous period. */
export function changeMark(u: UnitResult): string {
  if (u.rankChange === undefined) return "";
  if (u.rankChange > 0) return `▲${u.rankChange}`;
  if (u.rankChange < 0) return `▼${-u.rankChange}`;
  return "=";
}

const WIDTH = 100;

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

const HEADER = {
  units: { kk: "бірлік", ru: "ед.", en: "units" },
  scale: { kk: "шкала", ru: "шкала", en: "scale" },
  blocks: { kk: "Блоктар", ru: "Блоки", en: "Blocks" },
} as const;

/** The ranking of one period as a table for a terminal 100 columns wide; blocks as B1.. with a legend. */
export function rankingTable(rated: RatedPeriod, lang: Lang): string {
  const { ruleset } = rated.version;
  const { result } = rated;
  const rating = ruleset.ratings.find((r) => r.id === result.rating);
  const blockIds = Object.keys(result.results[0]?.blocks ?? {});
  const blocks = blockIds.map((id, i) => ({ id, key: `B${i + 1}`, block: ruleset.blocks.find((b) => b.id === id) }));
  const unitName = (id: string) => localize(ruleset.units.find((u) => u.id === id)?.name, lang) || id;
  const gradeName = (id: string) => localize(ruleset.grades.find((g) => g.id === id)?.label, lang) || id;
  const rows = result.results.map((u) => [
    String(u.rank),
    changeMark(u),
    unitName(u.unit),
    points(u.score),
    gradeName(u.grade),
    ...blocks.map((b) => points(u.blocks[b.id]?.score ?? 0, 1)),
  ]);
  const head = [
    label("rank", lang),
    "±",
    label("unit", lang),
    label("total", lang),
    label("grade", lang),
    ...blocks.map((b) => b.key),
  ];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const fixed = widths.reduce((s, w, c) => (c === 2 ? s : s + w), 0) + widths.length - 1;
  widths[2] = Math.max(10, Math.min(widths[2] ?? 10, WIDTH - fixed));
  const right = (c: number) => c === 0 || c === 3 || c >= 5;
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => {
        const w = widths[c] ?? 0;
        const text = cut(cell, w);
        return right(c) ? text.padStart(w) : text.padEnd(w);
      })
      .join(" ")
      .trimEnd();
  const title = `${localize(rating?.title, lang) || result.rating}, ${result.period} · ${result.results.length} ${HEADER.units[lang]} · ${HEADER.scale[lang]} ${ruleset.scale}`;
  const legend = blocks.map(
    (b) => `  ${b.key.padEnd(4)}${cut(localize(b.block?.name, lang) || b.id, WIDTH - 14)} (${b.block?.weight ?? ""})`,
  );
  return [cut(title, WIDTH), "", line(head), ...rows.map(line), "", `${HEADER.blocks[lang]}:`, ...legend, ""].join(
    "\n",
  );
}

function versionLine(rated: RatedPeriod, cwd: string): string {
  const { ruleset } = rated.version;
  const { versionReason } = rated;
  const where = displayPath(ruleset.root, cwd);
  return `${ruleset.id} ${ruleset.version} (${where})${versionReason ? `: ${versionReason}` : ""}`;
}

export const rateCommand: Command = {
  name: "rate",
  summary: "rate the units for a period and print the ranking: tarazy rate RULESET --data PATH... --period P",
  usage: USAGE,
  async run(args, io) {
    const { positional, values, data } = parseOptions(args, [
      "--data",
      "--period",
      "--from",
      "--to",
      "--rating",
      "--lang",
      "--format",
      "--out",
    ]);
    const [rulesetPath, ...extra] = positional;
    if (rulesetPath === undefined) throw new UsageError("missing RULESET (a ruleset version or family folder)");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}' (data paths follow --data)`);
    if (data.length === 0) throw new UsageError("missing --data PATH");
    const periods = periodsOf(values);
    const lang = langOption(values);
    const format = formatOption(values, ["text", "json"] as const);
    // The progress line goes to stderr, so it is shown when stderr is a terminal (CliIO knows stdout only).
    const showProgress = periods.length > 1 && process.stderr.isTTY === true && !io.env.CI;
    const rating = values.get("--rating");
    const batch = await rateCommandCore({
      ruleset: rulesetPath,
      data,
      periods,
      cwd: io.cwd,
      ...(rating !== undefined ? { rating } : {}),
      ...(showProgress
        ? {
            progress: (i: number, n: number, p: Period) =>
              io.stderr(`\rrating ${formatPeriod(p)} (${i + 1} of ${n})${i + 1 === n ? "\n" : ""}`),
          }
        : {}),
    });
    printDiagnostics(io, batch.diagnostics);
    if (batch.rated.length === 0) return 1;
    const out = values.get("--out");
    if (out !== undefined) return writeOut(io, out, batch, lang);
    if (format === "json") {
      for (const r of batch.rated) io.stderr(`${r.result.period}: ${versionLine(r, io.cwd)}\n`);
      const results = batch.rated.map((r) => r.result);
      io.stdout(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
      return 0;
    }
    const text = batch.rated.map((r) => `${versionLine(r, io.cwd)}\n${rankingTable(r, lang)}`);
    io.stdout(text.join("\n"));
    return 0;
  },
};

/** --out DIR: the report writers (one report per rating and version). */
async function writeOut(io: CliIO, out: string, batch: RateBatch, lang: Lang): Promise<number> {
  const versions = [...new Set(batch.rated.map((r) => `${r.version.ruleset.id} ${r.version.ruleset.version}`))];
  if (versions.length > 1) {
    io.stderr(
      `tarazy rate: the periods were rated with ${versions.length} ruleset versions (${versions.join("; ")}); write one report per version (rate their periods separately)\n`,
    );
    return 1;
  }
  const first = batch.rated[0];
  if (!first) return 1;
  const written = await writeReports(path.resolve(io.cwd, out), {
    ruleset: first.version.ruleset,
    results: batch.rated.map((r) => r.result),
    lang,
    dataFiles: first.version.files.map((f) => ({ path: f.path, sha256: f.sha256 })),
  });
  printDiagnostics(io, written.diagnostics);
  for (const file of written.files) io.stdout(`wrote ${displayPath(file, io.cwd)}\n`);
  return hasErrors(written.diagnostics) ? 1 : 0;
}
