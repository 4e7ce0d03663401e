import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..", "..");
const BIN = join(ROOT, "engine", "bin", "tarazy.js");

/** The built CLI as a user runs it, with its caches in `cacheDir`: everything it says, and its exit code. */
export function runBin(args: readonly string[], cacheDir: string) {
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TARAZY_CACHE_DIR: cacheDir, TARAZY_CACHE: "" },
    maxBuffer: 1 << 26,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}
