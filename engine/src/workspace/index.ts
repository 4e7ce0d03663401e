import type { FormulaReference } from "../check/checker.js";
import { allGroups } from "../model/groups.js";
import type { Ruleset } from "../model/ruleset.js";
import { checkFormulaCached } from "../rules/check-cache.js";
import { levelEnvironment } from "../rules/environment.js";
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
  [/^(?:\/groups\/\d+)*\/indicators\/\d+\/id$/, "indicator"],
  [/^\/block$/, "block"],
  [/^\/units\/\d+\/id$/, "unit"],
];

/** References written as YAML values in rule files (not in formulas). */
const RULE_REFERENCES: readonly [RegExp, SymbolKind][] = [
  [/^\/ratings\/\d+\/blocks\/\d+$/, "block"],
  [/^(?:\/groups\/\d+)*\/indicators\/\d+\/applies\/(units|except)\/\d+$/, "unit"],
  [/^(?:\/groups\/\d+)+\/applies\/(units|except)\/\d+$/, "unit"],
];

/** The last path segments (besides list positions) that the patterns above and below end in. */
const SYMBOL_KEYS = new Set(["id", "block", "unit", "field", "indicator"]);

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
 * file: when a version is re-loaded after an edit, a file whose document and formula references are the
 * same objects as before keeps its list, so only the edited file (or, when names changed, the files whose
 * formulas resolved again) is indexed again.
 */
export class SymbolIndex {
  /** Version folder -> file -> the file's occurrences in text order. */
  private readonly byVersion = new Map<string, Map<string, readonly Occurrence[]>>();
  private readonly byFile = new Map<string, readonly Occurrence[]>();

  /** Re-indexes one version after it was (re-)loaded. */
  update(version: VersionState): void {
    const old = this.byVersion.get(version.folder);
    const files = occurrencesByFile(version);
    this.byVersion.set(version.folder, files);
    this.regroup([...(old?.keys() ?? []), ...files.keys()]);
  }

  remove(folder: string): void {
    const old = this.byVersion.get(folder);
    if (!old) return;
    this.byVersion.delete(folder);
    this.regroup(old.keys());
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
    const out: Occurrence[] = [];
    for (const list of this.byVersion.get(o.version)?.values() ?? [])
      for (const d of list) if (d.role === "definition" && d.kind === o.kind && d.name === o.name) out.push(d);
    return sortOccurrences(out);
  }

  /** Every occurrence of the same symbol: same kind and name, in every version of its family. */
  occurrencesOf(o: Pick<Occurrence, "kind" | "name" | "scope">): Occurrence[] {
    const out: Occurrence[] = [];
    for (const x of this.all()) if (x.scope === o.scope && x.kind === o.kind && x.name === o.name) out.push(x);
    return sortOccurrences(out);
  }

  /** Every definition of the workspace, for workspace symbols. */
  definitions(): Occurrence[] {
    const out: Occurrence[] = [];
    for (const x of this.all()) if (x.role === "definition") out.push(x);
    return sortOccurrences(out);
  }

  /** The names defined in a scope (a family), by kind: for refusing a rename that would collide. */
  namesIn(scope: string, kinds: readonly SymbolKind[]): Map<string, Occurrence> {
    const out = new Map<string, Occurrence>();
    for (const x of this.all())
      if (x.scope === scope && x.role === "definition" && kinds.includes(x.kind) && !out.has(x.name))
        out.set(x.name, x);
    return out;
  }

  private *all(): Generator<Occurrence> {
    for (const files of this.byVersion.values()) for (const list of files.values()) yield* list;
  }

  /** The per-file lists of the given files again, from every version that reads them. */
  private regroup(files: Iterable<string>): void {
    for (const file of new Set(files)) {
      const lists: (readonly Occurrence[])[] = [];
      for (const v of this.byVersion.values()) {
        const list = v.get(file);
        if (list && list.length > 0) lists.push(list);
      }
      if (lists.length === 0) this.byFile.delete(file);
      else
        this.byFile.set(file, lists.length === 1 ? (lists[0] as readonly Occurrence[]) : sortOccurrences(lists.flat()));
    }
  }
}

/** A file's occurrences with what they were found from: reused while those are the same objects. */
interface FileIndex {
  readonly version: string;
  readonly scope: string;
  readonly references: readonly (readonly FormulaReference[])[];
  readonly list: readonly Occurrence[];
}

const indexedRules = new WeakMap<RuleDocument, FileIndex>();
const indexedTests = new WeakMap<RuleDocument, FileIndex>();

/** One version's occurrences, per file in text order. */
function occurrencesByFile(version: VersionState): Map<string, readonly Occurrence[]> {
  const references = new Map<string, FormulaReference[][]>();
  const push = (file: string, refs: readonly FormulaReference[]) => {
    const list = references.get(file) ?? [];
    list.push(refs as FormulaReference[]);
    references.set(file, list);
  };
  for (const formula of version.result.formulas) push(formula.source.at.file, formula.references);
  for (const level of levelFormulas(version.result.model)) push(level.file, level.references);
  const at = { version: version.folder, scope: version.family ?? version.folder };
  const out = new Map<string, readonly Occurrence[]>();
  const add = (doc: RuleDocument, list: readonly Occurrence[]) =>
    out.set(doc.file, out.has(doc.file) ? sortOccurrences([...(out.get(doc.file) ?? []), ...list]) : list);
  const scoreKind = scoreKinds(version.result.model);
  for (const doc of version.result.documents)
    add(doc, fileOccurrences(doc, false, references.get(doc.file) ?? [], at, scoreKind));
  for (const doc of version.tests.documents) add(doc, fileOccurrences(doc, true, [], at));
  return out;
}

