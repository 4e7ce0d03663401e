import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseMany, type SourceFile } from "../../src/rules/parse-many.js";
import { yamlFilesUnder } from "../../src/rules/read.js";
import type { Parsed } from "../../src/rules/rule-cache.js";
import { parseRuleDocument } from "../../src/rules/yaml-document.js";
import { Workspace } from "../../src/workspace/build.js";
import { workspaceSnapshot } from "../workspace/snapshot.js";

const ENGINE = join(import.meta.dirname, "..", "..");
const RULES = join(ENGINE, "..", "rules", "turkistan");

/** Every rule file of Turkistan and of the test corpus (broken YAML among them), with its text. */
const FILES: SourceFile[] = [...yamlFilesUnder(RULES), ...yamlFilesUnder(join(ENGINE, "test"))].map((file) => ({
  file,
  text: readFileSync(file, "utf8"),
}));

/** What the loader and the checks read of a parsed file: data, diagnostics, every location's plain facts. */
const facts = ({ document, diagnostics }: Parsed) => ({
  data: document.data,
  diagnostics,
  locations: [...document.locations].map(([path, l]) => [path, l.value, l.key, l.scalar, l.collection === true]),
});

describe("parseMany", () => {
  test("in worker threads gives what parsing each file here gives, in order", async () => {
    expect(FILES.length).toBeGreaterThan(100);
    const parsed = await parseMany(FILES, { threads: 3 });
    expect(parsed.map(facts)).toEqual(FILES.map(({ file, text }) => facts(parseRuleDocument(file, text))));
    // A worker's document parses its YAML tree again when asked.
    const i = FILES.findIndex((f) => f.file.endsWith("districts/2026.1/ruleset.yaml"));
    const { file, text } = FILES[i] as SourceFile;
    expect(String(parsed[i]?.document.yaml)).toBe(String(parseRuleDocument(file, text).document.yaml));
    expect(String(parsed[i]?.document.yaml)).toContain("version:");
  });

  test("a worker that cannot start: its files are parsed in this thread, with the same results", async () => {
    const script = new URL("file:///nonexistent/parse-worker.js");
    const parsed = await parseMany(FILES.slice(0, 40), { threads: 2, script });
    expect(parsed.map(facts)).toEqual(FILES.slice(0, 40).map(({ file, text }) => facts(parseRuleDocument(file, text))));
  });

  test("a workspace parsed ahead in workers shows what one parsed file by file shows", async () => {
    const fresh = new Workspace([RULES]);
    fresh.build();
    const ahead = new Workspace([RULES]);
    await ahead.preparse({ threads: 2 });
    ahead.build();
    expect(workspaceSnapshot(ahead, RULES)).toEqual(workspaceSnapshot(fresh, RULES));
  });
});
