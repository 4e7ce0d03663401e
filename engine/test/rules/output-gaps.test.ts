import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { EXCERPT_WIDTH, excerptWindow } from "../../src/cli/render-diagnostics.js";
import { runInProcess } from "../support/run-cli.js";
import { miniCopy } from "./helpers.js";

/** What `tarazy validate` prints for files that are large, odd or broken in many places at once. */
describe("source excerpts", () => {
  test("a short line is shown whole, with the caret under the column", () => {
    expect(excerptWindow("    weight: 0", 13, 14)).toEqual({ text: "    weight: 0", caret: 12, width: 1 });
  });

  test("a long line is cut to a window around the column, marked with …", () => {
    const line = `${"x".repeat(1000)}BAD${"y".repeat(1000)}`;
    const shown = excerptWindow(line, 1001, 1004);
    expect(shown.text.length).toBeLessThanOrEqual(EXCERPT_WIDTH + 2);
    expect(shown.text.startsWith("…")).toBe(true);
    expect(shown.text.endsWith("…")).toBe(true);
    expect(shown.text.slice(shown.caret, shown.caret + shown.width)).toBe("BAD");
  });

  test("a control character is shown as one visible sign, keeping the caret in place", () => {
    const shown = excerptWindow("id: be\u0001ta", 7, 8);
    expect(shown.text).toBe("id: be\uFFFDta");
    expect(shown.text.charAt(shown.caret)).toBe("\uFFFD");
  });

  test("a 500 KB formula prints a few lines, not the formula", async () => {
    const formula = `${"revenue + ".repeat(25_000)}no_such_field${" + revenue".repeat(25_000)}`;
    const dir = miniCopy();
    const file = join(dir, "2026.1", "blocks", "01-economy.yaml");
    const text = readFileSync(file, "utf8").replace(
      "formula: ytd(revenue) / ytd(revenue_plan) * 100",
      `formula: ${formula}`,
    );
    writeFileSync(file, text);
    const run = await runInProcess(["validate", join(dir, "2026.1")], dir);
    rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("error F101: this formula is 500013 characters long");
    expect(run.stdout.length).toBeLessThan(5_000);
  });
});

describe("rate never fails with an error that names no file", () => {
  test("an empty ruleset.yaml is an error at that file", async () => {
    const dir = miniCopy({ "2026.1/ruleset.yaml": "# nothing yet\n" });
    const run = await runInProcess(["rate", "2026.1", "--data", ".", "--period", "2026-Q1"], dir);
    rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("2026.1/ruleset.yaml:1:1: error R015: the file is empty (or holds only comments)");
    expect(run.stderr).not.toContain("tarazy: error");
  });
});

describe("many problems at once", () => {
  test("the same error in many cells is shown once, with a count and the first few places", async () => {
    const dir = miniCopy();
    const rows = ["alpha", "beta", "gamma"].flatMap((u) => [1, 2, 3, 4].map((m) => `${u},2026-0${m},jobs,abc${m}`));
    writeFileSync(join(dir, "bad.csv"), `unit,period,field,value\n${rows.join("\n")}\n`);
    const run = await runInProcess(["data", "check", "2026.1", "--data", "bad.csv"], dir);
    rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.stdout.match(/error D130/g)).toHaveLength(1);
    expect(run.stdout).toContain('bad.csv:2:20: error D130: "abc1" is not a number');
    expect(run.stdout).toContain("= the same error at 11 more places: 3:20, 4:20, 5:20, 6:19, 7:19, and 6 more");
    expect(run.stdout).toContain("12 errors, 0 warnings");
  });

  test("a root cause (the alias limit) is printed before what follows from it", async () => {
    const run = await runInProcess(["validate", "."], join(import.meta.dirname, "corpus", "alias-bomb"));
    const cause = run.stdout.indexOf("error R012");
    expect(cause).toBeGreaterThan(0);
    expect(cause).toBeLessThan(run.stdout.indexOf("error R100"));
    expect(cause).toBeLessThan(run.stdout.indexOf("error R010"));
  });
});

describe("tarazy validate with no path", () => {
  const ROOT = join(import.meta.dirname, "..", "..", "..");

  test("checks the rulesets the repository's tarazy.yaml lists, and no test fixture", async () => {
    const run = await runInProcess(["validate"], ROOT);
    expect(run.code).toBe(0);
    const checked = run.stdout.split("\n").filter((l) => l.startsWith("checked "));
    expect(checked.map((l) => l.split(":")[0])).toEqual([
      "checked rules/turkistan/districts",
      "checked rules/turkistan/departments",
      "checked rules/turkistan/procurement",
      "checked rules/examples/hdi",
      "checked rules/examples/gdi",
      "checked rules/examples/gii",
    ]);
  });

  test("finds the project file in a folder above, and says what is wrong in it where it is", async () => {
    const dir = miniCopy({
      "tarazy.yaml": "rulesets:\n  - '2026.1'\n  - '2027.1'\n  - 2025.1\nruleset: [x]\n",
      "docs/readme.txt": "",
    });
    const run = await runInProcess(["validate"], join(dir, "docs"));
    rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("checked ../2026.1: mini 2026.1");
    expect(run.stdout).toContain("../tarazy.yaml:3:5: error R001: `2027.1` is not a folder");
    expect(run.stdout).toContain("../tarazy.yaml:4:5: error R007: `2025.1` is read as a number, not a path");
    expect(run.stdout).toContain("../tarazy.yaml:5:1: error R007: unknown key `ruleset` in the project file");
  });

  test("without a project file, searches the folder but not its test fixtures", async () => {
    const dir = miniCopy({ "test/fixtures/broken/ruleset.yaml": "ruleset: [\n" });
    const run = await runInProcess(["validate"], dir);
    rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("broken");
  });
});
