import { isCollection, isMap, isScalar } from "yaml";
import type { FormulaScope } from "../rules/environment.js";
import { fileKind } from "../rules/file-kind.js";
import type { FormulaRole } from "../rules/link.js";
import { scalarOffsets } from "../rules/scalar-offsets.js";
import { FILE_KINDS, type FileKind } from "../rules/schema.js";
import type { RuleDocument } from "../rules/yaml-document.js";
import { pathAtOffset } from "../rules/yaml-path.js";
import { type FormulaCursor, formulaCursor } from "./formula-cursor.js";
import { wordAround, type YamlContext, yamlContextAt } from "./yaml-context.js";

/**
 * What is at an offset of a rule file, for completion, hover, signature help and code actions: the YAML key
 * path, the scalar, and inside a formula the token, the name being written and the call with its active
 * argument. Works on a file that is mid-edit: the parsed document is used where it has the place, the
 * lines' indentation where it does not.
 */
export interface PositionContext {
  readonly kind?: FileKind;
  readonly yaml: YamlContext;
  /** The scalar the offset is in, when the parsed document has one there. */
  readonly scalar?: { readonly value: unknown; readonly start: number; readonly end: number };
  readonly formula?: FormulaAtPosition;
}

export interface FormulaAtPosition {
  readonly path: string;
  readonly role: FormulaRole;
  readonly scope: PlaceScope;
  readonly text: string;
  /** The offset in the formula's text. */
  readonly offset: number;
  /** A formula offset as a file offset (the same mapping that places the formula's diagnostics). */
  readonly toFile: (formulaOffset: number) => number;
  readonly cursor: FormulaCursor;
}

/** The names a formula reads: those of a rule's scope, or a level's own (its members' scores, `level`). */
export type PlaceScope = FormulaScope | "level";

// An indicator sits in the block or in a group at any depth (`/groups/0/groups/1/indicators/2`); a group's
// `applies.when` reads unit attributes as an indicator's does; a block's or group's own `formula`
// (`aggregation: formula`) reads its members' scores.
const FORMULA_PATHS: readonly [RegExp, FormulaRole, PlaceScope][] = [
  [/^(?:\/groups\/\d+)*\/indicators\/\d+\/formula$/, "formula", "indicator"],
  [/^(?:\/groups\/\d+)*\/indicators\/\d+\/score\/plan$/, "plan", "indicator"],
  [/^(?:\/groups\/\d+)*\/indicators\/\d+\/score\/formula$/, "score", "score"],
  [/^(?:\/groups\/\d+)*\/indicators\/\d+\/applies\/when$/, "when", "when"],
  [/^(?:\/groups\/\d+)+\/applies\/when$/, "when", "when"],
  [/^(?:\/groups\/\d+)*\/formula$/, "formula", "level"],
];

/** The formula role and name scope of a value path of a block file, or undefined when it holds no formula. */
export function formulaPlace(
  kind: FileKind | undefined,
  path: string,
): { role: FormulaRole; scope: PlaceScope } | undefined {
  if (kind !== "block") return undefined;
  const found = FORMULA_PATHS.find(([re]) => re.test(path));
  return found && { role: found[1], scope: found[2] };
}

/** The file's kind by its top-level key, also when the file does not parse as a whole. */
export function documentKind(doc: RuleDocument): FileKind | undefined {
  const known = fileKind(doc).kind;
  if (known) return known;
  const m = new RegExp(`^(${FILE_KINDS.join("|")})\\s*:`, "m").exec(doc.text);
  return m?.[1] as FileKind | undefined;
}

export function positionContext(doc: RuleDocument, offset: number): PositionContext {
  const kind = documentKind(doc);
  const parsed = parsedScalarAt(doc, offset);
  const yaml: YamlContext = parsed ? parsed.yaml : (flowCollectionAt(doc, offset) ?? yamlContextAt(doc.text, offset));
  const scalar = parsed?.scalar;
  const place = yaml.onKey ? undefined : formulaPlace(kind, yaml.path);
  const formula = place && formulaAt(doc, yaml, offset, place);
  return { ...(kind ? { kind } : {}), yaml, ...(scalar ? { scalar } : {}), ...(formula ? { formula } : {}) };
}

