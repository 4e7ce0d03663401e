import type { Field, Unit } from "../../model/ruleset.js";

/** What the readers need of the rule model: units by id, alias and name; fields with their frequency and measure. */
export type DataUnit = Pick<Unit, "id" | "name" | "aliases">;
export type DataField = Pick<Field, "id" | "name" | "measure" | "frequency" | "cumulative" | "values">;

export interface DataModel {
  readonly units: readonly DataUnit[];
  readonly fields: readonly DataField[];
}
