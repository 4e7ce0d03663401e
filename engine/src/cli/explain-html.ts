import type { Lang, Ruleset } from "../model/ruleset.js";
import { htmlPage } from "../report/html.js";
import { escapeHtml } from "../report/html-escape.js";
import { targetSectionHtml } from "../report/target-html.js";
import type { ExplainTrace } from "../scoring/trace.js";
import { ENGINE_VERSION } from "../version.js";
import type { TargetReport } from "../whatif/target.js";
import { blockLine, headerLines, renderIndicator } from "./explain-text.js";

/**
 * A unit's explain as one self-contained page (`tarazy explain --format html`, docs/audit.md): the head
 * and each block's indicators as the text shows them (one renderer for both), then what it takes to reach
 * the target (--target, or by default one rank up; none for the first).
 */
export function explainHtml(
  t: ExplainTrace,
  target: TargetReport | undefined,
  ruleset: Ruleset,
  lang: Lang,
  cwd: string,
): string {
  const [title = "", ...head] = headerLines(t, lang);
  const blocks = t.blocks.map((b, k) => {
    const lines = b.indicators.flatMap((i) => [...renderIndicator(i, lang, cwd, ""), ""]);
    return [
      `<section id="block-${k + 1}" aria-labelledby="block-${k + 1}-h">`,
      `<h2 id="block-${k + 1}-h">${escapeHtml(blockLine(b, lang))}</h2>`,
      `<pre>${escapeHtml(lines.join("\n").trimEnd())}</pre>`,
      "</section>",
    ].join("\n");
  });
  const body = [
    "<header>",
    `<h1>${escapeHtml(title)}</h1>`,
    ...head.map((line) => `<p class="subtitle">${escapeHtml(line)}</p>`),
    "</header>",
    "<main>",
    ...(target ? [targetSectionHtml(target, ruleset, lang)] : []),
    ...blocks,
    "</main>",
  ].join("\n");
  return htmlPage({ lang, title, generator: `Tarazy ${ENGINE_VERSION}`, body });
}
