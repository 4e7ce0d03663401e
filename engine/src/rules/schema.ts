import { readFileSync } from "node:fs";
import type { Ajv, ErrorObject, KeywordDefinition, Options, ValidateFunction } from "ajv";
import { SCHEMA_DIR } from "../paths.js";
import * as generated from "./generated/rule-validators.js";

/**
 * The JSON Schema of rule files (engine/schema/tarazy-rules.schema.json): the one description of their
 * structure. The loader validates with it; the language server reads its descriptions and enums for
 * completion and hover; docs/rule-format.md lists its keys.
 */
export const RULE_SCHEMA_URL = new URL("tarazy-rules.schema.json", SCHEMA_DIR);

/** The file kinds, each named by the top-level key that starts the file. */
export const FILE_KINDS = ["ruleset", "units", "fields", "block", "test"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const DEFINITION: Record<FileKind, string> = generated.DEFINITIONS;

// biome-ignore lint/suspicious/noExplicitAny: the parsed schema is plain JSON walked by key.
export type SchemaNode = Record<string, any>;

let cachedSchema: SchemaNode | undefined;

/** The schema as JSON, for the language server's hover and completion and the docs; parsed once. */
export function ruleSchema(): SchemaNode {
  cachedSchema ??= JSON.parse(readFileSync(RULE_SCHEMA_URL, "utf8")) as SchemaNode;
  return cachedSchema;
}

/** The schema definition behind a file kind, e.g. definitions.blockFile. */
export function fileKindSchema(kind: FileKind): SchemaNode {
  return ruleSchema().definitions[DEFINITION[kind]];
}

/**
 * The validators, one per file kind, compiled from the schema at build time (ajv standalone code generated
 * by engine/scripts/rule-validators.mjs): nothing is compiled at start, and they are made on first use.
 */
const validators = () => generated.ruleValidators() as unknown as Record<FileKind, ValidateFunction>;

/** Validates one file's data against its kind's definition; [] when it conforms. */
export function validateFile(kind: FileKind, data: unknown): ErrorObject[] {
  const validate = validators()[kind];
  if (validate(data)) return [];
  return [...(validate.errors ?? [])];
}

/** The options the validators are compiled with (the schema's meta-schema check is a test, not a build step). */
export const AJV_OPTIONS = generated.AJV_OPTIONS as Options;

/** Adds the schema's annotation keywords (for people and editors; they do not validate). */
export function addAnnotationKeywords(ajv: Ajv): void {
  for (const definition of generated.ANNOTATION_KEYWORDS as KeywordDefinition[]) ajv.addKeyword(definition);
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
