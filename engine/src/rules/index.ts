/**
 * Rule files: the loader (read -> YAML -> schema -> model -> link -> checks), versions, the formula
 * environments of a ruleset, and what the language server needs (documents, node at a position, schema).
 */

export { ruleCacheDir } from "./cache-dir.js";
export { type CheckContext, type RuleCheck, ruleChecks } from "./checks/index.js";
export { RuleReadCode } from "./codes.js";
export { discoverRulesets, type RuleTarget } from "./discover.js";
export {
  attributeType,
  type FormulaScope,
  indicatorType,
  rulesetEnvironment,
  type SlotLayout,
  slotLayout,
} from "./environment.js";
export { type FormulaRole as RuleFormulaRole, type FormulaUse, formulasOf } from "./link.js";
export {
  checkFamilyHeaders,
  checkRuleFile,
  checkTestFiles,
  isFamilyFolder,
  type LoadOptions,
  type LoadResult,
  loadFamily,
  loadRuleset,
  loadVersion,
  type ParseRule,
  RULESET_FILE,
  sortDiagnostics,
  versionHeaders,
} from "./load.js";
export { type ParseManyOptions, parseMany, type SourceFile } from "./parse-many.js";
export { flushRuleCache, useRuleCache } from "./parse-once.js";
export { MAX_RULE_FILE_BYTES, type ReadFileHook } from "./read.js";
export { type DiskRuleCacheOptions, diskRuleCache, type RuleCache } from "./rule-cache.js";
export {
  FILE_KINDS,
  type FileKind,
  fileKindSchema,
  RULE_SCHEMA_URL,
  ruleSchema,
  type SchemaNode,
  schemaAtPath,
} from "./schema.js";
export { SCHEMA_TRANSLATION_URLS, schemaText } from "./schema-text.js";
export { RulesetSources } from "./sources.js";
export { chooseVersion, VersionCode, type VersionHeader } from "./versions.js";
export { type NodeLocation, parseRuleDocument, type RuleDocument } from "./yaml-document.js";
export { pathAtOffset, pointerSegments, valueAt } from "./yaml-path.js";
