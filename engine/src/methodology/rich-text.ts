import type { Lang } from "../model/ruleset.js";
import { LABELS, type LabelKey } from "../report/labels.js";

/**
 * Text with formulas in it: plain strings and code pieces, so that Markdown can put the code in
 * backticks and HTML in <code> with the inputs explained, from one description of the document.
 */
export interface Code {
  readonly code: string;
}
export type RichPart = string | Code;
export type Rich = readonly RichPart[];

export function isCode(part: RichPart): part is Code {
  return typeof part !== "string";
}

/** A label whose parameters may be plain values, formulas, or rich text of their own. */
export function richLabel(
  key: LabelKey,
  lang: Lang,
  params: Readonly<Record<string, string | number | Code | Rich>> = {},
): Rich {
  const out: RichPart[] = [];
  const template = LABELS[key][lang];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    out.push(template.slice(last, m.index));
    const value = params[m[1] ?? ""];
    if (value === undefined) out.push(m[0]);
    else if (Array.isArray(value)) out.push(...(value as Rich));
    else out.push(typeof value === "object" ? (value as Code) : String(value));
    last = (m.index ?? 0) + m[0].length;
  }
  out.push(template.slice(last));
  return merge(out);
}

/** Joins rich pieces with a separator. */
export function joinRich(pieces: readonly Rich[], separator: string): Rich {
  return merge(pieces.flatMap((p, i) => (i === 0 ? [...p] : [separator, ...p])));
}

/** Adjacent strings merged, empty strings dropped: the same text always has the same parts. */
function merge(parts: readonly RichPart[]): Rich {
  const out: RichPart[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (typeof p === "string") {
      if (p === "") continue;
      if (typeof prev === "string") out[out.length - 1] = prev + p;
      else out.push(p);
    } else out.push(p);
  }
  return out;
}

export function plainText(rich: Rich): string {
  return rich.map((p) => (typeof p === "string" ? p : p.code)).join("");
}
