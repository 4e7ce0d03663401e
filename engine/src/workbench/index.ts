/**
 * What editors and other front ends ask of the engine beyond the CLI's commands: the rulesets of a workspace
 * with their versions, data folders and periods, and the links of an explain trace.
 */
export { type CatalogRuleset, type CatalogVersion, dataFoldersOf, describeRuleset, listRulesets } from "./catalog.js";
export { coveredPeriods } from "./data-periods.js";
export { type ExplainLink, explainLinks } from "./explain-links.js";
