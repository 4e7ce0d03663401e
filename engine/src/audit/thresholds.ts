/**
 * Thresholds of the audit's findings. Defaults are the JRC's and COINr's; a ruleset overrides them under
 * `audit:` in ruleset.yaml (engine/schema/tarazy-rules.schema.json documents each key).
 */
export interface AuditThresholds {
  /** A101 below this share of units with a value. */
  readonly min_coverage: number;
  /** A103 when the share at 0 or at 1 is above this. */
  readonly floor_cap_share: number;
  /** A104 when |skewness| is above this ... */
  readonly skewness: number;
  /** ... and excess kurtosis above this. */
  readonly kurtosis: number;
  /** A202 when |r| between two indicators of a block is above this. */
  readonly duplicate: number;
  /** A203 when effective importance / nominal weight share is below this. */
  readonly importance_ratio: number;
  /** A301 when a block's Cronbach's alpha is below this. */
  readonly min_alpha: number;
}

export const DEFAULT_THRESHOLDS: AuditThresholds = {
  min_coverage: 0.65,
  floor_cap_share: 0.5,
  skewness: 2,
  kurtosis: 3.5,
  duplicate: 0.92,
  importance_ratio: 0.25,
  min_alpha: 0.7,
};

export function auditThresholds(overrides: Partial<AuditThresholds> | undefined): AuditThresholds {
  return { ...DEFAULT_THRESHOLDS, ...(overrides ?? {}) };
}
