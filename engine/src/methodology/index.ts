/** The methodology document: the ruleset in words, as Markdown and HTML, in kk, ru or en. */
export { appliesText, kindText } from "./applicability.js";
export { changeLines } from "./changes.js";
export { changesSince } from "./changes-since.js";
export {
  type BlockDoc,
  buildMethodology,
  type ChangesDoc,
  type IndicatorDoc,
  type InputDoc,
  type MethodologyDoc,
  type MethodologyInput,
} from "./document.js";
export { blockWeights, effectiveWeights, ratingBlocks } from "./effective-weights.js";
export { formulaUses } from "./formula-inputs.js";
export { formulaHtml, methodologyHtml } from "./html.js";
export { inForceText } from "./in-force.js";
export { methodologyMarkdown } from "./markdown.js";
export { type PreviousVersion, previousVersion } from "./previous-version.js";
export { type Code, plainText, type Rich, type RichPart } from "./rich-text.js";
export { scoreRuleText } from "./score-rule.js";
