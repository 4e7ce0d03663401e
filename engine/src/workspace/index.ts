import { isScalar } from "yaml";
import type { FormulaReference } from "../check/checker.js";
import type { RuleDocument } from "../rules/yaml-document.js";
import type { Range } from "../source/range.js";
import type { VersionState } from "./build.js";

/** The named things of a ruleset that can be defined in one place and referenced in others. */
export type SymbolKind = "field" | "indicator" | "block" | "unit";

/** One place where a symbol's name is written: where it is defined, or where it is used. */
export interface Occurrence {
  readonly kind: SymbolKind;
  readonly name: string;
  readonly file: string;
  /** Exactly the name's characters (inside the quotes of a quoted scalar). */
  readonly range: Range;
  readonly role: "definition" | "reference";
  /** The version folder whose rules or rule tests hold it. */
  readonly version: string;
  /**
   * What symbols are the same across versions: the family folder (a field keeps its id from version to version,
   * and `tarazy diff` matches by id), or the version folder of a ruleset without a family.
   */
  readonly scope: string;
  /** Where it is written: in a formula, a rule test, or a YAML value of the rules. */
  readonly where: "formula" | "test" | "rules";
}

/** The JSON pointers of definitions in rule files, by kind. */
const DEFINITIONS: readonly [RegExp, SymbolKind][] = [
  [/^\/fields\/\d+\/id$/, "field"],
  [/^\/indicators\/\d+\/id$/, "indicator"],
  [/^\/block$/, "block"],
  [/^\/units\/\d+\/id$/, "unit"],
];

/** References written as YAML values in rule files (not in formulas). */
const RULE_REFERENCES: readonly [RegExp, SymbolKind][] = [
  [/^\/ratings\/\d+\/blocks\/\d+$/, "block"],
  [/^\/indicators\/\d+\/applies\/(units|except)\/\d+$/, "unit"],
];

/** References in rule tests (tests/*.yaml). */
const TEST_REFERENCES: readonly [RegExp, SymbolKind][] = [
  [/^\/units\/\d+$/, "unit"],
  [/\/unit$/, "unit"],
  [/\/field$/, "field"],
  [/\/indicator$/, "indicator"],
  [/\/block$/, "block"],
];

/**
 * Which document defines or uses which symbol (fields, indicators, blocks, units), across every file and
 * version of a workspace: the "index symbols" and "link references" stages of the document lifecycle. Built
 * from what the loader already knows (the parsed documents and every formula's resolved references), per
 * version, and replaced whenever its version is re-checked.
 */
export class SymbolIndex {
  private readonly byVersion = new Map<string, Occurrence[]>();
  private readonly byFile = new Map<string, Occurrence[]>();

  /** Re-indexes one version after it was (re-)loaded. */
  update(version: VersionState): void {
    this.byVersion.set(version.folder, occurrencesOf(version));
    this.regroup();
  }

  remove(folder: string): void {
    if (this.byVersion.delete(folder)) this.regroup();
  }

  /** Every occurrence in a file, in text order. */
  inFile(file: string): readonly Occurrence[] {
    return this.byFile.get(file) ?? [];
  }

  /** The occurrence whose name holds the offset (an offset just after the name counts too). */
  at(file: string, offset: number): Occurrence | undefined {
    return this.inFile(file).find((o) => o.range.start.offset <= offset && offset <= o.range.end.offset);
  }

  /** Where the occurrence's symbol is defined in its own version; several when it is (wrongly) defined twice. */
  definitionsOf(o: Occurrence): Occurrence[] {
    return (this.byVersion.get(o.version) ?? []).filter(
      (d) => d.role === "definition" && d.kind === o.kind && d.name === o.name,
    );
  }

  /** Every occurrence of the same symbol: same kind and name, in every version of its family. */
  occurrencesOf(o: Pick<Occurrence, "kind" | "name" | "scope">): Occurrence[] {
    const out: Occurrence[] = [];
    for (const list of this.byVersion.values())
      for (const x of list) if (x.scope === o.scope && x.kind === o.kind && x.name === o.name) out.push(x);
    return sortOccurrences(out);
  }

  /** Every definition of the workspace, for workspace symbols. */
  definitions(): Occurrence[] {
    const out: Occurrence[] = [];
    for (const list of this.byVersion.values()) for (const x of list) if (x.role === "definition") out.push(x);
    return sortOccurrences(out);
  }

  /** The names defined in a scope (a family), by kind: for refusing a rename that would collide. */
  namesIn(scope: string, kinds: readonly SymbolKind[]): Map<string, Occurrence> {
    const out = new Map<string, Occurrence>();
    for (const list of this.byVersion.values())
      for (const x of list)
        if (x.scope === scope && x.role === "definition" && kinds.includes(x.kind) && !out.has(x.name))
          out.set(x.name, x);
    return out;
  }

