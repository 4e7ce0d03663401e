import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Observation } from "../data/observation.js";
import { formatPeriod, type Period, parsePeriod } from "../data/period.js";
import { buildDataStore } from "../data/store.js";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import { groupsById } from "../model/groups.js";
import { validateFile } from "../rules/schema.js";
import { schemaDiagnostics } from "../rules/schema-errors.js";
import { parseRuleDocument, type RuleDocument } from "../rules/yaml-document.js";
import { elementRange, valueRange } from "../rules/yaml-path.js";
import type { Range } from "../source/range.js";
import { didYouMean } from "../util/did-you-mean.js";
import { ScoringCode } from "./codes.js";
import { rate } from "./engine.js";
import type { PreparedRuleset } from "./prepare.js";
import type { RatingResult, UnitResult } from "./result.js";
import { type ExplainTrace, explainUnit } from "./trace.js";

/**
 * Rule tests (tests/*.yaml of a ruleset version, docs/rule-format.md "Rule tests"): data rows for a few
 * units in, expected indicator values, scores, statuses, block points, totals, ranks and grades out.
 * Each expectation that is not met is a failure with the expected and actual values, its place in the
 * test file, and the explain trace of the unit, so a methodologist sees where the arithmetic went.
 */
export interface RuleTest {
  readonly file: string;
  readonly name: string;
  readonly at: Range;
  readonly rating: string;
  readonly period: Period;
  readonly units?: readonly string[];
  readonly observations: readonly Observation[];
  /** Where each data row names its unit and field (parallel to observations), for unknown names. */
  readonly rows: readonly { readonly unit: Range; readonly field: Range }[];
  readonly expectations: readonly Expectation[];
  /** Absolute tolerance for numbers (default 1e-9). */
  readonly tolerance: number;
}

export interface Expectation {
  readonly kind: "indicator" | "block" | "group" | "result";
  readonly unit: string;
  /** The indicator or block id (kind indicator or block). */
  readonly item?: string;
  /** Where the unit and the indicator or block are named: an unknown name is reported there. */
  readonly unitAt: Range;
  readonly itemAt?: Range;
  /** What is checked and the expected value: value, score, status, rank, grade. */
  readonly checks: readonly {
    readonly what: string;
    readonly expected: number | boolean | string | null;
    readonly at: Range;
  }[];
}

export interface RuleTestFailure {
  readonly message: string;
  readonly expected: string;
  readonly actual: string;
  readonly file: string;
  readonly range: Range;
  readonly unit: string;
  readonly indicator?: string;
  readonly block?: string;
  /** The explain trace of the failing unit (undefined when the rating itself failed). */
  readonly trace?: ExplainTrace;
}

export interface RuleTestOutcome {
  readonly file: string;
  readonly name: string;
  /** The test's place in its file (absent when the file could not be read as a test). */
  readonly at?: Range;
  readonly checks: number;
  readonly failures: readonly RuleTestFailure[];
  /** Problems that stopped the test: a malformed file, unknown names, or a rating error (e.g. policy fail). */
  readonly diagnostics: readonly Diagnostic[];
  readonly passed: boolean;
}

type Row = Record<string, unknown>;

function malformed(doc: RuleDocument, path: string, message: string, suggestion?: string): Diagnostic {
  return {
    code: ScoringCode.S301,
    severity: "error",
    message,
    file: doc.file,
    range: valueRange(doc, path),
    ...(suggestion ? { suggestion } : {}),
  };
}

