import { describe, expect, it } from "vitest";
import {
  diagnosticCode,
  keepDiagnostics,
  leaveToYamlExtension,
  SHARED_WITH_YAML_EXTENSION,
} from "../../src/yaml-division.js";

const diagnostics = [
  { code: "R010", message: "YAML syntax" },
  { code: { value: "R102", target: "x" }, message: "required key" },
  { code: "F101", message: "unknown name in a formula" },
  { code: "R201", message: "semantic" },
  { message: "no code" },
];

describe("dividing the work with Red Hat's YAML extension", () => {
  it("leaves YAML and schema findings only when that extension validates (auto), or always/never as set", () => {
    expect(leaveToYamlExtension("auto", true, undefined)).toBe(true);
    expect(leaveToYamlExtension("auto", true, true)).toBe(true);
    expect(leaveToYamlExtension("auto", true, false)).toBe(false);
    expect(leaveToYamlExtension("auto", false, true)).toBe(false);
    expect(leaveToYamlExtension("tarazy", true, true)).toBe(false);
    expect(leaveToYamlExtension("yaml", false, false)).toBe(true);
  });
  it("drops exactly the shared codes, keeping formulas, names and everything without a code", () => {
    expect(keepDiagnostics(diagnostics, true).map((d) => d.message)).toEqual([
      "unknown name in a formula",
      "semantic",
      "no code",
    ]);
    expect(keepDiagnostics(diagnostics, false)).toHaveLength(diagnostics.length);
  });
  it("reads codes in every LSP shape", () => {
    expect(diagnosticCode("R010")).toBe("R010");
    expect(diagnosticCode(42)).toBe("42");
    expect(diagnosticCode({ value: "R101", target: {} })).toBe("R101");
    expect(diagnosticCode(undefined)).toBeUndefined();
  });
  it("shares only codes that the engine's catalog defines as YAML or schema problems", async () => {
    const { RuleReadCode } = await import("../../../engine/src/rules/codes.js");
    for (const code of SHARED_WITH_YAML_EXTENSION) expect(Object.keys(RuleReadCode)).toContain(code);
  });
});
