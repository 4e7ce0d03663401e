/** The statistical audit (docs/audit.md). */
export {
  type AuditReport,
  auditRun,
  type BlockAudit,
  type CorrelationMatrices,
  type IndicatorAudit,
  importance,
  type PairCorrelation,
} from "./audit.js";
export { AuditCode } from "./codes.js";
export { type Correlation, correlationMatrix, pearson, spearman } from "./correlation.js";
export { type Distribution, distribution, hasOutliers, type Treatment, winsorise } from "./distribution.js";
export { firstComponentShare, symmetricEigenvalues } from "./pca.js";
export {
  averageRanks,
  cronbachAlpha,
  excessKurtosis,
  mean,
  quantileSorted,
  sampleVariance,
  skewness,
} from "./stats.js";
export { type AuditThresholds, auditThresholds, DEFAULT_THRESHOLDS } from "./thresholds.js";
