import { resolve } from "node:path";
import type { Diagnostic, Severity } from "../../diagnostics/diagnostic.js";
import { PROJECT_DIR } from "../../paths.js";
import { RuleReadCode } from "../../rules/codes.js";
import { discoverRulesets, type RuleTarget } from "../../rules/discover.js";
import { checkTestFiles, type LoadResult, loadFamily, loadRuleset, sortDiagnostics } from "../../rules/load.js";
import { findProjectFile, readProject } from "../../rules/project.js";
import { START } from "../../rules/read.js";
import type { RuleDocument } from "../../rules/yaml-document.js";
import { ENGINE_VERSION } from "../../version.js";
import { githubAnnotations } from "../diagnostic-formats/github.js";
import { diagnosticsJson } from "../diagnostic-formats/json.js";
import { countDiagnostics, displayPath, relativeDiagnostic } from "../diagnostic-formats/relative.js";
import { sarifLog } from "../diagnostic-formats/sarif.js";
import { type CliIO, type Command, UsageError } from "../io.js";
import { renderDiagnostics } from "../render-diagnostics.js";

const USAGE = `Usage: tarazy validate [PATH...] [options]

Checks rule files: YAML syntax, the structure (engine/schema/tarazy-rules.schema.json), every formula, and
the rules' meaning (ids, weights, cycles, frequencies, grades, versions). Reports everything it finds,
each problem at its file:line:column, with the source line, a caret and a suggestion.

PATH is a version folder (it holds ruleset.yaml), a family folder (its version folders are all checked,
with their effective periods), a rule file (its version is loaded, its own problems are shown), or any
folder, searched for rulesets (test/, tests/, fixtures/, sample-data/ and node_modules/ are not searched).
Default: the rulesets the project file (tarazy.yaml, here or in a folder above) lists; without one, the
current folder.

Options:
  --format FORMAT      text (default) | json | sarif (SARIF 2.1.0, for code scanning) |
                       github (workflow annotations: ::error file=...,line=...::message)
  --fail-level LEVEL   error (default) | warning | info: the lowest severity that fails the run
  --max-warnings N     fail when there are more than N warnings
  --help-uri-base URL  absolute URL that docs/diagnostics.md is relative to, for SARIF rule links
                       (default: the GitHub repository in GitHub Actions, else this installation's docs)

Exit code: 0 clean, 1 problems at or above the fail level (or too many warnings), 2 bad usage or no
ruleset found.
`;

type Format = "text" | "json" | "sarif" | "github";

interface ValidateArgs {
  readonly paths: readonly string[];
  readonly format: Format;
  readonly failLevel: Severity;
  readonly maxWarnings?: number;
  readonly helpUriBase?: string;
}

function parseArgs(args: readonly string[]): ValidateArgs {
  const paths: string[] = [];
  let format: Format = "text";
  let failLevel: Severity = "error";
  let maxWarnings: number | undefined;
  let helpUriBase: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith("--")) {
      paths.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const [option, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${option} needs a value`);
      return v;
    };
    if (option === "--format") {
      const v = value();
      if (v !== "text" && v !== "json" && v !== "sarif" && v !== "github")
        throw new UsageError(`--format is text, json, sarif or github, not '${v}'`);
      format = v;
    } else if (option === "--fail-level") {
      const v = value();
      if (v !== "error" && v !== "warning" && v !== "info")
        throw new UsageError(`--fail-level is error, warning or info, not '${v}'`);
      failLevel = v;
    } else if (option === "--max-warnings") {
      const v = value();
      if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number, not '${v}'`);
      maxWarnings = Number(v);
    } else if (option === "--help-uri-base") {
      const v = value();
      try {
        new URL(v);
      } catch {
        throw new UsageError(`--help-uri-base needs an absolute URL, e.g. https://github.com/ORG/REPO/blob/main/`);
      }
      helpUriBase = v;
    } else throw new UsageError(`unknown option '${arg}'`);
  }
  return {
    paths,
    format,
    failLevel,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    ...(helpUriBase !== undefined ? { helpUriBase } : {}),
  };
}

interface Checked {
  readonly diagnostics: Diagnostic[];
  readonly documents: RuleDocument[];
  readonly summary: string[];
  readonly unusable: boolean;
}

/**
 * What to check: the paths given, else the rulesets of the project file (tarazy.yaml here or above),
 * else the current folder.
 */
function targetsToCheck(paths: readonly string[], io: CliIO): { paths: string[]; diagnostics: Diagnostic[] } {
  if (paths.length > 0) return { paths: paths.map((p) => resolveFrom(io.cwd, p)), diagnostics: [] };
  const file = findProjectFile(io.cwd);
  if (!file) return { paths: [resolveFrom(io.cwd, ".")], diagnostics: [] };
  const project = readProject(file);
  return { paths: project.rulesets.map((r) => r.path), diagnostics: [...project.diagnostics] };
}

