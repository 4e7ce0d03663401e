import { isAbsolute, relative, sep } from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";

/** A path as output shows it: relative to the current directory, with / on every system. */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file.split(sep).join("/");
  const rel = relative(cwd, file);
  // A file outside the working folder: the shorter of the climb (../2026.1) and the absolute path, so a file
  // in /tmp is not named ../../../tmp/x.
  const outside = rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  if (outside && file.length < rel.length) return file.split(sep).join("/");
  return (rel === "" ? "." : rel).split(sep).join("/");
}

/** The diagnostic with every file (its own, related locations', fix edits') relative to `cwd`. */
export function relativeDiagnostic(d: Diagnostic, cwd: string): Diagnostic {
  const show = (f: string | undefined) => (f === undefined ? undefined : displayPath(f, cwd));
  return {
    ...d,
    ...(d.file !== undefined ? { file: show(d.file) } : {}),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, ...(r.file ? { file: show(r.file) } : {}) })) } : {}),
    ...(d.fix
      ? { fix: { ...d.fix, edits: d.fix.edits.map((e) => ({ ...e, ...(e.file ? { file: show(e.file) } : {}) })) } }
      : {}),
  };
}

export interface DiagnosticCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  return {
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warning").length,
    infos: diagnostics.filter((d) => d.severity === "info").length,
  };
}
