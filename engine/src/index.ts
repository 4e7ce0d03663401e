/**
 * The Tarazy engine as a library. The CLI and the language server use exactly this API.
 * See docs/engine-api.md.
 */

export * from "./audit/index.js";
export { type CheckOptions, type CheckResult, checkFormula, type FormulaReference } from "./check/checker.js";
export { CheckCodes } from "./check/codes.js";
export { describeType, type InferredType } from "./check/types.js";
export { renderDiffText, renderEffectText } from "./cli/commands/diff.js";
export { renderTrace } from "./cli/explain-text.js";
export { UsageError } from "./cli/io.js";
export { periodsOf } from "./cli/options.js";
export {
  chooseRating,
  manifestDataFiles,
  type RateBatch,
  type RateCoreOptions,
  type RatedPeriod,
  RatingSession,
  type RatingVersion,
  rateCommandCore,
  type VersionForPeriod,
} from "./cli/rating-session.js";
export {
  type ColumnFormula,
  type ColumnInputs,
  type ColumnOptions,
  type ColumnResult,
  compileColumns,
} from "./compile/batch.js";
export { type CompiledFormula, CompileError, type CompileOptions, compileFormula } from "./compile/compiler.js";
export { DataCode } from "./data/codes.js";
export { familyFields, loadFamilyFields, type VersionFields } from "./data/family-fields.js";
export * from "./data/load-data.js";
export type { Observation, ObservationList, Provenance } from "./data/observation.js";
export type { CellSource, ObservationTable } from "./data/observation-table.js";
export {
  NO_DATA_SPELLINGS,
  NOT_APPLICABLE_SPELLINGS,
  type NumberOptions,
  type NumberProblem,
  type ParsedCell,
  parseCellValue,
  parseNumber,
} from "./data/parse-number.js";
export { formatPeriod, type Period, type PeriodKind, parsePeriod } from "./data/period.js";
export { buildDataStoreFromTable } from "./data/store-from-table.js";
export * from "./diagnostics/catalog.js";
export { renderDiagnosticsMarkdown } from "./diagnostics/catalog-markdown.js";
export * from "./diagnostics/diagnostic.js";
export { diagnosticDocsUrl } from "./diagnostics/docs-url.js";
export { type ComparePageInput, compareHtml } from "./diff/html.js";
export * from "./diff/ranking-effect.js";
export * from "./diff/rate-both.js";
export * from "./diff/rules-diff.js";
export * from "./formula/ast.js";
export * from "./formula/context.js";
export * from "./formula/environment.js";
export * from "./formula/evaluate.js";
export * from "./formula/memory-context.js";
export * from "./formula/parser.js";
export * from "./formula/printer.js";
export { SyntaxCode } from "./formula/syntax-codes.js";
export * from "./formula/value.js";
export { ceilTo, floorTo, roundHalfAway } from "./functions/excel-round.js";
export { renderFunctionReference } from "./functions/reference-doc.js";
export { FunctionRegistry, functionRegistry } from "./functions/registry.js";
export {
  type AggregateOp,
  arity,
  type ControlFunction,
  type CrossUnitFunction,
  displaySignature,
  type FunctionKind,
  type FunctionSpec,
  type Parameter as FunctionParameter,
  type PureFunction,
  signature,
  type TimeFunction,
  type Trilingual,
} from "./functions/spec.js";
export * from "./methodology/index.js";
export * from "./model/ruleset.js";
export * from "./report/index.js";
export * from "./rules/index.js";
export * from "./scoring/index.js";
export * from "./sensitivity/index.js";
export * from "./source/range.js";
export { ENGINE_VERSION } from "./version.js";
export * from "./whatif/target.js";
export * from "./workbench/index.js";
export { type VersionState, Workspace } from "./workspace/build.js";
export { type OpenDocument, WorkspaceDocuments } from "./workspace/documents.js";
export * from "./workspace/editor.js";
export { type FormulaToken, type FormulaTokenKind, formulaTokens } from "./workspace/formula-tokens.js";
export { type Occurrence, SymbolIndex, type SymbolKind } from "./workspace/index.js";
export { type FoldingLines, foldingOf, type OutlineKind, type OutlineNode, outlineOf } from "./workspace/outline.js";
export { planRename, type Refusal, type RenameTarget, renameTarget } from "./workspace/rename.js";
