import { gradeById } from "../model/grades.js";
import type { Lang, Ruleset } from "../model/ruleset.js";
import { fill } from "../util/fill.js";
import type { InputChange, Standing, Target, TargetIndicator } from "../whatif/target.js";
import { localize, localizeMeasure } from "./labels.js";
import { formatNumber, localNumber, totalDecimals } from "./number-format.js";

/** The words of `tarazy explain --target` (text and HTML), in the three languages (no English in kk/ru). */
export const W = {
  title: { kk: "Мақсатқа не керек", ru: "Что нужно для цели", en: "What it takes" },
  rank: { kk: "орын", ru: "место", en: "rank" },
  grade: { kk: "аймақ", ru: "зона", en: "grade" },
  total: { kk: "жиынтық", ru: "итог", en: "total" },
  now: { kk: "қазір", ru: "сейчас", en: "now" },
  reached: {
    kk: "Мақсатқа жеткен: өзгеріс қажет емес.",
    ru: "Цель уже достигнута: изменений не нужно.",
    en: "The target is already reached: no change is needed.",
  },
  alone: {
    kk: "Жалғыз өзгерістер (басқалары тұрақты)",
    ru: "Отдельные изменения (всё прочее неизменно)",
    en: "Single changes (everything else held fixed)",
  },
  plan: { kk: "Жоспар (ең арзан өзгерістер)", ru: "План (самые дешёвые изменения)", en: "Plan (cheapest changes)" },
  none: {
    kk: "бұл дерек жалғыз өзі жеткізбейді",
    ru: "одним этим показателем не достичь",
    en: "cannot reach the target alone",
  },
  full: {
    kk: "көрсеткіш ұпайы толық: бұл дерек оны көтермейді",
    ru: "показатель уже на полном балле: эти данные его не поднимут",
    en: "already at the full score: this input cannot raise it",
  },
  regional: {
    kk: "өңірлік деңгейде қалыптасады, ұсынылмайды",
    ru: "формируется на уровне региона, не предлагается",
    en: "formed at the regional level, not proposed",
  },
  heldPlan: {
    kk: "бұл — жоспар, ол өзгертілмейді",
    ru: "это план, он не меняется",
    en: "a plan, held fixed",
  },
  yearToDate: { kk: "жыл басынан бері", ru: "с начала года", en: "year to date" },
  inPeriod: { kk: "{p} ішінде", ru: "в {p}", en: "in {p}" },
  runningTotal: {
    kk: "{m} жинақталған жиынында",
    ru: "в нарастающем итоге за {m}",
    en: "the running total reported for {m}",
  },
  editMonth: { kk: "{m} мәні {a} → {b}", ru: "значение за {m} {a} → {b}", en: "the value for {m} {a} → {b}" },
  editRunning: { kk: "жинақталған жиыны {a} → {b}", ru: "нарастающий итог {a} → {b}", en: "running total {a} → {b}" },
  most: { kk: "ең көбі", ru: "самое большее", en: "at most" },
  together: {
    kk: "Жоспардың барлық өзгерісі бірге бағаланды",
    ru: "Все изменения плана, оценённые вместе",
    en: "All the plan's changes rated together",
  },
  inverted: { kk: "әдіс кері есептелді", ru: "метод обращён", en: "method inverted" },
  searched: { kk: "іздеумен табылды", ru: "найдено поиском", en: "found by search" },
  indicator: { kk: "көрсеткіш", ru: "показатель", en: "indicator" },
  input: { kk: "дерек", ru: "данные", en: "input" },
  proposal: { kk: "өзгеріс", ru: "изменение", en: "change" },
  unreachable: {
    kk: "Мақсатқа бағаланушының өз деректерімен жету мүмкін емес.",
    ru: "Цель недостижима за счёт собственных данных единицы.",
    en: "The target cannot be reached by the unit's own inputs.",
  },
} as const;

function num(x: number, lang: Lang): string {
  return localNumber(x, lang);
}

export function targetText(t: Target, ruleset: Ruleset, lang: Lang): string {
  if (t.kind === "rank") return `${W.rank[lang]} ${t.rank}`;
  const g = gradeById(ruleset, t.grade);
  return g ? localize(g.label, lang) || g.id : t.grade;
}

