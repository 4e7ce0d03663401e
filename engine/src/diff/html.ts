import { changeDescriber } from "../methodology/changes.js";
import { richHtml } from "../methodology/html.js";
import type { Lang, Ruleset } from "../model/ruleset.js";
import { htmlPage } from "../report/html.js";
import { escapeHtml } from "../report/html-escape.js";
import { label, localize } from "../report/labels.js";
import { periodLabel } from "../report/period-label.js";
import { ENGINE_VERSION } from "../version.js";
import { effectHtml } from "./html-effect.js";
import { type CompareNames, compareNames } from "./html-names.js";
import { attributeChanges, type RankingEffect } from "./ranking-effect.js";
import type { RatedBoth } from "./rate-both.js";
import type { RulesetChange, RulesetDiff } from "./rules-diff.js";

/**
 * The compare page: one self-contained HTML file (the rating report's page, style, labels and number
 * format) with what changed between two versions, grouped by the block each change touches, and with
 * data the effect on one period's ranking. `tarazy diff --format html` writes it; the editors show it.
 * No dates and no randomness: the same input gives the same bytes.
 */
export interface ComparePageInput {
  readonly diff: RulesetDiff;
  readonly old: Ruleset;
  readonly new: Ruleset;
  readonly lang: Lang;
  /** With data: the effect of the change on one period's ranking (rankingEffect). */
  readonly effect?: RankingEffect;
  /** With data: per version, the fields without data in the period (rateBothVersions' leftOut). */
  readonly leftOut?: RatedBoth["leftOut"];
  /** Default: this engine's version. */
  readonly engineVersion?: string;
}

/** Styles of this page beyond the report's: the version column groups and the cells of units not rated. */
const COMPARE_CSS = `
th.version { text-align: center; border-bottom: 1px solid #b8c4d0; }
td.absent { color: var(--muted); font-style: italic; }
ul.changes { margin: 4px 0 12px; padding-left: 22px; } ul.changes li { margin: 2px 0; }
table.counts { width: auto; min-width: 320px; }
`;

