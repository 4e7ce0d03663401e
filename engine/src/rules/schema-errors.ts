import type { ErrorObject } from "ajv";
import type { Diagnostic, Fix } from "../diagnostics/diagnostic.js";
import type { Range } from "../source/range.js";
import { closestNames, didYouMean } from "../util/did-you-mean.js";
import { RuleReadCode } from "./codes.js";
import { capitalize, describePath, orList, showValue, typeNoun, valueNoun } from "./describe-path.js";
import { FILE_KINDS, type FileKind, type SchemaNode } from "./schema.js";
import type { RuleDocument } from "./yaml-document.js";
import { elementRange, keyRange, valueAt, valueRange } from "./yaml-path.js";

/**
 * Turns ajv's errors for one file into diagnostics a methodologist can act on: one per mistake, at the
 * offending key or value, in plain words, with did-you-mean and a fix where one exists.
 *
 * ajv reports every branch of an `anyOf`; here the branch the value was meant for is chosen (the one whose
 * type the value has) and only its errors are kept. Score methods use ajv's discriminator, so ajv itself
 * checks only the branch that `method` names.
 */
export function schemaDiagnostics(doc: RuleDocument, kind: FileKind, errors: readonly ErrorObject[]): Diagnostic[] {
  const chosen = withoutTypoTwins(
    chooseBranches(errors.filter((e) => e.keyword !== "discriminator" && !e.propertyName)),
  );
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of chosen) {
    const diagnostic = toDiagnostic(doc, kind, error);
    const key = `${diagnostic.code}:${diagnostic.range.start.offset}:${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
  }
  return out;
}

/**
 * One typo, one diagnostic: `weigth: 3` is both an unknown key and a missing `weight`; the missing-key error
 * is dropped when an unknown key beside it is a near spelling of the missing one.
 */
function withoutTypoTwins<E extends ErrorObject>(errors: readonly E[]): E[] {
  const unknownKeys = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword !== "additionalProperties") continue;
    const key = String((e.params as { additionalProperty: string }).additionalProperty);
    unknownKeys.set(e.instancePath, [...(unknownKeys.get(e.instancePath) ?? []), key]);
  }
  return errors.filter((e) => {
    if (e.keyword !== "required") return true;
    const missing = String((e.params as { missingProperty: string }).missingProperty);
    const typos = unknownKeys.get(e.instancePath) ?? [];
    return !typos.some((t) => closestNames(t, [missing], 1).length > 0);
  });
}

type Branched = ErrorObject & { readonly alternatives?: readonly string[] };

/** Replaces each anyOf/oneOf error and its branches' errors by the errors of the branch that fits best. */
function chooseBranches(errors: readonly ErrorObject[]): Branched[] {
  let current: Branched[] = [...errors];
  const combinators = current
    .filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf")
    .sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const combinator of combinators) {
    if (!current.includes(combinator)) continue;
    const prefix = `${combinator.schemaPath}/`;
    const branches = new Map<number, Branched[]>();
    for (const e of current) {
      if (!e.schemaPath.startsWith(prefix)) continue;
      const index = Number(e.schemaPath.slice(prefix.length).split("/")[0]);
      branches.set(index, [...(branches.get(index) ?? []), e]);
    }
    const count = Array.isArray(combinator.schema) ? combinator.schema.length : branches.size;
    const fits = [...Array(count).keys()]
      .map((i) => ({ i, errors: branches.get(i) ?? [] }))
      .filter(({ errors: es }) => !es.some((e) => e.keyword === "type" && e.instancePath === combinator.instancePath))
      .sort((a, b) => a.errors.length - b.errors.length);
    const drop = new Set<ErrorObject>([combinator, ...[...branches.values()].flat()]);
    const best = fits[0];
    const replacement: Branched[] = best
      ? best.errors.map((e) => ({ ...e, alternatives: alternativesOf(combinator) }))
      : [{ ...combinator, alternatives: alternativesOf(combinator) }];
    current = [...current.filter((e) => !drop.has(e)), ...replacement];
  }
  return current;
}

/** How each branch of a combinator reads: "`all`", "a list". */
function alternativesOf(combinator: ErrorObject): string[] {
  const branches = (Array.isArray(combinator.schema) ? combinator.schema : []) as SchemaNode[];
  return branches.map((b) =>
    b.const !== undefined
      ? `\`${String(b.const)}\``
      : Array.isArray(b.type)
        ? orList(b.type.map(typeNoun))
        : typeNoun(String(b.type)),
  );
}

