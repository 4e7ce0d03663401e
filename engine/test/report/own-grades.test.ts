import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "../support/run-cli.js";

/**
 * A rating with grades of its own (the gallery's GDI: five groups on the deviation from parity, not on the
 * total): every face names the grade by its label, and the report's legend does not place them on the total.
 */
const ROOT = resolve(import.meta.dirname, "../../..");
const GDI = "rules/examples/gdi";
const args = [GDI, "--data", `${GDI}/data`, "--period", "2022", "--lang", "ru"];
const out = mkdtempSync(join(tmpdir(), "tarazy-own-grades-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("a rating's own grades in the ranking and the reports", () => {
  it("the ranking table shows the group's label (Seychelles, 1.064: group 3), not its id", async () => {
    const run = await runInProcess(["rate", ...args], ROOT);
    expect(run.code).toBe(0);
    const seychelles = run.stdout.split("\n").find((l) => l.includes("Сейшельские Острова"));
    expect(seychelles).toMatch(/1,064 Группа 3 /);
    expect(run.stdout).not.toMatch(/\bgroup\d\b/);
  });

  it("the HTML report's legend lists the five groups without a threshold on the total, and warns of nothing", async () => {
    const run = await runInProcess(["rate", ...args, "--out", out], ROOT);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain("O108");
    const html = readFileSync(join(out, "rating.html"), "utf8");
    const legend = html.match(/<ul class="grade-legend">(.*?)<\/ul>/)?.[1] ?? "";
    expect(legend.match(/<li>/g)).toHaveLength(5);
    expect(legend).toContain("Группа 1");
    expect(legend).not.toMatch(/от|from/);
  });

  it("a rating without grades (the gallery's GII): no grade column, badge or legend in HTML or CSV", async () => {
    const gii = "rules/examples/gii";
    const dir = join(out, "gii");
    const run = await runInProcess(
      ["rate", gii, "--data", `${gii}/data`, "--period", "2022", "--lang", "kk", "--out", dir],
      ROOT,
    );
    expect(run.code).toBe(0);
    const html = readFileSync(join(dir, "rating.html"), "utf8");
    expect(html).not.toContain('class="grade');
    const ranking = html.match(/<table class="ranking">(.*?)<\/thead>/s)?.[1] ?? "";
    expect(ranking).toContain("Орын");
    expect(ranking).not.toContain("Аймақ");
    const csv = readFileSync(join(dir, "rating.csv"), "utf8");
    const [header, first] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).not.toMatch(/grade/);
    // Denmark, rank 1: total, then its share with data (the separator is the report language's).
    expect(header?.split(/[;,]/).slice(0, 8)).toEqual([
      "period",
      "rank",
      "rank_change",
      "unit",
      "name",
      "total",
      "data_share",
      "zeroed",
    ]);
    expect(first).toMatch(/dnk/);
  });
});
