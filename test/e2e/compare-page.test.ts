import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareHtml } from "../../engine/src/diff/html.js";
import { rankingEffect } from "../../engine/src/diff/ranking-effect.js";
import { rateBothVersions } from "../../engine/src/diff/rate-both.js";
import { diffRulesets } from "../../engine/src/diff/rules-diff.js";
import type { Ruleset } from "../../engine/src/model/ruleset.js";
import { loadRuleset } from "../../engine/src/rules/load.js";
import { launchBrowser } from "../support/browser.js";

/**
 * The compare page (`tarazy diff --format html`) in headless Chromium: the mini fixture's 2025.1 against 2026.1
 * with its sample data for 2026-Q2, in Russian. Nothing is fetched, the unit table is laid out with both
 * versions' columns, the change colours and zone colours are drawn, and the page needs no sideways scrolling.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const MINI = join(ROOT, "engine/test/scoring/fixtures/mini");
const temp = mkdtempSync(join(tmpdir(), "tarazy-compare-e2e-"));
let context: BrowserContext;
let page: Page;
const requests: string[] = [];

type WithComputedStyle = { getComputedStyle(element: unknown): Record<string, string | undefined> };
function css(locator: Locator, property: string): Promise<string> {
  return locator.evaluate(
    (el, p) => (globalThis as unknown as WithComputedStyle).getComputedStyle(el)[p] ?? "",
    property,
  );
}

beforeAll(async () => {
  const [before, after] = ["2025.1", "2026.1"].map((v) => loadRuleset(join(MINI, v)).ruleset as Ruleset) as [
    Ruleset,
    Ruleset,
  ];
  const both = await rateBothVersions(before, after, {
    data: [join(MINI, "sample-data")],
    period: { kind: "quarter", year: 2026, index: 2 },
    cwd: ROOT,
  });
  if (!both.rated) throw new Error("the mini fixture rates 2026-Q2 under both versions");
  const diff = diffRulesets(before, after);
  const effect = rankingEffect(both.rated[0], both.rated[1], { diff });
  const file = join(temp, "compare.html");
  writeFileSync(file, compareHtml({ diff, old: before, new: after, lang: "ru", effect, leftOut: both.leftOut }));
  context = await launchBrowser(join(temp, "profile"));
  const pageUrl = pathToFileURL(file).href;
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === pageUrl) return route.continue();
    requests.push(url);
    return route.abort();
  });
  page = await context.newPage();
  await page.goto(pageUrl, { waitUntil: "load" });
}, 120_000);

afterAll(async () => {
  await context?.close();
  rmSync(temp, { recursive: true, force: true });
});

describe("the compare page in Chromium", () => {
  it("makes no network request and is titled in Russian", async () => {
    expect(requests).toEqual([]);
    expect(await page.title()).toBe("Мини-рейтинг: 2025.1 → 2026.1");
  });

  it("lays out a row per unit with the old and the new version's columns under their heads", async () => {
    const rows = page.locator("table.compare tbody tr");
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).locator("td").count()).toBe(8);
    const heads = page.locator("table.compare thead th.version");
    expect(await heads.allTextContents()).toEqual(["2025.1", "2026.1"]);
    const [old, total] = [heads.nth(0), page.locator("table.compare thead tr").nth(1).locator("th").first()];
    const left = async (l: Locator) => (await l.boundingBox())?.x ?? Number.NaN;
    expect(await left(old)).toBeCloseTo(await left(total), 0);
  });

  it("draws a gain in green and the zones in their colours", async () => {
    const gain = page.locator('table.compare tr[data-unit="baidibek"] td.change.up');
    expect(await gain.textContent()).toBe("+4,50");
    expect(await css(gain, "color")).toBe("rgb(27, 127, 59)");
    const yellow = page.locator('table.compare tr[data-unit="baidibek"] .grade').nth(1);
    expect(await css(yellow, "background-color")).toBe("rgb(249, 168, 37)");
  });

  it("needs no sideways scrolling at 1200 px", async () => {
    const widths = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document;
      return {
        scroll: root.documentElement.scrollWidth,
        view: (globalThis as unknown as { innerWidth: number }).innerWidth,
      };
    });
    expect(widths.scroll).toBeLessThanOrEqual(widths.view);
  });
});
