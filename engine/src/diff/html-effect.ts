import { compareNumbers } from "../compile/compare.js";
import { gradeBadge } from "../report/html.js";
import { escapeHtml } from "../report/html-escape.js";
import { label } from "../report/labels.js";
import { rankChange, rankText } from "../report/rank-change.js";
import type { CompareNames, Side } from "./html-names.js";
import type { RankingEffect, UnitEffect } from "./ranking-effect.js";

/**
 * The effect on the ranking, as HTML sections of the compare page: every unit's total, rank and zone
 * under both versions with the changes, the biggest movers, zone changes, and the units one version
 * rates only or leaves unrated for too little data (shown as such, never as a zero).
 */

/** The unit table, movers, zone changes and the units rated by one version only, in that order. */
export function effectHtml(effect: RankingEffect, names: CompareNames): string {
  return [unitTable(effect, names), moversTable(effect, names), zoneTable(effect, names), onlyLists(effect, names)]
    .filter((part) => part !== "")
    .join("\n");
}

function th(text: string, attrs = ""): string {
  return `<th scope="col"${attrs}>${escapeHtml(text)}</th>`;
}

function unitTable(effect: RankingEffect, names: CompareNames): string {
  const { lang } = names;
  const side = (version: string) => `<th scope="colgroup" colspan="3" class="version">${escapeHtml(version)}</th>`;
  const columns = [
    th(label("total", lang), ' class="num"'),
    th(label("rank", lang), ' class="num"'),
    th(label("grade", lang)),
  ];
  const head = [
    `<tr>${th(label("unit", lang), ' rowspan="2"')}${side(names.old.version)}${side(names.new.version)}`,
    `${th(label("compareTotalChange", lang), ' rowspan="2" class="num"')}${th(label("compareRankChange", lang), ' rowspan="2" class="change"')}</tr>`,
    `<tr>${columns.join("")}${columns.join("")}</tr>`,
  ].join("");
  const rows = effect.units.map((u) => unitRow(u, effect, names));
  return [
    `<div class="table-wrap" role="region" tabindex="0" aria-label="${escapeHtml(label("compareEffect", lang))}"><table class="ranking compare">`,
    `<thead>${head}</thead>`,
    `<tbody>\n${rows.join("\n")}\n</tbody>`,
    "</table></div>",
  ].join("\n");
}

function unitRow(u: UnitEffect, effect: RankingEffect, names: CompareNames): string {
  return [
    `<tr data-unit="${escapeHtml(u.unit)}">`,
    `<th scope="row">${escapeHtml(names.unit(u.unit))}</th>`,
    standingCells(u, "old", effect, names),
    standingCells(u, "new", effect, names),
    ...changeCells(u, names),
    "</tr>",
  ].join("");
}

/** Total, rank and zone of one side; a unit that side did not rate says why, across the three cells. */
function standingCells(u: UnitEffect, side: Side, effect: RankingEffect, names: CompareNames): string {
  const s = u[side];
  const version = names[side].version;
  if (!s) {
    const tooLittle = (side === "old" ? effect.notRatedOld : effect.notRatedNew).includes(u.unit);
    const why = label(tooLittle ? "compareTooLittleData" : "compareNotRatedUnder", names.lang, { version });
    return `<td colspan="3" class="absent">${escapeHtml(why)}</td>`;
  }
  return [
    `<td class="num">${names.total(s.score, side)}</td>`,
    `<td class="num">${rankText(s.rank, names.lang)}</td>`,
    `<td>${gradeBadge(names.grade(s.grade, side))}</td>`,
  ].join("");
}

/** The change of total and of rank; blank when one version did not rate the unit (nothing to compare). */
function changeCells(u: UnitEffect, names: CompareNames): string[] {
  if (u.scoreChange === undefined || u.rankChange === undefined) return ["<td></td>", "<td></td>"];
  const total = names.change(u.scoreChange);
  const rank = rankChange({ rankChange: u.rankChange }, names.lang);
  return [
    `<td class="num change ${total.kind}">${total.text}</td>`,
    `<td class="change ${rank.kind}" title="${escapeHtml(rank.words)}"><span aria-hidden="true">${rank.symbol}</span><span class="sr-only">${escapeHtml(rank.words)}</span></td>`,
  ];
}

