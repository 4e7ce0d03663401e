import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Ajv } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import { expectGolden } from "../report/golden.js";
import { runInProcess } from "../support/run-cli.js";

/** The CLI in process, from the repository root, so paths in the output are stable. */
const ROOT = resolve(import.meta.dirname, "../../..");
const PAIR = "engine/test/diff/fixtures/pair";
const DATA = `${PAIR}/data`;
const DISTRICTS = "rules/turkistan/districts";
const GOLDEN = join(import.meta.dirname, "golden");

const cli = (...args: string[]) => runInProcess(args, ROOT);

const schema = JSON.parse(readFileSync(join(ROOT, "engine/schema/ruleset-diff.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

const widest = (text: string) => Math.max(...text.split("\n").map((l) => l.length));

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe("tarazy diff --data --period: the pair fixture, computed by hand", () => {
  const args = ["diff", PAIR, "2025.1", "2026.1", "--data", DATA, "--period", "2026-Q1"];

  it("prints the effect as a table 100 columns wide, in English", async () => {
    const r = await cli(...args, "--lang", "en");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expectGolden(GOLDEN, "pair-2026-Q1.en.txt", r.stdout);
    expect(widest(r.stdout)).toBeLessThanOrEqual(100);
  });

  it("in Kazakh by default, and in Russian", async () => {
    const kk = await cli(...args);
    expect(kk.code).toBe(0);
    expectGolden(GOLDEN, "pair-2026-Q1.kk.txt", kk.stdout);
    expect(kk.stdout).toContain("Батыс: Сары аймақ -> Жасыл аймақ (56.00 -> 67.50)");
    const ru = await cli(...args, "--lang", "ru");
    expectGolden(GOLDEN, "pair-2026-Q1.ru.txt", ru.stdout);
    expect(ru.stdout).toContain("Север: Жёлтая зона -> Красная зона (57.00 -> 47.50)");
  });

  it("prints JSON that validates against ruleset-diff.schema.json, with the hand-computed numbers", async () => {
    const r = await cli(...args, "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expectGolden(GOLDEN, "pair-2026-Q1.json", r.stdout);
    // 2025.1: economy 60 (sales 30, jobs 30 with goalposts 0..100), social 40; 2026.1: 50 and 50, jobs 0..50.
    // north: 0.9*30 + 1*30 + 0 = 57 -> 0.9*25 + 1*25 + 0 = 47.5; south: 15 + 12 + 40 = 67 -> 12.5 + 20 + 50 = 82.5;
    // east: 30 + 3 + 20 = 53 -> 25 + 5 + 25 = 55 (yellow from 55: exactly on it); west: 21 + 15 + 20 = 56 -> 67.5.
    const units = json.effect.units.map(
      (u: {
        unit: string;
        old?: { score: number; rank: number; grade: string };
        new: { score: number; rank: number; grade: string };
        rankChange?: number;
      }) => [u.unit, u.old?.score, u.old?.rank, u.old?.grade, u.new.score, u.new.rank, u.new.grade, u.rankChange],
    );
    expect(units).toEqual([
      ["south", 67, 1, "green", 82.5, 1, "green", 0],
      ["west", 56, 3, "yellow", 67.5, 2, "green", 1],
      ["east", 53, 4, "yellow", 55, 3, "yellow", 1],
      ["north", 57, 2, "yellow", 47.5, 4, "red", -2],
    ]);
    // centre, new in 2026.1, has no data: not rated, so never ranked last at 0 or compared.
    expect(json.effect.notRatedNew).toEqual(["centre"]);
    expect(json.effect.notRatedOld).toEqual([]);
    expect(json.effect.movers).toEqual(["north", "west", "east", "south"]);
    expect(json.effect.zoneChanges).toEqual([
      { unit: "west", from: "yellow", to: "green" },
      { unit: "north", from: "yellow", to: "red" },
    ]);
    expect(json.effect.onlyNew).toEqual([]);
    // economy: -9.5, +5.5, -3, +6.5 over four units; social: 0, +10, +5, +5.
    expect(json.effect.blocks.map((b: { block: string; meanChange: number }) => [b.block, b.meanChange])).toEqual([
      ["economy", -0.125],
      ["social", 5],
    ]);
    expect(json.effect.otherChanges.map((c: { element: string; id: string }) => `${c.element} ${c.id}`)).toEqual([
      "ruleset pair",
      "ruleset pair",
      "grade yellow",
      "unit centre",
    ]);
    const again = await cli(...args, "--format", "json");
    expect(again.stdout).toBe(r.stdout);
  });

  it("--top and --rating", async () => {
    const r = await cli(...args, "--format", "json", "--top", "2", "--rating", "quarterly");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).effect.movers).toEqual(["north", "west"]);
  });

  it("the two version folders may be given, and --exit-code still says whether the rules changed", async () => {
    const r = await cli(
      "diff",
      `${PAIR}/2025.1`,
      `${PAIR}/2026.1`,
      "--data",
      DATA,
      "--period",
      "2026-Q1",
      "--exit-code",
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("pair 2025.1 -> pair 2026.1");
    const same = await cli(
      "diff",
      `${PAIR}/2026.1`,
      `${PAIR}/2026.1`,
      "--data",
      DATA,
      "--period",
      "2026-Q1",
      "--lang",
      "en",
    );
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("Biggest movers (by rank, then total):\n  none\n");
    expect(same.stdout).toContain("Zone changes:\n  none\n");
    expect(same.stdout).toContain("no rule changes");
  });

  it("the plain diff's JSON validates against the same schema, without an effect", async () => {
    const r = await cli("diff", PAIR, "2025.1", "2026.1", "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.effect).toBeUndefined();
  });
});

describe("tarazy diff --data: problems", () => {
  it("bad usage: exit 2 with the reason and the usage", async () => {
    const cases: [string[], string][] = [
      [["--period", "2026-Q1"], "--period goes with --data PATH... --period P"],
      [["--top", "3"], "--top goes with --data"],
      [["--data", DATA], "missing --period P"],
      [["--data", DATA, "--period", "2026-Q5"], "--period '2026-Q5' is not a period"],
      [["--data", DATA, "--period", "2026-Q1", "--top", "0"], "--top is a whole number from 1, not '0'"],
      [["--data", DATA, "--period", "2026-Q1", "--top", "x"], "--top is a whole number from 1, not 'x'"],
      [["--data", DATA, "--period", "2026-Q1", "--lang", "de"], "--lang is kk, ru or en, not 'de'"],
      [["--data", DATA, "--period", "2026-Q1", "--format", "csv"], "--format is text or json or html, not 'csv'"],
      [["--data", "--period", "2026-Q1"], "--data needs a path"],
      [["--data", DATA, "--period", "2026-Q1", "--colour"], "unknown option '--colour'"],
    ];
    for (const [extra, message] of cases) {
      const r = await cli("diff", PAIR, "2025.1", "2026.1", ...extra);
      expect(r.code, extra.join(" ")).toBe(2);
      expect(r.stderr, extra.join(" ")).toContain(message);
      expect(r.stderr).toContain("Usage: tarazy diff");
      expect(r.stdout).toBe("");
    }
  });

  it("an unknown rating or a period of another rhythm: a diagnostic, exit 1", async () => {
    const base = ["diff", PAIR, "2025.1", "2026.1", "--data", DATA];
    const rating = await cli(...base, "--period", "2026-Q1", "--rating", "quartrly");
    expect(rating.code).toBe(1);
    expect(rating.stderr).toContain("error S202: the ruleset has no rating 'quartrly' (it has: quarterly)");
    expect(rating.stderr).toContain("did you mean `quarterly`?");
    expect(rating.stdout).toBe("");
    const month = await cli(...base, "--period", "2026-03");
    expect(month.code).toBe(1);
    expect(month.stderr).toContain("S203");
  });

  it("a data problem is printed with its file, line and column, once; exit 1, never a stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tarazy-diff-"));
    temps.push(dir);
    cpSync(join(ROOT, DATA), dir, { recursive: true });
    const file = join(dir, "2026-Q1.csv");
    writeFileSync(file, `${readFileSync(file, "utf8")}nowhere,2026-Q1,sales,5\n`);
    const r = await cli("diff", PAIR, "2025.1", "2026.1", "--data", dir, "--period", "2026-Q1");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/2026-Q1\.csv:18:1: error D120: unknown unit "nowhere"/);
    expect(r.stderr.match(/error D120/g)).toHaveLength(1);
    expect(r.stderr).not.toContain("internal error");
  });

  it("a period without data is an error (S207) naming the fields and the files read, never a ranking of zeros", async () => {
    const r = await cli("diff", PAIR, "2025.1", "2026.1", "--data", DATA, "--period", "2026-Q2", "--format", "json");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error S207: no data for 2026-Q2");
    expect(r.stderr).toMatch(/the data read: .*2026-Q1\.csv \(2026-Q1\)/);
  });

  it("a data path that does not exist", async () => {
    const r = await cli("diff", PAIR, "2025.1", "2026.1", "--data", "no/such/folder", "--period", "2026-Q1");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no/such/folder");
    expect(r.stderr).not.toContain("internal error");
  });
});

