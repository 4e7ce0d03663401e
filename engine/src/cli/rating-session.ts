import path from "node:path";
import { loadFamilyFields } from "../data/family-fields.js";
import { type DataFileRead, readDataFiles } from "../data/load-data.js";
import { formatPeriod, type Period, previousPeriod, samePeriod } from "../data/period.js";
import { buildDataStore, type DataStore, periodCode } from "../data/store.js";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import type { Ruleset } from "../model/ruleset.js";
import { isFamilyFolder, loadRuleset } from "../rules/load.js";
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
