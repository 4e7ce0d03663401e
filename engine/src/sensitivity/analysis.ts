import { quantileSorted } from "../audit/stats.js";
import { ratingGrades } from "../model/grades.js";
import type { Ruleset } from "../model/ruleset.js";
import type { RatingRun } from "../scoring/engine.js";
import type { SensitivitySettings } from "./assumptions.js";
import { RankModel } from "./rank-model.js";
import { saltelliRuns, sobolIndices } from "./sobol.js";

/**
 * Uncertainty and sensitivity analysis of a ranking (docs/audit.md#sensitivity): the ranking recomputed over
 * a seeded Latin hypercube of the assumptions (Saltelli's A, B and AB_j matrices: N (k + 2) ratings), with
 * each unit's rank distribution over the 2N independent runs of A and B, and each assumption's first-order
 * and total indices for the mean absolute rank shift and, pooled over the units, for the ranks.
 */
export interface SensitivityReport {
  readonly ruleset: { readonly id: string; readonly version: string };
  readonly rating: string;
  readonly period: string;
  /** The base sample N; `ratings` = N (k + 2) were computed, `samples` = 2N feed the rank statistics. */
  readonly runs: number;
  readonly seed: number;
  readonly ratings: number;
  readonly samples: number;
  /** Mean over the samples of the mean |rank - nominal rank| over the units. */
  readonly meanRankShift: number;
  readonly assumptions: readonly AssumptionIndices[];
  readonly units: readonly UnitUncertainty[];
}

export interface AssumptionIndices {
  readonly id: string;
  readonly kind: string;
  /** How many parameters it varies (one weight per block, say). */
  readonly parameters: number;
  /** Indices for the mean absolute rank shift; undefined when it does not vary. */
  readonly shift: { readonly first?: number; readonly total?: number };
  /** Indices for the units' ranks, pooled: each unit's partial variance summed over its rank variance summed. */
  readonly ranks: { readonly first?: number; readonly total?: number };
}

export interface UnitUncertainty {
  readonly unit: string;
  readonly nominalRank: number;
  readonly nominalGrade: string;
  readonly medianRank: number;
  /** 5th and 95th percentiles of its rank (linear interpolation between order statistics). */
  readonly p5: number;
  readonly p95: number;
  readonly meanRank: number;
  /** Probability of each grade (zone), by grade id, in the rating's grades' order (its own, else the ruleset's). */
  readonly zones: Readonly<Record<string, number>>;
}

export function analyseSensitivity(ruleset: Ruleset, run: RatingRun, settings: SensitivitySettings): SensitivityReport {
  const model = new RankModel(ruleset, run, settings.assumptions);
  const count = model.units.length;
  const nominal = model.nominal;
  // Outputs of one rating: [mean |rank shift|, rank of each unit..., grade of each unit...].
  const outputs = (point: Float64Array) => {
    const o = model.evaluate(point);
    const out = new Float64Array(1 + 2 * count);
    let shift = 0;
    for (let u = 0; u < count; u++) {
      shift += Math.abs((o.ranks[u] as number) - (nominal.ranks[u] as number));
      out[1 + u] = o.ranks[u] as number;
      out[1 + count + u] = o.grades[u] as number;
    }
    out[0] = count > 0 ? shift / count : 0;
    return out;
  };
  const n = settings.runs;
  const runs = saltelliRuns(n, model.sizes, settings.seed, outputs);
  const samples = [...runs.a, ...runs.b];
  const shiftIndices = sobolIndices(runs, 0);
  const unitIndices = Array.from({ length: count }, (_, u) => sobolIndices(runs, 1 + u));
  const rankVariance = unitIndices.reduce((s, x) => s + x.variance, 0);
  const pooled = (pick: "first" | "total", j: number) => {
    if (!(rankVariance > 0)) return undefined;
    let sum = 0;
    for (const x of unitIndices) sum += (x[pick][j] ?? 0) * x.variance;
    return sum / rankVariance;
  };
  const result = run.result;
  const grades = ratingGrades(ruleset, result?.rating ?? "");
  return {
    ruleset: { id: ruleset.id, version: ruleset.version },
    rating: result?.rating ?? "",
    period: result?.period ?? "",
    runs: n,
    seed: settings.seed,
    ratings: n * (settings.assumptions.length + 2),
    samples: samples.length,
    meanRankShift: samples.reduce((s, o) => s + (o[0] as number), 0) / samples.length,
    assumptions: settings.assumptions.map((a, j) => ({
      id: a.id,
      kind: a.kind,
      parameters: model.sizes[j] ?? 0,
      shift: defined({ first: shiftIndices.first[j], total: shiftIndices.total[j] }),
      ranks: defined({ first: pooled("first", j), total: pooled("total", j) }),
    })),
    units: model.units.map((unit, u) => {
      const ranks = samples.map((o) => o[1 + u] as number).sort((x, y) => x - y);
      const zones: Record<string, number> = {};
      grades.forEach((g, gi) => {
        zones[g.id] = samples.filter((o) => o[1 + count + u] === gi).length / samples.length;
      });
      return {
        unit,
        nominalRank: nominal.ranks[u] as number,
        nominalGrade: grades[nominal.grades[u] as number]?.id ?? "",
        medianRank: quantileSorted(ranks, 0.5),
        p5: quantileSorted(ranks, 0.05),
        p95: quantileSorted(ranks, 0.95),
        meanRank: ranks.reduce((s, x) => s + x, 0) / ranks.length,
        zones,
      };
    }),
  };
}

function defined(x: { first: number | undefined; total: number | undefined }): { first?: number; total?: number } {
  return {
    ...(x.first !== undefined ? { first: x.first } : {}),
    ...(x.total !== undefined ? { total: x.total } : {}),
  };
}
