// npm run test:editor: the extension in a real VS Code (code-server 4.100.3) driven in headless Chromium
// (Debian's /usr/bin/chromium through playwright-core), on a copy of the Turkistan rules, as a methodologist
// works: a broken formula, completion, hover, rename, Rate..., Explain, the Testing view. A screenshot of
// each step goes to test/editor/output/. Every process started is stopped by its id. Needs the packaged
// .vsix (npm run package) and the Debian packages of README.md ("Editor tests").
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { ensureCodeServer, installExtension, isolatedEnv, startCodeServer } from "./code-server.mjs";
import { steps } from "./steps.mjs";
import { Workbench } from "./workbench.mjs";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const EXTENSION = join(HERE, "../..");
const ROOT = join(EXTENSION, "..");
const OUTPUT = join(HERE, "output");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const log = (text) => console.log(`[editor] ${text}`);

function packagedExtension() {
  const { version } = JSON.parse(readFileSync(join(EXTENSION, "package.json"), "utf8"));
  const vsix = join(EXTENSION, `tarazy-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
  return vsix;
}

/** A copy of the Turkistan rules to edit, with one rule test broken on purpose (it must show red). */
function makeWorkspace(temp) {
  const workspace = join(temp, "workspace");
  cpSync(join(ROOT, "rules/turkistan"), join(workspace, "turkistan"), { recursive: true });
  const tests = join(workspace, "turkistan/districts/2026.1/tests");
  const broken = readFileSync(join(tests, "economy-ties.yaml"), "utf8")
    .replace(/^test: .*$/m, "test: deliberately broken (sauran is third, not second)")
    .replace(
      "- { unit: sauran, score: 1.3636363636363635, rank: 3, grade: red }",
      "- { unit: sauran, score: 1.3636363636363635, rank: 2, grade: red }",
    );
  writeFileSync(join(tests, "zz-deliberately-broken.yaml"), broken);
  return workspace;
}

function userSettings(userData) {
  mkdirSync(join(userData, "User"), { recursive: true });
  const settings = {
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.welcomePage.walkthroughs.openOnInstall": false,
    "security.workspace.trust.enabled": false,
    "telemetry.telemetryLevel": "off",
    "extensions.autoUpdate": false,
    "extensions.autoCheckUpdates": false,
    "extensions.ignoreRecommendations": true,
    "update.mode": "none",
    "editor.quickSuggestions": { other: "off", comments: "off", strings: "off" },
    "editor.hover.delay": 150,
    "files.autoSave": "off",
    "window.commandCenter": false,
    "tarazy.language": "en",
  };
  writeFileSync(join(userData, "User", "settings.json"), `${JSON.stringify(settings, null, 2)}\n`);
}

async function main() {
  const only = process.argv.slice(2);
  rmSync(OUTPUT, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  const temp = mkdtempSync(join(tmpdir(), "tarazy-editor-"));
  const dirs = {
    home: join(temp, "home"),
    userData: join(temp, "user-data"),
    extensions: join(temp, "extensions"),
  };
  mkdirSync(dirs.home, { recursive: true });
  let server;
  let browserServer;
  let browser;
  const results = [];
  try {
    const bin = ensureCodeServer(log);
    const vsix = packagedExtension();
    installExtension(bin, vsix, dirs);
    log(`installed ${vsix}`);
    userSettings(dirs.userData);
    const workspace = makeWorkspace(temp);
    server = await startCodeServer(bin, dirs, workspace, log);
    browserServer = await chromium.launchServer({
      executablePath: CHROMIUM,
      headless: true,
      env: isolatedEnv(dirs.home),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    });
    log(`chromium process ${browserServer.process().pid}`);
    browser = await chromium.connect(browserServer.wsEndpoint());
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    const wb = new Workbench(page);
    await wb.ready();
    const env = { wb, page, workspace, output: OUTPUT, log };
    let n = 0;
    for (const step of steps) {
      if (only.length > 0 && !only.includes(step.name)) continue;
      n += 1;
      const shot = join(OUTPUT, `${String(n).padStart(2, "0")}-${step.name}.png`);
      const started = Date.now();
      try {
        const note = await step.run(env);
        results.push({ step: step.name, ok: true, ...(note ? { note } : {}) });
        log(`✓ ${step.title}${note ? ` — ${note}` : ""} (${Date.now() - started} ms)`);
      } catch (error) {
        results.push({ step: step.name, ok: false, error: String(error?.message ?? error) });
        log(`✗ ${step.title}: ${error?.message ?? error}`);
      }
      await page.screenshot({ path: shot }).catch(() => {});
      await page.keyboard.press("Escape").catch(() => {});
      await page.keyboard.press("Escape").catch(() => {});
    }
  } finally {
    await browser?.close().catch(() => {});
    const pid = browserServer?.process().pid;
    await browserServer?.close().catch(() => {});
    if (pid)
      try {
        process.kill(pid, "SIGKILL");
      } catch {}
    server?.stop();
    if (server) writeFileSync(join(OUTPUT, "code-server.log"), server.output());
    await new Promise((r) => setTimeout(r, 2500));
    rmSync(temp, { recursive: true, force: true });
  }
  writeFileSync(join(OUTPUT, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const failed = results.filter((r) => !r.ok);
  log(`${results.length - failed.length} of ${results.length} steps passed; screenshots in ${OUTPUT}`);
  // The plain closing line that CI reads as this suite's count.
  console.log(`editor: ${results.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length > 0 || results.length === 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`[editor] ${error?.stack ?? error}`);
  process.exitCode = 1;
});
