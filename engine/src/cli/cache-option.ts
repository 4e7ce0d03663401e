import { ruleCacheDir as defaultCacheDir } from "../rules/cache-dir.js";

/** The option that runs a command without the rule cache; runCli takes it out before the command sees it. */
export const NO_CACHE = "--no-cache";

/**
 * Where the CLI keeps parsed rule files and compiled code: $TARAZY_CACHE_DIR, else $XDG_CACHE_HOME/tarazy,
 * else ~/.cache/tarazy. Undefined (no cache) with `--no-cache`, TARAZY_CACHE=off, or no home to put it in.
 * Its own module, light to load: the bin (code-cache.ts) reads it before the CLI bundle is compiled.
 */
export function cliCacheDir(argv: readonly string[], env: Readonly<Record<string, string | undefined>>) {
  return argv.includes(NO_CACHE) ? undefined : defaultCacheDir(env);
}
