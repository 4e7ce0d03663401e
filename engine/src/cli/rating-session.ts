import path from "node:path";
import { loadFamilyFields } from "../data/family-fields.js";
import { type DataFileRead, readDataFiles } from "../data/load-data.js";
import type { ObservationTable } from "../data/observation-table.js";
import { firstMonth, formatPeriod, lastMonth, type Period, previousPeriod, samePeriod } from "../data/period.js";
import { type DataStore, formatPeriodCode, periodCode } from "../data/store.js";
import { buildDataStoreFromTable } from "../data/store-from-table.js";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import type { Ruleset } from "../model/ruleset.js";
import { effectiveMonths, isFamilyFolder, type LoadOptions, type LoadResult, loadRuleset } from "../rules/load.js";
import type { ReadFileHook } from "../rules/read.js";
import { readOnce } from "../rules/read-once.js";
import { ScoringCode } from "../scoring/codes.js";
import { defaultFormulaCompiler } from "../scoring/compiler.js";
import { hasScores, type RatingRun, rate } from "../scoring/engine.js";
import { type PreparedRuleset, prepareRuleset } from "../scoring/prepare.js";
import type { RatingResult } from "../scoring/result.js";

/** One ruleset version made ready to rate with the data: loaded, compiled, and its data in a store. */
export interface RatingVersion {
  readonly ruleset: Ruleset;
  readonly prepared: PreparedRuleset;
  readonly store: DataStore;
  readonly files: readonly DataFileRead[];
  /** The data files read and the periods each holds, in words, for the errors of a period without data. */
  readonly sources: string;
}

export interface VersionForPeriod {
  readonly version?: RatingVersion;
  /** Why this version was chosen from a family ("version 2026.1, in force in 2026-Q1"). */
  readonly versionReason?: string;
  /** A version folder rated outside its effective dates on purpose (--allow-out-of-period). */
  readonly outOfPeriod?: true;
  readonly diagnostics: Diagnostic[];
}

/**
 * Rating sessions over a ruleset path and data paths: versions are loaded, compiled and filled with data
 * once, whatever number of periods is rated. The language server and the reports can use it as the CLI does.
 */
export class RatingSession {
  private readonly versions = new Map<string, Promise<{ version?: RatingVersion; diagnostics: Diagnostic[] }>>();
  private readonly byPeriod = new Map<string, Promise<VersionForPeriod>>();
  /** Each version folder loaded once, whether chosen for a period or read for the family's fields. */
  private readonly loaded = new Map<string, LoadResult>();
  /**
   * Each rule file read once, whichever period asks for it (choosing a version reads every ruleset.yaml),
   * from `readFile` when it gives the file.
   */
  private readonly reads: ReadFileHook;
  readonly family: boolean;

  constructor(
    readonly rulesetPath: string,
    readonly dataPaths: readonly string[],
    readonly cwd: string,
    /** Rate a version folder for a period outside its effective dates (else S209). */
    readonly allowOutOfPeriod = false,
    /** Reads rule files (the language server passes its open buffers, so a rating sees unsaved edits). */
    readonly readFile?: ReadFileHook,
    /** Hash the data files for report manifests (see manifestDataFiles); a rating that writes none skips it. */
    readonly hashData = true,
  ) {
    this.family = isFamilyFolder(path.resolve(cwd, rulesetPath));
    this.reads = readOnce(readFile);
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
    const loaded = loadRuleset(target, {
      ...(this.family ? { period: formatPeriod(period) } : {}),
      ...this.loadOptions(),
    });
    if (!loaded.ruleset) return { diagnostics: loaded.diagnostics };
    const ruleset = loaded.ruleset;
    let ready = this.versions.get(ruleset.root);
    if (!ready) {
      ready = this.prepare(ruleset);
      this.versions.set(ruleset.root, ready);
    }
    const { version, diagnostics } = await ready;
    const outside = this.family ? undefined : outOfPeriod(ruleset, period, this.reads);
    if (outside && !this.allowOutOfPeriod)
      return { diagnostics: [...loaded.diagnostics, ...diagnostics, outside.diagnostic] };
    const versionReason = outside
      ? `version ${ruleset.version} is not in force in ${formatPeriod(period)} (${outside.span}): rated on purpose with --allow-out-of-period`
      : loaded.versionReason;
    return {
      ...(version ? { version } : {}),
      ...(versionReason ? { versionReason } : {}),
      ...(outside ? { outOfPeriod: true } : {}),
      diagnostics: [...loaded.diagnostics, ...diagnostics],
    };
  }

  private loadOptions(): Pick<LoadOptions, "loaded" | "readFile"> {
    return { loaded: this.loaded, readFile: this.reads };
  }

