import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareHtml } from "../../src/diff/html.js";
import type { RankingEffect } from "../../src/diff/ranking-effect.js";
import { diffRulesets } from "../../src/diff/rules-diff.js";
import type { Ruleset } from "../../src/model/ruleset.js";
import { loadRuleset } from "../../src/rules/load.js";
import { expectGolden } from "../report/golden.js";
import { runInProcess } from "../support/run-cli.js";

/** The compare page: `tarazy diff --format html`, goldens on the mini fixture, and the page's rules by hand. */
const ROOT = resolve(import.meta.dirname, "../../..");
const MINI = "engine/test/scoring/fixtures/mini";
const PAIR = "engine/test/diff/fixtures/pair";
const GOLDEN = join(import.meta.dirname, "golden");
const cli = (...args: string[]) => runInProcess(args, ROOT);
const effectArgs = ["diff", `${MINI}/2025.1`, `${MINI}/2026.1`, "--data", `${MINI}/sample-data`, "--period", "2026-Q2"];

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** The text a reader sees in a part of the page: tags dropped, entities of the escaper read back. */
function visible(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

function row(html: string, unit: string): string {
  const found = new RegExp(`<tr data-unit="${unit}">.*?</tr>`).exec(html);
  return visible(found?.[0] ?? "").trim();
}

describe("tarazy diff --format html on the mini fixture (goldens; UPDATE_GOLDEN=1 rewrites them)", () => {
  it.each(["en", "kk", "ru"] as const)("the effect of 2026.1 on 2026-Q2, in %s", async (lang) => {
    const r = await cli(...effectArgs, "--format", "html", "--lang", lang);
    expect(r.code).toBe(0);
    expectGolden(GOLDEN, `mini-2026-Q2.${lang}.html`, r.stdout);
  });

  it("shows each unit's old and new total, rank and zone, the changes, and the block's mean change", async () => {
    const { stdout } = await cli(...effectArgs, "--format", "html", "--lang", "en");
    // 2026.1 cuts jobs_created's weight in economy from 3 to 1; jobs has no data in Q2, so it is left out
    // (not scored 0): Baidibek 59 -> 63.5, the others unchanged; economy's mean change (0 + 4.5 + 0) / 3 = 1.5.
    expect(row(stdout, "baidibek")).toBe("Baidibek 59.00 2 Red zone 63.50 2 Yellow zone +4.50 = unchanged");
    expect(row(stdout, "arys")).toBe("Arys 100.00 1 Green zone 100.00 1 Green zone 0.00 = unchanged");
    expect(stdout).toContain('<td class="num change up">+4.50</td>');
    expect(stdout).toContain('style="background:#c62828;color:#ffffff">Red zone</span> → <span class="grade"');
    expect(visible(stdout)).toContain(
      "Economy Mean change of the block's points: +1.50 Changed: indicator «Jobs created», weight : 3 → 1",
    );
    expect(visible(stdout)).toContain(
      "Under 2025.1, values without data are left out of the comparison (not scored 0): Jobs.",
    );
  });

  it("without data: the rule changes by block only, in the language asked", async () => {
    const r = await cli("diff", `${MINI}/2025.1`, `${MINI}/2026.1`, "--format", "html", "--lang", "ru");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('id="effect"');
    expect(visible(r.stdout)).toContain("Экономика Изменено: показатель «Жаңа жұмыс орындары», weight : 3 → 1");
    expect(r.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="ru">/);
  });

  it("--out FILE writes the same bytes it would print, and says where", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tarazy-compare-"));
    temps.push(dir);
    const file = join(dir, "sub", "compare.html");
    const printed = await cli(...effectArgs, "--format", "html", "--lang", "kk");
    const written = await cli(...effectArgs, "--format", "html", "--lang", "kk", "--out", file);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/^wrote .*compare\.html\n$/);
    expect(readFileSync(file, "utf8")).toBe(printed.stdout);
    // A folder that is a file: error O110 naming it, exit 1, nothing on stdout, no stack trace.
    const blocked = await cli(...effectArgs, "--format", "html", "--out", join(file, "x.html"));
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toBe("");
    expect(blocked.stderr).toContain("error O110: cannot write");
    expect(blocked.stderr).not.toMatch(/\n\s+at /);
  });

  it("bad usage: --out without --format html, --lang without data or html", async () => {
    const out = await cli("diff", `${MINI}/2025.1`, `${MINI}/2026.1`, "--out", "x.html");
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("--out goes with --format html");
    const lang = await cli("diff", `${MINI}/2025.1`, `${MINI}/2026.1`, "--lang", "ru");
    expect(lang.code).toBe(2);
  });

  it("the pair fixture's zone changes, computed by hand (cli.test.ts): west yellow -> green, north yellow -> red", async () => {
    const args = [
      "diff",
      PAIR,
      "2025.1",
      "2026.1",
      "--data",
      `${PAIR}/data`,
      "--period",
      "2026-Q1",
      "--format",
      "html",
    ];
    const { stdout } = await cli(...args, "--lang", "ru");
    const zones = visible(/<table class="zones">[\s\S]*?<\/table>/.exec(stdout)?.[0] ?? "");
    expect(zones).toContain("Запад Жёлтая зона → Зелёная зона 56,00 → 67,50");
    expect(zones).toContain("Север Жёлтая зона → Красная зона 57,00 → 47,50");
  });
});