/** Reads one rule test file; diagnostics (with positions) when it is not a valid test. */
export function readRuleTest(file: string, text: string): { test?: RuleTest; diagnostics: Diagnostic[] } {
  const { document: doc, diagnostics } = parseRuleDocument(file, text);
  if (hasErrors(diagnostics)) return { diagnostics };
  const schemaErrors = validateFile("test", doc.data);
  if (schemaErrors.length > 0)
    return { diagnostics: [...diagnostics, ...schemaDiagnostics(doc, "test", schemaErrors)] };
  const data = doc.data as Row;
  const period = parsePeriod(String(data.period));
  if (!period) return { diagnostics: [malformed(doc, "/period", `'${String(data.period)}' is not a period`)] };
  const observations: Observation[] = [];
  const rows: { unit: Range; field: Range }[] = [];
  ((data.data ?? []) as Row[]).forEach((row, i) => {
    const value = row.value;
    const at = valueRange(doc, `/data/${i}/value`);
    if (typeof value === "string" && value !== "n/a") {
      diagnostics.push(malformed(doc, `/data/${i}/value`, `'${value}' is not a number or n/a`));
      return;
    }
    const rowPeriod = parsePeriod(String(row.period));
    observations.push({
      unit: String(row.unit),
      field: String(row.field),
      period: rowPeriod ? formatPeriod(rowPeriod) : String(row.period),
      value: value as number | "n/a",
      source: { file, row: at.start.line, column: at.start.column },
    });
    rows.push({ unit: valueRange(doc, `/data/${i}/unit`), field: valueRange(doc, `/data/${i}/field`) });
  });
  const expect = (data.expect ?? {}) as Record<string, Row[] | undefined>;
  const expectations: Expectation[] = [];
  const collect = (kind: Expectation["kind"], list: string, itemKey: string | undefined, keys: readonly string[]) => {
    (expect[list] ?? []).forEach((row, i) => {
      const path = `/expect/${list}/${i}`;
      const checks = keys
        .filter((k) => k in row)
        .map((k) => ({
          what: k,
          expected: normalizeExpected(row[k]),
          at: valueRange(doc, `${path}/${k}`),
        }));
      if (checks.length === 0)
        diagnostics.push(malformed(doc, path, `this expectation checks nothing: give ${keys.join(", ")}`));
      expectations.push({
        kind,
        unit: String(row.unit),
        unitAt: valueRange(doc, `${path}/unit`),
        ...(itemKey ? { item: String(row[itemKey]), itemAt: valueRange(doc, `${path}/${itemKey}`) } : {}),
        checks,
      });
    });
  };
  collect("indicator", "indicators", "indicator", ["value", "score", "status"]);
  collect("block", "blocks", "block", ["score"]);
  collect("group", "groups", "group", ["score", "points"]);
  collect("result", "results", undefined, ["score", "rank", "grade"]);
  const tolerance = typeof data.tolerance === "number" ? data.tolerance : Number(data.tolerance ?? 1e-9);
  if (!(tolerance >= 0))
    diagnostics.push(malformed(doc, "/tolerance", "the tolerance must be a number >= 0, e.g. 1e-9"));
  if (hasErrors(diagnostics)) return { diagnostics };
  return {
    test: {
      file,
      name: String(data.test),
      at: elementRange(doc, ""),
      rating: String(data.rating),
      period,
      ...(Array.isArray(data.units) ? { units: data.units.map(String) } : {}),
      observations,
      rows,
      expectations,
      tolerance,
    },
    diagnostics,
  };
}

/** "missing" and null both mean no value. */
function normalizeExpected(v: unknown): number | boolean | string | null {
  if (v === "missing" || v === null || v === undefined) return null;
  return typeof v === "number" || typeof v === "boolean" ? v : String(v);
}

/** Rates the test's data and compares every expectation. */
export function runRuleTest(prepared: PreparedRuleset, test: RuleTest): RuleTestOutcome {
  const base = { file: test.file, name: test.name, at: test.at };
  const names = checkNames(prepared, test);
  if (names.length > 0) return { ...base, checks: 0, failures: [], diagnostics: names, passed: false };
  const built = buildDataStore(prepared.ruleset, test.observations);
  if (hasErrors(built.diagnostics))
    return { ...base, checks: 0, failures: [], diagnostics: built.diagnostics, passed: false };
  const run = rate(prepared, built.store, {
    rating: test.rating,
    period: test.period,
    ...(test.units ? { units: test.units } : {}),
    previous: "none",
    applyCoverage: false,
  });
  const errors = run.diagnostics.filter((d) => d.severity === "error");
  if (!run.result || errors.length > 0) {
    const placed = errors.map((d) => (d.file ? d : { ...d, file: test.file, range: test.at }));
    return { ...base, checks: 0, failures: [], diagnostics: placed, passed: false };
  }
  const failures: RuleTestFailure[] = [];
  let checks = 0;
  for (const e of test.expectations) {
    for (const check of e.checks) {
      checks += 1;
      const actual = actualOf(run.result, e, check.what);
      if (matches(check.expected, actual, test.tolerance)) continue;
      const unitId = canonicalUnit(prepared, e.unit);
      const trace = explainUnit(run, unitId);
      failures.push({
        message: `${describe(e)}: expected ${check.what} ${show(check.expected)}, got ${show(actual)}`,
        expected: show(check.expected),
        actual: show(actual),
        file: test.file,
        range: check.at,
        unit: unitId,
        ...(e.kind === "indicator" && e.item ? { indicator: e.item } : {}),
        ...(e.kind === "block" && e.item ? { block: e.item } : {}),
        ...(trace ? { trace } : {}),
      });
    }
  }
  return { ...base, checks, failures, diagnostics: run.diagnostics, passed: failures.length === 0 };
}

function describe(e: Expectation): string {
  return e.kind === "result" ? e.unit : `${e.unit} / ${e.item}`;
}

function show(v: number | boolean | string | null | undefined): string {
  if (v === null || v === undefined) return "missing";
  return typeof v === "string" ? v : String(v);
}

function canonicalUnit(prepared: PreparedRuleset, id: string): string {
  return prepared.ruleset.units.find((u) => u.id === id || u.aliases.includes(id))?.id ?? id;
}

