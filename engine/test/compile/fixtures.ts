import { type Binding, MapEnvironment, type Type } from "../../src/formula/environment.js";

/** An environment of the given names, slots in order; `kind` defaults to field. */
export function environment(names: Record<string, Type | { type: Type; kind: Binding["kind"] }>): MapEnvironment {
  return new MapEnvironment(
    Object.entries(names).map(([name, spec], slot) =>
      typeof spec === "string" ? { name, type: spec, slot, kind: "field" } : { name, slot, ...spec },
    ),
  );
}
