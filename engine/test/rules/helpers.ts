import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

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
