import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Ruleset } from "../../model/ruleset.js";
import type { FormulaUse } from "../link.js";
import type { RulesetSources } from "../sources.js";

/** What a semantic check sees: the linked model, where each element came from, and every formula. */
export interface CheckContext {
  readonly ruleset: Ruleset;
  readonly sources: RulesetSources;
  readonly formulas: readonly FormulaUse[];
  report(diagnostic: Diagnostic): void;
}

/** One semantic check (one file under checks/, with its codes documented beside it). */
export interface RuleCheck {
  readonly name: string;
  run(context: CheckContext): void;
}

/** Every indicator of the ruleset, in block order. */
export function allIndicators(ruleset: Ruleset) {
  return ruleset.blocks.flatMap((b) => b.indicators);
}