  private async prepare(ruleset: Ruleset): Promise<{ version?: RatingVersion; diagnostics: Diagnostic[] }> {
    const { prepared, diagnostics } = prepareRuleset(ruleset, defaultFormulaCompiler);
    if (!prepared) return { diagnostics };
    // The data may hold the fields of the family's other versions too: those are set aside (D128).
    const family = loadFamilyFields(ruleset, this.loadOptions());
    const read = await readDataFiles(this.dataPaths, ruleset, {
      cwd: this.cwd,
      hash: this.hashData,
      ...(family ? { family } : {}),
    });
    const built = buildDataStoreFromTable(ruleset, read.table);
    const all = [...diagnostics, ...read.diagnostics, ...built.diagnostics];
    if (hasErrors(all)) return { diagnostics: all };
    return {
      version: {
        ruleset,
        prepared,
        store: built.store,
        files: read.files,
        sources: describeSources(read.files, read.table),
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

/** S209 when a version folder is rated for a period outside its effective dates; undefined when in force. */
export function outOfPeriod(
  ruleset: Ruleset,
  period: Period,
  readFile?: ReadFileHook,
): { diagnostic: Diagnostic; span: string } | undefined {
  const { from, to, file, range } = effectiveMonths(ruleset.root, readFile ? { readFile } : {});
  const month = (m: number) => `${period.year}-${String(m).padStart(2, "0")}`;
  const first = month(firstMonth(period));
  const last = month(lastMonth(period));
  if ((from === undefined || from <= first) && (to === undefined || last <= to)) return undefined;
  const span = `in force from ${from ?? "?"}${to ? ` to ${to}` : ""}`;
  const name = formatPeriod(period);
  return {
    span,
    diagnostic: {
      code: ScoringCode.S209,
      severity: "error",
      message: `version ${ruleset.version} is not in force in ${name}: it is ${span}, so its fields may have no data and another version's rules applied then`,
      file,
      range,
      suggestion:
        "rate the family folder (the version in force is chosen), or add --allow-out-of-period to rate this version on purpose",
    },
  };
}

/** "a.csv (2026-01 .. 2026-09), b.csv (no data)": the files read and the periods they hold. */
export function describeSources(files: readonly DataFileRead[], table: ObservationTable): string {
  const spans = new Map<string, { first: number; last: number }>();
  for (let r = 0; r < table.rowCount; r++) {
    const code = table.rowPeriod(r);
    const file = table.rowSource(r).file;
    const span = spans.get(file);
    if (!span) spans.set(file, { first: code, last: code });
    else {
      if (code < span.first) span.first = code;
      if (code > span.last) span.last = code;
    }
  }
  if (files.length === 0) return "no data files";
  return files
    .map((f) => {
      const span = spans.get(f.path);
      if (!span) return `${f.path} (no data)`;
      const [a, b] = [formatPeriodCode(span.first), formatPeriodCode(span.last)];
      return `${f.path} (${a === b ? a : `${a} .. ${b}`})`;
    })
    .join(", ");
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
  /** Rated outside the version's effective dates on purpose (--allow-out-of-period). */
  readonly outOfPeriod?: true;
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
  /** Rate a version folder outside its effective dates (S209 otherwise). */
  readonly allowOutOfPeriod?: boolean;
  /** Called before each period of a batch (for a progress line). */
  readonly progress?: (index: number, count: number, period: Period) => void;
  /** Reads rule files instead of the disk (the language server's open buffers). */
  readonly readFile?: ReadFileHook;
  /** Hash the data files, for the manifest of written reports (default true; see manifestDataFiles). */
  readonly hashData?: boolean;
}

/** The data files of a version as a report's manifest lists them; the session must have hashed them. */
export function manifestDataFiles(version: RatingVersion): { path: string; sha256: string }[] {
  return version.files.map((f) => {
    if (f.sha256 === undefined) throw new Error(`${f.path} was read without its hash (hashData: false)`);
    return { path: f.path, sha256: f.sha256 };
  });
}

/** Rates each period in order; the result of one period gives the next its rank changes. */
export async function rateCommandCore(options: RateCoreOptions): Promise<RateBatch> {
  const session = new RatingSession(
    options.ruleset,
    options.data,
    options.cwd,
    options.allowOutOfPeriod === true,
    options.readFile,
    options.hashData !== false,
  );
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
    const run = rate(version.prepared, version.store, {
      rating,
      period,
      previous: previous ?? "none",
      sources: version.sources,
    });
    diagnostics.push(...run.diagnostics);
    if (!run.result || hasErrors(run.diagnostics)) return { rated: [], diagnostics };
    const reason = loaded.versionReason;
    rated.push({
      period,
      version,
      ...(reason ? { versionReason: reason } : {}),
      ...(loaded.outOfPeriod ? { outOfPeriod: true } : {}),
      run,
      result: run.result,
    });
  }
  return { rated, diagnostics };
}
