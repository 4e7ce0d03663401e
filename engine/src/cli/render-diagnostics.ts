import { diagnosticHelpUri } from "../diagnostics/catalog.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { compareDiagnostics } from "../diagnostics/order.js";
import type { SourceText } from "../source/range.js";
import { showControls } from "../util/control-characters.js";
import { fill } from "../util/fill.js";
import { DIAGNOSTIC_WORDS } from "./diagnostic-words.js";

/** Looks up a file's text to show the offending line; undefined when it cannot be read. */
export type SourceLookup = (file: string | undefined) => SourceText | undefined;

/**
 * A diagnostic as a person reads it in a terminal:
 *
 *   rules/x/blocks/01.yaml:12:19: error F101: this parenthesis opened at column 12 is never closed
 *      12 |     formula: (a + b * 2
 *         |              ^^^^^^^^^^
 *     = suggestion: add `)` at the end
 *     = docs: docs/diagnostics.md#f101
 */
export function renderDiagnostic(d: Diagnostic, lookup: SourceLookup, words = DIAGNOSTIC_WORDS.en): string {
  const { line, column } = d.range.start;
  const where = `${d.file ?? "<formula>"}:${line}:${column}`;
  const out = [`${where}: ${words[d.severity]} ${d.code}: ${d.message}`];
  const source = lookup(d.file);
  if (source) {
    const text = source.lineText(line);
    const gutter = String(line).length;
    const endColumn = d.range.end.line === line ? d.range.end.column : text.length + 1;
    const shown = excerptWindow(text, column, endColumn);
    out.push(`  ${String(line)} | ${shown.text}`);
    out.push(`  ${" ".repeat(gutter)} | ${" ".repeat(shown.caret)}${"^".repeat(shown.width)}`);
  }
  for (const r of d.related ?? []) {
    out.push(
      `  = note: ${r.message} (${r.file ?? d.file ?? "<formula>"}:${r.range.start.line}:${r.range.start.column})`,
    );
  }
  if (d.suggestion) out.push(`  = ${words.suggestion}: ${d.suggestion}`);
  out.push(`  = ${words.docs}: ${diagnosticHelpUri(d.code)}`);
  return out.join("\n");
}

/** The widest excerpt printed: a 500 KB formula on one line must not print 500 KB for each of its errors. */
export const EXCERPT_WIDTH = 120;

/**
 * The part of a source line shown under a diagnostic: the whole line when it is short, else a window of
 * EXCERPT_WIDTH characters around the column, cut with … at either end. Control characters are shown as
 * one visible sign each. `caret` is where the ^ starts in the shown text, `width` how many.
 */
export function excerptWindow(
  line: string,
  column: number,
  endColumn: number,
): { text: string; caret: number; width: number } {
  const start = Math.max(0, column - 1);
  const width = Math.max(1, endColumn - column);
  if (line.length <= EXCERPT_WIDTH) return { text: showControls(line), caret: start, width };
  const from = Math.max(0, Math.min(start - EXCERPT_WIDTH / 4, line.length - EXCERPT_WIDTH));
  const to = Math.min(line.length, from + EXCERPT_WIDTH);
  const head = from > 0 ? "…" : "";
  const tail = to < line.length ? "…" : "";
  const caret = start - from + head.length;
  return {
    text: `${head}${showControls(line.slice(from, to))}${tail}`,
    caret,
    width: Math.max(1, Math.min(width, to - start + tail.length)),
  };
}

/** From this many diagnostics of one kind on, the first is shown in full and the others as places. */
export const GROUP_FROM = 4;
/** How many further places a group lists before "and N more". */
export const GROUP_PLACES = 5;

/**
 * The message with what differs between occurrences of one problem (quoted names, numbers) blanked out:
 * "unknown unit 'arysh'" and "unknown unit 'ariss'" are the same error at two places.
 */
function messageShape(message: string): string {
  return message.replace(/`[^`]*`|'[^']*'|"[^"]*"|\d+(?:[.,]\d+)?/g, "#");
}

function place(d: Diagnostic): string {
  return `${d.file ?? "<formula>"}:${d.range.start.line}:${d.range.start.column}`;
}

/**
 * Every diagnostic (root causes first, then by file and position), then a summary line. The same error at
 * many places (one per unit, one per cell) is shown once in full, followed by how many more places have it
 * and the first few of them; the summary still counts every one.
 */
export function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  lookup: SourceLookup,
  words = DIAGNOSTIC_WORDS.en,
): string {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const errors = sorted.filter((d) => d.severity === "error").length;
  const warnings = sorted.filter((d) => d.severity === "warning").length;
  const groups = new Map<string, Diagnostic[]>();
  for (const d of sorted) {
    const key = `${d.code}\u0000${d.severity}\u0000${messageShape(d.message)}\u0000${d.suggestion ?? ""}`;
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  const blocks: string[] = [];
  for (const group of groups.values()) {
    const [first, ...rest] = group as [Diagnostic, ...Diagnostic[]];
    if (group.length < GROUP_FROM) {
      blocks.push(...group.map((d) => renderDiagnostic(d, lookup, words)));
      continue;
    }
    // A place in the same file as the one before it is written line:column only.
    const shown = rest
      .slice(0, GROUP_PLACES)
      .map((d, i) => {
        const before = i === 0 ? first : rest[i - 1];
        return before?.file === d.file ? `${d.range.start.line}:${d.range.start.column}` : place(d);
      })
      .join(", ");
    const more = rest.length > GROUP_PLACES ? fill(words.more, { n: rest.length - GROUP_PLACES }) : "";
    const same = { severity: words[first.severity], n: rest.length, places: shown, more };
    const note = `  = ${fill(words.same, same)}`;
    const full = renderDiagnostic(first, lookup, words).split("\n");
    // The places go before the docs line, which stays last.
    blocks.push([...full.slice(0, -1), note, ...full.slice(-1)].join("\n"));
  }
  const body = blocks.join("\n\n");
  const summary = words.summary(errors, warnings);
  return body ? `${body}\n\n${summary}\n` : `${summary}\n`;
}
