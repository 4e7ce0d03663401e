import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runInProcess } from "../support/run-cli.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const MINI = "engine/test/scoring/fixtures/mini";

// biome-ignore lint/suspicious/noExplicitAny: the audit JSON is walked by key.
type Json = any;

async function auditJson(args: readonly string[], cwd = ROOT): Promise<{ json: Json; stderr: string; code: number }> {
  const run = await runInProcess(["audit", ...args, "--format", "json"], cwd);
  return { json: run.code === 0 ? JSON.parse(run.stdout) : undefined, stderr: run.stderr, code: run.code };
}

describe("tarazy audit on the mini ruleset (three districts, hand-computed)", () => {
  // Scores (docs/scoring.md's worked example): revenue_execution kentau 1, baidibek 0.8, arys 1;
  // jobs_created 1, 0.5, 0.2; totals 100, 63.5, 48.
  const args = [`${MINI}/2026.1`, "--data", `${MINI}/sample-data`, "--period", "2026-Q1"];

  test("Pearson r of an indicator with the total: deviations (1/15, -2/15, 1/15) and (29.5, -7, -22.5)", async () => {
    const { json, code } = await auditJson(args);
    expect(code).toBe(0);
    const revenue = json.indicators.find((i: Json) => i.id === "revenue_execution");
    // Σ dx dy = 21/15 = 1.4, Σ dx² = 2/75, Σ dy² = 1425.5: r = 1.4 / sqrt(2851/75).
    expect(revenue.withTotal.pearson).toBeCloseTo(1.4 / Math.sqrt(2851 / 75), 13);
    // Ranks of the scores 1, 0.8, 1 are 2.5, 1, 2.5; of the totals 3, 2, 1: deviations (0.5, -1, 0.5) and (1, 0, -1).
    expect(revenue.withTotal.spearman).toBe(0);
    expect(revenue.capShare).toBeCloseTo(2 / 3, 14);
    expect(revenue.nominalWeight).toBe(0.45); // 60/100 x 3/4
  });

  test("the block's Cronbach's alpha and first component", async () => {
    const { json } = await auditJson(args);
    const economy = json.blocks.find((b: Json) => b.id === "economy");
    // Item variances 1/75 and 0.49/3, sums 2, 1.3, 1.2 with variance 0.19: alpha = 2 (1 - (1/75 + 0.49/3) / 0.19).
    expect(economy.alpha).toBeCloseTo(2 * (1 - (1 / 75 + 0.49 / 3) / 0.19), 13);
    expect(economy.alphaUnits).toBe(3);
    // r(revenue, jobs): Σ dx dy = 1/75, Σ dx² = 2/75, Σ dy² = 0.98/3, so r = (1/75) / (1.4/15) = 1/7,
    // and the first component explains (1 + 1/7) / 2 = 4/7.
    expect(economy.correlations.pearson[0][1]).toBeCloseTo(1 / 7, 13);
    expect(economy.firstComponent).toBeCloseTo(4 / 7, 13);
  });

  test("effective importance is r² with the total, normalised: it adds up to 1 like the weights", async () => {
    const { json } = await auditJson(args);
    const r2 = json.indicators.map((i: Json) => i.withTotal.pearson ** 2);
    const sum = r2.reduce((s: number, x: number) => s + x, 0);
    json.indicators.forEach((i: Json, k: number) => {
      expect(i.importance).toBeCloseTo(r2[k] / sum, 13);
    });
    const blockSum = json.blocks.reduce((s: number, b: Json) => s + b.importance, 0);
    expect(blockSum).toBeCloseTo(1, 13);
  });

  test("findings are diagnostics at the indicator's line, and the text shows the tables", async () => {
    const { json, stderr } = await auditJson([...args, "--lang", "en"]);
    const codes = json.findings.map((d: Json) => `${d.code} ${d.file}:${d.range.start.line}`);
    expect(codes).toContain(`A103 ${MINI}/2026.1/blocks/01-economy.yaml:5`);
    expect(codes).toContain(`A301 ${MINI}/2026.1/blocks/01-economy.yaml:1`);
    expect(stderr).toContain(
      "01-economy.yaml:5:9: note A103: 66.67% of the units score the cap (1) on revenue_execution",
    );
    // The findings in the reader's language, on stderr and in the JSON alike (the default is kk).
    const kk = await auditJson(args);
    expect(kk.stderr).toContain(
      "01-economy.yaml:5:9: ескертпе A103: бағаланушылардың 66,67% revenue_execution бойынша жоғарғы шекті (1) алады",
    );
    const ru = await auditJson([...args, "--lang", "ru"]);
    const a103 = ru.json.findings.find((d: Json) => d.code === "A103");
    expect(a103.message).toBe("66,67% единиц получают по revenue_execution верхнюю границу (1)");
    expect(a103.suggestion).toMatch(/^граница, которой достигает большинство/);
    const text = await runInProcess(["audit", ...args, "--lang", "en"], ROOT);
    expect(text.stdout).toContain("revenue_execution");
    expect(text.stdout).toContain("Correlations between blocks");
    // In Kazakh and Russian (kk is the default, as for every command): no English in the tables.
    for (const lang of ["kk", "ru"]) {
      const local = await runInProcess(["audit", ...args, "--lang", lang], ROOT);
      expect(local.stdout).toContain("revenue_execution");
      expect(local.stdout).not.toMatch(
        /Statistical|Indicators|Blocks|Correlations|indicator|cover|weight|effect|skew|warnings|n\/a/,
      );
    }
    expect((await runInProcess(["audit", ...args, "--lang", "ru"], ROOT)).stdout).toContain("Корреляции между блоками");
  });

  test("thresholds set under `audit:` in ruleset.yaml replace the defaults", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tarazy-audit-"));
    cpSync(join(ROOT, MINI), dir, { recursive: true });
    const file = join(dir, "2026.1", "ruleset.yaml");
    writeFileSync(file, `${readFileSync(file, "utf8")}audit: { min_alpha: 0.1, floor_cap_share: 0.9 }\n`);
    const { json, code } = await auditJson(["2026.1", "--data", "sample-data", "--period", "2026-Q1"], dir);
    expect(code).toBe(0);
    expect(json.thresholds.min_alpha).toBe(0.1);
    expect(json.thresholds.skewness).toBe(2);
    expect(json.findings.map((d: Json) => d.code)).not.toContain("A301");
    expect(json.findings.map((d: Json) => d.code)).not.toContain("A103");
  });

  test("an unknown threshold is a rule error with its position", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tarazy-audit-"));
    cpSync(join(ROOT, MINI), dir, { recursive: true });
    const file = join(dir, "2026.1", "ruleset.yaml");
    writeFileSync(file, `${readFileSync(file, "utf8")}audit: { min_alfa: 0.1 }\n`);
    const run = await runInProcess(["audit", "2026.1", "--data", "sample-data", "--period", "2026-Q1"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("min_alfa");
  });
});