function toDiagnostic(doc: RuleDocument, kind: FileKind, error: Branched): Diagnostic {
  const path = error.instancePath;
  const data = doc.data;
  const what = describePath(data, path, kind);
  const value = valueAt(data, path);
  const base = { file: doc.file, severity: "error" as const };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return unknownKey(doc, kind, error, String(params.additionalProperty));
    case "required": {
      const missing = String(params.missingProperty);
      const localized = isLocalized(error.parentSchema);
      return {
        ...base,
        code: localized && missing === "kk" ? RuleReadCode.R109 : RuleReadCode.R102,
        message:
          localized && missing === "kk"
            ? `${capitalize(what)} has no Kazakh text (kk); Kazakh is required, Russian and English are optional`
            : `${capitalize(what)} has no \`${missing}\``,
        range: elementRange(doc, path),
        ...(localized && missing === "kk"
          ? { suggestion: "add the Kazakh text: `kk: ...` beside the other languages" }
          : requiredHint(error, missing)),
      };
    }
    case "type":
      return wrongType(doc, what, path, value, params.type as string | string[]);
    case "enum":
    case "const": {
      const allowed = (error.keyword === "enum" ? params.allowedValues : [params.allowedValue]) as unknown[];
      const names = allowed.map(String);
      const close = typeof value === "string" ? closestNames(value, names, 1) : [];
      const options = error.alternatives ?? names.map((n) => `\`${n}\``);
      const range = valueRange(doc, path);
      return {
        ...base,
        code: RuleReadCode.R104,
        message: `${showValue(value)} is not allowed for ${what}; use ${orList(error.alternatives ? options : names)}`,
        range,
        ...(close[0]
          ? {
              suggestion: `did you mean \`${close[0]}\`?`,
              fix: replaceFix(doc, range, close[0], `Change to ${close[0]}`),
            }
          : {}),
      };
    }
    case "pattern": {
      const hint = (error.parentSchema as SchemaNode | undefined)?.patternMessage as string | undefined;
      const last = path.slice(path.lastIndexOf("/") + 1);
      const owner = describePath(data, path.slice(0, path.lastIndexOf("/")), kind);
      const noun = ["id", "block", "ruleset"].includes(last) ? `id for ${owner}` : what;
      return {
        ...base,
        code: RuleReadCode.R105,
        message: `${showValue(value)} is not a valid ${noun}${hint ? `: ${hint}` : ""}`,
        range: valueRange(doc, path),
      };
    }
    case "propertyNames":
      return {
        ...base,
        code: RuleReadCode.R105,
        message: `${showValue(params.propertyName)} is not a valid name in ${what}: a name starts with a letter or _ and has only letters, digits and _`,
        range: keyRange(doc, `${path}/${String(params.propertyName).replace(/~/g, "~0").replace(/\//g, "~1")}`),
      };
    case "uniqueItems": {
      const [first, second] = [Number(params.i), Number(params.j)].sort((x, y) => x - y) as [number, number];
      const item = valueAt(data, `${path}/${second}`);
      return {
        ...base,
        code: RuleReadCode.R107,
        message: `${showValue(item)} is listed twice in ${what}`,
        range: valueRange(doc, `${path}/${second}`),
        related: [{ message: "first listed here", file: doc.file, range: valueRange(doc, `${path}/${first}`) }],
        suggestion: "remove the repeated item",
      };
    }
    case "anyOf":
    case "oneOf":
      return {
        ...base,
        code: RuleReadCode.R103,
        message: rangeMessage(error, what, value),
        range: valueRange(doc, path),
      };
    default:
      return {
        ...base,
        code: RuleReadCode.R106,
        message: rangeMessage(error, what, value),
        range: valueRange(doc, path),
      };
  }
}

