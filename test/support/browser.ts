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
export const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

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

export type BrowserSource =
  | { readonly kind: "npm" }
  | { readonly kind: "system" | "TARAZY_CHROMIUM"; readonly path: string }
  | { readonly kind: "none"; readonly why: string };

export interface Machine {
  readonly platform: string;
  readonly arch: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly exists: (path: string) => boolean;
}

const THIS_MACHINE: Machine = { platform: process.platform, arch: process.arch, env: process.env, exists: existsSync };

/** Which browser this machine uses (decided without unpacking anything). */
export function browserSource(machine: Machine = THIS_MACHINE): BrowserSource {
  const forced = machine.env.TARAZY_CHROMIUM;
  if (forced) return { kind: "TARAZY_CHROMIUM", path: forced };
  // The npm binary is built for Linux x64.
  if (machine.platform === "linux" && machine.arch === "x64") return { kind: "npm" };
  const system = SYSTEM_CHROMIUM.find((path) => machine.exists(path));
  if (system) return { kind: "system", path: system };
  return {
    kind: "none",
    why: `@sparticuz/chromium runs on Linux x64 only (this is ${machine.platform} ${machine.arch}) and no system Chromium was found at ${SYSTEM_CHROMIUM.join(", ")}; set TARAZY_CHROMIUM to a Chromium executable`,
  };
}

/** A fresh headless browser context with its profile in `profileDir`. */
export async function launchBrowser(
  profileDir: string,
  viewport = { width: 1200, height: 900 },
): Promise<BrowserContext> {
  const source = browserSource();
  if (source.kind === "none") throw new Error(`no browser for the browser tests: ${source.why}`);
  let executablePath: string;
  let args: string[];
  if (source.kind === "npm") {
    // Unpacks the browser into the temporary folder on first use (about 2 s), then reuses it.
    const { default: packaged } = await import("@sparticuz/chromium");
    executablePath = await packaged.executablePath();
    args = packaged.args;
  } else {
    executablePath = source.path;
    args = SYSTEM_ARGS;
  }
  try {
    return await chromium.launchPersistentContext(profileDir, { executablePath, args, headless: true, viewport });
  } catch (error) {
    throw new Error(`could not start the ${source.kind} Chromium at ${executablePath}: ${String(error)}`);
  }
}
