import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The language server tests' rule cache for one vitest run: a fresh folder (so no run reads another's
 * entries, and runs in parallel worktrees do not share one), removed when the run ends.
 */
export function runCacheFolder(parent = tmpdir()): { readonly dir: string; readonly remove: () => void } {
  const dir = mkdtempSync(join(parent, "tarazy-lsp-test-cache-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's rule-cache folder of the language server tests (global-setup.ts). */
    lspCacheDir: string;
  }
}