function unknownKey(doc: RuleDocument, kind: FileKind, error: ErrorObject, key: string): Diagnostic {
  const parent = error.instancePath;
  const keyPath = `${parent}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  const range = keyRange(doc, keyPath);
  const allowed = Object.keys(((error.parentSchema as SchemaNode | undefined)?.properties ?? {}) as object);
  const present = new Set(Object.keys((valueAt(doc.data, parent) ?? {}) as object));
  const free = allowed.filter((k) => !present.has(k));
  const candidates = closestNames(key, free.length > 0 ? free : allowed, 3);
  const where = describePath(doc.data, parent, kind);
  const otherKind = parent === "" && (FILE_KINDS as readonly string[]).includes(key);
  const suggestion = otherKind
    ? `a rule file holds one kind of content; move \`${key}\` to a file of its own and list it in \`include\``
    : candidates.length > 0
      ? didYouMean(key, candidates)
      : `the keys here are ${orList(allowed.map((k) => `\`${k}\``))}`;
  const best = candidates[0];
  return {
    code: RuleReadCode.R101,
    severity: "error",
    message: `unknown key \`${key}\` in ${where}`,
    file: doc.file,
    range,
    ...(suggestion ? { suggestion } : {}),
    ...(best && candidates.length === 1 && !otherKind
      ? { fix: replaceFix(doc, range, best, `Rename to ${best}`) }
      : {}),
  };
}

function wrongType(doc: RuleDocument, what: string, path: string, value: unknown, type: string | string[]): Diagnostic {
  const types = Array.isArray(type) ? type : String(type).split(",");
  const expected = orList(types.map(typeNoun));
  const range = valueRange(doc, path);
  const base = { code: RuleReadCode.R103, severity: "error" as const, file: doc.file, range };
  if (value === null || value === undefined)
    return { ...base, message: `${capitalize(what)} is empty; write ${expected}` };
  const message = `${capitalize(what)} must be ${expected}, not ${valueNoun(value)} (${showValue(value)})`;
  const source = doc.text.slice(range.start.offset, range.end.offset);
  if (types.includes("number") && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return {
      ...base,
      message,
      suggestion: "a number in quotes is text; remove the quotes",
      fix: replaceFix(doc, range, value.trim(), "Remove the quotes"),
    };
  if (types.includes("string") && (typeof value === "number" || typeof value === "boolean"))
    return {
      ...base,
      message,
      suggestion: `put it in quotes: "${source}" (YAML reads 2026.10 as the number 2026.1 and yes as true)`,
      fix: replaceFix(doc, range, `"${source}"`, "Put in quotes"),
    };
  if (types.includes("array") && value !== null && typeof value !== "object")
    return {
      ...base,
      message,
      suggestion: `write a list, even of one item: [${source}]`,
      fix: replaceFix(doc, range, `[${source}]`, "Make a list"),
    };
  return { ...base, message };
}

function rangeMessage(error: ErrorObject, what: string, value: unknown): string {
  const limit = (error.params as { limit?: number }).limit;
  switch (error.keyword) {
    case "minimum":
      return `${capitalize(what)} must be at least ${limit}, not ${showValue(value)}`;
    case "maximum":
      return `${capitalize(what)} must be at most ${limit}, not ${showValue(value)}`;
    case "exclusiveMinimum":
      return `${capitalize(what)} must be more than ${limit}, not ${showValue(value)}`;
    case "exclusiveMaximum":
      return `${capitalize(what)} must be less than ${limit}, not ${showValue(value)}`;
    case "minItems":
      return limit === 1
        ? `${capitalize(what)} must not be empty`
        : `${capitalize(what)} needs at least ${limit} items`;
    case "minLength":
    case "minProperties":
      return `${capitalize(what)} must not be empty`;
    case "maxLength":
      return `${capitalize(what)} is longer than ${limit} characters`;
    case "anyOf":
    case "oneOf":
      return `${capitalize(what)} must be ${orList((error as Branched).alternatives ?? [])}, not ${valueNoun(value)}`;
    default:
      return `${capitalize(what)}: ${error.message ?? "not allowed here"}`;
  }
}

function isLocalized(schema: unknown): boolean {
  const properties = (schema as SchemaNode | undefined)?.properties;
  return Boolean(properties?.kk && properties.ru && properties.en);
}

function requiredHint(error: ErrorObject, missing: string): { suggestion?: string } {
  const description = (error.parentSchema as SchemaNode | undefined)?.properties?.[missing]?.description as
    | string
    | undefined;
  return description ? { suggestion: `add \`${missing}:\` (${lowerFirst(description.replace(/\.$/, ""))})` } : {};
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function replaceFix(doc: RuleDocument, range: Range, newText: string, title: string): Fix {
  return { title, edits: [{ file: doc.file, range, newText }] };
}
