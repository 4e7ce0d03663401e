import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** The built server the end-to-end tests drive, as an editor would start it. */
export const SERVER_BUNDLE = join(ROOT, "language-server/dist/server.cjs");

/**
 * Builds the server bundle when it is missing or older than a source of the server or the engine. `npm test`
 * builds before the tests run (typecheck runs `npm run build`), so this finds it; a single test file run with
 * `npx vitest run` after an edit gets a fresh bundle.
 */
export function ensureBundle(): void {
  const built = mtime(SERVER_BUNDLE);
  // The bundle copies engine/schema/ (the schema and its translations): a newer file there rebuilds it too.
  const newest = Math.max(
    ...["language-server/src", "engine/src", "engine/schema"].map((d) => newestUnder(join(ROOT, d))),
  );
  if (built !== undefined && built >= newest) return;
  execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-b"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  execFileSync(process.execPath, [join(ROOT, "language-server/scripts/bundle.mjs")], { cwd: ROOT, stdio: "inherit" });
}

function mtime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestUnder(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : (mtime(path) ?? 0));
  }
  return newest;
}
