import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { SCHEMA_DIR } from "../paths.js";

/**
 * The JSON Schema of rule files (engine/schema/tarazy-rules.schema.json): the one description of their
 * structure. The loader validates with it; the language server reads its descriptions and enums for
 * completion and hover; docs/rule-format.md lists its keys.
 */
export const RULE_SCHEMA_URL = new URL("tarazy-rules.schema.json", SCHEMA_DIR);

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

/**
 * The schema nodes describing the value at a JSON pointer of a file of `kind`, for the language server's
 * hover (their `description`) and completion (their `properties` and `enum`). With the file's data, a
 * score's `method` chooses its branch; without it every branch is returned.
 */
export function schemaAtPath(kind: FileKind, path: string, data?: unknown): SchemaNode[] {
  const schema = ruleSchema();
  const resolve = (node: SchemaNode): SchemaNode =>
    typeof node.$ref === "string"
      ? { ...schema.definitions[node.$ref.replace("#/definitions/", "")], ...withoutRef(node) }
      : node;
  const expand = (node: SchemaNode, value: unknown): SchemaNode[] => {
    const resolved = resolve(node);
    const branches = (resolved.oneOf ?? resolved.anyOf) as SchemaNode[] | undefined;
    if (!branches) return [resolved];
    const tag = resolved.discriminator?.propertyName as string | undefined;
    const chosen = tag && value && typeof value === "object" ? (value as Record<string, unknown>)[tag] : undefined;
    const matching = branches.filter(
      (b) => chosen === undefined || resolve(b).properties?.[tag ?? ""]?.const === chosen,
    );
    return [resolved, ...(matching.length > 0 ? matching : branches).flatMap((b) => expand(b, value))];
  };
  let value: unknown = data;
  let nodes = expand(fileKindSchema(kind), value);
  for (const segment of path === "" ? [] : path.slice(1).split("/")) {
    const key = segment.replace(/~1/g, "/").replace(/~0/g, "~");
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
    nodes = nodes.flatMap((n) => {
      const next =
        /^\d+$/.test(key) && n.items
          ? n.items
          : (n.properties?.[key] ?? (typeof n.additionalProperties === "object" ? n.additionalProperties : undefined));
      return next ? expand(next, value) : [];
    });
  }
  return nodes;
}

function withoutRef(node: SchemaNode): SchemaNode {
  const { $ref: _ref, ...rest } = node;
  return rest;
}
