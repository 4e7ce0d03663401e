import { diagnosticHelpUri } from "../diagnostics/catalog.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceText } from "../source/range.js";

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
    const width = Math.max(1, endColumn - column);
    out.push(`  ${String(line)} | ${text}`);
    out.push(`  ${" ".repeat(gutter)} | ${" ".repeat(Math.max(0, column - 1))}${"^".repeat(width)}`);
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
