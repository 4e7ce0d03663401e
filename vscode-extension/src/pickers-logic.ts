import type { RulesetInfo } from "./protocol.js";

function isInside(file: string, folder: string): boolean {
  const f = folder.replace(/[\\/]+$/, "");
  return file === f || file.startsWith(`${f}/`) || file.startsWith(`${f}\\`);
}

/** The ruleset a path (a file or folder in the editor) belongs to, if any. */
export function rulesetOf(rulesets: readonly RulesetInfo[], path: string | undefined): RulesetInfo | undefined {
  if (!path) return undefined;
  const inside = rulesets.filter((r) => isInside(path, r.path));
  return inside.sort((a, b) => b.path.length - a.path.length)[0];
}

/** The rulesets in the order to offer: the one of the active file first, the rest as the server listed them. */
export function orderRulesets(rulesets: readonly RulesetInfo[], activePath: string | undefined): RulesetInfo[] {
  const active = rulesetOf(rulesets, activePath);
  return active ? [active, ...rulesets.filter((r) => r !== active)] : [...rulesets];
}

/** The two versions compared by default: the one before the newest, and the newest (by start month). */
export function defaultComparison(
  versions: RulesetInfo["versions"],
): { old: RulesetInfo["versions"][number]; new: RulesetInfo["versions"][number] } | undefined {
  const sorted = [...versions].sort((a, b) => ((a.from ?? a.version) < (b.from ?? b.version) ? -1 : 1));
  const newest = sorted.at(-1);
  const before = sorted.at(-2);
  return newest && before ? { old: before, new: newest } : undefined;
}

/** A folder shown relative to the workspace folder that holds it. */
export function relativeLabel(path: string, roots: readonly string[]): string {
  for (const root of roots) {
    if (path === root) return ".";
    if (isInside(path, root)) return path.slice(root.length + 1).replaceAll("\\", "/");
  }
  return path;
}
