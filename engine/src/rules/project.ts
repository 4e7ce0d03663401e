import { dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Range } from "../source/range.js";
import { RuleReadCode } from "./codes.js";
import { pathKind, readRuleText, START } from "./read.js";
import { parseRuleDocument } from "./yaml-document.js";
import { elementRange, keyRange, valueRange } from "./yaml-path.js";

/**
 * The project file: at the root of a repository of rulesets, it says where the rulesets are, so that
 * `tarazy validate` with no path checks exactly those (and not, say, the broken rulesets kept as test
 * fixtures). docs/rule-format.md "The project file".
 */
export const PROJECT_FILE = "tarazy.yaml";

export interface ProjectRuleset {
  /** Absolute path of the ruleset (family or version folder). */
  readonly path: string;
  /** Where the project file names it. */
  readonly at: { readonly file: string; readonly range: Range };
}

export interface Project {
  readonly file: string;
  readonly rulesets: readonly ProjectRuleset[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The project file in `from` or the nearest folder above it, as git finds its repository. */
export function findProjectFile(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const file = join(dir, PROJECT_FILE);
    if (pathKind(file) === "file") return file;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Reads the project file: `rulesets:` a list of folders, relative to the file. Every problem is a diagnostic. */
export function readProject(file: string): Project {
  const read = readRuleText(file);
  if ("diagnostic" in read) return { file, rulesets: [], diagnostics: [read.diagnostic] };
  const { document: doc, diagnostics } = parseRuleDocument(file, read.text);
  const out: Diagnostic[] = [...diagnostics];
  const problem = (range: Range, message: string, suggestion?: string) =>
    out.push({
      code: RuleReadCode.R007,
      severity: "error",
      message,
      file,
      range,
      ...(suggestion ? { suggestion } : {}),
    });
  const data = doc.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    if (out.length === 0)
      problem(doc.yaml ? elementRange(doc, "") : START, "the project file is a mapping with the key `rulesets`");
    return { file, rulesets: [], diagnostics: out };
  }
  for (const key of Object.keys(data))
    if (key !== "rulesets")
      problem(
        keyRange(doc, `/${key}`),
        `unknown key \`${key}\` in the project file`,
        "the project file has one key, `rulesets`",
      );
  const list = (data as { rulesets?: unknown }).rulesets;
  if (!Array.isArray(list) || list.length === 0) {
    problem(
      list === undefined ? elementRange(doc, "") : valueRange(doc, "/rulesets"),
      "`rulesets` is a list of the folders that hold rulesets, e.g. [rules/turkistan/districts]",
    );
    return { file, rulesets: [], diagnostics: out };
  }
  const rulesets: ProjectRuleset[] = [];
  list.forEach((entry, i) => {
    const range = valueRange(doc, `/rulesets/${i}`);
    if (typeof entry === "number") {
      const written = doc.text.slice(range.start.offset, range.end.offset);
      problem(range, `\`${written}\` is read as a number, not a path`, `put the path in quotes: "${written}"`);
      return;
    }
    if (typeof entry !== "string" || entry === "") {
      problem(range, "each entry of `rulesets` is a folder path, relative to the project file");
      return;
    }
    const path = resolve(dirname(file), entry);
    if (pathKind(path) !== "folder") {
      out.push({
        code: RuleReadCode.R001,
        severity: "error",
        message: `\`${entry}\` is not a folder (looked for ${path})`,
        file,
        range,
        suggestion: "paths in the project file are relative to it",
      });
      return;
    }
    rulesets.push({ path, at: { file, range } });
  });
  return { file, rulesets, diagnostics: out };
}
