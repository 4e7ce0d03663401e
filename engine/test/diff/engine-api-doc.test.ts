import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";

const DOC = fileURLToPath(new URL("../../../docs/engine-api.md", import.meta.url));
const ENGINE = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MARKER = "<!-- engine/test/diff/engine-api-doc.test.ts runs this block and compares its output. -->";

/** The first fenced block after `from` in the page, and the block after it (what it prints). */
function exampleAfter(markdown: string, from: number): { code: string; printed: string } {
  const fences = [...markdown.slice(from).matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)];
  const [example, printed] = fences;
  if (example?.[1] !== "ts" || printed?.[1] !== "") throw new Error("the example or its output block is missing");
  return { code: example[2] ?? "", printed: printed[2] ?? "" };
}

describe("docs/engine-api.md, rules, data and ratings", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tarazy-engine-api-scoring-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs its example and prints what the page says it prints", async () => {
    const markdown = readFileSync(DOC, "utf8");
    const at = markdown.indexOf(MARKER);
    expect(at, "the marker comment before the example").toBeGreaterThan(0);
    const { code, printed } = exampleAfter(markdown, at);
    expect(code).toContain('from "@tarazy/engine"');
    const file = path.join(dir, "scoring-example.ts");
    // The page's paths are relative to the repository root; the test does not depend on the working folder.
    const runnable = code
      .replace('from "@tarazy/engine"', `from ${JSON.stringify(pathToFileURL(ENGINE).href)}`)
      .replace(
        '"engine/test/scoring/fixtures/mini"',
        JSON.stringify(path.join(ROOT, "engine/test/scoring/fixtures/mini")),
      );
    expect(runnable).not.toContain('"engine/test/scoring/fixtures/mini"');
    writeFileSync(file, runnable);
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((text: string) => {
      lines.push(text);
    });
    try {
      await import(pathToFileURL(file).href);
    } finally {
      log.mockRestore();
    }
    expect(`${lines.join("\n")}\n`).toBe(printed);
  });
});
