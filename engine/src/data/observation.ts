/**
 * One cell of measurement data as a reader found it, with where it came from. The readers (CSV, XLSX,
 * JSON) produce these; the data store merges them, aggregates months into quarters and years, and keeps
 * the provenance so explain can show which file, row and column every input came from.
 */
export interface Provenance {
  readonly file: string;
  /** 1-based row (CSV line or sheet row) and column; for JSON, the line and column of the value. */
  readonly row: number;
  readonly column: number;
  /** Sheet name for XLSX. */
  readonly sheet?: string;
}

export interface Observation {
  readonly unit: string;
  readonly field: string;
  /** A month, quarter or year id as written in the data, normalised: "2026-03", "2026-Q1", "2026". */
  readonly period: string;
  /** A finite number, or "n/a" for an explicit not-applicable. Empty cells are not observations. */
  readonly value: number | "n/a";
  readonly source: Provenance;
}

/** Observations by index: an array, or the columns of an ObservationTable, which makes each on demand. */
export interface ObservationList {
  readonly length: number;
  observation(index: number): Observation | undefined;
}

/** An array of observations as an ObservationList. */
export function listOf(observations: readonly Observation[]): ObservationList {
  return { length: observations.length, observation: (i) => observations[i] };
}
