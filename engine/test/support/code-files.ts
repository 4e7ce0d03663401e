import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const SRC = join(import.meta.dirname, "..", "..", "src");

/** Every source file that documents codes (calls defineCodes), so that no area is left out. */
function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return codeFiles(path);
    return name.endsWith(".ts") && /\bdefineCodes\(/.test(readFileSync(path, "utf8")) && !path.endsWith("catalog.ts")
      ? [path]
      : [];
  });
}

/** Loads every area's codes into the catalog (each registers at module load); returns how many files did. */
export async function loadAllCodes(): Promise<number> {
  const files = codeFiles(SRC);
  for (const file of files) await import(pathToFileURL(file).href);
  return files.length;
}
