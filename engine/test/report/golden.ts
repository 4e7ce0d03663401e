import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";

/**
 * Compares text with a golden file. Run with UPDATE_GOLDEN=1 to write the files after a deliberate
 * change, then read the diff before committing it.
 */
export function expectGolden(folder: string, name: string, actual: string): void {
  const path = join(folder, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`golden file ${path} is missing: run the test with UPDATE_GOLDEN=1 to create it`);
  }
  expect(actual, `differs from ${path} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, "utf8"));
}