describe("tarazy diff --data: Turkistan districts 2025.1 -> 2026.1 on the sample data", () => {
  const args = ["diff", DISTRICTS, "2025.1", "2026.1", "--data", `${DISTRICTS}/sample-data`, "--period", "2026-Q3"];

  it("the ranking effect for 2026-Q3 (golden; UPDATE_GOLDEN=1 rewrites it)", async () => {
    const r = await cli(...args, "--lang", "en");
    expect(r.code, r.stderr).toBe(0);
    expectGolden(GOLDEN, "turkistan-districts-2026-Q3.en.txt", r.stdout);
    const table = r.stdout.split("\n\n")[1] ?? "";
    expect(table.split("\n")).toHaveLength(2 + 17);
    expect(widest(table)).toBeLessThanOrEqual(100);
    const json = await cli(...args, "--format", "json");
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expectGolden(GOLDEN, "turkistan-districts-2026-Q3.json", json.stdout);
    // Every changed indicator is listed under its block; the social block holds the swapped indicator.
    const social = parsed.effect.blocks.find((b: { block: string }) => b.block === "social");
    expect(social.changes.map((c: { change: string; id: string }) => `${c.change} ${c.id}`)).toEqual(
      expect.arrayContaining(["removed asp_recipients_share", "added family_level_up"]),
    );
    expect(parsed.effect.units).toHaveLength(17);
  });
});
