// The steps of the editor suite, in order. Each returns a note or throws; run.mjs screenshots each.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const INDUSTRY = "turkistan/districts/2026.1/blocks/01-industry.yaml";

/** The 1-based line of the first line of a workspace file that contains `text`. */
function lineOf(workspace, file, text) {
  const lines = readFileSync(join(workspace, file), "utf8").split("\n");
  const index = lines.findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`${file} has no line with ${text}`);
  return { line: index + 1, column: (lines[index] ?? "").indexOf(text) + 1, text: lines[index] ?? "" };
}

async function suggestions(wb) {
  const rows = wb.page.locator(".suggest-widget.visible .monaco-list-row");
  await rows.first().waitFor({ timeout: 20_000 });
  return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
}

export const steps = [
  {
    name: "broken-formula",
    title: "a broken formula shows a squiggle and a Problems entry with its code",
    async run({ wb, page, workspace }) {
      await wb.openFile("districts/2026.1/blocks/01-industry.yaml");
      const at = lineOf(workspace, INDUSTRY, "formula: ytd(new_facilities)");
      // Just before the closing bracket: the last letter of new_facilities becomes z.
      await wb.goTo(at.line, at.column + "formula: ytd(new_facilities".length);
      await page.keyboard.press("Backspace");
      await page.keyboard.type("z");
      await wb.until(
        "a red squiggle in the editor",
        async () => (await page.locator(".monaco-editor .squiggly-error").count()) > 0,
        60_000,
      );
      await page.keyboard.press("Control+Shift+M");
      const panel = page.locator(".markers-panel");
      await wb.until("the Problems panel lists F200 for new_facilitiez", async () => {
        const text = await panel.innerText();
        return text.includes("F200") && text.includes("new_facilitiez");
      });
      const entry = (await panel.innerText()).split("\n").find((l) => l.includes("new_facilitiez")) ?? "";
      return entry.trim();
    },
  },
  {
    name: "status-bar",
    title: "the status bar names the ruleset, the version in force and the data folder",
    async run({ wb, page }) {
      const item = page.locator(".statusbar-item", { hasText: "districts 2026.1" });
      await wb.until("the Tarazy status bar item", async () => (await item.count()) > 0, 30_000);
      const text = (await item.first().innerText()).trim();
      if (!text.includes("sample-data")) throw new Error(`the item says ${text}`);
      return text;
    },
  },
  {
    name: "completion",
    title: "completion in a formula offers fields and functions",
    async run({ wb, page, workspace }) {
      await page.keyboard.press("Control+Z");
      await page.keyboard.press("Control+Z");
      const at = lineOf(workspace, INDUSTRY, "formula: ytd(new_facilities)");
      await wb.goTo(at.line, at.text.length + 1);
      await page.keyboard.type(" + new_f");
      await page.keyboard.press("Control+Space");
      const fields = await suggestions(wb);
      if (!fields.some((s) => s.startsWith("new_facilities")))
        throw new Error(`no field new_facilities among: ${fields.join(" | ")}`);
      await page.keyboard.press("Escape");
      for (let i = 0; i < "new_f".length; i++) await page.keyboard.press("Backspace");
      await page.keyboard.type("roun");
      await page.keyboard.press("Control+Space");
      const functions = await suggestions(wb);
      if (!functions.some((s) => /^round\b/.test(s)))
        throw new Error(`no function round among: ${functions.join(" | ")}`);
      // Back to the text on disk, so that later steps start from the rules as they are.
      await page.keyboard.press("Escape");
      await wb.command("File: Revert File");
      return `${fields[0]}; ${functions[0]}`;
    },
  },
  {
    name: "hover",
    title: "hover shows an indicator's names",
    async run({ wb, page, workspace }) {
      await page.keyboard.press("Escape");
      const text = readFileSync(join(workspace, INDUSTRY), "utf8");
      const id = /^\s*-\s*id:\s*([\w]+)/m.exec(text)?.[1];
      if (!id) throw new Error("no indicator id in 01-industry.yaml");
      const after = text.slice(text.indexOf(`id: ${id}`));
      const en = /\ben:\s*(.+)/
        .exec(after)?.[1]
        ?.trim()
        .replace(/^["']|["']$/g, "");
      const kk = /\bkk:\s*(.+)/
        .exec(after)?.[1]
        ?.trim()
        .replace(/^["']|["']$/g, "");
      const at = lineOf(workspace, INDUSTRY, `id: ${id}`);
      await wb.goTo(at.line, at.column + 5);
      await page.keyboard.press("Control+K");
      await page.keyboard.press("Control+I");
      const hover = page.locator(".monaco-hover:not(.hidden)").first();
      await hover.waitFor({ timeout: 20_000 });
      const shown = await wb.until(`a hover naming ${id} in kk and en`, async () => {
        const t = (await hover.innerText()).replace(/\s+/g, " ");
        return t.includes(kk ?? "\u0000") && t.includes(en ?? "\u0000") ? t : false;
      });
      return shown.slice(0, 120);
    },
  },
  {
    name: "rate",
    title: "Rate... shows the ranking webview with 17 units",
    async run({ wb }) {
      await wb.command("Tarazy: Rate...");
      await wb.pick("turkistan-districts", { title: "Ruleset" });
      await wb.pick("sample-data", { title: "Data folder" });
      await wb.pick("2026-Q3", { title: "Period" });
      const frame = await wb.waitInWebviews("table.ranking tr[data-unit]", 90_000);
      const rows = await frame.locator("table.ranking tr[data-unit]").count();
      if (rows !== 17) throw new Error(`the ranking has ${rows} rows, not 17`);
      for (const view of ["#totals svg", "#blocks table", '[data-export="xlsx"]'])
        if ((await frame.locator(view).count()) === 0) throw new Error(`the rating webview has no ${view}`);
      return `${rows} units, bar chart, heat map, export buttons`;
    },
  },
  {
    name: "explain",
    title: "Explain shows a unit's trace, its figures linked to their rules",
    async run({ wb, page, workspace }) {
      await wb.command("Tarazy: Explain unit...");
      await wb.pick("turkistan-districts", { title: "Ruleset" });
      await wb.pick("sample-data", { title: "Data folder" });
      await wb.pick("2026-Q3", { title: "Period" });
      await wb.pick("sairam", { title: "Unit" });
      const frame = await wb.waitInWebviews(".tz-explain h1", 90_000);
      const title = await frame.locator(".tz-explain h1").innerText();
      if (!title.includes("(sairam)")) throw new Error(`the trace is of ${title}`);
      const indicators = await frame.locator(".tz-indicator").count();
      if (indicators < 60) throw new Error(`the trace shows ${indicators} indicators`);
      // An indicator of another block file: its link opens that file at the indicator's formula.
      const agro = "turkistan/districts/2026.1/blocks/05-agro.yaml";
      const id = /^\s*-\s*id:\s*(\w+)/m.exec(readFileSync(join(workspace, agro), "utf8"))?.[1] ?? "";
      const text = readFileSync(join(workspace, agro), "utf8").split("\n");
      const idLine = text.findIndex((l) => l.includes(`id: ${id}`));
      const formulaLine = text.findIndex((l, i) => i > idLine && /^\s*formula:/.test(l)) + 1;
      await frame.locator(`.tz-indicator[data-indicator="${id}"] h3 .tz-link`).click();
      await wb.until(`05-agro.yaml opens at the formula of ${id} (line ${formulaLine})`, async () => {
        const tabs = await page.locator('.tab.active[data-resource-name="05-agro.yaml"]').count();
        const position = await page
          .locator(".statusbar-item", { hasText: /^Ln \d+, Col \d+/ })
          .first()
          .innerText();
        return tabs > 0 && position.startsWith(`Ln ${formulaLine},`);
      });
      return `${title.replace(/\s+/g, " ")}: ${indicators} indicators; ${id} opened at 05-agro.yaml:${formulaLine}`;
    },
  },
  {
    name: "testing",
    title: "the Testing view runs the rule tests green and shows the broken one red",
    async run({ wb, page }) {
      await wb.command("Testing: Focus on Test Explorer View");
      await wb.command("Test: Run All Tests");
      // The summary above the tree: all but one passed, and the results list the broken one, only it, as failed.
      const sidebar = page.locator(".part.sidebar");
      // The run is over when the summary stops changing; it must then say all but one passed.
      let last = "";
      let stable = 0;
      const [passed, total] = await wb.until(
        "the run's summary (passed/total) to settle",
        async () => {
          const m = /(\d+)\/(\d+)/.exec(await sidebar.innerText());
          const now = m ? `${m[1]}/${m[2]}` : "";
          stable = now !== "" && now === last ? stable + 1 : 0;
          last = now;
          const failedShown = (await page.locator(".codicon-testing-failed-icon").count()) > 0;
          return m && Number(m[2]) >= 10 && failedShown && stable >= 16 ? [Number(m[1]), Number(m[2])] : false;
        },
        180_000,
      );
      if (passed !== total - 1)
        throw new Error(`${passed} of ${total} rule tests passed; all but the broken one should`);
      const rows = page.locator(".monaco-list-row", { has: page.locator(".codicon-testing-failed-icon") });
      const failed = (await rows.allInnerTexts()).map((t) => t.trim()).filter((t) => !/^districts\/2026\.1$/.test(t));
      if (
        !failed.some((t) => t.includes("deliberately broken")) ||
        failed.some((t) => !t.includes("deliberately broken"))
      )
        throw new Error(`failed rows: ${failed.join(" | ")}`);
      return `${passed}/${total} passed; red: ${failed[0]?.slice(0, 60)}`;
    },
  },
  {
    name: "rename",
    title: "a rename of an indicator changes every file",
    async run({ wb, page, workspace }) {
      const tests = "turkistan/districts/2026.1/tests/own-revenue-and-new-facilities.yaml";
      const before = readFileSync(join(workspace, tests), "utf8").match(/indicator: new_facilities_execution\b/g) ?? [];
      if (before.length < 2) throw new Error("the rule test no longer names new_facilities_execution");
      await wb.openFile("districts/2026.1/blocks/01-industry.yaml");
      const at = lineOf(workspace, INDUSTRY, "id: new_facilities_execution");
      await wb.goTo(at.line, at.column + 6);
      await page.keyboard.press("F2");
      const input = page.locator(".rename-box input, .rename-box textarea").first();
      await input.waitFor({ timeout: 60_000 });
      await input.fill("new_facilities_opened");
      await page.keyboard.press("Enter");
      await wb.until("the rename applied in the editor", async () =>
        (await wb.visibleText()).includes("new_facilities_opened"),
      );
      await wb.command("File: Save All Files");
      const block = await wb.until("the block file saved with the new id", async () => {
        const text = readFileSync(join(workspace, INDUSTRY), "utf8");
        return text.includes("id: new_facilities_opened") && !/\bnew_facilities_execution\b/.test(text) ? text : false;
      });
      const test = await wb.until("the rule test saved with the new id", async () => {
        const text = readFileSync(join(workspace, tests), "utf8");
        const uses = text.match(/indicator: new_facilities_opened\b/g) ?? [];
        return uses.length === before.length && !/indicator: new_facilities_execution\b/.test(text) ? text : false;
      });
      return `01-industry.yaml and ${before.length} uses in own-revenue-and-new-facilities.yaml renamed (${block.length + test.length} characters checked)`;
    },
  },
];
