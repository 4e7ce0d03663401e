import { describe, expect, it } from "vitest";
import { browserSource, type Machine } from "./browser.js";

/** Which browser the browser tests use; decided without unpacking it (test/e2e starts it). */
const machine = (m: Partial<Machine>): Machine => ({
  platform: "linux",
  arch: "x64",
  env: {},
  exists: () => false,
  ...m,
});

describe("the browser for tests", () => {
  it("is the one from npm on Linux x64, whatever the system has installed", () => {
    expect(browserSource(machine({ exists: () => true }))).toEqual({ kind: "npm" });
  });

  it("is a system Chromium where the npm binary cannot run, when there is one", () => {
    const arm = machine({ arch: "arm64", exists: (p) => p === "/usr/bin/chromium" });
    expect(browserSource(arm)).toEqual({ kind: "system", path: "/usr/bin/chromium" });
    const none = browserSource(machine({ platform: "darwin", arch: "arm64" }));
    expect(none.kind).toBe("none");
    expect(none.kind === "none" && none.why).toContain("set TARAZY_CHROMIUM");
  });

  it("is the executable TARAZY_CHROMIUM names when it is set", () => {
    const forced = machine({ env: { TARAZY_CHROMIUM: "/opt/chrome/chrome" } });
    expect(browserSource(forced)).toEqual({ kind: "TARAZY_CHROMIUM", path: "/opt/chrome/chrome" });
  });
});
