import { loadFamilyFields } from "../data/family-fields.js";
import { type DataReadResult, readDataFiles } from "../data/load-data.js";
import { formatPeriod, lastMonth, type Period, type PeriodKind, parsePeriod, previousPeriod } from "../data/period.js";
import { type DataStore, periodCode } from "../data/store.js";
import { buildDataStoreFromTable } from "../data/store-from-table.js";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import type { Ruleset } from "../model/ruleset.js";
import { defaultFormulaCompiler } from "../scoring/compiler.js";
import { type RatingRun, rate } from "../scoring/engine.js";
import { type PreparedRuleset, prepareRuleset } from "../scoring/prepare.js";
import type { IndicatorResult, UnitResult } from "../scoring/result.js";

/**
 * A live preview of what the rules do: one unit rated by the engine's own scoring in the latest period of
 * the data, for the editor's code lenses and inlay hints (the same numbers `tarazy rate` and `tarazy
 * explain` give for that period).
 */
export interface UnitPreview {
  readonly rating: string;
  readonly period: string;
  readonly unit: string;
  readonly total: number;
  readonly indicators: Readonly<Record<string, IndicatorResult>>;
  readonly blocks: UnitResult["blocks"];
}

export interface PreviewAnswer {
  readonly preview?: UnitPreview;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Ratings kept per ruleset content and data folder (an edit that changes nothing scored reuses one), and the
 * data read kept per folder and the names it is read with (an edit to a formula does not read it again).
 */
const ratings = new Map<string, Promise<Rated>>();
const reads = new Map<string, Promise<DataReadResult>>();
const CACHE_SIZE = 8;

interface Rated {
  readonly rating?: string;
  readonly period?: string;
  readonly results: readonly UnitResult[];
  readonly diagnostics: readonly Diagnostic[];
  /** The rating itself, for what else the editor shows of it (the audit, workspace/audit-view.ts). */
  readonly prepared?: PreparedRuleset;
  readonly run?: RatingRun;
}

/**
 * Rates `unit` (default: the first unit by id) with `ruleset` (a checked ruleset, no errors) on the data in
 * `dataFolder`, in the latest period of the first rating's frequency that has data.
 */
export async function previewUnit(ruleset: Ruleset, dataFolder: string, unit?: string): Promise<PreviewAnswer> {
  const rated = await latestRating(ruleset, dataFolder);
  const { results, rating, period, diagnostics } = rated;
  const chosen = unit ? results.find((r) => r.unit === unit) : [...results].sort((a, b) => cmp(a.unit, b.unit))[0];
  if (!chosen || !rating || !period) return { diagnostics };
  return {
    preview: {
      rating,
      period,
      unit: chosen.unit,
      total: chosen.score,
      indicators: chosen.indicators,
      blocks: chosen.blocks,
    },
    diagnostics,
  };
}

/** The rating the previews show (the latest period with data), rated once per ruleset content and folder. */
export function latestRating(ruleset: Ruleset, dataFolder: string): Promise<Rated> {
  return remembered(ratings, `${ruleset.hash}\u0000${ruleset.root}\u0000${dataFolder}`, () =>
    rateLatest(ruleset, dataFolder),
  );
}

/** A cached promise; a failure (a data folder removed meanwhile) is not kept, so the next call tries again. */
function remembered<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let found = cache.get(key);
  if (!found) {
    found = make();
    found.catch(() => cache.delete(key));
    cache.set(key, found);
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  return found;
}

async function rateLatest(ruleset: Ruleset, dataFolder: string): Promise<Rated> {
  const { prepared, diagnostics } = prepareRuleset(ruleset, defaultFormulaCompiler);
  if (!prepared) return { results: [], diagnostics };
  const family = loadFamilyFields(ruleset);
  const names = JSON.stringify([
    ruleset.units.map((u) => [u.id, u.aliases, u.name]),
    ruleset.fields.map((f) => [f.id, f.name]),
    ruleset.root,
  ]);
  const read = await remembered(reads, `${dataFolder}\u0000${names}`, () =>
    readDataFiles([dataFolder], ruleset, { ...(family ? { family } : {}) }),
  );
  const built = buildDataStoreFromTable(ruleset, read.table);
  const all = [...diagnostics, ...read.diagnostics, ...built.diagnostics];
  const rating = ruleset.ratings[0];
  if (hasErrors(all) || !rating) return { results: [], diagnostics: all };
  const latest = latestMonth(read.table.periods());
  const period = latest && latestWithData(built.store, latest, rating.frequency);
  if (!period) return { results: [], diagnostics: all };
  const run = rate(prepared, built.store, { rating: rating.id, period, previous: "none" });
  return {
    rating: rating.id,
    period: formatPeriod(period),
    results: run.result?.results ?? [],
    diagnostics: [...all, ...run.diagnostics],
    prepared,
    run,
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The latest month any observation speaks of (a quarter or year counts by its last month). */
function latestMonth(periods: readonly string[]): Period | undefined {
  let best: Period | undefined;
  for (const text of periods) {
    const p = parsePeriod(text);
    if (!p) continue;
    const month: Period = { kind: "month", year: p.year, index: lastMonth(p) };
    if (!best || month.year > best.year || (month.year === best.year && month.index > best.index)) best = month;
  }
  return best;
}

/** The latest period of `kind`, ending by `month`'s period, that has data (at most five years back). */
function latestWithData(store: DataStore, month: Period, kind: PeriodKind): Period | undefined {
  let p: Period =
    kind === "month"
      ? month
      : kind === "quarter"
        ? { kind, year: month.year, index: Math.ceil(month.index / 3) }
        : { kind, year: month.year, index: 1 };
  for (let i = 0; i < 60; i++) {
    if (store.hasDataIn(periodCode(p))) return p;
    p = previousPeriod(p);
  }
  return undefined;
}
