import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "../support/run-cli.js";
import { expectGolden } from "./golden.js";

/**
 * A block's groups in the rating report: the HDI of three made-up countries (the scoring fixture `groups`,
 * the values of its rule test) gets a column per group in its block detail, with the group's score on 0..1.
 * By hand: alpha health (80 - 20) / 65 = 0.923, education (18/18 + 12/15) / 2 = 0.9, income
 * ln 500 / ln 750 = 0.939; gamma's education is 9/18 = 0.5 alone (mean schooling missing, excluded).
 */
const ROOT = resolve(import.meta.dirname, "../../..");
const GOLDEN = join(import.meta.dirname, "golden", "groups");
const out = mkdtempSync(join(tmpdir(), "tarazy-report-groups-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The block detail section of each format (the manifest around it names versions and temporary paths). */
const section = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to));

describe("groups in the rating report", () => {
  it("shows each group's score in the block detail, in Markdown and HTML", async () => {
    const args = ["engine/test/scoring/fixtures/groups", "--data", "engine/test/report/fixtures/groups-2022.csv"];
    const run = await runInProcess(["rate", ...args, "--period", "2022", "--lang", "en", "--out", out], ROOT);
    expect(run.code).toBe(0);
    const md = section(readFileSync(join(out, "rating.md"), "utf8"), "## Block indicators", "## About");
    const html = section(readFileSync(join(out, "rating.html"), "utf8"), '<section id="details"', "</main>");
    expect(md).toContain("| Health (0–1) | Education (0–1) | Income (0–1) |");
    expect(md).toMatch(/\| Alpha \| [^|]+ \| 0\.923 \| 0\.900 \| 0\.939 \|/);
    expect(md).toMatch(/\| Gamma \| [^|]+ \| [^|]+ \| 0\.500 \| 0\.453 \|/);
    expectGolden(GOLDEN, "block-details.en.md", md);
    expectGolden(GOLDEN, "block-details.en.html", html);
  });
});
