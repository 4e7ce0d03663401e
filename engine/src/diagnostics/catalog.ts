import type { Severity } from "./diagnostic.js";

/**
 * The documentation of one diagnostic code: the single source for docs/diagnostics.md, the CLI's
 * `--explain CODE`-style help and the language server's code links.
 */
export interface DiagnosticDoc {
  readonly code: string;
  readonly severity: Severity;
  /** A short title, e.g. "Parenthesis never closed". */
  readonly title: string;
  /** What it means, in a sentence or two. */
  readonly description: string;
  /** A small input that produces it. */
  readonly example: string;
  /** How to fix it. */
  readonly fix: string;
  /**
   * A problem that others follow from (a file that cannot be read, or is read only in part): printed before
   * everything else, so the cause comes before its consequences.
   */
  readonly rootCause?: boolean;
}

const catalog = new Map<string, DiagnosticDoc>();

/** Each stage registers its codes once, at module load, from its own `codes.ts`. */
export function defineCodes<const T extends Record<string, Omit<DiagnosticDoc, "code">>>(
  docs: T,
): { readonly [K in keyof T]: K } {
  const names: Record<string, string> = {};
  for (const [code, doc] of Object.entries(docs)) {
    if (catalog.has(code)) throw new Error(`diagnostic code ${code} defined twice`);
    catalog.set(code, { code, ...doc });
    names[code] = code;
  }
  return names as { readonly [K in keyof T]: K };
}

export function diagnosticDoc(code: string): DiagnosticDoc | undefined {
  return catalog.get(code);
}

export function allDiagnosticDocs(): DiagnosticDoc[] {
  return [...catalog.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** Where the docs of a code live, for links from the CLI, SARIF and the editor. */
export function diagnosticHelpUri(code: string): string {
  return `docs/diagnostics.md#${code.toLowerCase()}`;
}

/** True when the code's problem is a root cause (see DiagnosticDoc.rootCause). */
export function isRootCause(code: string): boolean {
  return catalog.get(code)?.rootCause === true;
}
