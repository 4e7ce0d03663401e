import type { Scalar } from "yaml";
import type { ScalarFacts } from "./yaml-document.js";

/**
 * Where each character of a YAML string scalar's value sits in the file, so that a formula's errors point
 * at the exact column in the YAML file, whichever way the formula was written (plain, quoted, block).
 *
 * The value is aligned with the scalar's source text: equal characters match; the source's extra white
 * space (indentation, folded line breaks) is skipped; a whitespace character of the value matches the next
 * whitespace of the source (folding turns a line break into a space); an escape (\" \\ \t \u0041) maps to
 * its backslash; a doubled '' maps to one quote. When no alignment exists, undefined: the caller says the
 * positions are approximate.
 *
 * The result has value.length + 1 entries; the last is the offset just after the value's last character.
 */
export function scalarOffsets(text: string, node: ScalarFacts): number[] | undefined {
  const value = node.value;
  if (typeof value !== "string" || !node.range) return undefined;
  const [start, end] = node.range;
  const content = contentStart(text, node.type, start);
  if (content === undefined) return undefined;
  const quoteEnd = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE" ? end - 1 : end;
  return align(text, content, quoteEnd, value, node.type);
}

/** Where the value's characters begin: after the opening quote, or after a block scalar's header line. */
function contentStart(text: string, type: Scalar["type"], start: number): number | undefined {
  if (type === "QUOTE_DOUBLE" || type === "QUOTE_SINGLE") return start + 1;
  if (type === "BLOCK_LITERAL" || type === "BLOCK_FOLDED") {
    const newline = text.indexOf("\n", start);
    return newline < 0 ? undefined : newline + 1;
  }
  return start;
}

const isSpace = (ch: string | undefined) => ch === " " || ch === "\t" || ch === "\n" || ch === "\r";

function align(text: string, from: number, to: number, value: string, type: Scalar["type"]): number[] | undefined {
  const map: number[] = [];
  let s = from;
  for (let v = 0; v < value.length; v++) {
    const ch = value[v];
    if (isSpace(ch)) {
      // A value space matches source white space, or an escape such as \t or \n in a double-quoted scalar.
      if (type === "QUOTE_DOUBLE" && text[s] === "\\" && text[s + 1] !== "\n" && text[s + 1] !== "\r") {
        map.push(s);
        s += escapeLength(text, s);
        continue;
      }
      s = skipEscapedBreaks(text, s, type);
      if (!isSpace(text[s]) || s >= to) return undefined;
      map.push(s);
      s++;
      continue;
    }
    s = skipEscapedBreaks(text, s, type);
    while (s < to && isSpace(text[s])) s = skipEscapedBreaks(text, s + 1, type);
    if (s >= to) return undefined;
    if (type === "QUOTE_DOUBLE" && text[s] === "\\") {
      map.push(s);
      s += escapeLength(text, s);
      continue;
    }
    if (text[s] !== ch) {
      // Characters outside the BMP are two UTF-16 units in both strings, so they match unit by unit.
      return undefined;
    }
    map.push(s);
    s += type === "QUOTE_SINGLE" && ch === "'" && text[s + 1] === "'" ? 2 : 1;
  }
  map.push(s);
  return map;
}

/** In a double-quoted scalar a backslash before a line break joins the lines: skip it and the indentation. */
function skipEscapedBreaks(text: string, s: number, type: Scalar["type"]): number {
  let i = s;
  while (type === "QUOTE_DOUBLE" && text[i] === "\\" && (text[i + 1] === "\n" || text[i + 1] === "\r")) {
    i += text[i + 1] === "\r" && text[i + 2] === "\n" ? 3 : 2;
    while (text[i] === " " || text[i] === "\t") i++;
  }
  return i;
}

function escapeLength(text: string, s: number): number {
  const kind = text[s + 1];
  if (kind === "x") return 4;
  if (kind === "u") return 6;
  if (kind === "U") return 10;
  return 2;
}
