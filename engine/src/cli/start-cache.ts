import { join } from "node:path";
import { ruleCacheDir as defaultCacheDir } from "../rules/cache-dir.js";
import { useRuleCache } from "../rules/parse-once.js";
import { diskRuleCache } from "../rules/rule-cache.js";

/** The option that runs a command without the rule cache; runCli takes it out before the command sees it. */
export const NO_CACHE = "--no-cache";

/**
 * Replaced by a hash of the bundle's text when `npm run build` writes dist/tarazy.mjs
 * (engine/scripts/bundle-cli.mjs): another build never reads this one's entries. Left as is (the CLI run
 * from unbundled code), there is no cache.
 */
const BUILD = "tarazy-build:unbundled";

/**
 * Where the CLI keeps parsed rule files: $TARAZY_CACHE_DIR, else $XDG_CACHE_HOME/tarazy, else
 * ~/.cache/tarazy. Undefined (no cache) with `--no-cache`, TARAZY_CACHE=off, or no home to put it in.
 */
export function ruleCacheDir(argv: readonly string[], env: Readonly<Record<string, string | undefined>>) {
  return argv.includes(NO_CACHE) ? undefined : defaultCacheDir(env);
}

/** Sets the rule cache for this process, when the build is a bundle and a folder is given. */
export function startRuleCache(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): void {
  const dir = ruleCacheDir(argv, env);
  if (dir === undefined || BUILD.endsWith(":unbundled")) return;
  useRuleCache(diskRuleCache(join(dir, "rules"), BUILD));
}
