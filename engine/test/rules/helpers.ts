import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { loadRuleset } from "../../src/rules/load.js";

export const MINI = join(import.meta.dirname, "fixtures", "mini");
export const MINI_2026 = join(MINI, "2026.1");

/** A copy of the mini family in a fresh temporary folder, with files replaced or added. */
export function miniCopy(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "tarazy-rules-"));
  cpSync(MINI, dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export const brief = (ds: readonly { code: string; range: { start: { line: number; column: number } } }[]) =>
  ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}`);

/**
 * Loads version 2026.1 of a mini copy (kept in `temporary` for the caller to remove) with text replacements
 * per file (relative to the version folder), given through the loader's readFile hook, and files added.
 */
export function loadEditedMini(
  temporary: string[],
  edits: Record<string, [string, string][]>,
  extra: Record<string, string> = {},
) {
  const dir = miniCopy(Object.fromEntries(Object.entries(extra).map(([k, v]) => [`2026.1/${k}`, v])));
  temporary.push(dir);
  const root = join(dir, "2026.1");
  return loadRuleset(root, { readFile: editedReader(root, edits) });
}

/** A loader readFile hook that applies text replacements to the files of `root` (paths relative to it). */
export function editedReader(root: string, edits: Record<string, [string, string][]>) {
  return (p: string) => {
    const list = edits[p.slice(root.length + 1)];
    if (!list) return undefined;
    let text = readFileSync(p, "utf8");
    for (const [a, b] of list) {
      if (!text.includes(a)) throw new Error(`no ${a} in ${p}`);
      text = text.replace(a, b);
    }
    return text;
  };
}
