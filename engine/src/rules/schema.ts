import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";

/**
 * The JSON Schema of rule files (engine/schema/tarazy-rules.schema.json): the one description of their
 * structure. The loader validates with it; the language server reads its descriptions and enums for
 * completion and hover; docs/rule-format.md lists its keys.
 */
export const RULE_SCHEMA_URL = new URL("../../schema/tarazy-rules.schema.json", import.meta.url);

/** The file kinds, each named by the top-level key that starts the file. */
export const FILE_KINDS = ["ruleset", "units", "fields", "block", "test"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const DEFINITION: Record<FileKind, string> = {
  ruleset: "rulesetFile",
  units: "unitsFile",
  fields: "fieldsFile",
  block: "blockFile",
  test: "testFile",
};

// biome-ignore lint/suspicious/noExplicitAny: the parsed schema is plain JSON walked by key.
export type SchemaNode = Record<string, any>;

let cached: { schema: SchemaNode; ajv: Ajv; validators: Map<FileKind, ValidateFunction> } | undefined;

export function ruleSchema(): SchemaNode {
  return compiled().schema;
}

/** The schema definition behind a file kind, e.g. definitions.blockFile. */
export function fileKindSchema(kind: FileKind): SchemaNode {
  return ruleSchema().definitions[DEFINITION[kind]];
}

/** Validates one file's data against its kind's definition; [] when it conforms. */
export function validateFile(kind: FileKind, data: unknown): ErrorObject[] {
  const validate = validatorFor(kind);
  if (!validate || validate(data)) return [];
  return [...(validate.errors ?? [])];
}

/**
 * The options the loader compiles the schema with. The schema is checked against the JSON Schema
 * meta-schema by the test suite (engine/test/rules/schema.test.ts), not on every start: that halves the
 * compile time of a cold `tarazy validate`.
 */
export const AJV_OPTIONS = {
  allErrors: true,
  verbose: true,
  discriminator: true,
  strict: true,
  allowUnionTypes: true,
  validateSchema: false,
  code: { optimize: false },
} as const;

/** Adds the schema's annotation keywords (for people and editors; they do not validate). */
export function addAnnotationKeywords(ajv: Ajv): void {
  ajv.addKeyword({ keyword: "patternMessage", schemaType: "string" });
  ajv.addKeyword({ keyword: "enumDescriptions", schemaType: "array" });
}

function validatorFor(kind: FileKind): ValidateFunction | undefined {
  const state = compiled();
  let validate = state.validators.get(kind);
  if (!validate) {
    // Compiled on first use of each kind: a cold start pays only for the kinds it reads.
    validate = state.ajv.getSchema(`${state.schema.$id}#/definitions/${DEFINITION[kind]}`);
    if (validate) state.validators.set(kind, validate);
  }
  return validate;
}

function compiled(): { schema: SchemaNode; ajv: Ajv; validators: Map<FileKind, ValidateFunction> } {
  if (cached) return cached;
  const schema = JSON.parse(readFileSync(RULE_SCHEMA_URL, "utf8")) as SchemaNode;
  const ajv = new Ajv(AJV_OPTIONS);
  addAnnotationKeywords(ajv);
  ajv.addSchema(schema);
  cached = { schema, ajv, validators: new Map() };
  return cached;
}
