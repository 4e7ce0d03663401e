import path from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { loadFamily } from "../../rules/load.js";
import { defaultFormulaCompiler } from "../../scoring/compiler.js";
import { prepareRuleset } from "../../scoring/prepare.js";
import {
  type RuleTestFailure,
  type RuleTestOutcome,
  ruleTestFiles,
  runRuleTestFiles,
} from "../../scoring/rule-tests.js";
import type { ExplainTrace } from "../../scoring/trace.js";
import { displayPath, relativeDiagnostic } from "../diagnostic-formats/relative.js";
import { blockLine, num, renderIndicator, totalLine } from "../explain-text.js";
import type { Command } from "../io.js";
import { UsageError } from "../io.js";
import { formatOption, parseOptions } from "../options.js";
import { fileLookup, printDiagnostics } from "../print-diagnostics.js";
import { renderDiagnostics } from "../render-diagnostics.js";

const USAGE = `Usage: tarazy test RULESET [--format text|junit]

Runs the rule tests in the tests/ folder of each version of RULESET (a version folder, or a family folder:
every version). A rule test gives data rows for a few units and the expected indicator values, scores,
statuses, block points, totals, ranks and grades (docs/rule-format.md, "Rule tests"). Each failure is
shown with the expected and actual values, its place in the test file, and the explain trace of the item.

Options:
  --format text|junit   a report for people (default), or JUnit XML for CI

Exit code: 0 every test passed, 1 a test failed or a ruleset or test file has errors, 2 bad usage.
`;

interface VersionRun {
  readonly name: string;
  readonly folder: string;
  readonly outcomes: readonly RuleTestOutcome[];
  /** Problems loading the version (then it has no outcomes). */
  readonly diagnostics: readonly Diagnostic[];
}

function runVersions(target: string): VersionRun[] {
  const family = loadFamily(target);
  if (family.versions.length === 0) {
    return [{ name: displayPathSafe(target), folder: target, outcomes: [], diagnostics: family.diagnostics }];
  }
  return family.versions.map((loaded) => {
    const model = loaded.model;
    const name = model ? `${model.id} ${model.version}` : displayPathSafe(target);
    const folder = model?.root ?? target;
    if (!loaded.ruleset) return { name, folder, outcomes: [], diagnostics: loaded.diagnostics };
    const { prepared, diagnostics } = prepareRuleset(loaded.ruleset, defaultFormulaCompiler);
    if (!prepared) return { name, folder, outcomes: [], diagnostics };
    return { name, folder, outcomes: runRuleTestFiles(prepared, ruleTestFiles(folder)), diagnostics: [] };
  });
}

function displayPathSafe(p: string): string {
  return path.basename(p) || p;
}

/** The part of the trace that explains the failing item: an indicator, a block, or the unit's total. */
function traceLines(f: RuleTestFailure, trace: ExplainTrace, cwd: string): string[] {
  const lang = "en";
  if (f.indicator) {
    for (const b of trace.blocks) {
      const t = b.indicators.find((i) => i.id === f.indicator);
      if (t) return renderIndicator(t, lang, cwd, "      ");
    }
  }
  if (f.block) {
    const b = trace.blocks.find((x) => x.id === f.block);
    if (b)
      return [
        `      ${blockLine(b, lang)}`,
        ...b.indicators.map((i) => `        ${i.id}: ${num(i.points)} of ${num(i.weight)} (${i.status})`),
      ];
  }
  return [`      ${totalLine(trace, lang)}`, ...trace.blocks.map((b) => `        ${blockLine(b, lang)}`)];
}

function textReport(runs: readonly VersionRun[], cwd: string): string {
  const out: string[] = [];
  let passed = 0;
  let failed = 0;
  let checks = 0;
  for (const run of runs) {
    out.push(`${run.name} (${displayPath(run.folder, cwd)})`);
    if (run.diagnostics.length > 0) {
      out.push("  the ruleset cannot be loaded; tests not run (see the errors above)");
      continue;
    }
    if (run.outcomes.length === 0) out.push("  no rule tests (tests/*.yaml)");
    for (const o of run.outcomes) {
      checks += o.checks;
      const file = displayPath(o.file, cwd);
      if (o.passed) {
        passed += 1;
        out.push(`  ✓ ${path.basename(o.file)}: ${o.name} (${o.checks} checks)`);
        continue;
      }
      failed += 1;
      out.push(`  ✗ ${path.basename(o.file)}: ${o.name}`);
      if (o.diagnostics.some((d) => d.severity === "error"))
        out.push("    the test could not run (see the errors above)");
      for (const f of o.failures) {
        out.push(`    ${file}:${f.range.start.line}:${f.range.start.column}: ${f.message}`);
        out.push(`      expected ${f.expected}, actual ${f.actual}`);
        if (f.trace) out.push(...traceLines(f, f.trace, cwd));
      }
    }
    out.push("");
  }
  out.push(`${passed} passed, ${failed} failed (${checks} checks)`);
  return `${out.join("\n")}\n`;
}

