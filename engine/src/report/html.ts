import type { Lang } from "../model/ruleset.js";
import { barChartSvg } from "./charts/bar-chart.js";
import { heatMapTable } from "./charts/heat-map.js";
import { rankTrendSvg } from "./charts/rank-trend.js";
import { textColorOn } from "./colors.js";
import { coverageNoteLines, coveragePercent } from "./coverage-view.js";
import { escapeHtml } from "./html-escape.js";
import { REPORT_CSS } from "./html-style.js";
import { groupHead, groupScoreText, pointsText, valueText } from "./indicator-cell.js";
import { label } from "./labels.js";
import { manifestComment, type ReportManifest, ratingName } from "./manifest.js";
import { formatNumber, formatShort } from "./number-format.js";
import { rankChange, rankText } from "./rank-change.js";
import type { GradeView, PeriodView, ReportView } from "./view.js";

/** A complete page: one file, inline CSS, no scripts, nothing loaded from elsewhere. */
export function htmlPage(options: {
  lang: Lang;
  title: string;
  generator: string;
  comment?: string;
  /** Styles of this page beyond the shared stylesheet. */
  css?: string;
  body: string;
}): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="${options.lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Forbids every fetch: the page must work offline and cannot leak that it was opened.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="generator" content="${escapeHtml(options.generator)}">`,
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${REPORT_CSS}${options.css ?? ""}</style>`,
    "</head>",
    ...(options.comment ? [options.comment] : []),
    "<body>",
    options.body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

export function gradeBadge(grade: GradeView): string {
  return `<span class="grade" style="background:${grade.color};color:${textColorOn(grade.color)}">${escapeHtml(grade.label)}</span>`;
}

function gradeLegend(view: ReportView): string {
  const items = view.grades.map((g) => {
    const from =
      g.min === undefined ? "" : `: ${label("gradeFrom", view.lang, { min: formatShort(g.min, view.lang) })}`;
    return `<li><span class="swatch" style="background:${g.color}"></span>${escapeHtml(g.label + from)}</li>`;
  });
  return `<ul class="grade-legend">${items.join("")}</ul>`;
}

function rankingTable(view: ReportView, period: PeriodView): string {
  const { lang } = view;
  const rows = period.rows.map((r) => {
    const change = rankChange(r, lang);
    return [
      `<tr data-unit="${escapeHtml(r.unitId)}">`,
      `<td class="num">${rankText(r.rank, lang)}</td>`,
      `<td class="change ${change.kind}" title="${escapeHtml(change.words)}"><span aria-hidden="true">${change.symbol}</span><span class="sr-only">${escapeHtml(change.words)}</span></td>`,
      `<th scope="row">${escapeHtml(r.name)}</th>`,
      `<td class="num">${formatNumber(r.total, lang, view.decimals)}</td>`,
      ...(r.grade ? [`<td>${gradeBadge(r.grade)}</td>`] : []),
      `<td class="num">${r.coverage ? coveragePercent(r.coverage.weight, lang) : ""}</td>`,
      "</tr>",
    ].join("");
  });
  const cols = [
    ["rank", "num"],
    ["change", "change"],
    ["unit", ""],
    ["total", "num"],
    ["grade", ""],
    ["coverage", "num"],
  ] as const;
  const head = cols
    .filter(([key]) => key !== "grade" || view.graded)
    .map(([key, cls]) => `<th scope="col"${cls ? ` class="${cls}"` : ""}>${escapeHtml(label(key, lang))}</th>`)
    .join("");
  return [
    `<table class="ranking">`,
    `<caption class="sr-only">${escapeHtml(`${label("rankingTable", lang)}: ${period.label}`)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${rows.join("\n")}\n</tbody>`,
    "</table>",
    coverageNotesHtml(period, lang),
  ].join("\n");
}

/** Under the ranking: what the Data column means, the zero policy's use, and the units not rated and why. */
function coverageNotesHtml(period: PeriodView, lang: Lang): string {
  const notes = coverageNoteLines(period.coverage, lang).map((n) => `<p class="note">${escapeHtml(n)}</p>`);
  const notRated = period.coverage.notRated.map(
    (n) => `<li data-unit="${escapeHtml(n.unitId)}">${escapeHtml(n.name)}: ${escapeHtml(n.reason)}</li>`,
  );
  return [...notes, ...(notRated.length > 0 ? [`<ul class="not-rated">${notRated.join("")}</ul>`] : [])].join("\n");
}

function rankByPeriodTable(view: ReportView): string {
  const { lang } = view;
  const head = view.periods.map((p) => `<th scope="col" class="num">${escapeHtml(p.label)}</th>`).join("");
  const rows = view.latest.rows.map((r) => {
    const cells = view.periods.map((p) => {
      const rank = p.rows.find((x) => x.unitId === r.unitId)?.rank;
      return `<td class="num">${rank === undefined ? "" : rankText(rank, lang)}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(r.name)}</th>${cells.join("")}</tr>`;
  });
  return [
    `<table class="rank-by-period">`,
    `<caption>${escapeHtml(label("rankByPeriod", lang))}</caption>`,
    `<thead><tr><th scope="col">${escapeHtml(label("unit", lang))}</th>${head}</tr></thead>`,
    `<tbody>\n${rows.join("\n")}\n</tbody>`,
    "</table>",
  ].join("\n");
}

function blockDetail(view: ReportView, blockIndex: number): string {
  const { lang, latest } = view;
  const b = view.blocks[blockIndex];
  if (!b) return "";
  const groupHeads = b.groups.map((g) => `<th scope="col" class="num">${escapeHtml(groupHead(g.name))}</th>`);
  const head = b.indicators
    .map(
      (i) => `<th scope="col" class="num">${escapeHtml(i.name)}<span class="max">${escapeHtml(i.measure)}</span></th>`,
    )
    .join("");
  const rows = latest.rows.map((r) => {
    const block = r.blocks[b.id];
    const cells = b.indicators.map((i) => {
      const result = r.indicators[i.id];
      const title = `${label("value", lang)}: ${valueText(result, lang)}; ${label("score", lang)}: ${result?.score == null ? "–" : formatNumber(result.score, lang, 3)}`;
      return `<td class="num" title="${escapeHtml(title)}">${escapeHtml(pointsText(result, lang))}</td>`;
    });
    const groups = b.groups.map((g) => `<td class="num">${groupScoreText(r.groups?.[g.id], lang)}</td>`);
    return `<tr><td class="num">${rankText(r.rank, lang)}</td><th scope="row">${escapeHtml(r.name)}</th><td class="num"><strong>${block ? formatNumber(block.score, lang) : ""}</strong></td>${groups.join("")}${cells.join("")}</tr>`;
  });
  return [
    `<h3>${escapeHtml(b.name)} (${escapeHtml(label("outOf", lang, { max: formatShort(b.weight, lang) }))})</h3>`,
    ...(b.groups.length > 0 ? [`<p class="note">${escapeHtml(label("groupScoresNote", lang))}</p>`] : []),
    `<div class="table-wrap" role="region" tabindex="0" aria-label="${escapeHtml(b.name)}"><table class="detail">`,
    `<thead><tr><th scope="col" class="num">${escapeHtml(label("rank", lang))}</th><th scope="col">${escapeHtml(label("unit", lang))}</th><th scope="col" class="num">${escapeHtml(label("points", lang))}</th>${groupHeads.join("")}${head}</tr></thead>`,
    `<tbody>\n${rows.join("\n")}\n</tbody>`,
    "</table></div>",
  ].join("\n");
}

/** The manifest for a person to read, at the foot of an HTML page. */
export function htmlManifestFooter(manifest: ReportManifest, lang: Lang, title: string): string {
  const files =
    manifest.dataFiles.length === 0
      ? escapeHtml(label("noDataFiles", lang))
      : manifest.dataFiles
          .map((f) => `<code>${escapeHtml(f.path)}</code> sha256 <code>${f.sha256}</code>`)
          .join("<br>");
  const facts: [string, string][] = [
    [label("ruleset", lang), `${escapeHtml(manifest.ruleset.id)} ${escapeHtml(manifest.ruleset.version)}`],
    [label("hash", lang), `<code>${escapeHtml(manifest.ruleset.hash)}</code>`],
    [label("rating", lang), escapeHtml(ratingName(manifest, { title }))],
    [label("periods", lang), escapeHtml(manifest.periods.join(", "))],
    [label("dataFiles", lang), files],
    [label("engine", lang), escapeHtml(manifest.generator.version)],
  ];
  return [
    "<footer>",
    `<h2>${escapeHtml(label("about", lang))}</h2>`,
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join("")}</dl>`,
    `<p>${escapeHtml(label("generatedBy", lang, { version: manifest.generator.version }))}</p>`,
    "</footer>",
  ].join("\n");
}