/** Loads every target; diagnostics of a single file given by name are that file's only. */
function check(given: readonly string[], io: CliIO): Checked {
  const chosen = targetsToCheck(given, io);
  const diagnostics: Diagnostic[] = [...chosen.diagnostics];
  const documents: RuleDocument[] = [];
  const summary: string[] = [];
  let unusable = chosen.diagnostics.some((d) => d.severity === "error");
  for (const path of chosen.paths) {
    const targets = discoverRulesets(path);
    if (targets.length === 0) {
      unusable = true;
      diagnostics.push(noRuleset(path));
    }
    for (const target of targets) {
      const result = load(target);
      if (target.kind === "missing") unusable = true;
      documents.push(...result.versions.flatMap((v) => v.documents));
      const own =
        target.kind === "file" ? result.diagnostics.filter((d) => d.file === target.path) : result.diagnostics;
      diagnostics.push(...own);
      summary.push(describeTarget(target, result.versions, io.cwd));
    }
  }
  return { diagnostics: sortDiagnostics(diagnostics), documents, summary, unusable };
}

/** The target's versions, with the structure of their rule tests checked too. */
function load(target: RuleTarget): { versions: LoadResult[]; diagnostics: Diagnostic[] } {
  const family = target.kind === "family" ? loadFamily(target.path) : undefined;
  const versions = family ? family.versions : [loadRuleset(target.path)];
  const diagnostics = family ? [...family.diagnostics] : [...(versions[0]?.diagnostics ?? [])];
  const withTests = versions.map((version) => {
    if (!version.model) return version;
    const tests = checkTestFiles(version.model.root);
    diagnostics.push(...tests.diagnostics);
    return { ...version, documents: [...version.documents, ...tests.documents] };
  });
  return { versions: withTests, diagnostics };
}

function describeTarget(target: RuleTarget, versions: readonly LoadResult[], cwd: string): string {
  const where = displayPath(target.path, cwd);
  const loaded = versions.filter((v) => v.model);
  if (loaded.length === 0) return `${where}: not loaded`;
  const parts = loaded.map((v) => {
    const indicators = v.model?.blocks.reduce((n, b) => n + b.indicators.length, 0) ?? 0;
    return `${v.model?.id || "?"} ${v.version ?? "?"} (${v.files.length} files, ${indicators} indicators)`;
  });
  return `${where}: ${parts.join(", ")}`;
}

function resolveFrom(cwd: string, path: string): string {
  return resolve(cwd, path);
}

function noRuleset(path: string): Diagnostic {
  return {
    code: RuleReadCode.R004,
    severity: "error",
    message: `no ruleset found in ${path}: no ruleset.yaml in it or its subfolders`,
    file: path,
    range: START,
  };
}

/** GitHub's repository page when run in GitHub Actions, else this installation's docs folder. */
function defaultHelpUriBase(env: CliIO["env"]): string {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  if (server && repo && sha) return `${server}/${repo}/blob/${sha}/`;
  return PROJECT_DIR.href;
}

function failed(diagnostics: readonly Diagnostic[], args: ValidateArgs): boolean {
  const counts = countDiagnostics(diagnostics);
  if (counts.errors > 0) return true;
  if (args.failLevel !== "error" && counts.warnings > 0) return true;
  if (args.failLevel === "info" && counts.infos > 0) return true;
  return args.maxWarnings !== undefined && counts.warnings > args.maxWarnings;
}

export const validateCommand: Command = {
  name: "validate",
  summary: "check rule files: structure, formulas, weights, versions (text, json, sarif, github)",
  usage: USAGE,
  async run(args, io) {
    const options = parseArgs(args);
    const checked = check(options.paths, io);
    const shown = checked.diagnostics.map((d) => relativeDiagnostic(d, io.cwd));
    if (options.format === "json") {
      io.stdout(diagnosticsJson(shown, { tool: "tarazy", version: ENGINE_VERSION }));
    } else if (options.format === "sarif") {
      const helpUriBase = options.helpUriBase ?? defaultHelpUriBase(io.env);
      io.stdout(`${JSON.stringify(sarifLog(shown, { toolVersion: ENGINE_VERSION, helpUriBase }), null, 2)}\n`);
    } else if (options.format === "github") {
      io.stdout(githubAnnotations(shown));
    } else {
      const sources = new Map(checked.documents.map((d) => [displayPath(d.file, io.cwd), d.source] as const));
      const lookup = (file: string | undefined) => (file === undefined ? undefined : sources.get(file));
      const body = renderDiagnostics(shown, lookup);
      io.stdout(`${checked.summary.map((s) => `checked ${s}`).join("\n")}${checked.summary.length ? "\n" : ""}${body}`);
    }
    if (checked.unusable) return 2;
    return failed(checked.diagnostics, options) ? 1 : 0;
  },
};
