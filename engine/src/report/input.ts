import { comparePeriods, parsePeriod } from "../data/period.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Lang, Ruleset } from "../model/ruleset.js";
import type { RatingResult } from "../scoring/result.js";
import { rangeOfLength } from "../source/range.js";
import { ReportCodes } from "./codes.js";

/** A data file the results were computed from, for the manifest. */
export interface DataFileHash {
  readonly path: string;
  readonly sha256: string;
}

/** What every report is written from. */
export interface ReportInput {
  readonly ruleset: Ruleset;
  /** One result per period of one rating (several when a range of periods was rated), in any order. */
  readonly results: readonly RatingResult[];
  readonly lang: Lang;
  readonly dataFiles: readonly DataFileHash[];
  /** Defaults to ENGINE_VERSION; tests pin it so golden files survive a version bump. */
  readonly engineVersion?: string;
}

function problem(code: string, severity: "error" | "warning", message: string, suggestion?: string): Diagnostic {
  return {
    code,
    severity,
    message,
    range: rangeOfLength(0),
    ...(suggestion ? { suggestion } : {}),
  };
}

/** The results in period order (periods that do not parse keep their given order, after the others). */
export function sortByPeriod(results: readonly RatingResult[]): RatingResult[] {
  return [...results].sort((a, b) => {
    const pa = parsePeriod(a.period);
    const pb = parsePeriod(b.period);
    if (pa && pb) return comparePeriods(pa, pb);
    return pa ? -1 : pb ? 1 : 0;
  });
}

function nonFinite(result: RatingResult): string | undefined {
  for (const u of result.results) {
    if (!Number.isFinite(u.score)) return `the total of ${u.unit}`;
    for (const [id, b] of Object.entries(u.blocks)) {
      if (!Number.isFinite(b.score) || !Number.isFinite(b.weight)) return `block ${id} of ${u.unit}`;
    }
    for (const [id, r] of Object.entries(u.indicators)) {
      const numbers = [r.weight, r.points, r.score ?? 0, typeof r.value === "number" ? r.value : 0];
      if (!numbers.every(Number.isFinite)) return `indicator ${id} of ${u.unit}`;
    }
  }
  return undefined;
}

/**
 * Checks that the results can be reported with this ruleset: errors stop the writers (a report with
 * the wrong names or weights would mislead), warnings are reported and the report is still written.
 */
export function checkReportInput(input: ReportInput): Diagnostic[] {
  const { ruleset, results } = input;
  const out: Diagnostic[] = [];
  if (results.length === 0) return [problem(ReportCodes.O105, "error", "there are no rating results to report")];
  const seenPeriods = new Set<string>();
  const ratingIds = new Set(results.map((r) => r.rating));
  if (ratingIds.size > 1) {
    out.push(
      problem(
        ReportCodes.O103,
        "error",
        `the results belong to several ratings (${[...ratingIds].join(", ")}); a report shows one rating`,
        "write one report per rating",
      ),
    );
  }
  for (const r of results) {
    const rs = r.ruleset;
    if (rs.id !== ruleset.id || rs.version !== ruleset.version || rs.hash !== ruleset.hash) {
      out.push(
        problem(
          ReportCodes.O101,
          "error",
          `the results for ${r.period} were rated with ${rs.id} ${rs.version} (hash ${rs.hash}), not with ${ruleset.id} ${ruleset.version} (hash ${ruleset.hash})`,
          "write the report with the ruleset version the results were rated with, or rate again",
        ),
      );
    }
    if (!ruleset.ratings.some((x) => x.id === r.rating)) {
      const known = ruleset.ratings.map((x) => x.id).join(", ");
      out.push(problem(ReportCodes.O102, "error", `the ruleset has no rating "${r.rating}" (it has: ${known})`));
    }
    if (seenPeriods.has(r.period)) {
      out.push(problem(ReportCodes.O104, "error", `the period ${r.period} is given twice`, "pass each period once"));
    }
    seenPeriods.add(r.period);
    const bad = nonFinite(r);
    if (bad) {
      out.push(problem(ReportCodes.O106, "error", `${bad} in ${r.period} is not a finite number`));
    }
  }
  out.push(...unknownNames(input));
  return out;
}

function unknownNames({ ruleset, results }: ReportInput): Diagnostic[] {
  const units = new Set(ruleset.units.map((u) => u.id));
  // A rating's own grades count as the ruleset's (rules/examples/gdi grades on a deviation from parity).
  const grades = new Set([...ruleset.grades, ...ruleset.ratings.flatMap((r) => r.grades ?? [])].map((g) => g.id));
  const strayUnits = new Set<string>();
  const strayGrades = new Set<string>();
  for (const r of results) {
    for (const u of r.results) {
      if (!units.has(u.unit)) strayUnits.add(u.unit);
      if (u.grade && !grades.has(u.grade)) strayGrades.add(u.grade);
    }
  }
  return [
    ...[...strayUnits].map((id) =>
      problem(ReportCodes.O107, "warning", `unit "${id}" is not in the ruleset; the report shows its id`),
    ),
    ...[...strayGrades].map((id) =>
      problem(ReportCodes.O108, "warning", `grade "${id}" is not in the ruleset; the report shows it in grey`),
    ),
  ];
}
