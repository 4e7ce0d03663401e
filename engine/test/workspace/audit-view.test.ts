import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadRuleset } from "../../src/rules/load.js";
import { parseRuleDocument } from "../../src/rules/yaml-document.js";
import { auditFigures, auditView } from "../../src/workspace/audit-view.js";
import { runInProcess } from "../support/run-cli.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const DISTRICTS = join(ROOT, "rules", "turkistan", "districts");

// biome-ignore lint/suspicious/noExplicitAny: the JSON is walked by key.
type Json = any;

describe("the audit for the editor is `tarazy audit` of the period the previews show", () => {
  test("Turkistan districts, 2026-Q3: the same findings at the same lines, the block lens from the same numbers", async () => {
    const ruleset = loadRuleset(join(DISTRICTS, "2026.1")).ruleset;
    if (!ruleset) throw new Error("the districts ruleset has errors");
    const view = await auditView(ruleset, join(DISTRICTS, "sample-data"));
    expect(view).toMatchObject({ rating: "quarterly", period: "2026-Q3" });
    const cli = await runInProcess(
      ["audit", join(DISTRICTS), "--data", join(DISTRICTS, "sample-data"), "--period", "2026-Q3", "--format", "json"],
      ROOT,
    );
    const json: Json = JSON.parse(cli.stdout);
    // The same findings at the same lines (the CLI prints paths relative to its working folder).
    const place = (file: string, line: number, code: string) => `${code} ${basename(file)}:${line}`;
    const fromView = [...(view?.findings ?? new Map()).entries()]
      .flatMap(([file, list]) => list.map((d: Json) => place(file, d.range.start.line, d.code)))
      .sort();
    const fromCli = json.findings.map((d: Json) => place(d.file, d.range.start.line, d.code)).sort();
    expect(fromView.length).toBeGreaterThan(5);
    expect(fromView).toEqual(fromCli);
    // The outlier the docs discuss, at its indicator's line in the industry block.
    const industry = join(DISTRICTS, "2026.1", "blocks", "01-industry.yaml");
    expect(
      view?.findings.get(industry)?.some((d) => d.code === "A104" && d.message.startsWith("manufacturing_per_capita")),
    ).toBe(true);
    // The block lens: effective importance beside nominal weight, as `tarazy audit` reports them.
    const { document } = parseRuleDocument(industry, readFileSync(industry, "utf8"));
    const [lens] = auditFigures(document, view, "en");
    const block = json.blocks.find((b: Json) => b.id === "industry");
    const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
    expect(lens?.text).toBe(
      `effective importance ${pct(block.importance)} · nominal weight ${pct(block.nominalWeight)} (audit, 2026-Q3)`,
    );
    expect(lens?.text).toContain("nominal weight 20.0%");
    expect(auditFigures(document, view, "ru")[0]?.text).toMatch(
      /^эффективная значимость \d+,\d% · номинальный вес 20,0% \(аудит, 2026-Q3\)$/,
    );
    // Not a block file: no lens.
    const fields = join(DISTRICTS, "2026.1", "ruleset.yaml");
    expect(auditFigures(parseRuleDocument(fields, readFileSync(fields, "utf8")).document, view, "en")).toEqual([]);
  }, 60_000);
});
