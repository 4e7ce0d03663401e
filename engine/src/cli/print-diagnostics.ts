import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeDataBytes } from "../data/readers/decode.js";
import { diagnosticHelpUri } from "../diagnostics/catalog.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Lang } from "../model/ruleset.js";
import { SourceText } from "../source/range.js";
import { relativeDiagnostic } from "./diagnostic-formats/relative.js";
import { DIAGNOSTIC_WORDS } from "./diagnostic-words.js";
import type { CliIO } from "./io.js";
import { renderDiagnostics, type SourceLookup } from "./render-diagnostics.js";

/**
 * Source text for the caret line of a diagnostic: rule files and text data files, decoded as the data
 * readers decode them (BOM, UTF-16, Windows-1251); Excel workbooks have no lines to show.
 */
export function fileLookup(cwd: string): SourceLookup {
  const cache = new Map<string, SourceText | undefined>();
  return (file) => {
    if (!file || /\.xls[xm]$/i.test(file)) return undefined;
    if (!cache.has(file)) {
      let source: SourceText | undefined;
      try {
        const decoded = decodeDataBytes(readFileSync(path.resolve(cwd, file)));
        source = decoded.ok ? new SourceText(decoded.text) : undefined;
      } catch {
        source = undefined;
      }
      cache.set(file, source);
    }
    return cache.get(file);
  };
}

/**
 * Prints diagnostics on stderr with paths relative to the working folder. When nothing is wrong (only
 * notes), each note is one line, so that a clean run's output starts with its result. `lang`: the words
 * around the messages, for diagnostics whose messages are in that language (the audit's findings).
 */
export function printDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[], lang: Lang = "en"): void {
  const words = DIAGNOSTIC_WORDS[lang];
  // A problem with the command line itself (an unknown rating or unit) has no file to point into.
  for (const d of diagnostics.filter((x) => x.file === undefined)) {
    const lines = [`tarazy: ${words[d.severity]} ${d.code}: ${d.message}`];
    if (d.suggestion) lines.push(`  = ${words.suggestion}: ${d.suggestion}`);
    lines.push(`  = ${words.docs}: ${diagnosticHelpUri(d.code)}`);
    io.stderr(`${lines.join("\n")}\n`);
  }
  const located = diagnostics.filter((x) => x.file !== undefined).map((d) => relativeDiagnostic(d, io.cwd));
  if (located.length === 0) return;
  if (located.every((d) => d.severity === "info")) {
    for (const d of located) {
      io.stderr(`${d.file}:${d.range.start.line}:${d.range.start.column}: ${words.note} ${d.code}: ${d.message}\n`);
    }
    return;
  }
  io.stderr(renderDiagnostics(located, fileLookup(io.cwd), words));
}
