import type { TextEdit } from "../diagnostics/diagnostic.js";
import { isReserved } from "../rules/checks/reserved-names.js";
import { ruleSchema } from "../rules/schema.js";
import type { Range } from "../source/range.js";
import type { Workspace } from "./build.js";
import type { Occurrence, SymbolKind } from "./index.js";

/** What a rename will change: the symbol, the range of the name under the cursor, and how many places. */
export interface RenameTarget {
  readonly occurrence: Occurrence;
  readonly range: Range;
  /** In words, for the editor: "field `new_facilities`: 11 places in 9 files". */
  readonly description: string;
}

export type Refusal = { readonly refused: string };

/** Ids that each kind's `id` shares a namespace with (duplicate-ids.ts: fields and indicators share one). */
const NAMESPACE: Record<SymbolKind, readonly SymbolKind[]> = {
  field: ["field", "indicator"],
  indicator: ["field", "indicator"],
  block: ["block"],
  unit: ["unit"],
};

/** Where each kind's id is described in the JSON Schema: its pattern and the words for it. */
const ID_SCHEMA: Record<SymbolKind, readonly string[]> = {
  field: ["field", "properties", "id"],
  indicator: ["indicator", "properties", "id"],
  block: ["blockFile", "properties", "block"],
  unit: ["unit", "properties", "id"],
};

/** The symbol at a position, if it can be renamed from there; else why not. */
export function renameTarget(workspace: Workspace, file: string, offset: number): RenameTarget | Refusal {
  const occurrence = workspace.index.at(file, offset);
  if (!occurrence) return { refused: "only a field, indicator, block or unit id (or a use of one) can be renamed" };
  const all = workspace.index.occurrencesOf(occurrence);
  const files = new Set(all.map((o) => o.file)).size;
  return {
    occurrence,
    range: occurrence.range,
    description: `${occurrence.kind} \`${occurrence.name}\`: ${all.length} ${all.length === 1 ? "place" : "places"} in ${files} ${files === 1 ? "file" : "files"}`,
  };
}

/**
 * The edits that rename the symbol at a position everywhere it is written: its definition in every version of
 * its family, formulas, ratings, applicability lists and rule tests. Refused, with the reason, when the new
 * name is not a valid id, is a word of the formula language, or is already taken in its namespace.
 */
export function planRename(
  workspace: Workspace,
  file: string,
  offset: number,
  newName: string,
): { edits: TextEdit[]; target: RenameTarget } | Refusal {
  const target = renameTarget(workspace, file, offset);
  if ("refused" in target) return target;
  const { kind, name, scope } = target.occurrence;
  if (newName === name) return { edits: [], target };
  const invalid = invalidId(kind, newName);
  if (invalid) return { refused: invalid };
  const taken = workspace.index.namesIn(scope, NAMESPACE[kind]).get(newName);
  if (taken)
    return {
      refused: `\`${newName}\` is already the id of ${taken.kind === "indicator" ? "an" : "a"} ${taken.kind} (${taken.file}:${taken.range.start.line}); choose another name`,
    };
  const alias = aliasOf(workspace, scope, kind, newName);
  if (alias) return { refused: `\`${newName}\` is already an alias of the unit \`${alias}\`; choose another name` };
  const edits = workspace.index
    .occurrencesOf(target.occurrence)
    .map((o) => ({ file: o.file, range: o.range, newText: newName }));
  return { edits, target };
}

/** Why a name cannot be the kind's id, from the JSON Schema's pattern and the formula language's words. */
function invalidId(kind: SymbolKind, name: string): string | undefined {
  // biome-ignore lint/suspicious/noExplicitAny: the schema is plain JSON walked by key.
  let node: any = ruleSchema().definitions;
  for (const key of ID_SCHEMA[kind]) node = node?.[key];
  const pattern = typeof node?.pattern === "string" ? new RegExp(node.pattern, "u") : undefined;
  if (pattern && !pattern.test(name))
    return `\`${name}\` is not a valid ${kind} id: ${node.patternMessage ?? `it must match ${node.pattern}`}`;
  if (name === "__proto__") return "`__proto__` cannot be an id: results are keyed by id";
  if ((kind === "field" || kind === "indicator") && isReserved(name))
    return `\`${name}\` cannot be the id of ${kind === "field" ? "a field" : "an indicator"}: it is a word of the formula language`;
  return undefined;
}

/** The unit that has the name as an alias: data rows naming it would become ambiguous (R202). */
function aliasOf(workspace: Workspace, scope: string, kind: SymbolKind, name: string): string | undefined {
  if (kind !== "unit") return undefined;
  for (const v of workspace.allVersions()) {
    if ((v.family ?? v.folder) !== scope) continue;
    const unit = v.result.model?.units.find((u) => u.aliases.includes(name));
    if (unit) return unit.id;
  }
  return undefined;
}
