import { describe, expect, it } from "vitest";
import type { RuleTestResult } from "../../src/protocol.js";
import { isRuleTestPath, testHeader, verdictOf } from "../../src/testing-logic.js";

const where = { uri: "file:///t.yaml", range: { start: { line: 3, character: 4 }, end: { line: 3, character: 9 } } };

describe("rule tests in the Testing view", () => {
  it("reads a test's name and the line of its test: key", () => {
    expect(testHeader('# header\n# more\ntest: "Ties share a rank"  # why\nrating: q\n')).toEqual({
      name: "Ties share a rank",
      line: 2,
    });
    expect(testHeader("test: plain name\r\n")).toEqual({ name: "plain name", line: 0 });
    expect(testHeader("rating: q\n")).toEqual({ line: 0 });
  });
  it("knows a rule test file by its place: tests/ directly inside a version folder", () => {
    const versions = new Set(["/r/d/2026.1"]);
    const has = (f: string) => versions.has(f);
    expect(isRuleTestPath("/r/d/2026.1/tests/ties.yaml", has)).toBe(true);
    expect(isRuleTestPath("/r/d/2026.1/tests/notes.txt", has)).toBe(false);
    expect(isRuleTestPath("/r/d/2025.1/tests/ties.yaml", has)).toBe(false);
    expect(isRuleTestPath("/r/d/2026.1/blocks/ties.yaml", has)).toBe(false);
  });
  it("shows failures at their place with expected and actual; errors as errors", () => {
    const base: RuleTestResult = { id: "/t.yaml", name: "t", location: where, status: "passed", failures: [] };
    expect(verdictOf(base)).toEqual({ state: "passed", messages: [] });
    const failed = verdictOf({
      ...base,
      status: "failed",
      failures: [{ message: "sairam / x: expected score 1, got 0.5", expected: "1", actual: "0.5", location: where }],
    });
    expect(failed).toEqual({
      state: "failed",
      messages: [{ message: "sairam / x: expected score 1, got 0.5", expected: "1", actual: "0.5", location: where }],
    });
    const errored = verdictOf({
      ...base,
      status: "error",
      failures: [{ message: "S301 unknown unit", location: where }],
    });
    expect(errored.state).toBe("errored");
    expect(errored.messages[0]).toEqual({ message: "S301 unknown unit", location: where });
  });
});
