import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ENGINE_VERSION } from "../../src/version.js";

it("the version in manifests and `tarazy --version` is the engine package's version", () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8")) as { version: string };
  expect(ENGINE_VERSION).toBe(pkg.version);
});
