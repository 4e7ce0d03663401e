import type { RuleTestResult } from "./protocol.js";

/** The name of a rule test and the 0-based line of its `test:` key, read from the file's text. */
export function testHeader(text: string): { name?: string; line: number } {
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines.findIndex((l) => /^test\s*:/.test(l));
  if (line < 0) return { line: 0 };
  const raw = (lines[line] ?? "")
    .replace(/^test\s*:\s*/, "")
    .replace(/\s+#.*$/, "")
    .trim();
  const name = raw.replace(/^(["'])(.*)\1$/, "$2");
  return name ? { name, line } : { line };
}

/** Whether a path is a rule test file: tests/NAME.yaml directly inside a version folder. */
export function isRuleTestPath(path: string, hasRulesetFile: (versionFolder: string) => boolean): boolean {
  const parts = path.split(/[\\/]/);
  if (parts.length < 3 || !/\.ya?ml$/i.test(parts.at(-1) ?? "") || parts.at(-2) !== "tests") return false;
  return hasRulesetFile(parts.slice(0, -2).join(path.includes("\\") && !path.includes("/") ? "\\" : "/"));
}

export interface TestVerdict {
  readonly state: "passed" | "failed" | "errored";
  readonly messages: readonly {
    message: string;
    expected?: string;
    actual?: string;
    location: RuleTestResult["location"];
  }[];
}

/** How VS Code's Testing view shows a rule test's result: failures at their place, with expected and actual. */
export function verdictOf(test: RuleTestResult): TestVerdict {
  if (test.status === "passed") return { state: "passed", messages: [] };
  const messages = test.failures.map((f) => ({
    message: f.message,
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
    location: f.location,
  }));
  return { state: test.status === "failed" ? "failed" : "errored", messages };
}
