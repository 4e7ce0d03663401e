import { HEAT_GRADIENT, heatColor, textColorOn } from "../colors.js";
import { escapeHtml } from "../html-escape.js";
import { label } from "../labels.js";
import { formatNumber, formatPercent, formatShort } from "../number-format.js";
import { rankText } from "../rank-change.js";
import { blockShare, type ReportView } from "../view.js";

/**
 * Block scores by unit as a coloured table: the cell shows the points, its colour the share of the
 * block's maximum (0..1) on the red-yellow-green scale. A table rather than a picture, so that screen
 * readers and printouts keep every number.
 */
export function heatMapTable(view: ReportView): string {
  const { lang, latest } = view;
  const head = view.blocks
    .map(
      (b) =>
        `<th scope="col">${escapeHtml(b.name)}<span class="max">${escapeHtml(label("outOf", lang, { max: formatShort(b.weight, lang) }))}</span></th>`,
    )
    .join("");
  const rows = latest.rows.map((row) => {
    const cells = view.blocks.map((b) => {
      const block = row.blocks[b.id];
      const share = blockShare(block);
      if (!block || share === undefined) return `<td class="heat empty"></td>`;
      const background = heatColor(share);
      const title = `${row.name}, ${b.name}: ${formatNumber(block.score, lang)} ${label("outOf", lang, { max: formatShort(block.weight, lang) })} (${formatPercent(share, lang)})`;
      return `<td class="heat" data-share="${share}" style="background:${background};color:${textColorOn(background)}" title="${escapeHtml(title)}">${formatNumber(block.score, lang)}</td>`;
    });
    return `<tr><td class="num">${rankText(row.rank, lang)}</td><th scope="row">${escapeHtml(row.name)}</th>${cells.join("")}</tr>`;
  });
  return [
    `<div class="table-wrap" role="region" tabindex="0" aria-label="${escapeHtml(label("heatMapTitle", lang))}"><table class="heatmap">`,
    `<caption class="sr-only">${escapeHtml(`${label("heatMapTitle", lang)}: ${latest.label}`)}</caption>`,
    `<thead><tr><th scope="col" class="num">${escapeHtml(label("rank", lang))}</th><th scope="col">${escapeHtml(label("unit", lang))}</th>${head}</tr></thead>`,
    `<tbody>\n${rows.join("\n")}\n</tbody>`,
    "</table></div>",
    heatLegend(view),
  ].join("\n");
}

function heatLegend(view: ReportView): string {
  const stops = HEAT_GRADIENT.map(([at, color]) => `${color} ${at * 100}%`).join(", ");
  return `<div class="heat-legend" aria-hidden="true"><span>0%</span><span class="ramp" style="background:linear-gradient(to right, ${stops})"></span><span>100% ${escapeHtml(label("share", view.lang))}</span></div>`;
}
