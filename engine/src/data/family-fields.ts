import { dirname } from "node:path";
import type { Field, Ruleset } from "../model/ruleset.js";
import { isFamilyFolder, type LoadOptions, loadVersionFields, versionHeaders } from "../rules/load.js";
import type { FamilyFields } from "./readers/other-versions.js";

/** A version as far as the family's data needs it: where it is, its id, its fields. */
export interface VersionFields {
  readonly root: string;
  readonly version: string;
  readonly fields: readonly Pick<Field, "id" | "name">[];
}

/** The option of readDataFiles for `version`: the fields of every other version of `family`. */
export function familyFields(
  version: Pick<Ruleset, "root" | "version">,
  family: readonly VersionFields[],
): FamilyFields {
  const others = family.filter((v) => v.root !== version.root).map((v) => ({ version: v.version, fields: v.fields }));
  return { version: version.version, others };
}

/**
 * The fields of the other versions of the family `ruleset` belongs to (the folder above its version folder,
 * when that is a family), so that one data folder serves every version: undefined for a version alone.
 * The other versions' fields are read as far as they can be; their own problems are `tarazy validate`'s to report.
 */
export function loadFamilyFields(
  ruleset: Pick<Ruleset, "root" | "version">,
  options: Pick<LoadOptions, "readFile" | "loaded"> = {},
): FamilyFields | undefined {
  const folder = dirname(ruleset.root);
  if (folder === ruleset.root || !isFamilyFolder(folder)) return undefined;
  // Only the fields of each version are built: their blocks, formulas and checks are not the data's concern.
  const versions = versionHeaders(folder, options).flatMap(({ folder: root }) => {
    const model = loadVersionFields(root, options);
    return model ? [{ root: model.root, version: model.version, fields: model.fields }] : [];
  });
  const family = familyFields(ruleset, versions);
  return family.others.length > 0 ? family : undefined;
}
