import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ratingHtml } from "../../engine/src/report/html.js";
import { buildReportView } from "../../engine/src/report/view.js";
import { fixtureDataFiles, fixtureRuleset, q1, q2 } from "../../engine/test/report/fixture.js";
import { launchBrowser } from "../support/browser.js";

/**
 * The HTML report in a real browser (headless Chromium from npm, see test/support/browser.ts): the ranking table,
 * the bars, the heat-map cells and the trend lines are there and laid out, and opening the report makes
 * no network request at all. A screenshot goes to a temporary file for a person to look at.
 */
const temp = mkdtempSync(join(tmpdir(), "tarazy-html-e2e-"));
let context: BrowserContext;
let page: Page;
const requests: string[] = [];

/** The computed CSS property of the element, read in the page (the test code has no DOM types). */
type WithComputedStyle = { getComputedStyle(element: unknown): Record<string, string | undefined> };
function css(locator: Locator, property: string): Promise<string> {
  return locator.evaluate(
    (el, p) => (globalThis as unknown as WithComputedStyle).getComputedStyle(el)[p] ?? "",
    property,
  );
}

// A long timeout: the first run on a machine unpacks the npm Chromium (about 60 MB) before starting it.
beforeAll(async () => {
  const view = buildReportView({ ruleset: fixtureRuleset, results: [q1, q2], lang: "kk", dataFiles: fixtureDataFiles });
  const file = join(temp, "rating.html");
  writeFileSync(file, ratingHtml(view));
  context = await launchBrowser(join(temp, "profile"));
  const pageUrl = pathToFileURL(file).href;
  // Every request but the page itself is recorded and refused.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === pageUrl) return route.continue();
    requests.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on("request", (r) => {
    if (r.url() !== pageUrl && !requests.includes(r.url())) requests.push(r.url());
  });
  await page.goto(pageUrl, { waitUntil: "load" });
}, 120_000);

afterAll(async () => {
  await context?.close();
  rmSync(temp, { recursive: true, force: true });
});

describe("rating.html in Chromium", () => {
  it("makes no network request", () => {
    expect(requests).toEqual([]);
  });

  it("shows the title in Kazakh and the ranking table with a row per unit", async () => {
    await expect(page.title()).resolves.toBe("Тоқсандық рейтинг: 2026 ж. II тоқсан");
    const rows = page.locator("table.ranking tbody tr");
    expect(await rows.count()).toBe(4);
    const first = (await rows.nth(0).locator("td, th").allInnerTexts()).map((t) => t.trim());
    expect(first[0]).toBe("1");
    expect(first[1]).toContain("▲ 1");
    expect(first.slice(2)).toEqual(["Түркістан қаласы", "91,33", "Жасыл аймақ", "100%"]);
    const badge = rows.nth(0).locator(".grade");
    expect(await css(badge, "backgroundColor")).toBe("rgb(46, 125, 50)");
    const headers = await page.locator("table.ranking thead th").allInnerTexts();
    expect(headers).toEqual(["Орын", "Өзгеріс", "Бағаланушы", "Жалпы балл", "Аймақ", "Деректер"]);
    // arys, not rated for too little data: listed under the ranking with its share and missing fields.
    const notRated = await page.locator("ul.not-rated li").allInnerTexts();
    expect(notRated).toEqual([
      "Арыс қаласы: салмақтың 10% деректермен қамтылған; жоқ: complaints, own_revenue, procurement_share, production",
    ]);
  });

  it("draws one bar per unit, longest for the highest total, as an image with a name", async () => {
    await expect(page.getByRole("img", { name: "Жалпы балдар: 2026 ж. II тоқсан" }).count()).resolves.toBe(1);
    const bars = page.locator("svg.bar-chart g.bar rect");
    expect(await bars.count()).toBe(4);
    const widths = await bars.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    // Totals 91.33, 79, 66.67, 41 on one scale: the widths keep their ratios.
    expect(widths[0]).toBeGreaterThan(widths[1] ?? 0);
    expect((widths[3] ?? 0) / (widths[0] ?? 1)).toBeCloseTo(41 / 91.33333333333334, 2);
    const fills = await bars.evaluateAll((els) => els.map((e) => e.getAttribute("fill")));
    expect(fills).toEqual(["#2e7d32", "#f9a825", "#f9a825", "#c62828"]);
  });

  it("shows a heat-map cell per unit and block with its number visible", async () => {
    const cells = page.locator("table.heatmap td.heat");
    expect(await cells.count()).toBe(8);
    const texts = await cells.allInnerTexts();
    expect(texts.slice(0, 2)).toEqual(["51,33", "40,00"]);
    const full = cells.nth(1);
    // 40 of 40: the green end of the scale; black text contrasts more there (5.6:1) than white (3.7:1).
    expect(await css(full, "backgroundColor")).toBe("rgb(26, 152, 80)");
    expect(await css(full, "color")).toBe("rgb(0, 0, 0)");
    expect(await full.isVisible()).toBe(true);
  });

  it("draws the rank trend with a line per unit when two periods are rated", async () => {
    expect(await page.locator("svg.rank-trend g.trend polyline").count()).toBe(4);
    const points = await page.locator('svg.rank-trend g.trend[data-unit="sairam"] polyline').getAttribute("points");
    // sairam went from rank 1 to rank 3: the line goes down the chart.
    const ys = (points ?? "").split(" ").map((p) => Number(p.split(",")[1]));
    expect(ys).toHaveLength(2);
    expect(ys[1]).toBeGreaterThan(ys[0] ?? Number.POSITIVE_INFINITY);
  });

  it("renders for print and on screen; screenshots go to a temporary file", async () => {
    const shots = mkdtempSync(join(tmpdir(), "tarazy-html-shot-"));
    await page.screenshot({ path: join(shots, "screen.png"), fullPage: true });
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: join(shots, "print.png"), fullPage: true });
    const pdf = await page.pdf({ format: "A4", landscape: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.emulateMedia({ media: "screen" });
    if (process.env.TARAZY_KEEP_SCREENSHOTS !== "1") rmSync(shots, { recursive: true, force: true });
    else console.log(`screenshots in ${shots}`);
  });
});
