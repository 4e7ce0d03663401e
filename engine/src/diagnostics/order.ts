import { isRootCause } from "./catalog.js";
import type { Diagnostic } from "./diagnostic.js";

/**
 * The order diagnostics are shown in: root causes first (an unreadable file, an alias limit: what follows
 * from them comes after), then by file, position, code and message. Deterministic for goldens and CI.
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    Number(isRootCause(b.code)) - Number(isRootCause(a.code)) ||
    compareText(a.file ?? "", b.file ?? "") ||
    a.range.start.offset - b.range.start.offset ||
    // Data cells are placed by line and column (their offset is not kept).
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
