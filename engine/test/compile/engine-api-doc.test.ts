import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";

const DOC = fileURLToPath(new URL("../../../docs/engine-api.md", import.meta.url));
const ENGINE = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
const COLUMNS_MARKER = "<!-- engine/test/compile/engine-api-doc.test.ts runs this block and compares its output. -->";

/** The fenced blocks of the page, in order, with their language. */
function blocks(markdown: string): { lang: string; code: string }[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1] ?? "", code: m[2] ?? "" }));
}

describe("docs/engine-api.md", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tarazy-engine-api-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs a ts block of the page against the engine's sources; what it prints, line by line. */
  async function run(name: string, code: string): Promise<string> {
    const file = path.join(dir, name);
    writeFileSync(file, code.replace('from "@tarazy/engine"', `from ${JSON.stringify(pathToFileURL(ENGINE).href)}`));
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((text: string) => {
      lines.push(text);
    });
    try {
      await import(pathToFileURL(file).href);
    } finally {
      log.mockRestore();
    }
    return `${lines.join("\n")}\n`;
  }

  it("runs its example and prints what the page says it prints", async () => {
    const all = blocks(readFileSync(DOC, "utf8"));
    const example = all.find((b) => b.lang === "ts");
    const printed = all[all.indexOf(example as never) + 1];
    if (!example || !printed) throw new Error("the example or its output block is missing");
    expect(await run("example.ts", example.code)).toBe(printed.code);
  });

  it("runs its example over whole columns and prints what the page says it prints", async () => {
    const markdown = readFileSync(DOC, "utf8");
    const at = markdown.indexOf(COLUMNS_MARKER);
    expect(at, "the marker comment before the example").toBeGreaterThan(0);
    const [example, printed] = blocks(markdown.slice(at));
    if (example?.lang !== "ts" || printed?.lang !== "") throw new Error("the example or its output block is missing");
    expect(await run("columns-example.ts", example.code)).toBe(printed.code);
  });
});
