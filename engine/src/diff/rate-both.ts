import { chooseRating, RatingSession } from "../cli/rating-session.js";
import type { Period } from "../data/period.js";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import type { Ruleset } from "../model/ruleset.js";
import { hasScores, type RatingRun, rate } from "../scoring/engine.js";
import type { RatedVersion } from "./ranking-effect.js";

/** A version rated, with its run (for explain traces). */
export interface RatedRun extends RatedVersion {
  readonly run: RatingRun;
}

export interface RateBothOptions {
  readonly data: readonly string[];
  readonly period: Period;
  readonly rating?: string;
  /** Relative data paths are resolved against it. */
  readonly cwd: string;
}

export interface RatedBoth {
  /** Both runs, when neither the rules nor the data stopped the comparison. */
  readonly rated?: readonly [RatedRun, RatedRun];
  /** Every problem met, each once (both versions read the same files). */
  readonly diagnostics: readonly Diagnostic[];
  /** The versions under which nothing could be scored in the period (no data for it?). */
  readonly unscored: readonly string[];
  /** Per version, the fields without data in the period: their values are left out, not scored 0. */
  readonly leftOut: readonly { readonly version: string; readonly fields: readonly string[] }[];
}

/**
 * Rates the period under each version with the same data (each version reads it against its own units and
 * fields), for `tarazy diff --data` and the editors' comparison view. A version is rated on any period, in
 * force or not (that is the question a comparison answers), and values missing for lack of data are left
 * out, never scored 0, so that no change is made of missing fields.
 */
export async function rateBothVersions(
  oldRuleset: Ruleset,
  newRuleset: Ruleset,
  options: RateBothOptions,
): Promise<RatedBoth> {
  const diagnostics: Diagnostic[] = [];
  const rated: RatedRun[] = [];
  for (const ruleset of [oldRuleset, newRuleset]) {
    const session = new RatingSession(ruleset.root, options.data, options.cwd, true);
    const { version, diagnostics: found } = await session.version(options.period);
    diagnostics.push(...found);
    if (!version) continue;
    const run = rate(version.prepared, version.store, {
      rating: chooseRating(version.ruleset, options.period, options.rating),
      period: options.period,
      previous: "none",
      sources: version.sources,
      excludeNoData: true,
    });
    diagnostics.push(...run.diagnostics);
    if (run.result && !hasErrors(run.diagnostics)) rated.push({ ruleset: version.ruleset, run, result: run.result });
  }
  const shown = unique(diagnostics);
  const [before, after] = rated;
  if (!before || !after || hasErrors(diagnostics)) return { diagnostics: shown, unscored: [], leftOut: [] };
  const unscored = rated.filter((r) => !hasScores(r.run)).map((r) => r.ruleset.version);
  const leftOut = rated
    .map((r) => ({
      version: r.ruleset.version,
      fields: [...new Set(r.result.results.flatMap((u) => u.coverage.missingFields))].sort(),
    }))
    .filter((l) => l.fields.length > 0);
  return { rated: [before, after], diagnostics: shown, unscored, leftOut };
}

/** Both versions read the same files: a problem with them is kept once. */
function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.code, d.file, d.range.start, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
