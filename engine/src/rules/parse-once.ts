import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parseThrough, type RuleCache } from "./rule-cache.js";
import type { RuleDocument } from "./yaml-document.js";

const parsed = new Map<string, { text: string; result: { document: RuleDocument; diagnostics: Diagnostic[] } }>();
let store: RuleCache | undefined;

/**
 * Puts a cache that outlives the process (rule-cache.ts) behind parseRuleOnce, or takes it away
 * (undefined). The CLI sets one at start unless told `--no-cache`; a library user may set their own.
 */
export function useRuleCache(cache: RuleCache | undefined): void {
  store = cache;
}

/**
 * The loader's default parser: parseRuleDocument with a memory of one entry per file, so that a process
 * that loads a family, picks a version for several periods and reads the other versions' fields parses each
 * rule file once. The same text gives back the same (never modified) document; a changed text parses again.
 * With a rule cache set, a file parsed by an earlier process is read from the cache instead.
 */
export function parseRuleOnce(file: string, text: string): { document: RuleDocument; diagnostics: Diagnostic[] } {
  const hit = parsed.get(file);
  if (hit?.text === text) return hit.result;
  const result = parseThrough(store, file, text);
  parsed.set(file, { text, result });
  return result;
}

/** Lets the rule cache keep what this process added to its documents (their formulas); the CLI calls it last. */
export function flushRuleCache(): void {
  store?.flush?.();
}
