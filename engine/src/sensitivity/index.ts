/** Uncertainty and sensitivity analysis of a ranking (docs/audit.md#sensitivity). */
export {
  type AssumptionIndices,
  analyseSensitivity,
  type SensitivityReport,
  type UnitUncertainty,
} from "./analysis.js";
export { type Assumption, DEFAULT_RUNS, DEFAULT_SEED, type SensitivitySettings } from "./assumptions.js";
export { SensitivityCode } from "./codes.js";
export { latinHypercube, type Random, seededRandom } from "./random.js";
export { type Outcome, RankModel } from "./rank-model.js";
export { readAssumptions, SENSITIVITY_SCHEMA_URL } from "./read-assumptions.js";
export { type Indices, type SaltelliRuns, saltelliRuns, sobolIndices } from "./sobol.js";
