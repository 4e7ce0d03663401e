import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { dataFoldersOf, listRulesets, versionHeaders } from "@tarazy/engine";
import type { RulesetAtResult, RulesetInfo } from "./protocol.js";

/** tarazy/rulesets: every ruleset of the workspace folders with versions, data folders and periods. */
export async function rulesets(roots: readonly string[]): Promise<{ rulesets: RulesetInfo[] }> {
  return { rulesets: await listRulesets(roots) };
}

/** The version folder of a file: the nearest folder above it holding ruleset.yaml. */
function versionFolderOf(file: string): string | undefined {
  let dir = dirname(resolve(file));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, "ruleset.yaml"))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

/**
 * tarazy/rulesetAt: the ruleset (family or lone version folder) and version a file belongs to, and the data
 * folder previews use (the setting, else the first data folder beside the ruleset).
 */
export function rulesetAt(file: string, dataFolder: string | undefined): RulesetAtResult {
  const folder = versionFolderOf(file);
  if (!folder) return dataFolder ? { dataFolder } : {};
  const parent = dirname(folder);
  const family = versionHeaders(parent).some((h) => h.folder === folder) ? parent : undefined;
  const ruleset = family ?? folder;
  const version = versionHeaders(folder)[0]?.version;
  const data = dataFolder ?? dataFoldersOf(ruleset)[0];
  return { ruleset, ...(version ? { version } : {}), ...(data ? { dataFolder: data } : {}) };
}
