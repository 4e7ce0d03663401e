import type { Expr } from "../formula/ast.js";
import { type Missing, missing } from "../formula/value.js";
import type { Range } from "../source/range.js";

/**
 * The missing values evaluation produces, built the same way by the compiler and the reference
 * interpreter so their results can be compared exactly.
 */

/** Operator names in words, for domain reasons ("multiplication: the result is too large to represent"). */
export const OPERATOR_NAMES: Readonly<Record<string, string>> = {
  "+": "addition",
  "-": "subtraction",
  "*": "multiplication",
  "/": "division",
  "^": "power",
};

export const TOO_LARGE = "the result is too large to represent";

export function explicitMissing(node: Expr): Missing {
  return missing({ kind: "explicit", range: node.range });
}

export function divisionByZero(divisor: Expr, text: string): Missing {
  return missing({ kind: "division-by-zero", range: divisor.range, text });
}

export function domainMissing(fn: string, range: Range, detail: string): Missing {
  return missing({ kind: "domain", function: fn, range, detail });
}

/** The detail for a non-finite result of a function that has no words of its own. */
export function nonFiniteDetail(result: number): string {
  return Number.isNaN(result) ? "the result is not a number" : TOO_LARGE;
}

export function noPeers(fn: string, range: Range): Missing {
  return missing({ kind: "no-peers", function: fn, range });
}
