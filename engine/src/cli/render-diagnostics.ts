import { diagnosticHelpUri } from "../diagnostics/catalog.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceText } from "../source/range.js";
import { showControls } from "../util/control-characters.js";

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
export function renderDiagnostic(d: Diagnostic, lookup: SourceLookup): string {
  const { line, column } = d.range.start;
  const where = `${d.file ?? "<formula>"}:${line}:${column}`;
  const out = [`${where}: ${d.severity} ${d.code}: ${d.message}`];
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
  if (d.suggestion) out.push(`  = suggestion: ${d.suggestion}`);
  out.push(`  = docs: ${diagnosticHelpUri(d.code)}`);
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

/** Every diagnostic, sorted by file and position, then a summary line. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], lookup: SourceLookup): string {
  const sorted = [...diagnostics].sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") ||
      a.range.start.offset - b.range.start.offset ||
      a.code.localeCompare(b.code),
  );
  const errors = sorted.filter((d) => d.severity === "error").length;
  const warnings = sorted.filter((d) => d.severity === "warning").length;
  const body = sorted.map((d) => renderDiagnostic(d, lookup)).join("\n\n");
  const summary = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  return body ? `${body}\n\n${summary}\n` : `${summary}\n`;
}