function section(id: string, title: string, body: string, note = ""): string {
  return [
    `<h3 id="${id}">${escapeHtml(title)}</h3>`,
    ...(note ? [`<p class="note">${escapeHtml(note)}</p>`] : []),
    body,
  ].join("\n");
}

function none(names: CompareNames): string {
  return `<p>${escapeHtml(label("compareNone", names.lang))}</p>`;
}

function moversTable(effect: RankingEffect, names: CompareNames): string {
  const { lang } = names;
  const byUnit = new Map(effect.units.map((u) => [u.unit, u]));
  const rows = effect.movers.flatMap((id) => {
    const u = byUnit.get(id);
    if (!u?.old || !u.new) return [];
    const rank = rankChange({ rankChange: u.rankChange }, lang);
    const total = names.change(u.scoreChange ?? 0);
    return [
      [
        `<tr data-unit="${escapeHtml(id)}"><th scope="row">${escapeHtml(names.unit(id))}</th>`,
        `<td class="num">${rankText(u.old.rank, lang)} → ${rankText(u.new.rank, lang)}</td>`,
        `<td class="change ${rank.kind}" title="${escapeHtml(rank.words)}">${rank.symbol}</td>`,
        `<td class="num change ${total.kind}">${total.text}</td>`,
        `<td>${escapeHtml(blocksMoved(u, names))}</td></tr>`,
      ].join(""),
    ];
  });
  const head = [
    th(label("unit", lang)),
    th(label("rank", lang), ' class="num"'),
    th(label("compareRankChange", lang), ' class="change"'),
    th(label("compareTotalChange", lang), ' class="num"'),
    th(label("blockScores", lang)),
  ].join("");
  const table = `<table class="movers">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`;
  return section(
    "movers",
    label("compareMovers", lang),
    rows.length > 0 ? table : none(names),
    label("compareMoversNote", lang),
  );
}

/** The three blocks whose points changed most for the unit, by name with the change. */
function blocksMoved(u: UnitEffect, names: CompareNames): string {
  return Object.entries(u.blocks)
    .filter(([, b]) => b.change !== 0)
    .sort(([a, x], [b, y]) => compareNumbers(Math.abs(y.change), Math.abs(x.change)) || (a < b ? -1 : 1))
    .slice(0, 3)
    .map(([block, b]) => `${names.block(block)} ${names.change(b.change).text}`)
    .join("; ");
}

function zoneTable(effect: RankingEffect, names: CompareNames): string {
  const { lang } = names;
  const byUnit = new Map(effect.units.map((u) => [u.unit, u]));
  const rows = effect.zoneChanges.map((z) => {
    const u = byUnit.get(z.unit);
    const totals = u?.old && u.new ? `${names.total(u.old.score, "old")} → ${names.total(u.new.score, "new")}` : "";
    return [
      `<tr data-unit="${escapeHtml(z.unit)}"><th scope="row">${escapeHtml(names.unit(z.unit))}</th>`,
      `<td>${gradeBadge(names.grade(z.from, "old"))} → ${gradeBadge(names.grade(z.to, "new"))}</td>`,
      `<td class="num">${totals}</td></tr>`,
    ].join("");
  });
  const head = `${th(label("unit", lang))}${th(label("grade", lang))}${th(label("total", lang), ' class="num"')}`;
  const table = `<table class="zones">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`;
  return section("zones", label("compareZoneChanges", lang), rows.length > 0 ? table : none(names));
}

/** Units one version rates only, and units left unrated for too little data, by version. */
function onlyLists(effect: RankingEffect, names: CompareNames): string {
  const { lang } = names;
  const list = (key: "compareOnlyIn" | "compareNotRatedIn", ids: readonly string[], version: string) =>
    ids.length === 0
      ? ""
      : [
          `<p>${escapeHtml(label(key, lang, { version }))}:</p>`,
          `<ul class="units">${ids.map((id) => `<li data-unit="${escapeHtml(id)}">${escapeHtml(names.unit(id))}</li>`).join("")}</ul>`,
        ].join("\n");
  return [
    list("compareOnlyIn", effect.onlyOld, names.old.version),
    list("compareOnlyIn", effect.onlyNew, names.new.version),
    list("compareNotRatedIn", effect.notRatedOld, names.old.version),
    list("compareNotRatedIn", effect.notRatedNew, names.new.version),
  ]
    .filter((part) => part !== "")
    .join("\n");
}
