import { join } from "node:path";
import { diskRuleCache, type RuleCache, ruleCacheDir } from "@tarazy/engine";

/**
 * Replaced by a hash of the bundle's text when `npm run build` writes dist/server.cjs
 * (language-server/scripts/bundle.mjs): another build never reads this one's entries. Left as is (the server
 * run from unbundled code), there is no cache.
 */
const BUILD = "tarazy-build:unbundled";

/**
 * The rule cache the server parses through (the CLI's: same folder, same entries' format, keyed by build, path
 * and text), so that a second start on the same files reads no YAML. None when the client says
 * `initializationOptions: { cache: false }`, with TARAZY_CACHE=off, or from an unbundled build.
 */
export function serverRuleCache(
  options: unknown,
  env: Readonly<Record<string, string | undefined>>,
  build = BUILD,
): RuleCache | undefined {
  if ((options as { cache?: unknown } | null)?.cache === false || build.endsWith(":unbundled")) return undefined;
  const dir = ruleCacheDir(env);
  return dir === undefined ? undefined : diskRuleCache(join(dir, "rules"), build);
}
