import { escapeHtml, svgNumber } from "../html-escape.js";
import { label } from "../labels.js";
import { rankText } from "../rank-change.js";
import type { ReportView } from "../view.js";
import { shortName } from "./bar-chart.js";

const WIDTH = 760;
const LEFT = 44;
const RIGHT = 240;
const TOP = 34;
const ROW = 22;
const BOTTOM = 12;

/** Okabe-Ito colours (distinguishable with colour-blindness), then the same with dashes. */
const COLORS = ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#000000"];
const DASHES = ["", "6 3", "2 3"];

function lineStyle(i: number): { color: string; dash: string } {
  return {
    color: COLORS[i % COLORS.length] ?? "#000000",
    dash: DASHES[Math.floor(i / COLORS.length) % DASHES.length] ?? "",
  };
}

/**
 * Each unit's rank across the rated periods, rank 1 at the top, one line per unit, labelled at the right
 * in the latest rank order (tied units get their own label row with a short connector).
 */
export function rankTrendSvg(view: ReportView): string {
  const { lang, periods, latest } = view;
  const units = latest.rows;
  const maxRank = Math.ceil(Math.max(1, ...periods.flatMap((p) => p.rows.map((r) => r.rank)), units.length));
  const height = TOP + (maxRank - 1) * ROW + BOTTOM + 8;
  const plot = WIDTH - LEFT - RIGHT;
  const x = (i: number) => LEFT + (periods.length > 1 ? (i * plot) / (periods.length - 1) : plot / 2);
  const y = (rank: number) => TOP + (rank - 1) * ROW;
  const out: string[] = [
    `<svg class="chart rank-trend" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="trend-title trend-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="trend-title">${escapeHtml(label("trendTitle", lang))}</title>`,
    `<desc id="trend-desc">${escapeHtml(label("trendDesc", lang))}</desc>`,
  ];
  periods.forEach((p, i) => {
    const px = svgNumber(x(i));
    out.push(`<line class="grid" x1="${px}" y1="${TOP - 8}" x2="${px}" y2="${svgNumber(y(maxRank) + 8)}"/>`);
    out.push(`<text class="tick" x="${px}" y="${TOP - 14}" text-anchor="middle">${escapeHtml(p.period)}</text>`);
  });
  for (let rank = 1; rank <= maxRank; rank++) {
    out.push(`<text class="tick" x="${LEFT - 12}" y="${svgNumber(y(rank) + 4)}" text-anchor="end">${rank}</text>`);
  }
  units.forEach((unit, i) => {
    const { color, dash } = lineStyle(i);
    const points = periods.flatMap((p, k) => {
      const r = p.rows.find((row) => row.unitId === unit.unitId);
      return r ? [{ x: x(k), y: y(r.rank), rank: r.rank }] : [];
    });
    const path = points.map((pt) => `${svgNumber(pt.x)},${svgNumber(pt.y)}`).join(" ");
    const history = points.map((pt) => rankText(pt.rank, lang)).join(" → ");
    const labelY = y(i + 1);
    const last = points[points.length - 1];
    out.push(
      `<g class="trend" data-unit="${escapeHtml(unit.unitId)}"><title>${escapeHtml(`${unit.name}: ${history}`)}</title>`,
      `<polyline points="${path}" fill="none" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
      ...points.map((pt) => `<circle cx="${svgNumber(pt.x)}" cy="${svgNumber(pt.y)}" r="3.5" fill="${color}"/>`),
      last && last.y !== labelY
        ? `<line x1="${svgNumber(last.x)}" y1="${svgNumber(last.y)}" x2="${svgNumber(last.x + 14)}" y2="${svgNumber(labelY)}" stroke="${color}"/>`
        : "",
      `<text class="name" x="${svgNumber(x(periods.length - 1) + 18)}" y="${svgNumber(labelY + 4)}" fill="${color}">${escapeHtml(shortName(`${rankText(unit.rank, lang)}. ${unit.name}`))}</text></g>`,
    );
  });
  out.push("</svg>");
  return out.filter((line) => line !== "").join("\n");
}