/** The scalar value (not a key) the parsed document has at the offset. */
function parsedScalarAt(
  doc: RuleDocument,
  offset: number,
): { yaml: YamlContext; scalar: { value: unknown; start: number; end: number } } | undefined {
  const found = pathAtOffset(doc, offset);
  if (!found || found.onKey) return undefined;
  const loc = doc.locations.get(found.path);
  if (!loc || !isScalar(loc.node) || loc.node.value === null) return undefined;
  const start = loc.value.start.offset;
  const end = loc.value.end.offset;
  if (offset < start || offset > end) return undefined;
  const lineStart = doc.text.lastIndexOf("\n", start - 1) + 1;
  const multiline = doc.text.slice(start, end).includes("\n");
  return {
    yaml: { path: found.path, onKey: false, start, end, valueStart: start, ...(multiline ? { multiline } : {}) },
    scalar: { value: loc.node.value, start: Math.max(start, lineStart), end },
  };
}

function formulaAt(
  doc: RuleDocument,
  yaml: YamlContext,
  offset: number,
  place: { role: FormulaRole; scope: PlaceScope },
): FormulaAtPosition | undefined {
  const mapped = mappedFormula(doc, yaml.path, offset) ?? lineFormula(doc, yaml, offset);
  if (!mapped) return undefined;
  const cursor = formulaCursor(mapped.text, mapped.offset);
  return { path: yaml.path, ...place, ...mapped, cursor };
}

/** The formula of a parsed scalar, with the engine's own mapping of formula offsets into the file. */
function mappedFormula(
  doc: RuleDocument,
  path: string,
  offset: number,
): { text: string; offset: number; toFile: (i: number) => number } | undefined {
  const loc = doc.locations.get(path);
  if (!loc || !isScalar(loc.node)) return undefined;
  const node = loc.node;
  const start = loc.value.start.offset;
  if (offset < start || offset > loc.value.end.offset) return undefined;
  if (typeof node.value === "number") {
    const text = doc.text.slice(start, loc.value.end.offset);
    return { text, offset: offset - start, toFile: (i) => start + Math.max(0, Math.min(i, text.length)) };
  }
  if (typeof node.value !== "string") return undefined;
  const offsets = scalarOffsets(doc.text, node);
  if (!offsets) return undefined;
  let i = 0;
  while (i + 1 < offsets.length && (offsets[i + 1] ?? 0) <= offset) i++;
  const text = node.value;
  return {
    text,
    offset: i,
    toFile: (k) => offsets[Math.max(0, Math.min(k, offsets.length - 1))] ?? start,
  };
}

/** A formula being written that the YAML reader cannot place (e.g. an unclosed quote): its line, as typed. */
function lineFormula(
  doc: RuleDocument,
  yaml: YamlContext,
  offset: number,
): { text: string; offset: number; toFile: (i: number) => number } | undefined {
  const lineStart = Math.max(doc.text.lastIndexOf("\n", offset - 1), doc.text.lastIndexOf("\r", offset - 1)) + 1;
  let start = yaml.valueStart !== undefined && yaml.valueStart >= lineStart ? yaml.valueStart : lineStart;
  while (start < offset && (doc.text[start] === " " || doc.text[start] === "\t")) start++;
  if (doc.text[start] === '"' || doc.text[start] === "'") start++;
  if (start > offset) return undefined;
  const lineEnd = /\r|\n/.exec(doc.text.slice(offset))?.index ?? doc.text.length - offset;
  const text = doc.text.slice(start, offset + lineEnd);
  return { text, offset: offset - start, toFile: (i) => start + Math.max(0, Math.min(i, text.length)) };
}

/** Inside `[ ... ]` or `{ ... }` between its items: a new item of the list, or a new key of the mapping. */
function flowCollectionAt(doc: RuleDocument, offset: number): YamlContext | undefined {
  const found = pathAtOffset(doc, offset);
  const node = found && !found.onKey ? doc.locations.get(found.path)?.node : undefined;
  if (!found || !node || !isCollection(node) || !node.flow) return undefined;
  const range = node.range;
  if (!range || offset <= range[0] || offset >= range[1]) return undefined;
  const lineStart = doc.text.lastIndexOf("\n", offset - 1) + 1;
  const word = wordAround(doc.text.slice(lineStart, offset + 200), offset - lineStart);
  const start = lineStart + word.start;
  const end = lineStart + word.end;
  if (isMap(node)) return { path: found.path, onKey: true, start, end };
  return { path: `${found.path}/${node.items.length}`, onKey: false, start, end, valueStart: start };
}
