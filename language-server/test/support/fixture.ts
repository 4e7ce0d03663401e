import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's Turkistan rulesets (read only: tests that change files use a copy). */
export const TURKISTAN = fileURLToPath(new URL("../../../rules/turkistan/", import.meta.url));

/** A copy of the Turkistan rulesets (with or without their sample data) that a test may change; `remove` ends it. */
export function copyTurkistan(options: { sampleData?: boolean } = {}): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), "tarazy-ls-"));
  cpSync(TURKISTAN, root, {
    recursive: true,
    filter: (p) => options.sampleData === true || !p.includes("sample-data"),
  });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