describe("compareHtml: units rated by one version only, escaping", () => {
  const load = (v: string) => loadRuleset(join(ROOT, MINI, v)).ruleset as Ruleset;
  const before = load("2025.1");
  const base = load("2026.1");
  const [first] = base.units;
  if (!first) throw new Error("mini has units");
  const odd = '<b>"A&B"</b>';
  const after: Ruleset = {
    ...base,
    units: [...base.units, { ...first, id: "odd", name: { kk: odd, ru: odd, en: odd } }],
  };
  const hash = (r: Ruleset) => ({ id: r.id, version: r.version, hash: r.hash, rating: "quarterly" });
  const effect: RankingEffect = {
    period: "2026-Q2",
    old: hash(before),
    new: hash(after),
    units: [
      {
        unit: "arys",
        old: { score: 80, rank: 1, grade: "green" },
        new: { score: 70.25, rank: 1.5, grade: "yellow" },
        scoreChange: -9.75,
        rankChange: -0.5,
        blocks: {},
      },
      { unit: "odd", new: { score: 70.25, rank: 1.5, grade: "yellow" }, blocks: {} },
      { unit: 'x<&">', old: { score: 10, rank: 2, grade: "" }, blocks: {} },
    ],
    onlyOld: [],
    onlyNew: ["odd"],
    notRatedOld: ["kentau"],
    notRatedNew: ['x<&">'],
    movers: ["arys"],
    zoneChanges: [{ unit: "arys", from: "green", to: "yellow" }],
    blocks: [],
    otherChanges: [],
  };
  const html = compareHtml({ diff: diffRulesets(before, after), old: before, new: after, lang: "en", effect });

  it("a unit one version did not rate says why in place of its total, never a zero; no change is shown", () => {
    expect(row(html, "odd")).toBe(`${odd} not rated under 2025.1 70.25 1.5 Yellow zone`);
    expect(row(html, "x&lt;&amp;&quot;&gt;")).toBe('x<&"> 10.00 2 — too little data under 2026.1');
    expect(row(html, "arys")).toBe("Arys 80.00 1 Green zone 70.25 1.5 Yellow zone -9.75 ▼ 0.5 down 0.5");
    expect(visible(html)).toContain(`Only in 2026.1: ${odd}`);
    expect(visible(html)).toContain("Not rated in 2025.1 (too little data): Kentau");
  });

  it("escapes names and ids from the rule files and data", () => {
    expect(html).not.toContain("<b>");
    expect(html).not.toContain('x<&">');
    expect(html).toContain("&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;");
  });

  it("the same input gives the same bytes", () => {
    expect(compareHtml({ diff: diffRulesets(before, after), old: before, new: after, lang: "en", effect })).toBe(html);
  });
});