describe("tarazy audit on the Turkistan districts", () => {
  const args = ["rules/turkistan/districts", "--data", "rules/turkistan/districts/sample-data", "--period", "2026-Q3"];
  test("audits all 67 indicators in 9 blocks; flags the skewed indicator at its line", async () => {
    const { json, code } = await auditJson(args);
    expect(code).toBe(0);
    expect(json.units).toBe(17);
    expect(json.indicators).toHaveLength(67);
    expect(json.blocks).toHaveLength(9);
    const outlier = json.findings.find(
      (d: Json) => d.code === "A104" && d.message.startsWith("manufacturing_per_capita"),
    );
    expect(outlier.file).toBe("rules/turkistan/districts/2026.1/blocks/01-industry.yaml");
    const text = readFileSync(join(ROOT, outlier.file), "utf8").split("\n")[outlier.range.start.line - 1];
    expect(text).toContain("id: manufacturing_per_capita");
    const nominal = json.indicators.reduce((s: number, i: Json) => s + i.nominalWeight, 0);
    expect(nominal).toBeCloseTo(1, 12);
  });
  test("the same input gives the same bytes", async () => {
    const a = await runInProcess(["audit", ...args, "--format", "json"], ROOT);
    const b = await runInProcess(["audit", ...args, "--format", "json"], ROOT);
    expect(a.stdout).toBe(b.stdout);
  });
});

test("--format html: one self-contained page with the findings, the blocks and the correlation heat maps", async () => {
  const args = [
    `${MINI}/2026.1`,
    "--data",
    `${MINI}/sample-data`,
    "--period",
    "2026-Q1",
    "--format",
    "html",
    "--lang",
    "en",
  ];
  const run = await runInProcess(["audit", ...args], ROOT);
  expect(run.code).toBe(0);
  expect(run.stdout.startsWith("<!doctype html>")).toBe(true);
  expect(run.stdout).toContain(`${MINI}/2026.1/blocks/01-economy.yaml:5`);
  expect(run.stdout).toContain('<table class="heat">');
  // r(revenue_execution, jobs_created) = 1/7 = 0.14, printed in its cell.
  expect(run.stdout).toMatch(/<td style="background:#[0-9a-f]{6};color:#[0-9a-f]{6}">0\.14<\/td>/);
  expect(run.stdout).not.toMatch(/NaN|undefined|<script|https?:/);
});

test("--format html --lang ru: the page in Russian, the findings by their titles, no English", async () => {
  const args = [`${MINI}/2026.1`, "--data", `${MINI}/sample-data`, "--period", "2026-Q1", "--format", "html"];
  const run = await runInProcess(["audit", ...args, "--lang", "ru"], ROOT);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('<html lang="ru">');
  expect(run.stdout).toContain("Многие единицы на границе оценки");
  // The same correlation, in Russian notation.
  expect(run.stdout).toMatch(/<td style="background:#[0-9a-f]{6};color:#[0-9a-f]{6}">0,14<\/td>/);
  const text = run.stdout.replace(/<style>[^<]*<\/style>/, "").replace(/<[^>]+>/g, " ");
  expect(text).not.toMatch(/Statistical|Findings|Blocks|indicator|coverage|weight|importance|Pearson|units|score/);
});
