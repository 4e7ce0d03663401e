import { join } from "node:path";
import { useRuleCache } from "../rules/parse-once.js";
import { diskRuleCache } from "../rules/rule-cache.js";
import { cliCacheDir } from "./cache-option.js";

export { NO_CACHE } from "./cache-option.js";

/**
 * Replaced by a hash of the bundle's text when `npm run build` writes dist/tarazy.cjs
 * (engine/scripts/bundle-cli.mjs): another build never reads this one's entries. Left as is (the CLI run
 * from unbundled code), there is no cache.
 */
const BUILD = "tarazy-build:unbundled";

/** Sets the rule cache for this process, when the build is a bundle and a folder is given. */
export function startRuleCache(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): void {
  const dir = cliCacheDir(argv, env);
  if (dir === undefined || BUILD.endsWith(":unbundled")) return;
  // main.ts flushes the cache at the end of every run: each new entry is written once, then, whole.
  useRuleCache(diskRuleCache(join(dir, "rules"), BUILD, { writeAtFlush: true }));
}
