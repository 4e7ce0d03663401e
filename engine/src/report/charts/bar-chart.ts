import { FALLBACK_COLOR } from "../colors.js";
import { escapeHtml, svgNumber } from "../html-escape.js";
import { label } from "../labels.js";
import { formatNumber, formatShort } from "../number-format.js";
import { rankText } from "../rank-change.js";
import type { ReportView } from "../view.js";

/** Layout of the bar chart, in SVG user units (the chart scales to the page width). */
const WIDTH = 760;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 64;
const TOP = 30;
const ROW = 24;
const BAR = 16;
const BOTTOM = 8;
const MAX_NAME = 32;

/** A long name is cut with an ellipsis on the chart; the bar's title keeps it whole. */
export function shortName(name: string, max = MAX_NAME): string {
  const chars = [...name];
  return chars.length <= max ? name : `${chars.slice(0, max - 1).join("")}…`;
}

function ticks(scale: number): number[] {
  const step = scale / 5;
  return [0, 1, 2, 3, 4, 5].map((i) => i * step);
}

/**
 * Totals of the latest period as horizontal bars in rank order, each in its grade's colour, with the
 * grade thresholds as dashed lines. An accessible image: a title and description, and a title per bar.
 */
export function barChartSvg(view: ReportView): string {
  const { lang, latest, scale } = view;
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const x = (v: number) => LABEL_WIDTH + (Math.min(Math.max(v, 0), scale) / (scale > 0 ? scale : 1)) * plot;
  const height = TOP + latest.rows.length * ROW + BOTTOM;
  const bottom = height - BOTTOM;
  const out: string[] = [
    `<svg class="chart bar-chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="bar-title bar-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="bar-title">${escapeHtml(`${label("barChartTitle", lang)}: ${latest.label}`)}</title>`,
    `<desc id="bar-desc">${escapeHtml(label("barChartDesc", lang))}</desc>`,
  ];
  for (const t of ticks(scale)) {
    const tx = svgNumber(x(t));
    out.push(`<line class="grid" x1="${tx}" y1="${TOP - 6}" x2="${tx}" y2="${bottom}"/>`);
    out.push(`<text class="tick" x="${tx}" y="${TOP - 10}" text-anchor="middle">${formatNumber(t, lang, 0)}</text>`);
  }
  for (const g of view.grades) {
    if (g.min === undefined || !(g.min > 0 && g.min < scale)) continue;
    const gx = svgNumber(x(g.min));
    const title = `${g.label}: ${label("gradeFrom", lang, { min: formatShort(g.min, lang) })}`;
    out.push(
      `<line class="threshold" x1="${gx}" y1="${TOP - 6}" x2="${gx}" y2="${bottom}" stroke="${g.color}"><title>${escapeHtml(title)}</title></line>`,
    );
  }
  latest.rows.forEach((row, i) => {
    const y = TOP + i * ROW + (ROW - BAR) / 2;
    const w = x(row.total) - LABEL_WIDTH;
    const value = formatNumber(row.total, lang, view.decimals);
    const title = `${rankText(row.rank, lang)}. ${row.name}: ${value}${row.grade ? ` (${row.grade.label})` : ""}`;
    const textY = svgNumber(y + BAR / 2 + 4);
    out.push(
      `<g class="bar" data-unit="${escapeHtml(row.unitId)}"><title>${escapeHtml(title)}</title>`,
      `<text class="name" x="${LABEL_WIDTH - 8}" y="${textY}" text-anchor="end">${escapeHtml(shortName(`${rankText(row.rank, lang)}. ${row.name}`))}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${svgNumber(y)}" width="${svgNumber(Math.max(w, 0))}" height="${BAR}" fill="${row.grade?.color ?? FALLBACK_COLOR}"/>`,
      `<text class="value" x="${svgNumber(x(row.total) + 6)}" y="${textY}">${escapeHtml(value)}</text></g>`,
    );
  });
  out.push("</svg>");
  return out.join("\n");
}
