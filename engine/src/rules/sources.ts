import type { Located } from "../model/ruleset.js";
import type { Range } from "../source/range.js";
import type { RuleDocument } from "./yaml-document.js";
import { elementRange, keyRange, valueRange } from "./yaml-path.js";

/**
 * Where every element of the rule model came from: its file and JSON pointer. Checks ask for the place of
 * any property (`sources.value(indicator, "weight")`) without the model carrying a range for each, and
 * learn whether a property had schema errors, so that they do not report a follow-on error.
 */
export class RulesetSources {
  /**
   * @param origin where elements were recorded; an editor's loads share one (ModelParts.origins), so that
   *   the elements of a model part reused from an earlier load keep their origin without recording it again.
   */
  constructor(private readonly origin = new WeakMap<object, { doc: RuleDocument; path: string }>()) {}

  private readonly broken = new Map<RuleDocument, Set<string>>();
  private readonly cutoffs = new Map<RuleDocument, number>();

  record(element: object, doc: RuleDocument, path: string): void {
    this.origin.set(element, { doc, path });
  }

  /** Marks the pointers at which the schema found errors in `doc`. */
  markBroken(doc: RuleDocument, paths: Iterable<string>): void {
    const set = this.broken.get(doc) ?? new Set<string>();
    for (const p of paths) set.add(p);
    this.broken.set(doc, set);
  }

  /**
   * Marks where a file's syntax error makes the rest unreliable: elements starting at or after `offset`
   * are left out of the model and their schema errors are not reported.
   */
  cutAt(doc: RuleDocument, offset: number): void {
    this.cutoffs.set(doc, offset);
  }

  /** Whether the value at `path` starts at or after the file's syntax error. */
  isCut(doc: RuleDocument, path: string): boolean {
    const cutoff = this.cutoffs.get(doc);
    const loc = doc.locations.get(path);
    return cutoff !== undefined && loc !== undefined && loc.value.start.offset >= cutoff;
  }

  cutoffOf(doc: RuleDocument): number | undefined {
    return this.cutoffs.get(doc);
  }

  originOf(element: object): { doc: RuleDocument; path: string } | undefined {
    return this.origin.get(element);
  }

  /** The range of a property's value (or of the element itself without `property`). */
  value(element: object, property?: string): Located | undefined {
    const o = this.origin.get(element);
    if (!o) return undefined;
    const path = property === undefined ? o.path : `${o.path}/${property}`;
    return { file: o.doc.file, range: property === undefined ? elementRange(o.doc, path) : valueRange(o.doc, path) };
  }

  /** The range of a property's key, e.g. `weight:`. */
  key(element: object, property: string): Located | undefined {
    const o = this.origin.get(element);
    return o && { file: o.doc.file, range: keyRange(o.doc, `${o.path}/${property}`) };
  }

  /** Whether the property is written in the file (not defaulted). */
  has(element: object, property: string): boolean {
    const o = this.origin.get(element);
    return Boolean(o?.doc.locations.has(`${o.path}/${property}`));
  }

  /** Whether the schema found an error at or inside the property (or the element, without `property`). */
  isBroken(element: object, property?: string): boolean {
    const o = this.origin.get(element);
    if (!o) return false;
    const set = this.broken.get(o.doc);
    if (!set) return false;
    const full = property === undefined ? o.path : `${o.path}/${property}`;
    for (const p of set) if (p === full || p.startsWith(`${full}/`)) return true;
    return false;
  }

  documentOf(element: object): RuleDocument | undefined {
    return this.origin.get(element)?.doc;
  }

  rangeAt(doc: RuleDocument, path: string): Range {
    return valueRange(doc, path);
  }
}
