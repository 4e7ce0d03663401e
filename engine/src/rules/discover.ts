import { basename, dirname, join, resolve } from "node:path";
import { listFolder, pathKind } from "./read.js";

export type RuleTarget =
  | { readonly kind: "family"; readonly path: string }
  | { readonly kind: "version"; readonly path: string }
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "missing"; readonly path: string };

/** Not searched: they hold tests and their fixtures (broken rulesets on purpose), data, or build output. */
const SKIP = new Set(["node_modules", "sample-data", "tests", "test", "fixtures", "dist"]);
const MAX_DEPTH = 6;

/**
 * What a path given to `tarazy validate` stands for: a rule file, a version folder, a family folder, or a
 * folder to search for rulesets (every family, and every version outside a family, in name order; folders
 * in SKIP are not searched, though a path given into one is checked).
 */
export function discoverRulesets(path: string): RuleTarget[] {
  const target = resolve(path);
  const kind = pathKind(target);
  if (kind === "none") return [{ kind: "missing", path: target }];
  if (kind === "file") return [{ kind: "file", path: target }];
  const found: RuleTarget[] = [];
  const seen = new Set<string>();
  const add = (t: RuleTarget) => {
    if (seen.has(t.path)) return;
    seen.add(t.path);
    found.push(t);
  };
  const walk = (dir: string, depth: number) => {
    if (isVersion(dir)) {
      const parent = dirname(dir);
      add(dir !== target && isFamily(parent) ? { kind: "family", path: parent } : { kind: "version", path: dir });
      return;
    }
    if (isFamily(dir)) {
      add({ kind: "family", path: dir });
      return;
    }
    if (depth >= MAX_DEPTH) return;
    for (const entry of listFolder(dir))
      if (entry.folder && !entry.name.startsWith(".") && !SKIP.has(entry.name)) walk(join(dir, entry.name), depth + 1);
  };
  walk(target, 0);
  return found;
}

function isVersion(dir: string): boolean {
  return pathKind(join(dir, "ruleset.yaml")) === "file";
}

/** A folder without ruleset.yaml holding at least one version folder. */
function isFamily(dir: string): boolean {
  if (isVersion(dir) || basename(dir) === "") return false;
  return listFolder(dir).some((e) => e.folder && isVersion(join(dir, e.name)));
}
