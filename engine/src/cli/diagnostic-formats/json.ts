import { diagnosticHelpUri } from "../../diagnostics/catalog.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Range } from "../../source/range.js";
import { countDiagnostics } from "./relative.js";

/** A range as JSON output gives it: 1-based lines and columns, end exclusive. */
function span(range: Range) {
  return {
    line: range.start.line,
    column: range.start.column,
    endLine: range.end.line,
    endColumn: range.end.column,
  };
}

/** One diagnostic as plain JSON, for scripts and other tools (`--format json`). */
export function diagnosticJson(d: Diagnostic) {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.file !== undefined ? { file: d.file } : {}),
    ...span(d.range),
    ...(d.related?.length
      ? {
          related: d.related.map((r) => ({
            message: r.message,
            ...(r.file ? { file: r.file } : {}),
            ...span(r.range),
          })),
        }
      : {}),
    ...(d.suggestion ? { suggestion: d.suggestion } : {}),
    ...(d.fix
      ? {
          fix: {
            title: d.fix.title,
            edits: d.fix.edits.map((e) => ({
              ...(e.file ? { file: e.file } : {}),
              ...span(e.range),
              newText: e.newText,
            })),
          },
        }
      : {}),
    docs: diagnosticHelpUri(d.code),
  };
}

/** The whole report: diagnostics in order and their counts. */
export function diagnosticsJson(diagnostics: readonly Diagnostic[], extra: Record<string, unknown> = {}): string {
  const report = { ...extra, diagnostics: diagnostics.map(diagnosticJson), summary: countDiagnostics(diagnostics) };
  return `${JSON.stringify(report, null, 2)}\n`;
}