/** rating.html: one self-contained page with the ranking, charts, block tables and the manifest. */
export function ratingHtml(view: ReportView): string {
  const { lang, latest } = view;
  const section = (id: string, title: string, body: string, cls = "") =>
    `<section id="${id}"${cls ? ` class="${cls}"` : ""} aria-labelledby="${id}-h">\n<h2 id="${id}-h">${escapeHtml(title)}</h2>\n${body}\n</section>`;
  const sections = [
    section(
      "ranking",
      label("rankingTable", lang),
      `${rankingTable(view, latest)}${view.graded ? `\n${gradeLegend(view)}` : ""}`,
    ),
    section("totals", label("barChartTitle", lang), barChartSvg(view), "chart-section"),
    section(
      "blocks",
      label("heatMapTitle", lang),
      `<p class="note">${escapeHtml(label("heatMapDesc", lang))}</p>\n${heatMapTable(view)}`,
    ),
  ];
  if (view.periods.length > 1) {
    sections.push(
      section("trend", label("trendTitle", lang), `${rankTrendSvg(view)}\n${rankByPeriodTable(view)}`, "chart-section"),
    );
  }
  sections.push(
    section(
      "details",
      label("blockDetails", lang),
      [
        `<p class="note">${escapeHtml(label("indicatorPointsNote", lang))}</p>`,
        ...view.blocks.map((_, i) => blockDetail(view, i)),
      ].join("\n"),
    ),
  );
  const title = `${view.title}: ${latest.label}`;
  const body = [
    "<header>",
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="subtitle">${escapeHtml(view.rulesetTitle)} · ${escapeHtml(view.manifest.ruleset.id)} ${escapeHtml(view.manifest.ruleset.version)}</p>`,
    "</header>",
    "<main>",
    ...sections,
    "</main>",
    htmlManifestFooter(view.manifest, lang, view.title),
  ].join("\n");
  return htmlPage({
    lang,
    title,
    generator: `Tarazy ${view.manifest.generator.version}`,
    comment: manifestComment(view.manifest),
    body,
  });
}