function xml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );
}

/** JUnit XML: one testsuite per version, one testcase per test file; no timestamps, so the output is stable. */
export function junitReport(runs: readonly VersionRun[], cwd: string): string {
  const suites = runs.map((run) => {
    const cases = run.outcomes.map((o) => {
      const name = `${path.basename(o.file)}: ${o.name}`;
      const file = displayPath(o.file, cwd);
      const errors = o.diagnostics.filter((d) => d.severity === "error");
      const body = [
        ...errors.map(
          (d) =>
            `      <error type="${xml(d.code)}" message="${xml(d.message)}">${xml(`${d.file ? displayPath(d.file, cwd) : file}:${d.range.start.line}:${d.range.start.column}: ${d.message}`)}</error>`,
        ),
        ...o.failures.map((f) => {
          const detail = [
            `${file}:${f.range.start.line}:${f.range.start.column}: ${f.message}`,
            ...(f.trace ? traceLines(f, f.trace, cwd) : []),
          ];
          return `      <failure type="S302" message="${xml(f.message)}">${xml(detail.join("\n"))}</failure>`;
        }),
      ];
      const open = `    <testcase classname="${xml(run.name)}" name="${xml(name)}" file="${xml(file)}" assertions="${o.checks}"`;
      return body.length === 0 ? `${open}/>` : `${open}>\n${body.join("\n")}\n    </testcase>`;
    });
    const loadErrors = run.diagnostics.filter((d) => d.severity === "error");
    if (loadErrors.length > 0) {
      const detail = loadErrors.map(
        (d) =>
          `${d.file ? displayPath(d.file, cwd) : ""}:${d.range.start.line}:${d.range.start.column}: ${d.code} ${d.message}`,
      );
      cases.push(
        `    <testcase classname="${xml(run.name)}" name="load ruleset">\n      <error type="${xml(loadErrors[0]?.code ?? "")}" message="the ruleset cannot be loaded">${xml(detail.join("\n"))}</error>\n    </testcase>`,
      );
    }
    const failures = run.outcomes.filter((o) => o.failures.length > 0).length;
    const errors =
      run.outcomes.filter((o) => o.diagnostics.some((d) => d.severity === "error")).length +
      (loadErrors.length > 0 ? 1 : 0);
    return `  <testsuite name="${xml(run.name)}" tests="${cases.length}" failures="${failures}" errors="${errors}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  const count = (f: (r: VersionRun) => number) => runs.reduce((s, r) => s + f(r), 0);
  const tests = count((r) => r.outcomes.length + (r.diagnostics.some((d) => d.severity === "error") ? 1 : 0));
  const failures = count((r) => r.outcomes.filter((o) => o.failures.length > 0).length);
  const errors = count(
    (r) =>
      r.outcomes.filter((o) => o.diagnostics.some((d) => d.severity === "error")).length +
      (r.diagnostics.some((d) => d.severity === "error") ? 1 : 0),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tarazy test" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join("\n")}\n</testsuites>\n`;
}

export const testCommand: Command = {
  name: "test",
  summary: "run a ruleset's rule tests (tests/*.yaml): tarazy test RULESET [--format text|junit]",
  usage: USAGE,
  async run(args, io) {
    const { positional, values, data } = parseOptions(args, ["--format"]);
    const [target, ...extra] = positional;
    if (target === undefined) throw new UsageError("missing RULESET (a ruleset version or family folder)");
    if (extra.length > 0 || data.length > 0) throw new UsageError(`unexpected argument '${extra[0] ?? data[0]}'`);
    const format = formatOption(values, ["text", "junit"] as const);
    const runs = runVersions(path.resolve(io.cwd, target));
    const problems = [
      ...runs.flatMap((r) => r.diagnostics),
      ...runs.flatMap((r) => r.outcomes.flatMap((o) => o.diagnostics)),
    ];
    if (format === "junit") {
      if (problems.length > 0) {
        const shown = problems.map((d) => relativeDiagnostic(d, io.cwd));
        io.stderr(renderDiagnostics(shown, fileLookup(io.cwd)));
      }
      io.stdout(junitReport(runs, io.cwd));
    } else {
      printDiagnostics(io, problems);
      io.stdout(textReport(runs, io.cwd));
    }
    const failed =
      runs.some((r) => r.diagnostics.some((d) => d.severity === "error")) ||
      runs.some((r) => r.outcomes.some((o) => !o.passed));
    return failed ? 1 : 0;
  },
};