export function standing(s: Standing, ruleset: Ruleset, lang: Lang): string {
  const g = gradeById(ruleset, s.grade);
  // A rating without grades (the GII) has none to name ("" in the standing).
  const grade = s.grade === "" ? "" : `, ${g ? localize(g.label, lang) || g.id : s.grade}`;
  // The total as the rating shows it (its display decimals): the search's 79.1850000000056 reads 79.19.
  const total = formatNumber(s.total, lang, totalDecimals(ruleset.rank));
  return `${W.total[lang]} ${total}, ${W.rank[lang]} ${num(s.rank, lang)}${grade}`;
}

/**
 * "Revenue (mln KZT)": the input's name and measure in the language; "…, year to date" when the indicator
 * reads its total since January.
 */
export function inputName(c: InputChange, ruleset: Ruleset, lang: Lang): string {
  const field = ruleset.fields.find((f) => f.id === c.field);
  const name = field ? localize(field.name, lang) || c.field : c.field;
  return `${name} (${field ? localizeMeasure(field, lang) : c.measure})${c.yearToDate ? `, ${W.yearToDate[lang]}` : ""}`;
}

/**
 * "→ 70 (+20; found by search) ⇒ total 68, rank 2, Yellow zone"; a year-to-date total says in which period
 * the change is made and as which data edit: "→ 5 (+2 in 2026-Q3: the value for 2026-09 1 → 3, running total
 * 3 → 5; …)".
 */
function moveText(c: InputChange, to: number, d: number, after: Standing, ruleset: Ruleset, lang: Lang, edit = c.edit) {
  const where = c.yearToDate ? ` ${fill(W.inPeriod[lang], { p: c.period })}${editText(c, edit, lang)}` : "";
  return `→ ${num(to, lang)} (${d > 0 ? "+" : "−"}${num(Math.abs(d), lang)}${where}; ${W[c.how][lang]}) ⇒ ${standing(after, ruleset, lang)}`;
}

/** The data edit of a year-to-date change: the month's value and, cumulative, its running total. */
function editText(c: InputChange, e: InputChange["edit"], lang: Lang): string {
  if (!e) return c.reportedIn ? `, ${fill(W.runningTotal[lang], { m: c.reportedIn })}` : "";
  const pair = (x: { from: number; to: number }) => ({ a: num(x.from, lang), b: num(x.to, lang) });
  const running = e.runningTotal ? `, ${fill(W.editRunning[lang], pair(e.runningTotal))}` : "";
  return `: ${fill(W.editMonth[lang], { m: e.period, ...pair(e) })}${running}`;
}

/** The change proposed, or that none alone reaches (and how far the input goes at most). */
export function proposalText(c: InputChange, ruleset: Ruleset, lang: Lang): string {
  if (c.to !== undefined && c.change !== undefined && c.after)
    return moveText(c, c.to, c.change, c.after, ruleset, lang);
  const most = c.most
    ? `; ${W.most[lang]} ${moveText(c, c.most.to, c.most.change, c.most.after, ruleset, lang, c.most.edit)}`
    : "";
  return `— ${c.full ? W.full[lang] : W.none[lang]}${most}`;
}

export function changeLine(c: InputChange, ruleset: Ruleset, lang: Lang): string {
  return `${c.indicator} · ${inputName(c, ruleset, lang)}: ${num(c.from, lang)} ${proposalText(c, ruleset, lang)}`;
}

/**
 * Why some of an indicator's inputs are listed but not proposed: inputs formed at the regional level (named;
 * a regional indicator reading none of the unit's fields is said to be so), and the plans it reads, held fixed.
 */
export function notProposed(
  i: TargetIndicator,
  lang: Lang,
): readonly { readonly fields: readonly string[]; readonly why: string }[] {
  const out: { fields: readonly string[]; why: string }[] = [];
  if (i.regional.length > 0) out.push({ fields: i.regional, why: W.regional[lang] });
  else if (!i.controlled) out.push({ fields: [], why: W.regional[lang] });
  if (i.plans?.length) out.push({ fields: i.plans, why: W.heldPlan[lang] });
  return out;
}