  private regroup(): void {
    this.byFile.clear();
    for (const list of this.byVersion.values())
      for (const o of list) {
        const inFile = this.byFile.get(o.file) ?? [];
        inFile.push(o);
        this.byFile.set(o.file, inFile);
      }
    for (const [file, list] of this.byFile) this.byFile.set(file, sortOccurrences(list));
  }
}

/** Every definition and reference of one version: its rule files, its formulas and its rule tests. */
export function occurrencesOf(version: VersionState): Occurrence[] {
  // Objects are written out field by field: spreading a shared `base` into 20,000 objects is 20 times slower.
  const at = { version: version.folder, scope: version.family ?? version.folder };
  const out: Occurrence[] = [];
  const add = (o: Located) =>
    out.push({ kind: o.kind, name: o.name, file: o.file, range: o.range, role: o.role, where: o.where, ...at });
  for (const doc of version.result.documents) for (const o of valueOccurrences(doc, false)) add(o);
  for (const doc of version.tests.documents) for (const o of valueOccurrences(doc, true)) add(o);
  const docs = new Map(version.result.documents.map((d) => [d.file, d]));
  for (const formula of version.result.formulas) {
    const file = formula.source.at.file;
    const doc = docs.get(file);
    if (doc) for (const o of formulaOccurrences(doc, formula.references)) add(o);
  }
  return sortOccurrences(out);
}

/**
 * A formula's field and indicator references as occurrences, found once per list of references: the loader's
 * formula-check cache hands back the same list for a formula of an unchanged file, so a re-index after an
 * edit locates only the edited file's names again.
 */
const formulaFound = new WeakMap<readonly FormulaReference[], readonly Located[]>();

function formulaOccurrences(doc: RuleDocument, references: readonly FormulaReference[]): readonly Located[] {
  const known = formulaFound.get(references);
  if (known) return known;
  const out: Located[] = [];
  for (const ref of references) {
    const kind = ref.binding.kind;
    if (kind !== "field" && kind !== "indicator") continue;
    const range = nameRange(doc, ref.range, ref.binding.name);
    if (range) out.push({ kind, name: ref.binding.name, file: doc.file, range, role: "reference", where: "formula" });
  }
  formulaFound.set(references, out);
  return out;
}

type Located = Omit<Occurrence, "version" | "scope">;

/** A document's ids written as YAML values, found once per parsed document (documents are immutable). */
const found = new WeakMap<RuleDocument, readonly Located[]>();

function valueOccurrences(doc: RuleDocument, test: boolean): readonly Located[] {
  const known = found.get(doc);
  if (known) return known;
  const out: Located[] = [];
  const patterns: readonly (readonly [RegExp, SymbolKind, Located["role"]])[] = test
    ? TEST_REFERENCES.map(([re, kind]) => [re, kind, "reference"] as const)
    : [
        ...DEFINITIONS.map(([re, kind]) => [re, kind, "definition"] as const),
        ...RULE_REFERENCES.map(([re, kind]) => [re, kind, "reference"] as const),
      ];
  for (const [path, loc] of doc.locations) {
    const match = patterns.find(([re]) => re.test(path));
    if (!match || !isScalar(loc.node) || typeof loc.node.value !== "string" || loc.node.value === "") continue;
    const range = nameRange(doc, loc.value, loc.node.value);
    const [, kind, role] = match;
    if (range) out.push({ kind, name: loc.node.value, file: doc.file, range, role, where: test ? "test" : "rules" });
  }
  found.set(doc, out);
  return out;
}

/**
 * The range of exactly the name inside a value's range: the range itself, or inside the quotes of a quoted
 * scalar. Undefined when the text there is not the name (an escape in a quoted scalar): then the place cannot
 * be edited safely, and is left out.
 */
function nameRange(doc: RuleDocument, range: Range, name: string): Range | undefined {
  const { offset: start } = range.start;
  const { offset: end } = range.end;
  // startsWith compares in place: no string is cut out for the ~15,000 names of a large ruleset.
  if (end - start === name.length && doc.text.startsWith(name, start)) return range;
  const quote = doc.text[start];
  if ((quote === '"' || quote === "'") && end - start === name.length + 2 && doc.text.startsWith(name, start + 1))
    return doc.source.range(start + 1, end - 1);
  return undefined;
}

function sortOccurrences(list: Occurrence[]): Occurrence[] {
  return list.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.range.start.offset - b.range.start.offset,
  );
}
