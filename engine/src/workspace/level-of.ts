import { allGroups } from "../model/groups.js";
import type { Block, Group, Ruleset } from "../model/ruleset.js";
import type { RuleDocument } from "../rules/yaml-document.js";
import { valueAt } from "../rules/yaml-path.js";

/**
 * The block or group whose own `formula` (`aggregation: formula`) is at `path` of a block file ("/formula",
 * "/groups/0/groups/1/formula"), found in the model by the file and the ids written there, so a group the
 * model could not build does not shift the others.
 */
export function levelOfFormula(doc: RuleDocument, path: string, model: Ruleset | undefined): Block | Group | undefined {
  const blockId = valueAt(doc.data, "/block");
  const block = model?.blocks.find((b) => b.id === blockId && b.at.file === doc.file);
  const parent = path.replace(/\/formula$/, "");
  if (!block || parent === "") return block;
  const id = valueAt(doc.data, `${parent}/id`);
  return allGroups(block).find((g) => g.id === id);
}
