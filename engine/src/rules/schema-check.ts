import type { ErrorObject } from "ajv";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { controlCharacters } from "./control-characters.js";
import { fileKind } from "./file-kind.js";
import { type FileKind, validateFile } from "./schema.js";
import { schemaDiagnostics } from "./schema-errors.js";
import { pointerSegment, type RuleDocument } from "./yaml-document.js";

/**
 * What the schema says of a document: its kind (or why it has none), its control characters, the paths the
 * schema's errors make unreliable and the errors as diagnostics. Plain data, so the rule cache keeps it with
 * the parsed file (rule-cache.ts): it depends on nothing but the file's path and text, which key the entry.
 */
export interface SchemaCheck {
  readonly kind?: FileKind;
  readonly diagnostic?: Diagnostic;
  readonly controls?: readonly Diagnostic[];
  readonly broken?: readonly string[];
  readonly reported?: readonly Diagnostic[];
}

/**
 * Each document's check, computed once per parsed document: parsed documents are immutable and an editor's
 * parse cache hands back the same one for unchanged text, so a re-check after an edit validates only the
 * edited file against the schema; a document read from the rule cache comes with its check.
 */
const checks = new WeakMap<RuleDocument, SchemaCheck>();

export function schemaCheck(doc: RuleDocument): SchemaCheck {
  const known = checks.get(doc);
  if (known) return known;
  const { kind, diagnostic } = fileKind(doc);
  let result: SchemaCheck = { ...(kind ? { kind } : {}), ...(diagnostic ? { diagnostic } : {}) };
  if (kind) {
    const controls = controlCharacters(doc, kind);
    // An id with a control character is reported as such (R017), not again as "not a valid id".
    const errors = validateFile(kind, doc.data).filter((e) => !saidAsControlCharacter(e, controls.paths));
    const reported = schemaDiagnostics(doc, kind, errors);
    result = { ...result, controls: controls.diagnostics, broken: brokenPaths(errors), reported };
  }
  checks.set(doc, result);
  return result;
}

/** The check computed for `doc` so far, if any (what the rule cache writes). */
export function knownSchemaCheck(doc: RuleDocument): SchemaCheck | undefined {
  return checks.get(doc);
}

/** Gives `doc` the check an earlier process computed for the same file and text (the rule cache's). */
export function rememberSchemaCheck(doc: RuleDocument, check: SchemaCheck): void {
  checks.set(doc, check);
}

/** The values an error makes unreliable: its own, or a missing property's (an unknown key breaks nothing). */
function brokenPaths(errors: readonly ErrorObject[]): string[] {
  return errors
    .filter((e) => e.keyword !== "additionalProperties")
    .map((e) =>
      e.keyword === "required"
        ? `${e.instancePath}/${String((e.params as { missingProperty: string }).missingProperty)}`
        : e.instancePath,
    );
}

/** A schema error about the form of a value or key (pattern) that R017 already explains. */
function saidAsControlCharacter(e: ErrorObject, paths: ReadonlySet<string>): boolean {
  if (e.keyword === "propertyNames") return [...paths].some((p) => p.startsWith(`${e.instancePath}/`));
  if (e.keyword !== "pattern") return false;
  const key = e.propertyName === undefined ? undefined : `${e.instancePath}/${pointerSegment(e.propertyName)}`;
  return paths.has(e.instancePath) || (key !== undefined && paths.has(key));
}
