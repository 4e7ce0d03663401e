import type { Localized } from "../model/ruleset.js";

/** The types of the formula language. `missing` is a value of every type, not a type of its own. */
export type Type = "number" | "boolean" | "string";

/** What a name in a formula stands for: declared by the caller (the rule model, `tarazy eval`, a test). */
export interface Binding {
  readonly name: string;
  readonly type: Type;
  /** The index the compiled formula passes to EvalContext.get / ytd. */
  readonly slot: number;
  /**
   * field: measurement data; indicator: another indicator's value; attribute: unit.xxx; value: the score
   * formula's `value`; score: `score(x)`, the score (0..1) of an indicator, group or block.
   */
  readonly kind: "field" | "indicator" | "attribute" | "value" | "score";
  readonly description?: Localized;
  /** Unit of measure, for hover. */
  readonly measure?: string;
}

/**
 * The names a formula may use. The checker resolves every identifier here; the compiler binds slots
 * from here; nothing else is reachable from a formula.
 */
export interface Environment {
  lookup(name: string): Binding | undefined;
  /** Every name, for did-you-mean suggestions and completion. */
  bindings(): Iterable<Binding>;
}

/** An environment over a list of bindings; names are case-sensitive, as identifiers are. */
export class MapEnvironment implements Environment {
  private readonly byName = new Map<string, Binding>();

  constructor(bindings: Iterable<Binding>) {
    for (const b of bindings) this.byName.set(b.name, b);
  }

  lookup(name: string): Binding | undefined {
    return this.byName.get(name);
  }

  bindings(): Iterable<Binding> {
    return this.byName.values();
  }
}
