import { describe, expect, it } from "vitest";
import { displayPath } from "../../src/cli/diagnostic-formats/relative.js";

describe("displayPath: how the CLI names a file", () => {
  it("relative to the working folder inside it, and one level above it", () => {
    expect(displayPath("/work/p/rules/a.yaml", "/work/p")).toBe("rules/a.yaml");
    expect(displayPath("/work/p", "/work/p")).toBe(".");
    expect(displayPath("/tmp/tarazy-rules-x/2026.1", "/tmp/tarazy-rules-x/2025.1")).toBe("../2026.1");
  });
  it("by its absolute path when that is shorter than the climb (a report written into /tmp)", () => {
    expect(displayPath("/tmp/out/rating.html", "/work/main/rules/turkistan")).toBe("/tmp/out/rating.html");
  });
  it("a relative path as given", () => {
    expect(displayPath("rules/a.yaml", "/anywhere")).toBe("rules/a.yaml");
  });
});
