import { diagnosticDoc, diagnosticHelpUri } from "../../diagnostics/catalog.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Range } from "../../source/range.js";

export interface SarifOptions {
  readonly toolVersion: string;
  /**
   * Absolute URI that docs/diagnostics.md is relative to (e.g. https://github.com/ORG/REPO/blob/main/), for each
   * rule's helpUri; SARIF wants absolute URIs. Without it, rules carry no helpUri.
   */
  readonly helpUriBase?: string;
}

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

/**
 * A SARIF 2.1.0 log (what GitHub code scanning and other tools read): one run of tarazy, its rules
 * described from the diagnostics catalog, one result per diagnostic. Paths stay as given (relative to the
 * repository root when run there); columns count UTF-16 code units, SARIF's default.
 */
export function sarifLog(diagnostics: readonly Diagnostic[], options: SarifOptions) {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const ruleIndex = new Map(codes.map((c, i) => [c, i] as const));
  const rules = codes.map((code) => sarifRule(code, options.helpUriBase));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0" as const,
    runs: [
      {
        tool: {
          driver: {
            name: "tarazy",
            version: options.toolVersion,
            rules,
          },
        },
        columnKind: "utf16CodeUnits" as const,
        results: diagnostics.map((d) => sarifResult(d, ruleIndex.get(d.code) ?? 0)),
      },
    ],
  };
}

function sarifRule(code: string, helpUriBase: string | undefined) {
  const doc = diagnosticDoc(code);
  const help = doc ? `${doc.description}\n\nExample: ${doc.example}\n\nFix: ${doc.fix}` : code;
  return {
    id: code,
    name: doc ? pascal(doc.title) : code,
    shortDescription: { text: doc?.title ?? code },
    fullDescription: { text: doc?.description ?? code },
    help: { text: help },
    ...(helpUriBase ? { helpUri: new URL(diagnosticHelpUri(code), helpUriBase).href } : {}),
    defaultConfiguration: { level: LEVEL[doc?.severity ?? "error"] },
  };
}

function sarifResult(d: Diagnostic, ruleIndex: number) {
  const message = d.suggestion ? `${d.message}. Suggestion: ${d.suggestion}` : d.message;
  return {
    ruleId: d.code,
    ruleIndex,
    level: LEVEL[d.severity],
    message: { text: message },
    locations: [location(d.file, d.range)],
    ...(d.related?.length
      ? {
          relatedLocations: d.related.map((r, i) => ({
            id: i,
            ...location(r.file ?? d.file, r.range),
            message: { text: r.message },
          })),
        }
      : {}),
    ...(d.fix
      ? {
          fixes: [
            {
              description: { text: d.fix.title },
              artifactChanges: groupEdits(d),
            },
          ],
        }
      : {}),
  };
}

function groupEdits(d: Diagnostic) {
  const byFile = new Map<string, { deletedRegion: ReturnType<typeof region>; insertedContent: { text: string } }[]>();
  for (const e of d.fix?.edits ?? []) {
    const file = e.file ?? d.file ?? "";
    byFile.set(file, [
      ...(byFile.get(file) ?? []),
      { deletedRegion: region(e.range), insertedContent: { text: e.newText } },
    ]);
  }
  return [...byFile].map(([file, replacements]) => ({ artifactLocation: { uri: uri(file) }, replacements }));
}

function location(file: string | undefined, range: Range) {
  return {
    physicalLocation: {
      artifactLocation: { uri: uri(file ?? "") },
      region: region(range),
    },
  };
}

function region(range: Range) {
  return {
    startLine: range.start.line,
    startColumn: range.start.column,
    endLine: range.end.line,
    endColumn: Math.max(range.end.column, range.end.line === range.start.line ? range.start.column : 1),
  };
}

/** A relative path as a URI reference: / separators, each segment percent-encoded. */
function uri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join("/");
}

function pascal(title: string): string {
  return title
    .replace(/[^A-Za-z0-9 ]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}
