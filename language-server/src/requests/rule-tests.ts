import { resolve } from "node:path";
import {
  type Diagnostic,
  defaultFormulaCompiler,
  discoverRulesets,
  type LoadResult,
  loadFamily,
  loadRuleset,
  prepareRuleset,
  type ReadFileHook,
  type RuleTestOutcome,
  ruleTestFiles,
  runRuleTestFiles,
} from "@tarazy/engine";
import { pathToUri } from "../positions.js";
import { location } from "./convert.js";
import type { RuleTestFailureResult, RuleTestFileResult, RuleTestResult, RuleTestsParams } from "./protocol.js";

/** The versions whose tests are asked for: the one holding `file`, those of `ruleset`, or all under the roots. */
function versionsFor(params: RuleTestsParams, roots: readonly string[], readFile?: ReadFileHook): LoadResult[] {
  const options = readFile ? { readFile } : {};
  if (params.file) return [loadRuleset(params.file, options)];
  if (params.ruleset) return loadFamily(params.ruleset, options).versions;
  return roots.flatMap((root) =>
    discoverRulesets(root)
      .filter((t) => t.kind === "family" || t.kind === "version")
      .flatMap((t) => loadFamily(t.path, options).versions),
  );
}

function problem(d: Diagnostic, file: string): RuleTestFailureResult {
  return { message: `${d.code} ${d.message}`, location: location(d.file ?? file, d.range) };
}

function fromOutcome(o: RuleTestOutcome): RuleTestResult {
  const errors = o.diagnostics.filter((d) => d.severity === "error");
  const failures: RuleTestFailureResult[] = [
    ...errors.map((d) => problem(d, o.file)),
    ...o.failures.map((f) => ({
      message: f.message,
      expected: f.expected,
      actual: f.actual,
      location: location(f.file, f.range),
    })),
  ];
  const status = errors.length > 0 || (!o.passed && o.failures.length === 0) ? "error" : o.passed ? "passed" : "failed";
  return { id: o.file, name: o.name, location: location(o.file, o.at), status, failures };
}

/** A version that cannot be loaded: each of its tests is an error carrying the ruleset's first errors. */
function unloadable(files: readonly string[], diagnostics: readonly Diagnostic[]): RuleTestResult[] {
  const errors = diagnostics.filter((d) => d.severity === "error").slice(0, 5);
  return files.map((file) => ({
    id: file,
    name: file,
    location: location(file),
    status: "error",
    failures: [
      { message: "the ruleset has errors, so its tests cannot run", location: location(file) },
      ...errors.map((d) => problem(d, file)),
    ],
  }));
}

/** tarazy/ruleTests: runs the rule tests as `tarazy test` does and says where each failure is. */
export function ruleTests(
  params: RuleTestsParams,
  roots: readonly string[],
  readFile?: ReadFileHook,
): { files: RuleTestFileResult[] } {
  const only = params.file ? resolve(params.file) : undefined;
  const out: RuleTestFileResult[] = [];
  const seen = new Set<string>();
  for (const loaded of versionsFor(params, roots, readFile)) {
    const folder = loaded.model?.root;
    if (!folder || seen.has(folder)) continue;
    seen.add(folder);
    const files = ruleTestFiles(folder).filter((f) => only === undefined || f === only);
    if (files.length === 0) continue;
    const prepared = loaded.ruleset ? prepareRuleset(loaded.ruleset, defaultFormulaCompiler) : undefined;
    const results = prepared?.prepared
      ? runRuleTestFiles(prepared.prepared, files, readFile).map(fromOutcome)
      : unloadable(files, prepared?.diagnostics ?? loaded.diagnostics);
    for (const test of results) {
      if (params.test && test.id !== params.test && test.name !== params.test) continue;
      out.push({ file: test.id, uri: pathToUri(test.id), tests: [test] });
    }
  }
  return { files: out };
}