/**
 * The references of the blocks' and groups' own formulas (`aggregation: formula`): `score(member)` names a
 * member indicator (a group is no symbol). The check's cache hands back the list the level check made.
 */
function levelFormulas(model: Ruleset | undefined): { file: string; references: readonly FormulaReference[] }[] {
  const out: { file: string; references: readonly FormulaReference[] }[] = [];
  for (const level of model?.blocks.flatMap((b) => [b, ...allGroups(b)]) ?? []) {
    const formula = level.aggregation === "formula" ? level.formula : undefined;
    if (!formula?.ast) continue;
    const { references } = checkFormulaCached(formula.ast, levelEnvironment(level), formula.at.file);
    out.push({ file: formula.at.file, references });
  }
  return out;
}

/** What `score(x)` names: a block or an indicator of the model (a group is no symbol: undefined). */
type ScoreKind = (id: string) => "block" | "indicator" | undefined;

function scoreKinds(model: Ruleset | undefined): ScoreKind {
  const blocks = new Set(model?.blocks.map((b) => b.id));
  const indicators = new Set(model?.blocks.flatMap((b) => b.indicators.map((i) => i.id)));
  return (id) => (indicators.has(id) ? "indicator" : blocks.has(id) ? "block" : undefined);
}

function fileOccurrences(
  doc: RuleDocument,
  test: boolean,
  references: readonly (readonly FormulaReference[])[],
  at: { version: string; scope: string },
  scoreKind: ScoreKind = () => undefined,
): readonly Occurrence[] {
  const cache = test ? indexedTests : indexedRules;
  const known = cache.get(doc);
  if (
    known &&
    known.version === at.version &&
    known.scope === at.scope &&
    known.references.length === references.length &&
    known.references.every((r, i) => r === references[i])
  )
    return known.list;
  // Objects are written out field by field: spreading a shared `base` into 20,000 objects is 20 times slower.
  const list: Occurrence[] = [];
  const add = (o: Located) =>
    list.push({ kind: o.kind, name: o.name, file: o.file, range: o.range, role: o.role, where: o.where, ...at });
  for (const o of valueOccurrences(doc, test)) add(o);
  for (const refs of references) for (const o of formulaOccurrences(doc, refs, scoreKind)) add(o);
  sortOccurrences(list);
  cache.set(doc, { ...at, references, list });
  return list;
}

/**
 * A formula's field and indicator references as occurrences, found once per list of references: the loader's
 * formula-check cache hands back the same list for a formula of an unchanged file, so a re-index after an
 * edit locates only the edited file's names again.
 */
const formulaFound = new WeakMap<readonly FormulaReference[], readonly Located[]>();

function formulaOccurrences(
  doc: RuleDocument,
  references: readonly FormulaReference[],
  scoreKind: ScoreKind,
): readonly Located[] {
  const known = formulaFound.get(references);
  if (known) return known;
  const out: Located[] = [];
  for (const ref of references) {
    const kind = ref.binding.kind;
    if (kind === "score") {
      // `score(x)` reads the score of block or indicator x: the id inside the brackets is a reference to it.
      const id = ref.binding.name.slice("score(".length, -1);
      const of = scoreKind(id);
      const range = of && scoreIdRange(doc, ref.range, id);
      if (of && range) out.push({ kind: of, name: id, file: doc.file, range, role: "reference", where: "formula" });
      continue;
    }
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
    // Only a non-empty text can name a symbol: test that before the patterns (every node of every file passes here).
    // The scalar's plain facts, not its node: a document read from the rule cache has no YAML tree until asked.
    const name = loc.scalar?.value;
    if (typeof name !== "string" || name === "") continue;
    if (!SYMBOL_KEYS.has(path.slice(path.lastIndexOf("/") + 1)) && !/\/\d+$/.test(path)) continue;
    const match = patterns.find(([re]) => re.test(path));
    if (!match) continue;
    const range = nameRange(doc, loc.value, name);
    const [, kind, role] = match;
    if (range) out.push({ kind, name, file: doc.file, range, role, where: test ? "test" : "rules" });
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

/** The range of `id` inside a `score(id)` written at `range` (any case, spaces inside the brackets). */
function scoreIdRange(doc: RuleDocument, range: Range, id: string): Range | undefined {
  const text = doc.text.slice(range.start.offset, range.end.offset);
  const m = /^score\s*\(\s*/i.exec(text);
  if (!m || !text.startsWith(id, m[0].length) || !/^\s*\)$/.test(text.slice(m[0].length + id.length))) return undefined;
  const start = range.start.offset + m[0].length;
  return doc.source.range(start, start + id.length);
}

function sortOccurrences(list: Occurrence[]): Occurrence[] {
  return list.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.range.start.offset - b.range.start.offset,
  );
}