function actualOf(result: RatingResult, e: Expectation, what: string): number | boolean | string | null | undefined {
  const unitId = e.unit;
  const u: UnitResult | undefined = result.results.find((r) => r.unit === unitId);
  if (!u) return undefined;
  if (e.kind === "result") return what === "score" ? u.score : what === "rank" ? u.rank : u.grade;
  if (e.kind === "block") return u.blocks[e.item ?? ""]?.score;
  if (e.kind === "group") {
    const g = u.groups?.[e.item ?? ""];
    return what === "score" ? g?.score : g?.points;
  }
  const r = u.indicators[e.item ?? ""];
  if (!r) return undefined;
  return what === "value" ? r.value : what === "score" ? r.score : r.status;
}

function matches(expected: number | boolean | string | null, actual: unknown, tolerance: number): boolean {
  if (typeof expected === "number" && typeof actual === "number") return Math.abs(expected - actual) <= tolerance;
  return expected === (actual ?? null);
}

/** Unknown units, indicators, blocks or rating in a test are mistakes in the test, reported where they are. */
function checkNames(prepared: PreparedRuleset, test: RuleTest): Diagnostic[] {
  const { ruleset } = prepared;
  const out: Diagnostic[] = [];
  const problem = (range: Range, message: string, suggestion?: string): Diagnostic => ({
    code: ScoringCode.S301,
    severity: "error",
    message,
    file: test.file,
    range,
    ...(suggestion ? { suggestion } : {}),
  });
  const unitIds = ruleset.units.flatMap((u) => [u.id, ...u.aliases]);
  const indicatorIds = ruleset.blocks.flatMap((b) => b.indicators.map((i) => i.id));
  const blockIds = ruleset.blocks.map((b) => b.id);
  // A helper block's score is reported with the groups'.
  const groupIds = [...groupsById(ruleset).keys(), ...ruleset.blocks.filter((b) => b.helper).map((b) => b.id)];
  const ratingIds = ruleset.ratings.map((r) => r.id);
  if (!ratingIds.includes(test.rating)) {
    out.push(
      problem(
        test.at,
        `the ruleset has no rating '${test.rating}' (it has: ${ratingIds.join(", ")})`,
        didYouMean(test.rating, ratingIds),
      ),
    );
  }
  for (const u of test.units ?? []) {
    if (!unitIds.includes(u)) out.push(problem(test.at, `unknown unit '${u}' in units`, didYouMean(u, unitIds)));
  }
  const fieldIds = ruleset.fields.map((f) => f.id);
  test.observations.forEach((o, i) => {
    const row = test.rows[i];
    if (!row) return;
    if (!unitIds.includes(o.unit))
      out.push(problem(row.unit, `unknown unit '${o.unit}' in a data row`, didYouMean(o.unit, unitIds)));
    if (!fieldIds.includes(o.field))
      out.push(problem(row.field, `unknown field '${o.field}' in a data row`, didYouMean(o.field, fieldIds)));
  });
  const rated = test.units;
  for (const e of test.expectations) {
    if (!unitIds.includes(e.unit)) out.push(problem(e.unitAt, `unknown unit '${e.unit}'`, didYouMean(e.unit, unitIds)));
    else if (rated && !rated.includes(e.unit))
      out.push(problem(e.unitAt, `${e.unit} is not among the test's units (${rated.join(", ")})`));
    const itemAt = e.itemAt ?? e.unitAt;
    if (e.kind === "indicator" && !indicatorIds.includes(e.item ?? ""))
      out.push(problem(itemAt, `unknown indicator '${e.item}'`, didYouMean(e.item ?? "", indicatorIds)));
    if (e.kind === "block" && !blockIds.includes(e.item ?? ""))
      out.push(problem(itemAt, `unknown block '${e.item}'`, didYouMean(e.item ?? "", blockIds)));
    if (e.kind === "group" && !groupIds.includes(e.item ?? ""))
      out.push(problem(itemAt, `unknown group '${e.item}'`, didYouMean(e.item ?? "", groupIds)));
  }
  return out;
}

/** The rule test files of a version folder (tests/*.yaml, in name order). */
export function ruleTestFiles(versionFolder: string): string[] {
  const folder = join(versionFolder, "tests");
  try {
    return readdirSync(folder)
      .filter((n) => /\.ya?ml$/i.test(n))
      .sort()
      .map((n) => join(folder, n));
  } catch {
    return [];
  }
}

/** Reads and runs every rule test of a version; a file that cannot be read or parsed is a failed test. */
export function runRuleTestFiles(
  prepared: PreparedRuleset,
  files: readonly string[],
  /** Reads a test file (the language server's open buffers); the disk when absent or undefined. */
  readFile?: (path: string) => string | undefined,
): RuleTestOutcome[] {
  return files.map((file) => {
    let text: string;
    try {
      text = readFile?.(file) ?? readFileSync(file, "utf8");
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
      const d: Diagnostic = {
        code: ScoringCode.S301,
        severity: "error",
        message: `cannot read the test: ${reason}`,
        file,
        range,
      };
      return { file, name: file, checks: 0, failures: [], diagnostics: [d], passed: false };
    }
    const read = readRuleTest(file, text);
    if (!read.test) return { file, name: file, checks: 0, failures: [], diagnostics: read.diagnostics, passed: false };
    return runRuleTest(prepared, read.test);
  });
}
