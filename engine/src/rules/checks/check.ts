import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { allGroups } from "../../model/groups.js";
import type { Applicability, Ruleset } from "../../model/ruleset.js";
import type { FormulaUse } from "../link.js";
import type { RulesetSources } from "../sources.js";

/** What a semantic check sees: the linked model, where each element came from, and every formula. */
export interface CheckContext {
  readonly ruleset: Ruleset;
  readonly sources: RulesetSources;
  readonly formulas: readonly FormulaUse[];
  /**
   * True when some file of the ruleset could not be read whole (missing, not UTF-8, a syntax error, an
   * unknown kind of file): checks that judge the ruleset as a whole (weights adding up, fields nobody
   * reads, names nobody defines) stay silent rather than report echoes of that error.
   */
  readonly incomplete: boolean;
  report(diagnostic: Diagnostic): void;
}

/** One semantic check (one file under checks/, with its codes documented beside it). */
export interface RuleCheck {
  readonly name: string;
  run(context: CheckContext): void;
}

/** "a field", "an indicator". */
export function article(noun: string): string {
  return `${/^[aeio]/.test(noun) ? "an" : "a"} ${noun}`;
}

/** Every `applies` of the ruleset with what it belongs to, in words: indicators', then groups'. */
export function appliesOf(ruleset: Ruleset): { readonly what: string; readonly applies: Applicability }[] {
  return [
    ...allIndicators(ruleset).map((i) => ({ what: `indicator \`${i.id}\``, applies: i.applies })),
    ...ruleset.blocks.flatMap(allGroups).map((g) => ({ what: `group \`${g.id}\``, applies: g.applies })),
  ].filter((x): x is { what: string; applies: Applicability } => x.applies !== undefined);
}

/** Every indicator of the ruleset, in block order. */
export function allIndicators(ruleset: Ruleset) {
  return ruleset.blocks.flatMap((b) => b.indicators);
}
