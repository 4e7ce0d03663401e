import type { Ruleset } from "../model/ruleset.js";
import type { SensitivityReport } from "../sensitivity/analysis.js";

const WHISKER = 30;

/** A rank interval drawn on a line of WHISKER characters: ├──●──┤ from p5 to p95, ● at the median. */
function whisker(p5: number, median: number, p95: number, units: number): string {
  const at = (rank: number) => Math.round(((rank - 1) / Math.max(1, units - 1)) * (WHISKER - 1));
  const line = new Array<string>(WHISKER).fill(" ");
  const a = at(p5);
  const b = at(p95);
  for (let i = a; i <= b; i++) line[i] = "─";
  line[a] = "├";
  line[b] = "┤";
  line[at(median)] = "●";
  return line.join("");
}

function fixed(x: number | undefined, d = 2): string {
  return x === undefined ? "n/a" : (Math.round(x * 10 ** d) / 10 ** d || 0).toFixed(d);
}

function pad(cells: readonly string[], widths: readonly number[], left: readonly number[]): string {
  return cells
    .map((c, i) => (left.includes(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
    .join("  ")
    .trimEnd();
}

function table(head: readonly string[], rows: readonly (readonly string[])[], left: readonly number[]): string[] {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  return [pad(head, widths, left), ...rows.map((r) => pad(r, widths, left))];
}

export function sensitivityText(report: SensitivityReport, ruleset: Ruleset, file: string): string {
  const n = report.units.length;
  const grades = ruleset.grades.map((g) => g.id);
  const out = [
    `Sensitivity of ${report.ruleset.id} ${report.ruleset.version}, rating ${report.rating}, ${report.period}: ${n} units`,
    `assumptions ${file}; N = ${report.runs}, seed ${report.seed}: ${report.ratings} ratings, rank statistics over ${report.samples}`,
    "",
    ...table(
      ["rank", "unit", "median", "5-95%", `1 … ${n}`, ...grades.map((g) => `P(${g})`)],
      report.units.map((u) => [
        String(u.nominalRank),
        u.unit,
        fixed(u.medianRank, 1),
        `${fixed(u.p5, 0)}-${fixed(u.p95, 0)}`,
        whisker(u.p5, u.medianRank, u.p95, n),
        ...grades.map((g) => fixed(u.zones[g] ?? 0)),
      ]),
      [1, 4],
    ),
    "",
    `Mean absolute rank shift: ${fixed(report.meanRankShift)} places.`,
    "",
    "Sensitivity indices (first order S, total ST; of the mean rank shift, and of the ranks pooled over the units):",
    "",
    ...table(
      ["assumption", "kind", "params", "S shift", "ST shift", "S ranks", "ST ranks"],
      report.assumptions.map((a) => [
        a.id,
        a.kind,
        String(a.parameters),
        fixed(a.shift.first),
        fixed(a.shift.total),
        fixed(a.ranks.first),
        fixed(a.ranks.total),
      ]),
      [0, 1],
    ),
    "",
    "S: the share of the variance the assumption explains alone; ST: with its interactions. Estimates: small",
    "negative values and sums above 1 are sampling error (raise --runs).",
    "",
  ];
  return out.join("\n");
}
