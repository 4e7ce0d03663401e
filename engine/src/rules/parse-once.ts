import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parseRuleDocument, type RuleDocument } from "./yaml-document.js";

const parsed = new Map<string, { text: string; result: { document: RuleDocument; diagnostics: Diagnostic[] } }>();

/**
 * The loader's default parser: parseRuleDocument with a memory of one entry per file, so that a process
 * that loads a family, picks a version for several periods and reads the other versions' fields parses each
 * rule file once. The same text gives back the same (never modified) document; a changed text parses again.
 */
export function parseRuleOnce(file: string, text: string): { document: RuleDocument; diagnostics: Diagnostic[] } {
  const hit = parsed.get(file);
  if (hit?.text === text) return hit.result;
  const result = parseRuleDocument(file, text);
  parsed.set(file, { text, result });
  return result;
}
