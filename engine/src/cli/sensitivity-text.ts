import { ratingGrades } from "../model/grades.js";
import type { Lang, Ruleset } from "../model/ruleset.js";
import { localize, ratingTitle, unitName } from "../report/labels.js";
import { formatNumber } from "../report/number-format.js";
import type { SensitivityReport } from "../sensitivity/analysis.js";
import { KINDS, SW } from "../sensitivity/words.js";
import { fill } from "../util/fill.js";

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

export function sensitivityText(report: SensitivityReport, ruleset: Ruleset, file: string, lang: Lang): string {
  const fixed = (x: number | undefined, d = 2) => (x === undefined ? SW.na[lang] : formatNumber(x, lang, d));
  const n = report.units.length;
  const grades = ratingGrades(ruleset, report.rating);
  const of = SW.of[lang] ? ` ${SW.of[lang]}` : ":";
  const out = [
    `${SW.title[lang]}${of} ${report.ruleset.id} ${report.ruleset.version}, ${ratingTitle(ruleset, report.rating, lang)}, ${report.period}: ${n} ${SW.units[lang]}`,
    fill(SW.design[lang], {
      file,
      runs: report.runs,
      seed: report.seed,
      ratings: report.ratings,
      samples: report.samples,
    }),
    "",
    ...table(
      [
        SW.rank[lang],
        SW.unit[lang],
        SW.median[lang],
        "5-95%",
        `1 … ${n}`,
        ...grades.map((g) => `P(${localize(g.label, lang) || g.id})`),
      ],
      report.units.map((u) => [
        String(u.nominalRank),
        unitName(ruleset, u.unit, lang),
        fixed(u.medianRank, 1),
        `${fixed(u.p5, 0)}-${fixed(u.p95, 0)}`,
        whisker(u.p5, u.medianRank, u.p95, n),
        ...grades.map((g) => fixed(u.zones[g.id] ?? 0)),
      ]),
      [1, 4],
    ),
    "",
    fill(SW.shift[lang], { x: fixed(report.meanRankShift) }),
    "",
    SW.indicesHead[lang],
    "",
    ...table(
      [SW.assumption, SW.kind, SW.params, SW.sShift, SW.stShift, SW.sRanks, SW.stRanks].map((x) => x[lang]),
      report.assumptions.map((a) => [
        a.id,
        KINDS[a.kind]?.[lang] ?? a.kind,
        String(a.parameters),
        fixed(a.shift.first),
        fixed(a.shift.total),
        fixed(a.ranks.first),
        fixed(a.ranks.total),
      ]),
      [0, 1],
    ),
    "",
    SW.legend[lang],
    "",
  ];
  return out.join("\n");
}
