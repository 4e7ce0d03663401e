import { existsSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { chooseBrowser } from "./browser.js";

describe("the browser for tests", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.runIf(process.platform === "linux" && process.arch === "x64")(
    "comes from npm on Linux x64, whatever the system has installed",
    async () => {
      vi.stubEnv("TARAZY_CHROMIUM", "");
      const choice = await chooseBrowser();
      expect(choice.source).toBe("npm");
      expect(existsSync(choice.executablePath)).toBe(true);
      expect(choice.args).toContain("--no-sandbox");
    },
  );

  it("is the executable TARAZY_CHROMIUM names when it is set", async () => {
    vi.stubEnv("TARAZY_CHROMIUM", "/opt/my-chromium/chrome");
    await expect(chooseBrowser()).resolves.toMatchObject({
      executablePath: "/opt/my-chromium/chrome",
      source: "TARAZY_CHROMIUM",
    });
  });
});
