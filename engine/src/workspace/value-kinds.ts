import type { FileKind } from "../rules/schema.js";

/** What a YAML value names where it refers to another element of the ruleset (or is a period). */
export type ReferenceKind = "unit" | "block" | "indicator" | "field" | "rating" | "kind" | "period";

/**
 * The places of the rule files that hold a reference, by file kind and JSON pointer. A list (`units: [a, b]`)
 * is matched with or without its item index, as a flow list being written has no items yet.
 */
const PLACES: readonly [FileKind, RegExp, ReferenceKind][] = [
  ["block", /^(?:\/groups\/\d+)*(?:\/indicators\/\d+)?\/applies\/(units|except)(\/\d+)?$/, "unit"],
  ["block", /^(?:\/groups\/\d+)*(?:\/indicators\/\d+)?\/applies\/kinds(\/\d+)?$/, "kind"],
  ["ruleset", /^\/ratings\/\d+\/blocks(\/\d+)?$/, "block"],
  ["ruleset", /^\/effective\/(from|to)$/, "period"],
  ["units", /^\/units\/\d+\/kind$/, "kind"],
  ["test", /^\/units(\/\d+)?$/, "unit"],
  ["test", /^\/rating$/, "rating"],
  ["test", /^\/period$/, "period"],
  ["test", /^\/data\/\d+\/unit$/, "unit"],
  ["test", /^\/data\/\d+\/field$/, "field"],
  ["test", /^\/data\/\d+\/period$/, "period"],
  ["test", /^\/expect\/\w+\/\d+\/unit$/, "unit"],
  ["test", /^\/expect\/\w+\/\d+\/indicator$/, "indicator"],
  ["test", /^\/expect\/\w+\/\d+\/block$/, "block"],
];

export function referenceKindAt(kind: FileKind | undefined, path: string): ReferenceKind | undefined {
  return PLACES.find(([k, re]) => k === kind && re.test(path))?.[2];
}

/** Where a file declares an element by its id (the definition itself, for hover). */
const DECLARATIONS: readonly [FileKind, RegExp, ReferenceKind][] = [
  ["block", /^\/block$/, "block"],
  ["block", /^(?:\/groups\/\d+)*\/indicators\/\d+\/id$/, "indicator"],
  ["fields", /^\/fields\/\d+\/id$/, "field"],
  ["units", /^\/units\/\d+\/id$/, "unit"],
  ["ruleset", /^\/ratings\/\d+\/id$/, "rating"],
];

export function declarationKindAt(kind: FileKind | undefined, path: string): ReferenceKind | undefined {
  return DECLARATIONS.find(([k, re]) => k === kind && re.test(path))?.[2];
}
