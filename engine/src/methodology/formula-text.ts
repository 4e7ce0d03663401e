import { printFormula } from "../formula/printer.js";
import type { FormulaSource } from "../model/ruleset.js";

/**
 * A formula as the document prints it: canonical (printFormula: one spacing, only the brackets needed)
 * when it parsed, as written otherwise, so a document can still be made from a ruleset being edited.
 */
export function formulaText(source: FormulaSource): string {
  return source.ast ? printFormula(source.ast) : source.text.trim();
}
