// Driving the VS Code workbench in the browser as a person does: keyboard shortcuts, the command palette,
// quick picks, and reading what is on screen (editor decorations, panels, hovers, webviews).

export const TIMEOUT = 30_000;

export class Workbench {
  constructor(page) {
    this.page = page;
  }

  async ready() {
    await this.page.waitForSelector(".monaco-workbench", { timeout: 90_000 });
    await this.page.waitForSelector(".explorer-folders-view, .monaco-workbench .part.sidebar", { timeout: TIMEOUT });
  }

  quickInput() {
    return this.page.locator(".quick-input-widget");
  }

  async quickRows() {
    return this.quickInput().locator(".quick-input-list .monaco-list-row");
  }

  /** Runs a command by its title from the command palette (F1). */
  async command(title) {
    await this.page.keyboard.press("F1");
    const input = this.quickInput().locator("input");
    await input.waitFor({ state: "visible", timeout: TIMEOUT });
    await input.fill(`>${title}`);
    const row = this.quickInput().locator(".quick-input-list .monaco-list-row", { hasText: title }).first();
    await row.waitFor({ state: "visible", timeout: TIMEOUT });
    await this.page.keyboard.press("Enter");
  }

  /** Picks the item of the open quick pick whose label contains `text` (typing it to filter). */
  async pick(text, { title } = {}) {
    const widget = this.quickInput();
    await widget.waitFor({ state: "visible", timeout: TIMEOUT });
    if (title) await widget.locator(".quick-input-title", { hasText: title }).waitFor({ timeout: TIMEOUT });
    const input = widget.locator("input");
    await input.fill(text);
    const row = widget.locator(".quick-input-list .monaco-list-row", { hasText: text }).first();
    await row.waitFor({ state: "visible", timeout: TIMEOUT });
    await row.click();
  }

  /** Opens a file of the workspace by its path (Ctrl+P); the tab shows its file name. */
  async openFile(path) {
    const name = path.split("/").pop();
    const input = this.quickInput().locator("input");
    for (let attempt = 1; ; attempt++) {
      // Focus can sit in a view that keeps keys (a webview, the Testing view): put it in the editor area first.
      await this.page.keyboard.press("Escape");
      await this.page
        .locator(".editor-group-container.active .monaco-editor .view-lines")
        .first()
        .click({ trial: false })
        .catch(() => {});
      await this.page.keyboard.press("Control+P");
      try {
        await input.waitFor({ state: "visible", timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw new Error(`quick open (Ctrl+P) did not appear: ${error.message}`);
      }
    }
    await input.fill(path);
    // The row of that file (its name and folder), clicked: Enter could take a recently opened file still listed.
    const folder = path.split("/").slice(0, -1).join("/");
    const row = this.quickInput()
      .locator(".quick-input-list .monaco-list-row", { hasText: name })
      .filter({ hasText: folder })
      .first();
    await row.waitFor({ state: "visible", timeout: TIMEOUT });
    await row.click();
    await this.page
      .locator(".tab.active", { hasText: name })
      .first()
      .waitFor({ timeout: TIMEOUT })
      .catch((error) => {
        throw new Error(`${name} did not open: ${error.message}`);
      });
    await this.page
      .locator(".editor-group-container.active .monaco-editor .view-lines")
      .first()
      .waitFor({ timeout: TIMEOUT });
  }

  /** Puts the cursor at a 1-based line and column (Ctrl+G). */
  async goTo(line, column) {
    await this.page.keyboard.press("Control+G");
    const input = this.quickInput().locator("input");
    await input.waitFor({ state: "visible", timeout: TIMEOUT });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press("Enter");
    await this.quickInput().waitFor({ state: "hidden", timeout: TIMEOUT });
  }

  /** The active editor's text as rendered (lines in view). */
  async visibleText() {
    const lines = this.page.locator(".editor-group-container.active .monaco-editor .view-lines").first();
    return (await lines.innerText()).replace(/\u00a0/g, " ");
  }

  /** Every frame's locator for a selector: webviews are nested iframes. */
  async inWebviews(selector) {
    for (const frame of this.page.frames()) {
      try {
        if ((await frame.locator(selector).count()) > 0) return frame;
      } catch {}
    }
    return undefined;
  }

  async waitInWebviews(selector, timeout = 60_000) {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      const frame = await this.inWebviews(selector);
      if (frame) return frame;
      await this.page.waitForTimeout(250);
    }
    throw new Error(`no webview shows ${selector} within ${timeout} ms`);
  }

  /** Waits until `check` is true, polling; fails with `what`. */
  async until(what, check, timeout = TIMEOUT) {
    const end = Date.now() + timeout;
    let last;
    while (Date.now() < end) {
      try {
        last = await check();
        if (last) return last;
      } catch (e) {
        last = e;
      }
      await this.page.waitForTimeout(250);
    }
    throw new Error(`${what} (timed out after ${timeout} ms; last: ${last instanceof Error ? last.message : last})`);
  }
}
