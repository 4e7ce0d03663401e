import type { Lang, Ruleset } from "../model/ruleset.js";
import type { TargetReport } from "../whatif/target.js";
import { escapeHtml } from "./html-escape.js";
import { localNumber } from "./number-format.js";
import { changeLine, inputName, notProposed, proposalText, standing, targetText, W } from "./target-words.js";

/**
 * The "what it takes" section of a unit's explain page (`tarazy explain --format html`): the standing now,
 * a table of the single changes (regional-level indicators listed, not proposed), the plan and the plan's
 * changes rated together. The words are those of the text output (target-words.ts), so the two never differ.
 */
export function targetSectionHtml(r: TargetReport, ruleset: Ruleset, lang: Lang): string {
  const e = escapeHtml;
  const out = [
    `<section id="what-it-takes" aria-labelledby="what-it-takes-h">`,
    `<h2 id="what-it-takes-h">${e(`${W.title[lang]}: ${targetText(r.target, ruleset, lang)}`)}</h2>`,
    `<p>${e(`${W.now[lang]}: ${standing(r.current, ruleset, lang)}`)}</p>`,
  ];
  if (r.reached) return [...out, `<p>${e(W.reached[lang])}</p>`, "</section>"].join("\n");
  const head = [W.indicator, W.input, W.now, W.proposal].map((w) => `<th scope="col">${e(w[lang])}</th>`).join("");
  out.push(
    `<div class="table-wrap" role="region" tabindex="0" aria-label="${e(W.alone[lang])}"><table class="detail">`,
    `<caption>${e(W.alone[lang])}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    "<tbody>",
  );
  for (const i of r.indicators) {
    for (const c of i.inputs)
      out.push(
        `<tr><td>${e(c.indicator)}</td><td>${e(inputName(c, ruleset, lang))}</td><td class="num">${e(localNumber(c.from, lang))}</td><td>${e(proposalText(c, ruleset, lang))}</td></tr>`,
      );
    for (const not of notProposed(i, lang)) {
      const text = `${not.fields.length ? `${not.fields.join(", ")} — ` : ""}${not.why}`;
      out.push(`<tr class="regional"><td>${e(i.id)}</td><td colspan="3">${e(text)}</td></tr>`);
    }
  }
  out.push("</tbody></table></div>", `<h3>${e(W.plan[lang])}</h3>`, "<ol>");
  for (const c of r.plan) out.push(`<li>${e(changeLine(c, ruleset, lang))}</li>`);
  out.push("</ol>");
  if (r.planAfter) out.push(`<p>${e(`${W.together[lang]}: ${standing(r.planAfter, ruleset, lang)}`)}</p>`);
  if (!r.planReaches) out.push(`<p><strong>${e(W.unreachable[lang])}</strong></p>`);
  out.push("</section>");
  return out.join("\n");
}
