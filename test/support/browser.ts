import { existsSync } from "node:fs";
import { type BrowserContext, chromium } from "playwright-core";

/**
 * The one way tests start a browser: headless Chromium driven by playwright-core.
 *
 * The browser comes from npm (`@sparticuz/chromium` ships a headless Chromium for Linux x64 inside the
 * package), so `npm ci` alone is enough and every machine tests against the same build. A system Chromium
 * is used only where that binary cannot run (another OS or architecture) and one is present; nothing is
 * ever downloaded. TARAZY_CHROMIUM names an executable to use instead of both.
 */
const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** Flags for a system Chromium in a container: no sandbox, no GPU, nothing that reaches the network. */
const SYSTEM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export interface BrowserChoice {
  executablePath: string;
  args: string[];
  /** Where it came from, for a failure message. */
  source: "npm" | "system" | "TARAZY_CHROMIUM";
}

/** The npm browser runs only on Linux x64 (its binary is built for that). */
function npmBrowserRuns(): boolean {
  return process.platform === "linux" && process.arch === "x64";
}

export async function chooseBrowser(): Promise<BrowserChoice> {
  const forced = process.env.TARAZY_CHROMIUM;
  if (forced) return { executablePath: forced, args: SYSTEM_ARGS, source: "TARAZY_CHROMIUM" };
  if (npmBrowserRuns()) {
    const { default: packaged } = await import("@sparticuz/chromium");
    return { executablePath: await packaged.executablePath(), args: packaged.args, source: "npm" };
  }
  const system = SYSTEM_CHROMIUM.find((path) => existsSync(path));
  if (system) return { executablePath: system, args: SYSTEM_ARGS, source: "system" };
  throw new Error(
    `no browser for the browser tests: @sparticuz/chromium runs on Linux x64 only (this is ${process.platform} ${process.arch}) and no system Chromium was found at ${SYSTEM_CHROMIUM.join(", ")}; set TARAZY_CHROMIUM to a Chromium executable`,
  );
}

/** A fresh headless browser context with its profile in `profileDir`. */
export async function launchBrowser(
  profileDir: string,
  viewport = { width: 1200, height: 900 },
): Promise<BrowserContext> {
  const choice = await chooseBrowser();
  try {
    return await chromium.launchPersistentContext(profileDir, {
      executablePath: choice.executablePath,
      args: choice.args,
      headless: true,
      viewport,
    });
  } catch (error) {
    throw new Error(`could not start the ${choice.source} Chromium at ${choice.executablePath}: ${String(error)}`);
  }
}
