import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/**
 * Where the CLI and the language server keep parsed rule files (rule-cache.ts): $TARAZY_CACHE_DIR, else
 * $XDG_CACHE_HOME/tarazy, else ~/.cache/tarazy. Undefined (no cache) with TARAZY_CACHE=off or no home to put
 * it in.
 */
export function ruleCacheDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.TARAZY_CACHE === "off") return undefined;
  if (env.TARAZY_CACHE_DIR) return env.TARAZY_CACHE_DIR;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, "tarazy");
  const home = env.HOME || homedir();
  return home ? join(home, ".cache", "tarazy") : undefined;
}