export function compareHtml(input: ComparePageInput): string {
  const { lang, effect } = input;
  const names = compareNames(input.old, input.new, lang);
  const rulesetTitle = localize(input.new.title, lang) || input.new.id;
  const title = `${rulesetTitle}: ${input.old.version} → ${input.new.version}`;
  const sections = [
    ...(effect
      ? [section("effect", label("compareEffect", lang), effectBody(effect, input.leftOut ?? [], names))]
      : []),
    section("changes", label("compareRuleChanges", lang), changesBody(input, names)),
  ];
  const version = input.engineVersion ?? ENGINE_VERSION;
  const body = [
    "<header>",
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="subtitle">${escapeHtml(label("compareTitle", lang))} · ${escapeHtml(input.diff.old.id)} ${escapeHtml(input.old.version)} → ${escapeHtml(input.diff.new.id)} ${escapeHtml(input.new.version)}</p>`,
    "</header>",
    "<main>",
    ...sections,
    "</main>",
    footer(input, names, version),
  ].join("\n");
  return htmlPage({ lang, title, generator: `Tarazy ${version}`, css: COMPARE_CSS, body });
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h">\n<h2 id="${id}-h">${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

function ratingTitle(effect: RankingEffect, names: CompareNames): string {
  const title = (ruleset: Ruleset, id: string) =>
    localize(ruleset.ratings.find((r) => r.id === id)?.title, names.lang) || id;
  const after = title(names.new, effect.new.rating);
  return effect.old.rating === effect.new.rating ? after : `${title(names.old, effect.old.rating)} → ${after}`;
}

function effectBody(effect: RankingEffect, leftOut: RatedBoth["leftOut"], names: CompareNames): string {
  const { lang } = names;
  const note = label("compareEffectNote", lang, {
    rating: ratingTitle(effect, names),
    period: periodLabel(effect.period, lang),
  });
  const missing = leftOut.map(({ version, fields }) =>
    label("compareLeftOut", lang, { version, fields: fields.map(names.field).join(", ") }),
  );
  return `${[note, ...missing].map((n) => `<p class="note">${escapeHtml(n)}</p>`).join("\n")}\n${effectHtml(effect, names)}`;
}

// ── the rule changes ──

interface BlockChanges {
  readonly block: string;
  readonly inOld: boolean;
  readonly inNew: boolean;
  /** With data: the mean change of the block's points. */
  readonly meanChange?: number | null;
  readonly changes: readonly RulesetChange[];
}

/** The changes by block: the effect's attribution with data, else the same over every block of both versions. */
function changesByBlock(input: ComparePageInput): { blocks: BlockChanges[]; other: readonly RulesetChange[] } {
  if (input.effect) return { blocks: [...input.effect.blocks], other: input.effect.otherChanges };
  const oldIds = input.old.blocks.map((b) => b.id);
  const newIds = input.new.blocks.map((b) => b.id);
  const ids = [...newIds, ...oldIds.filter((id) => !newIds.includes(id))];
  const attribution = attributeChanges(input.diff.changes, ids, input.old, input.new);
  const blocks = ids.map((block) => ({
    block,
    inOld: oldIds.includes(block),
    inNew: newIds.includes(block),
    changes: attribution.byBlock.get(block) ?? [],
  }));
  return { blocks, other: attribution.other };
}

function changesBody(input: ComparePageInput, names: CompareNames): string {
  const { lang } = names;
  if (input.diff.changes.length === 0) return `<p>${escapeHtml(label("compareNoRuleChanges", lang))}</p>`;
  const describe = changeDescriber(input.old, input.new, lang);
  const list = (changes: readonly RulesetChange[]) =>
    changes.length === 0
      ? `<p class="note">${escapeHtml(label("compareNoRuleChange", lang))}</p>`
      : `<ul class="changes">${changes.map((c) => `<li class="${c.change}">${richHtml(describe(c))}</li>`).join("")}</ul>`;
  const { blocks, other } = changesByBlock(input);
  const parts = [countsTable(input.diff, lang), `<h3>${escapeHtml(label("compareByBlock", lang))}</h3>`];
  for (const b of blocks) {
    const only =
      b.inOld && b.inNew
        ? ""
        : ` (${label("compareBlockOnlyIn", lang, { version: b.inOld ? input.old.version : input.new.version })})`;
    parts.push(`<h4 data-block="${escapeHtml(b.block)}">${escapeHtml(`${names.block(b.block)}${only}`)}</h4>`);
    if (b.meanChange !== undefined && b.meanChange !== null)
      parts.push(
        `<p class="note">${escapeHtml(label("compareMeanChange", lang, { change: names.change(b.meanChange).text }))}</p>`,
      );
    parts.push(list(b.changes));
  }
  parts.push(`<h4>${escapeHtml(label("compareOther", lang))}</h4>`, list(other));
  return parts.join("\n");
}

const KINDS = [
  ["added", "compareAdded"],
  ["removed", "compareRemoved"],
  ["renamed", "compareRenamed"],
  ["changed", "compareChanged"],
] as const;

/** How many changes of each kind, the kinds there are. */
function countsTable(diff: RulesetDiff, lang: Lang): string {
  const rows = KINDS.map(([kind, key]) => [key, diff.changes.filter((c) => c.change === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `<tr><th scope="row">${escapeHtml(label(key, lang))}</th><td class="num">${n}</td></tr>`);
  const head = `<th scope="col">${escapeHtml(label("compareKind", lang))}</th><th scope="col" class="num">${escapeHtml(label("compareCount", lang))}</th>`;
  return `<table class="counts">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`;
}

// ── the foot of the page ──

function footer(input: ComparePageInput, names: CompareNames, version: string): string {
  const { lang, effect } = input;
  const side = (r: RulesetDiff["old"]) => `${escapeHtml(r.version)} <code>${escapeHtml(r.hash)}</code>`;
  const facts: [string, string][] = [
    [label("ruleset", lang), escapeHtml(input.diff.new.id)],
    [label("compareOldVersion", lang), side(input.diff.old)],
    [label("compareNewVersion", lang), side(input.diff.new)],
    ...(effect
      ? ([
          [label("rating", lang), escapeHtml(ratingTitle(effect, names))],
          [label("period", lang), escapeHtml(periodLabel(effect.period, lang))],
        ] as [string, string][])
      : []),
    [label("engine", lang), escapeHtml(version)],
  ];
  return [
    "<footer>",
    `<h2>${escapeHtml(label("about", lang))}</h2>`,
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join("")}</dl>`,
    `<p>${escapeHtml(label("generatedBy", lang, { version }))}</p>`,
    "</footer>",
  ].join("\n");
}
