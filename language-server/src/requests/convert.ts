import type { Diagnostic, Range as EngineRange, Located, Provenance } from "@tarazy/engine";
import { type Location, ResponseError } from "vscode-languageserver";
import { pathToUri, toLspRange } from "../positions.js";
import type { PlainDiagnostic } from "./protocol.js";

const START: EngineRange = {
  start: { offset: 0, line: 1, column: 1 },
  end: { offset: 0, line: 1, column: 1 },
};

export function location(file: string, range: EngineRange = START): Location {
  return { uri: pathToUri(file), range: toLspRange(range) };
}

export function locatedToLocation(at: Located): Location {
  return location(at.file, at.range);
}

/** A data cell of a text file (CSV, TSV, JSON) as a zero-width location at its start; none for a sheet cell. */
export function cellLocation(cell: Provenance): Location | undefined {
  if (cell.sheet !== undefined) return undefined;
  const position = { line: Math.max(0, cell.row - 1), character: Math.max(0, cell.column - 1) };
  return { uri: pathToUri(cell.file), range: { start: position, end: position } };
}

export function plainDiagnostic(d: Diagnostic): PlainDiagnostic {
  const message = d.suggestion ? `${d.message} (${d.suggestion})` : d.message;
  return {
    code: d.code,
    severity: d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "info",
    message,
    ...(d.file ? { location: location(d.file, d.range) } : {}),
  };
}

/** Problems that stop a request, as one plain message (never a stack): the first errors with their places. */
export function failure(diagnostics: readonly Diagnostic[], what: string): ResponseError<void> {
  const errors = diagnostics.filter((d) => d.severity === "error").slice(0, 5);
  const lines = errors.map(
    (d) => `${d.file ? `${d.file}:${d.range.start.line}:${d.range.start.column}: ` : ""}${d.code} ${d.message}`,
  );
  return new ResponseError(1, [what, ...lines].join("\n"));
}

/** Bad parameters from the client, as a plain message. */
export function badRequest(message: string): ResponseError<void> {
  return new ResponseError(-32602, message);
}
