import path from "node:path";
import { loadFamilyFields } from "../../data/family-fields.js";
import {
  type DataReadResult,
  type DataSummary,
  dataRead,
  type FamilyFields,
  readDataFiles,
  summarizeData,
} from "../../data/load-data.js";
import { ObservationTable } from "../../data/observation-table.js";
import { buildDataStoreFromTable } from "../../data/store-from-table.js";
import { type Diagnostic, hasErrors } from "../../diagnostics/diagnostic.js";
import { compareDiagnostics } from "../../diagnostics/order.js";
import type { Ruleset } from "../../model/ruleset.js";
import { loadRuleset } from "../../rules/load.js";
import { defaultFormulaCompiler } from "../../scoring/compiler.js";
import { missingList, percent } from "../../scoring/coverage.js";
import { type CoverageReport, coverageByPeriod } from "../../scoring/coverage-by-period.js";
import { prepareRuleset } from "../../scoring/prepare.js";
import { relativeDiagnostic } from "../diagnostic-formats/relative.js";
import { type Command, UsageError } from "../io.js";
import { fileLookup } from "../print-diagnostics.js";
import { renderDiagnostics, type SourceLookup } from "../render-diagnostics.js";

/**
 * Loads the ruleset to check against (rules/load.ts) and the fields of its family's other versions, whose
 * values are set aside rather than rejected; injected so that tests can give a hand-made model.
 */
export type RulesetLoader = (
  path: string,
  choice: { readonly period?: string; readonly version?: string },
) => Promise<{ ruleset?: Ruleset; diagnostics: Diagnostic[]; family?: FamilyFields }>;

const USAGE = `Usage: tarazy data check RULESET --data PATH... [--version V | --period P] [--format text|json]

Checks measurement data against a ruleset's units and fields, without rating: every cell that cannot be
read is reported with its file, line and column. PATH is a .csv, .tsv, .xlsx or .json file, or a folder
(read recursively). RULESET is a version folder or a family folder (then the latest version, or the one
chosen by --version or --period). Values of fields that only other versions of the family declare are
set aside and counted, not errors. See docs/data-format.md.

Options:
  --data PATH...       data files or folders (several paths, or --data repeated)
  --version V          check against this version of a family folder
  --period P           check against the version in force in P (2026-03, 2026-Q1, 2026)
  --format text|json   output format (default text)

When the data has no errors, it then says, for each rating and each period the version would rate (from
effective.from to effective.to, or to the end of the last year with data), how much of the weight has
data: the lowest unit, the units policies.coverage would leave unrated and what they miss, and the periods
with no data at all. The JSON output has every unit's coverage in "coverage".

Exit code: 0 when the data has no errors, 1 when it has, 2 on bad usage.
`;

interface DataCheckArgs {
  readonly ruleset: string;
  readonly data: readonly string[];
  readonly format: "text" | "json";
  readonly choice: { readonly period?: string; readonly version?: string };
}

function parseArgs(args: readonly string[]): DataCheckArgs {
  const [sub, ...rest] = args;
  if (sub !== "check")
    throw new UsageError(sub === undefined ? "missing subcommand: check" : `unknown subcommand '${sub}'`);
  let ruleset: string | undefined;
  const data: string[] = [];
  let format: string = "text";
  const choice: { period?: string; version?: string } = {};
  let inData = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? "";
    const [option, inline] = arg.startsWith("--") ? splitOption(arg) : [undefined, undefined];
    if (option === "--data") {
      inData = true;
      if (inline !== undefined) data.push(inline);
    } else if (option === "--format") {
      inData = false;
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError("--format needs a value: text or json");
      format = value;
    } else if (option === "--version" || option === "--period") {
      inData = false;
      const value = inline ?? rest[++i];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${option} needs a value`);
      choice[option === "--version" ? "version" : "period"] = value;
    } else if (option !== undefined) {
      throw new UsageError(`unknown option '${arg}'`);
    } else if (inData) {
      data.push(arg);
    } else if (ruleset === undefined) {
      ruleset = arg;
    } else {
      throw new UsageError(`unexpected argument '${arg}' (data paths follow --data)`);
    }
  }
  if (ruleset === undefined) throw new UsageError("missing RULESET (a ruleset folder)");
  if (data.length === 0) throw new UsageError("missing --data PATH");
  if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, not '${format}'`);
  if (choice.version !== undefined && choice.period !== undefined)
    throw new UsageError("give either --version or --period, not both");
  return { ruleset, data, format, choice };
}

