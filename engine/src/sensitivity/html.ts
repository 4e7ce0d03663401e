import { ratingGrades } from "../model/grades.js";
import type { Lang, Ruleset } from "../model/ruleset.js";
import { hexColor } from "../report/colors.js";
import { escapeHtml, svgNumber } from "../report/html-escape.js";
import { localize, ratingTitle, unitName } from "../report/labels.js";
import { formatNumber, localNumber } from "../report/number-format.js";
import { fill } from "../util/fill.js";
import type { SensitivityReport } from "./analysis.js";
import { KINDS, SW } from "./words.js";

/**
 * The sensitivity analysis as one self-contained HTML page: the ranking with each unit's 5-95% rank interval
 * drawn as a whisker (the median a dot, the nominal rank a ring) and its zone probabilities, then the
 * sensitivity indices.
 */
export function sensitivityHtml(report: SensitivityReport, ruleset: Ruleset, lang: Lang): string {
  const fixed = (x: number | undefined, d = 2) => (x === undefined ? SW.na[lang] : formatNumber(x, lang, d));
  const title = `${SW.title[lang]}: ${report.ruleset.id} ${report.ruleset.version}, ${ratingTitle(ruleset, report.rating, lang)}, ${report.period}`;
  const n = report.units.length;
  const grades = ratingGrades(ruleset, report.rating);
  const width = 300;
  const x = (rank: number) => 10 + ((rank - 1) / Math.max(1, n - 1)) * (width - 20);
  const rows = report.units.map((u) => {
    const grade = grades.find((g) => g.id === u.nominalGrade);
    const color = hexColor(grade?.color ?? "");
    const svg = `<svg width="${width}" height="16" role="img" aria-label="${escapeHtml(fill(SW.ranks[lang], { a: localNumber(u.p5, lang), b: localNumber(u.p95, lang), m: localNumber(u.medianRank, lang) }))}"><line x1="${svgNumber(x(u.p5))}" x2="${svgNumber(x(u.p95))}" y1="8" y2="8" stroke="#616161" stroke-width="2"/><line x1="${svgNumber(x(u.p5))}" x2="${svgNumber(x(u.p5))}" y1="3" y2="13" stroke="#616161"/><line x1="${svgNumber(x(u.p95))}" x2="${svgNumber(x(u.p95))}" y1="3" y2="13" stroke="#616161"/><circle cx="${svgNumber(x(u.medianRank))}" cy="8" r="4" fill="${color}"/><circle cx="${svgNumber(x(u.nominalRank))}" cy="8" r="6" fill="none" stroke="#212121"/></svg>`;
    const zones = grades.map((g) => `<td>${fixed(u.zones[g.id] ?? 0)}</td>`).join("");
    return `<tr><td>${u.nominalRank}</td><td style="text-align:left">${escapeHtml(unitName(ruleset, u.unit, lang))}</td><td>${fixed(u.medianRank, 1)}</td><td>${fixed(u.p5, 1)}–${fixed(u.p95, 1)}</td><td>${svg}</td>${zones}</tr>`;
  });
  const indices = report.assumptions.map(
    (a) =>
      `<tr><td style="text-align:left">${escapeHtml(a.id)}</td><td>${escapeHtml(KINDS[a.kind]?.[lang] ?? a.kind)}</td><td>${a.parameters}</td><td>${fixed(a.shift.first)}</td><td>${fixed(a.shift.total)}</td><td>${fixed(a.ranks.first)}</td><td>${fixed(a.ranks.total)}</td></tr>`,
  );
  const zoneHead = grades.map((g) => `<th>P(${escapeHtml(localize(g.label, lang) || g.id)})</th>`).join("");
  return [
    "<!doctype html>",
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(title)}</title>`,
    "<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px;text-align:right}</style>",
    `</head><body><h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(fill(SW.pageNote[lang], { runs: report.runs, seed: report.seed, ratings: report.ratings, samples: report.samples, shift: fixed(report.meanRankShift) }))}</p>`,
    `<table><tr><th>${SW.rank[lang]}</th><th>${SW.unit[lang]}</th><th>${SW.median[lang]}</th><th>5–95%</th><th>1 … ${n}</th>${zoneHead}</tr>${rows.join("")}</table>`,
    `<h2>${SW.indices[lang]}</h2>`,
    `<table><tr>${[SW.assumption, SW.kind, SW.params, SW.sShift, SW.stShift, SW.sRanks, SW.stRanks].map((x) => `<th>${escapeHtml(x[lang])}</th>`).join("")}</tr>${indices.join("")}</table>`,
    "</body></html>",
    "",
  ].join("\n");
}
