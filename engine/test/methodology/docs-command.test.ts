import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { docsCommand, makeDocsCommand } from "../../src/cli/commands/docs.js";
import type { CliIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { diffRulesets } from "../../src/diff/rules-diff.js";
import { changeLines } from "../../src/methodology/changes.js";
import { plainText } from "../../src/methodology/rich-text.js";
import type { Ruleset } from "../../src/model/ruleset.js";
import { loadRuleset } from "../../src/rules/load.js";
import { rangeOfLength } from "../../src/source/range.js";
import { docRuleset } from "./fixture.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const FAMILY = join(ROOT, "rules/turkistan/districts");
const temp = mkdtempSync(join(tmpdir(), "tarazy-docs-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function captureIO(cwd = temp): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, isTTY: false, env: {}, out, err };
}

/** The command over a hand-made ruleset, with no previous version. */
const handMade = makeDocsCommand({
  load: () => ({ ruleset: docRuleset, diagnostics: [] }),
  previous: () => ({ kind: "first" }),
});

async function run(args: string[], command = handMade) {
  const io = captureIO();
  const code = await command.run(args, io);
  return { code, out: io.out.join(""), err: io.err.join("") };
}

describe("tarazy docs with a hand-made ruleset", () => {
  it("prints Markdown in Kazakh by default", async () => {
    const { code, out, err } = await run(["rules/demo"]);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out.startsWith("# Аудан, қала әкімдерінің қызметін бағалау (үлгі)\n")).toBe(true);
    expect(out).toContain("Бұл әдістеменің алғашқы нұсқасы.");
  });

  it("prints HTML with --format html", async () => {
    const { code, out } = await run(["rules/demo", "--lang", "en", "--format=html"]);
    expect(code).toBe(0);
    expect(out.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
  });

  it("writes methodology.LANG.md and .html into --out, or the one --format names", async () => {
    const dir = join(temp, "docs-out");
    const both = await run(["rules/demo", "--lang", "ru", "--out", dir]);
    expect(both.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["methodology.ru.html", "methodology.ru.md"]);
    expect(readFileSync(join(dir, "methodology.ru.md"), "utf8")).toContain("## 1. Назначение");
    // --out was absolute, so is what the command says it wrote (engine/test/cli/written-path.test.ts).
    expect(both.out).toBe(`wrote ${dir}/methodology.ru.md\nwrote ${dir}/methodology.ru.html\n`);
    const one = await run(["rules/demo", "--lang", "en", "--out", dir, "--format", "md"]);
    expect(one.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["methodology.en.md", "methodology.ru.html", "methodology.ru.md"]);
  });

  it("says plainly when --out cannot be written, exit 2", async () => {
    const file = join(temp, "a-file");
    writeFileSync(file, "");
    const { code, err } = await run(["rules/demo", "--out", join(file, "docs")]);
    expect(code).toBe(2);
    expect(err).toContain("error O110: cannot write");
  });

  it("refuses bad usage through the CLI with the usage text, exit 2", async () => {
    for (const args of [
      ["docs"],
      ["docs", "x", "--lang", "de"],
      ["docs", "x", "--format", "pdf"],
      ["docs", "x", "--colour", "red"],
      ["docs", "x", "y"],
      ["docs", "x", "--version", "1", "--period", "2026-Q1"],
      ["docs", "x", "--lang"],
    ]) {
      const io = captureIO();
      expect(await runCli(args, io), args.join(" ")).toBe(2);
      expect(io.err.join(""), args.join(" ")).toContain("Usage: tarazy docs RULESET");
    }
    const io = captureIO();
    await runCli(["docs", "x", "--lang", "de"], io);
    expect(io.err.join("")).toContain("--lang must be one of kk, ru, en, not 'de'");
  });

  it("prints the ruleset's errors and writes nothing, exit 1", async () => {
    const error: Diagnostic = {
      code: "R999",
      severity: "error",
      message: "something is wrong",
      file: "ruleset.yaml",
      range: rangeOfLength(1),
    };
    const broken = makeDocsCommand({ load: () => ({ diagnostics: [error] }), previous: () => ({ kind: "first" }) });
    const { code, out, err } = await run(["rules/demo"], broken);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toContain("ruleset.yaml:1:1: error R999: something is wrong");
  });

  it("warns when the previous version has errors and leaves the changes out", async () => {
    const warning: Diagnostic = {
      code: "O201",
      severity: "warning",
      message: "the previous version 2025.1 has errors, so the document leaves out the changes since it",
      range: rangeOfLength(0),
    };
    const command = makeDocsCommand({
      load: () => ({ ruleset: docRuleset, diagnostics: [] }),
      previous: () => ({ kind: "unreadable", version: "2025.1", diagnostic: warning }),
    });
    const { code, out, err } = await run(["rules/demo", "--lang", "en"], command);
    expect(code).toBe(0);
    expect(out).not.toContain("## 6.");
    expect(err).toContain("warning O201");
  });
});

describe("changes since the previous version, from the rules diff", () => {
  it("names what was added, removed, renamed and changed, in the language", () => {
    const [economy, governance] = docRuleset.blocks;
    if (!economy || !governance) throw new Error("fixture");
    const previous: Ruleset = {
      ...docRuleset,
      version: "2025.1",
      blocks: [
        { ...economy, weight: 50 },
        { ...governance, weight: 50, indicators: governance.indicators.filter((i) => i.id !== "complaints") },
      ],
    };
    const lines = changeLines(diffRulesets(previous, docRuleset), previous, docRuleset, "en").map(plainText);
    expect(lines).toEqual([
      "Changed: block «Economy», weight: 50 → 60",
      "Changed: block «Governance», weight: 50 → 40",
      "Added: indicator «Complaints per 10,000 residents»",
    ]);
    const ru = changeLines(diffRulesets(docRuleset, previous), docRuleset, previous, "ru").map(plainText);
    expect(ru).toContain("Исключено: показатель «Жалобы на 10 тыс. жителей»");
  });
});

describe("tarazy docs on the Turkistan districts family", () => {
  it("documents every indicator of the latest version and the changes since 2025.1", async () => {
    const loaded = loadRuleset(FAMILY);
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const ruleset = loaded.ruleset as Ruleset;
    const io = captureIO(ROOT);
    const code = await docsCommand.run(["rules/turkistan/districts", "--lang", "ru"], io);
    const out = io.out.join("");
    expect(code, io.err.join("")).toBe(0);
    const indicators = ruleset.blocks.flatMap((b) => b.indicators);
    expect(indicators.length).toBeGreaterThan(0);
    for (const i of indicators) expect(out, i.id).toContain(`. ${i.name.ru ?? i.name.kk}\n`);
    expect(out).toContain(`## 6. Изменения по сравнению с предыдущей версией\n\nПо сравнению с версией 2025.1:`);
  });
});