function splitOption(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=");
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

export function makeDataCommand(loadRuleset: RulesetLoader): Command {
  return {
    name: "data",
    summary: "check measurement data against a ruleset: tarazy data check RULESET --data PATH...",
    usage: USAGE,
    async run(args, io) {
      const options = parseArgs(args);
      const loaded = await loadRuleset(path.resolve(io.cwd, options.ruleset), options.choice);
      const ruleErrors = loaded.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => relativeDiagnostic(d, io.cwd));
      const family = loaded.family ? { family: loaded.family } : {};
      const result: DataReadResult = loaded.ruleset
        ? await readDataFiles(options.data, loaded.ruleset, { cwd: io.cwd, ...family })
        : dataRead(new ObservationTable(), [], [], []);
      const diagnostics = [...ruleErrors, ...result.diagnostics];
      const summary = summarizeData(result);
      const coverage = hasErrors(diagnostics) || !loaded.ruleset ? undefined : coverageOf(loaded.ruleset, result);
      if (options.format === "json")
        io.stdout(
          `${JSON.stringify({ ...jsonReport(loaded.ruleset, summary, result, diagnostics), ...(coverage ? { coverage } : {}) }, null, 2)}\n`,
        );
      else {
        io.stdout(textReport(summary, diagnostics, loaded.ruleset !== undefined, fileLookup(io.cwd)));
        if (coverage) io.stdout(coverageText(coverage));
      }
      return hasErrors(diagnostics) ? 1 : 0;
    },
  };
}

function textReport(
  summary: DataSummary,
  diagnostics: readonly Diagnostic[],
  loaded: boolean,
  lookup: SourceLookup,
): string {
  const out = [renderDiagnostics(diagnostics, lookup)];
  if (!loaded) {
    out.push("The ruleset could not be loaded, so the data was not checked (tarazy validate shows why).\n");
    return out.join("\n");
  }
  const na = summary.notApplicable > 0 ? `, ${summary.notApplicable} n/a` : "";
  const aside =
    summary.setAside > 0 ? `, ${plural(summary.setAside, "value")} of other versions' fields set aside` : "";
  out.push(
    `Data: ${plural(summary.files, "file")}, ${plural(summary.rows, "row")}, ${plural(summary.observations, "observation")}${na}${aside}`,
  );
  out.push(
    `Covered: ${plural(summary.units, "unit")} x ${plural(summary.fields, "field")} x ${plural(summary.periods.length, "period")}${periodList(summary.periods)}\n`,
  );
  return out.join("\n");
}

/** Each period the version would rate, with every unit's coverage; undefined when its formulas do not compile. */
function coverageOf(ruleset: Ruleset, read: DataReadResult): CoverageReport | undefined {
  // A model of units and fields alone (a test's) has nothing to rate.
  if (!Array.isArray(ruleset.ratings) || !Array.isArray(ruleset.blocks) || ruleset.ratings.length === 0)
    return undefined;
  const { prepared } = prepareRuleset(ruleset, defaultFormulaCompiler);
  if (!prepared) return undefined;
  const built = buildDataStoreFromTable(ruleset, read.table);
  if (hasErrors(built.diagnostics)) return undefined;
  // The distinct periods, not an object per cell.
  return coverageByPeriod(
    prepared,
    built.store,
    read.table.periods().map((period) => ({ period })),
  );
}

/** Per period: the lowest coverage and the units below the minimum; then the periods with no data. */
function coverageText(report: CoverageReport): string {
  const lines = [
    `Coverage: the share of the weight with data (policies.coverage asks at least ${percent(report.minWeightShare)})`,
  ];
  const empty: string[] = [];
  for (const p of report.periods) {
    if (p.status === "no-data") {
      empty.push(`${p.rating} ${p.period}`);
      continue;
    }
    const lowest = [...p.units].sort((a, b) => a.coverage.weight - b.coverage.weight || (a.unit < b.unit ? -1 : 1))[0];
    const below = p.units.filter((u) => !u.rated);
    const low = lowest ? `, lowest ${percent(lowest.coverage.weight)} (${lowest.unit})` : "";
    const notRated =
      p.status === "too-little-data"
        ? "; no unit has enough data (a rating fails with S208)"
        : below.length > 0
          ? `; not rated: ${below.map((u) => `${u.unit} ${percent(u.coverage.weight)} (missing ${missingList(u.coverage.missingFields, 3)})`).join(", ")}`
          : "";
    lines.push(`  ${p.rating} ${p.period}: ${plural(p.units.length, "unit")}${low}${notRated}`);
  }
  if (empty.length > 0) lines.push(`No data at all (a rating would fail with S207): ${empty.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

function periodList(periods: readonly string[]): string {
  if (periods.length === 0) return "";
  if (periods.length <= 6) return ` (${periods.join(", ")})`;
  return ` (${periods[0]} .. ${periods.at(-1)})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function jsonReport(
  ruleset: Ruleset | undefined,
  summary: DataSummary,
  result: DataReadResult,
  diagnostics: readonly Diagnostic[],
) {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  return {
    ruleset: ruleset ? { id: ruleset.id, version: ruleset.version } : null,
    files: result.files,
    summary,
    setAside: result.setAside,
    errors: sorted.filter((d) => d.severity === "error").length,
    warnings: sorted.filter((d) => d.severity === "warning").length,
    diagnostics: sorted,
  };
}

/** Data is checked against the model as far as it was built, so that rule errors do not hide data errors. */
const loadModel: RulesetLoader = async (rulesetPath, choice) => {
  const loaded = loadRuleset(rulesetPath, choice);
  const model = loaded.ruleset ?? loaded.model;
  const family = model ? loadFamilyFields(model) : undefined;
  return { ...(model ? { ruleset: model } : {}), diagnostics: loaded.diagnostics, ...(family ? { family } : {}) };
};

export const dataCommand: Command = makeDataCommand(loadModel);
