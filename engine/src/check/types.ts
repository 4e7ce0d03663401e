import type { Type } from "../formula/environment.js";

/**
 * A type as the checker infers it: a formula type, or `any` for the `missing` keyword, which is a value
 * of every type (so `if(c, x, missing)` is a number when x is).
 */
export type InferredType = Type | "any";

/** The type in words, for messages a methodologist reads. */
export function describeType(type: InferredType): string {
  switch (type) {
    case "number":
      return "a number";
    case "boolean":
      return "a true/false value";
    case "string":
      return "a text";
    case "any":
      return "missing";
  }
}

/** Whether a value of type `actual` may stand where `wanted` is needed (`missing` fits everywhere). */
export function fits(actual: InferredType, wanted: InferredType): boolean {
  return actual === "any" || wanted === "any" || actual === wanted;
}
