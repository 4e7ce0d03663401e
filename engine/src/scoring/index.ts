/** The scoring engine: data store, rating, explain trace and rule tests (docs/scoring.md). */
export {
  buildDataStore,
  DataStore,
  DataStoreBuilder,
  formatPeriodCode,
  periodCode,
  periodFromCode,
  type StoreModel,
  type StoreValue,
} from "../data/store.js";
export { aggregateBlock, type BlockAggregate } from "./aggregate.js";
export { ScoringCode } from "./codes.js";
export { defaultFormulaCompiler } from "./compiler.js";
export { IndicatorContext, RecordingContext } from "./context.js";
export { meetsCoverage, unitCoverage } from "./coverage.js";
export { type CoverageReport, coverageByPeriod, type PeriodCoverage } from "./coverage-by-period.js";
export {
  evaluationPeriod,
  hasScores,
  type RateRequest,
  type RatingRun,
  rate,
} from "./engine.js";
export { Evaluator } from "./evaluator.js";
export * as scoreMethods from "./methods.js";
export {
  type FormulaCompiler,
  type FormulaRole,
  type PreparedFormula,
  type PreparedIndicator,
  type PreparedRuleset,
  prepareRuleset,
  type RunnableFormula,
  type SlotKind,
  type SlotTable,
} from "./prepare.js";
export { gradeOf, type Ranked, rankingKey, rankUnits } from "./ranking.js";
export * from "./result.js";
export { type IndicatorOutcome, type IndicatorRound, outcomeOf, scoreOf } from "./round.js";
export {
  type Expectation,
  type RuleTest,
  type RuleTestFailure,
  type RuleTestOutcome,
  readRuleTest,
  ruleTestFiles,
  runRuleTest,
  runRuleTestFiles,
} from "./rule-tests.js";
export { RatingTotals, type UnitBlocks, type UnitTotals, unitTotals } from "./totals.js";
export * from "./trace.js";
