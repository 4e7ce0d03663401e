import type { Lang, Ruleset } from "../model/ruleset.js";
import { localize, localizeMeasure } from "../report/labels.js";
import { localNumber } from "../report/number-format.js";
import type { InputChange, Standing, Target, TargetReport } from "../whatif/target.js";

/** The words of `tarazy explain --target`, in the three languages (no English in kk/ru). */
const W = {
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
  regional: {
    kk: "өңірлік деңгейде қалыптасады, ұсынылмайды",
    ru: "формируется на уровне региона, не предлагается",
    en: "formed at the regional level, not proposed",
  },
  most: { kk: "ең көбі", ru: "самое большее", en: "at most" },
  together: {
    kk: "Жоспардың барлық өзгерісі бірге бағаланды",
    ru: "Все изменения плана, оценённые вместе",
    en: "All the plan's changes rated together",
  },
  inverted: { kk: "әдіс кері есептелді", ru: "метод обращён", en: "method inverted" },
  searched: { kk: "іздеумен табылды", ru: "найдено поиском", en: "found by search" },
  unreachable: {
    kk: "Мақсатқа бөлімшенің өз деректерімен жету мүмкін емес.",
    ru: "Цель недостижима за счёт собственных данных единицы.",
    en: "The target cannot be reached by the unit's own inputs.",
  },
} as const;

function num(x: number, lang: Lang): string {
  return localNumber(x, lang);
}

function targetText(t: Target, ruleset: Ruleset, lang: Lang): string {
  if (t.kind === "rank") return `${W.rank[lang]} ${t.rank}`;
  const g = ruleset.grades.find((x) => x.id === t.grade);
  return g ? localize(g.label, lang) || g.id : t.grade;
}

function standing(s: Standing, ruleset: Ruleset, lang: Lang): string {
  const g = ruleset.grades.find((x) => x.id === s.grade);
  return `${W.total[lang]} ${num(s.total, lang)}, ${W.rank[lang]} ${num(s.rank, lang)}, ${g ? localize(g.label, lang) || g.id : s.grade}`;
}

function changeLine(c: InputChange, ruleset: Ruleset, lang: Lang): string {
  const field = ruleset.fields.find((f) => f.id === c.field);
  const name = field ? localize(field.name, lang) || c.field : c.field;
  const measure = field ? localizeMeasure(field, lang) : c.measure;
  const head = `${c.indicator} · ${name} (${measure}): ${num(c.from, lang)}`;
  const move = (to: number, d: number, after: Standing) =>
    `→ ${num(to, lang)} (${d > 0 ? "+" : "−"}${num(Math.abs(d), lang)}; ${W[c.how][lang]}) ⇒ ${standing(after, ruleset, lang)}`;
  if (c.to !== undefined && c.change !== undefined && c.after) return `${head} ${move(c.to, c.change, c.after)}`;
  const most = c.most ? `; ${W.most[lang]} ${move(c.most.to, c.most.change, c.most.after)}` : "";
  return `${head} — ${W.none[lang]}${most}`;
}

/** The report as text: the standing now, each single change, the regional inputs, and the plan. */
export function renderTarget(r: TargetReport, ruleset: Ruleset, lang: Lang): string {
  const out = [
    `${W.title[lang]}: ${r.unit} → ${targetText(r.target, ruleset, lang)}`,
    `${W.now[lang]}: ${standing(r.current, ruleset, lang)}`,
  ];
  if (r.reached) return `${[...out, W.reached[lang]].join("\n")}\n`;
  out.push("", `${W.alone[lang]}:`);
  for (const i of r.indicators) {
    for (const c of i.inputs) out.push(`  ${changeLine(c, ruleset, lang)}`);
    if (!i.controlled || i.regional.length > 0)
      out.push(`  ${i.id}${i.regional.length ? ` (${i.regional.join(", ")})` : ""} — ${W.regional[lang]}`);
  }
  out.push("", `${W.plan[lang]}:`);
  for (const [n, c] of r.plan.entries()) out.push(`  ${n + 1}. ${changeLine(c, ruleset, lang)}`);
  if (r.planAfter) out.push(`${W.together[lang]}: ${standing(r.planAfter, ruleset, lang)}`);
  if (!r.planReaches) out.push(W.unreachable[lang]);
  return `${out.join("\n")}\n`;
}
