import { crossUnitFunctions } from "./cross-unit.js";
import { logicFunctions } from "./logic.js";
import { mathFunctions } from "./math.js";
import type { FunctionSpec } from "./spec.js";
import { timeFunctions } from "./time.js";

/**
 * The one function registry: the checker resolves calls here, the compiler and the reference
 * interpreter take the implementations from here, and completion, hover and docs/functions.md take the
 * signatures and descriptions from here. Function names are case-insensitive (`ROUND` is `round`), as
 * in Excel; field and indicator names are not.
 */
export class FunctionRegistry {
  private readonly byName = new Map<string, FunctionSpec>();

  constructor(specs: Iterable<FunctionSpec>) {
    for (const spec of specs) {
      const key = spec.name.toLowerCase();
      if (this.byName.has(key)) throw new Error(`function ${spec.name} registered twice`);
      this.byName.set(key, spec);
    }
  }

  lookup(name: string): FunctionSpec | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Every function, in the order of the reference (by kind, then as registered). */
  all(): readonly FunctionSpec[] {
    return [...this.byName.values()];
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}

export const functionRegistry = new FunctionRegistry([
  ...mathFunctions,
  ...logicFunctions,
  ...timeFunctions,
  ...crossUnitFunctions,
]);
