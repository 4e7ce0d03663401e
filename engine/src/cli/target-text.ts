import type { Lang, Ruleset } from "../model/ruleset.js";
import { changeLine, notProposed, standing, targetText, W } from "../report/target-words.js";
import type { TargetReport } from "../whatif/target.js";

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
    for (const not of notProposed(i, lang))
      out.push(`  ${i.id}${not.fields.length ? ` (${not.fields.join(", ")})` : ""} — ${not.why}`);
  }
  out.push("", `${W.plan[lang]}:`);
  for (const [n, c] of r.plan.entries()) out.push(`  ${n + 1}. ${changeLine(c, ruleset, lang)}`);
  if (r.planAfter) out.push(`${W.together[lang]}: ${standing(r.planAfter, ruleset, lang)}`);
  if (!r.planReaches) out.push(W.unreachable[lang]);
  return `${out.join("\n")}\n`;
}
