import { resolve } from "node:path";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { diffRulesets, type RulesetChange, type RulesetDiff } from "../../diff/rules-diff.js";
import type { Ruleset } from "../../model/ruleset.js";
import { isFamilyFolder, type LoadResult, loadRuleset } from "../../rules/load.js";
import { displayPath, relativeDiagnostic } from "../diagnostic-formats/relative.js";
import { type CliIO, type Command, UsageError } from "../io.js";
import { renderDiagnostics } from "../render-diagnostics.js";

const USAGE = `Usage: tarazy diff OLD NEW [options]
       tarazy diff FAMILY OLD_VERSION NEW_VERSION [options]

Lists what changed between two versions of a ruleset: indicators added, removed or renamed (same
formula or Kazakh name under a new id), and changed weights, formulas (compared and printed in canonical
form, so spacing is not a change), scoring parameters, applicability, blocks, units, fields, grades,
ratings and policies.

OLD and NEW are version folders (each holds ruleset.yaml); or give the family folder and two version ids.

Options:
  --format FORMAT   text (default) | json
  --exit-code       exit 1 when there are changes (as git diff --exit-code)

Examples:
  tarazy diff rules/turkistan/districts/2025.1 rules/turkistan/districts/2026.1
  tarazy diff rules/turkistan/districts 2025.1 2026.1 --format json

Exit code: 0 (with --exit-code: 0 no changes, 1 changes), 1 when a version has errors, 2 bad usage.
`;

interface DiffArgs {
  readonly positional: readonly string[];
  readonly format: "text" | "json";
  readonly exitCode: boolean;
}

function parseArgs(args: readonly string[]): DiffArgs {
  const positional: string[] = [];
  let format: "text" | "json" = "text";
  let exitCode = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith("--")) positional.push(arg);
    else if (arg === "--exit-code") exitCode = true;
    else if (arg === "--format" || arg.startsWith("--format=")) {
      const v = arg.includes("=") ? arg.slice("--format=".length) : args[++i];
      if (v !== "text" && v !== "json") throw new UsageError(`--format is text or json, not '${v ?? ""}'`);
      format = v;
    } else throw new UsageError(`unknown option '${arg}'`);
  }
  if (positional.length < 2 || positional.length > 3)
    throw new UsageError("give two version folders, or a family folder and two versions");
  return { positional, format, exitCode };
}

/** The two versions to compare, from OLD NEW folders or FAMILY OLD_VERSION NEW_VERSION. */
function loadBoth(args: DiffArgs, io: CliIO): [LoadResult, LoadResult] {
  const [a, b, c] = args.positional as [string, string, string | undefined];
  if (c !== undefined) {
    const family = resolve(io.cwd, a);
    return [loadRuleset(family, { version: b }), loadRuleset(family, { version: c })];
  }
  for (const p of [a, b])
    if (isFamilyFolder(resolve(io.cwd, p)))
      throw new UsageError(`${p} is a family folder: give its versions too, e.g. tarazy diff ${p} 2025.1 2026.1`);
  return [loadRuleset(resolve(io.cwd, a)), loadRuleset(resolve(io.cwd, b))];
}

export const diffCommand: Command = {
  name: "diff",
  summary: "what changed between two ruleset versions: indicators, weights, formulas, scoring (text, json)",
  usage: USAGE,
  async run(args, io) {
    const options = parseArgs(args);
    const [oldResult, newResult] = loadBoth(options, io);
    const broken = [oldResult, newResult].flatMap((r) => r.diagnostics).filter((d) => d.severity === "error");
    if (broken.length > 0 || !oldResult.ruleset || !newResult.ruleset) {
      const sources = new Map(
        [...oldResult.documents, ...newResult.documents].map((d) => [displayPath(d.file, io.cwd), d.source] as const),
      );
      io.stderr(
        `tarazy diff: the versions must be free of errors to compare\n${renderDiagnostics(
          broken.map((d) => relativeDiagnostic(d, io.cwd)),
          (f) => (f === undefined ? undefined : sources.get(f)),
        )}`,
      );
      return hasErrors(broken) ? 1 : 2;
    }
    const diff = diffRulesets(oldResult.ruleset, newResult.ruleset);
    io.stdout(
      options.format === "json"
        ? `${JSON.stringify(diff, null, 2)}\n`
        : renderDiffText(diff, oldResult.ruleset, newResult.ruleset),
    );
    return options.exitCode && diff.changes.length > 0 ? 1 : 0;
  },
};

const SECTION: Record<RulesetChange["element"], string> = {
  ruleset: "Ruleset",
  rating: "Ratings",
  grade: "Grades",
  unit: "Units",
  field: "Fields",
  block: "Blocks",
  indicator: "Indicators",
};

/** The diff for people: one section per kind of element, one line per change. */
export function renderDiffText(diff: RulesetDiff, oldRuleset: Ruleset, newRuleset: Ruleset): string {
  const head = `${diff.old.id} ${diff.old.version} -> ${diff.new.id} ${diff.new.version}`;
  if (diff.changes.length === 0) return `${head}: no changes\n`;
  const lines = [head];
  let section = "";
  for (const change of diff.changes) {
    if (SECTION[change.element] !== section) {
      section = SECTION[change.element];
      lines.push("", section);
    }
    lines.push(`  ${changeLine(change, oldRuleset, newRuleset)}`);
  }
  const counts = (["added", "removed", "renamed", "changed"] as const)
    .map((k) => [k, diff.changes.filter((c) => c.change === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  lines.push("", `${diff.changes.length} change${diff.changes.length === 1 ? "" : "s"}: ${counts.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

function changeLine(c: RulesetChange, oldRuleset: Ruleset, newRuleset: Ruleset): string {
  const where = c.block !== undefined ? ` (block ${c.block})` : "";
  switch (c.change) {
    case "added":
      return `+ ${c.id}${where}${nameOf(newRuleset, c)}`;
    case "removed":
      return `- ${c.id}${where}${nameOf(oldRuleset, c)}`;
    case "renamed":
      return `~ ${c.oldId} renamed to ${c.id}${where}`;
    case "changed":
      return `~ ${c.id}${c.element === "ruleset" ? "" : where}: ${c.property} ${show(c.old)} -> ${show(c.new)}`;
  }
}

function nameOf(ruleset: Ruleset, c: RulesetChange): string {
  const all: {
    id: string;
    name?: { kk: string; en?: string };
    title?: { kk: string; en?: string };
    label?: { kk: string; en?: string };
  }[] = [
    ...ruleset.blocks.flatMap((b) => b.indicators),
    ...ruleset.blocks,
    ...ruleset.fields,
    ...ruleset.units,
    ...ruleset.ratings,
    ...ruleset.grades,
  ];
  const found = all.find((x) => x.id === c.id);
  const text = found?.name ?? found?.title ?? found?.label;
  return text ? `: ${text.kk}${text.en ? ` (${text.en})` : ""}` : "";
}

function show(value: RulesetChange["old"]): string {
  if (value === null || value === undefined) return "(none)";
  if (Array.isArray(value)) return `[${value.join(", ")}]`;
  return typeof value === "string" ? `\`${value}\`` : String(value);
}
