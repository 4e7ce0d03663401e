import type { Range } from "../source/range.js";

/** Why a value is missing: shown by `tarazy eval`, explain and the editor, so a person can act on it. */
export type MissingReason =
  /** No value was reported for this input, unit and period. */
  | { readonly kind: "no-data"; readonly name: string; readonly unit: string; readonly period: string }
  /** The input was reported as not applicable (n/a) for this unit and period. */
  | { readonly kind: "not-applicable"; readonly name: string; readonly unit: string; readonly period: string }
  /** A division whose divisor was zero; `text` is the divisor as written. */
  | { readonly kind: "division-by-zero"; readonly range: Range; readonly text: string }
  /** A function outside its domain (sqrt of a negative, ln of zero, a result too large to represent). */
  | { readonly kind: "domain"; readonly function: string; readonly range: Range; readonly detail: string }
  /** The formula said `missing`. */
  | { readonly kind: "explicit"; readonly range: Range }
  /** A time function reached before the first period the data covers. */
  | { readonly kind: "out-of-range"; readonly function: string; readonly period: string; readonly range: Range }
  /** No unit had a value for a cross-unit function. */
  | { readonly kind: "no-peers"; readonly function: string; readonly range: Range };

export interface Missing {
  readonly missing: true;
  readonly reason: MissingReason;
}

export type Value = number | boolean | string | Missing;

export function missing(reason: MissingReason): Missing {
  return { missing: true, reason };
}

export function isMissing(v: Value): v is Missing {
  return typeof v === "object";
}

/** The reason in plain words, for terminals and hovers. */
export function describeMissing(reason: MissingReason): string {
  switch (reason.kind) {
    case "no-data":
      return `no value of ${reason.name} for ${reason.unit} in ${reason.period}`;
    case "not-applicable":
      return `${reason.name} is not applicable (n/a) for ${reason.unit} in ${reason.period}`;
    case "division-by-zero":
      return `division by zero: ${reason.text} is 0 (line ${reason.range.start.line}, column ${reason.range.start.column})`;
    case "domain":
      return `${reason.function}: ${reason.detail} (line ${reason.range.start.line}, column ${reason.range.start.column})`;
    case "explicit":
      return `the formula gives missing (line ${reason.range.start.line}, column ${reason.range.start.column})`;
    case "out-of-range":
      return `${reason.function} reaches ${reason.period}, before the data begins`;
    case "no-peers":
      return `${reason.function}: no unit has a value in this period`;
  }
}
