import type { Lang, Ruleset } from "../model/ruleset.js";
import { heatColor, textColorOn } from "../report/colors.js";
import { escapeHtml } from "../report/html-escape.js";
import { ratingTitle } from "../report/labels.js";
import type { AuditReport, CorrelationMatrices, IndicatorAudit } from "./audit.js";
import { levelRows } from "./level-rows.js";
import { AW, FINDING_TITLES, fill, STAT_COLUMNS, share, stat } from "./words.js";

/**
 * The audit as one self-contained HTML page (no scripts, no external files): the findings, the blocks with
 * nominal weight beside effective importance, and correlation heat maps (Pearson below the diagonal,
 * Spearman above, the number always printed in the cell so the colour never carries meaning alone).
 */
export function auditHtml(
  report: AuditReport,
  ruleset: Ruleset,
  findingPlace: (file: string | undefined) => string,
  lang: Lang,
): string {
  const title = `${AW.title[lang]}: ${report.ruleset.id} ${report.ruleset.version}, ${ratingTitle(ruleset, report.rating, lang)}, ${report.period}`;
  return [
    "<!doctype html>",
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(fill(AW.pageNote[lang], { n: report.units }))}</p>`,
    findings(report, findingPlace, lang),
    blocksTable(report, lang),
    `<h2>${escapeHtml(AW.blockCorrelations[lang])}</h2>`,
    heatMap(report.blockCorrelations, lang),
    ...report.blocks.map((b) =>
      [
        `<h2>${escapeHtml(AW.blockWord[lang])} ${escapeHtml(b.id)}</h2>`,
        indicatorsTable(
          report.indicators.filter((i) => i.block === b.id),
          lang,
        ),
        heatMap(b.correlations, lang),
        ...levelMaps(report, b, lang),
      ].join("\n"),
    ),
    "</body></html>",
    "",
  ].join("\n");
}

const CSS = `body{font-family:system-ui,sans-serif;margin:2em;color:#212121}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ddd;padding:2px 6px;text-align:right}
th:first-child,td:first-child{text-align:left}.bar{display:inline-block;height:.8em;background:#5c6bc0}
.bar.nominal{background:#bdbdbd}.warning{color:#b71c1c}.info{color:#0d47a1}.heat td{min-width:3em;text-align:center}`;

function bar(share: number | undefined, kind: string): string {
  const width = Math.round(Math.max(0, share ?? 0) * 400);
  return `<span class="bar ${kind}" style="width:${width}px"></span>`;
}

/** The findings: each one's title by its code and its message, in the language the command made them in. */
function findings(report: AuditReport, place: (file: string | undefined) => string, lang: Lang): string {
  const head = `<h2>${escapeHtml(AW.findings[lang])}</h2>`;
  if (report.findings.length === 0) return `${head}<p>${escapeHtml(AW.none[lang])}</p>`;
  const text = (d: AuditReport["findings"][number]) => `${FINDING_TITLES[d.code]?.[lang] ?? d.code}: ${d.message}`;
  const rows = report.findings.map(
    (d) =>
      `<tr><td class="${d.severity}">${d.code}</td><td>${escapeHtml(`${place(d.file)}:${d.range.start.line}`)}</td><td style="text-align:left">${escapeHtml(text(d))}</td></tr>`,
  );
  const th = [AW.code, AW.where, AW.finding].map((x) => `<th>${escapeHtml(x[lang])}</th>`).join("");
  return `${head}<table><tr>${th}</tr>${rows.join("")}</table>`;
}

function blocksTable(report: AuditReport, lang: Lang): string {
  const fmt = (x: number | null | undefined) => stat(x, lang);
  const pct = (x: number | undefined) => share(x, lang, 1);
  // With levels, each block's groups follow it, indented by depth.
  const rows = levelRows(report).map(
    ({ row: b, depth, count }) =>
      `<tr><td${depth > 0 ? ` style="padding-left:${depth * 1.5}em"` : ""}>${escapeHtml(b.id)}</td><td>${count}</td><td>${fmt(b.alpha)}</td><td>${pct(b.firstComponent)}</td><td>${fmt(b.withTotal.pearson)}</td><td>${pct(b.nominalWeight)}</td><td>${pct(b.importance)}</td><td style="text-align:left">${bar(b.nominalWeight, "nominal")}<br>${bar(b.importance, "")}</td></tr>`,
  );
  const th = [AW.block, AW.indicators, AW.alpha, AW.pc1, AW.rTotal, AW.weight, AW.effect, AW.bars]
    .map((x) => `<th>${escapeHtml(x[lang])}</th>`)
    .join("");
  return `<h2>${escapeHtml(AW.blocks[lang])}</h2><table><tr>${th}</tr>${rows.join("")}</table>`;
}

/**
 * A block with groups: the correlations of its members, then of each group's members, each under the id
 * of the block or group (a level at a time, as alpha is taken).
 */
function levelMaps(report: AuditReport, block: AuditReport["blocks"][number], lang: Lang): string[] {
  if (!block.members) return [];
  const groups = (report.groups ?? []).filter((g) => g.block === block.id);
  return [
    `<h3>${escapeHtml(block.id)}</h3>`,
    heatMap(block.members, lang),
    ...groups.flatMap((g) => [`<h3>${escapeHtml(g.id)}</h3>`, heatMap(g.correlations, lang)]),
  ];
}

function indicatorsTable(indicators: readonly IndicatorAudit[], lang: Lang): string {
  const fmt = (x: number | null | undefined) => stat(x, lang);
  const pct = (x: number | undefined) => share(x, lang, 1);
  const rows = indicators.map(
    (i) =>
      `<tr><td>${escapeHtml(i.id)}</td><td>${pct(i.coverage)}</td><td>${i.distinctScores}</td><td>${pct(i.floorShare)}</td><td>${pct(i.capShare)}</td><td>${fmt(i.values?.skewness)}</td><td>${fmt(i.values?.kurtosis)}</td><td>${i.values?.outliers ? escapeHtml(AW.yes[lang]) : ""}</td><td>${fmt(i.withBlock.pearson)}</td><td>${fmt(i.withTotal.pearson)}</td><td>${fmt(i.withTotal.spearman)}</td><td>${pct(i.nominalWeight)}</td><td>${pct(i.importance)}</td></tr>`,
  );
  const th = [AW.indicator, ...STAT_COLUMNS].map((x) => `<th>${escapeHtml(x[lang])}</th>`).join("");
  return `<table><tr>${th}</tr>${rows.join("")}</table>`;
}

/** Pearson below the diagonal, Spearman above; red for -1 through yellow to green for +1. */
function heatMap(m: CorrelationMatrices, lang: Lang): string {
  const head = m.ids.map((id) => `<th>${escapeHtml(id)}</th>`).join("");
  const rows = m.ids.map((id, a) => {
    const cells = m.ids.map((_, b) => {
      if (a === b) return "<td>1</td>";
      const r = a > b ? m.pearson[a]?.[b] : m.spearman[a]?.[b];
      if (r === null || r === undefined) return `<td>${escapeHtml(AW.na[lang])}</td>`;
      const color = heatColor((r + 1) / 2);
      return `<td style="background:${color};color:${textColorOn(color)}">${stat(r, lang)}</td>`;
    });
    return `<tr><th>${escapeHtml(id)}</th>${cells.join("")}</tr>`;
  });
  return `<table class="heat"><caption>${escapeHtml(AW.heatCaption[lang])}</caption><tr><th></th>${head}</tr>${rows.join("")}</table>`;
}
