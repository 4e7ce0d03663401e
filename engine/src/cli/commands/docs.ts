import path from "node:path";
import { type Diagnostic, hasErrors } from "../../diagnostics/diagnostic.js";
import { changesSince } from "../../methodology/changes-since.js";
import { buildMethodology } from "../../methodology/document.js";
import { methodologyHtml } from "../../methodology/html.js";
import { methodologyMarkdown } from "../../methodology/markdown.js";
import { type PreviousVersion, previousVersion } from "../../methodology/previous-version.js";
import type { Lang, Ruleset } from "../../model/ruleset.js";
import { isLang, LANGS } from "../../report/labels.js";
import { writeOutputFiles } from "../../report/write.js";
import { type LoadOptions, loadRuleset } from "../../rules/load.js";
import { relativeDiagnostic } from "../diagnostic-formats/relative.js";
import { type CliIO, type Command, UsageError } from "../io.js";
import { fileLookup } from "../print-diagnostics.js";
import { renderDiagnostics } from "../render-diagnostics.js";
import { sayWritten } from "../written.js";

const USAGE = `Usage: tarazy docs RULESET [--lang kk|ru|en] [--out DIR] [--format md|html] [--version V | --period P]

Writes the methodology document of a ruleset, as a regional office publishes it: purpose, ratings and
their rhythm, every block and indicator (formula with its inputs, direction, weights, scoring rule,
source, applicability), ranking and grades, the functions used and the changes since the previous
version of the family. RULESET is a version folder or a family folder (then the latest version, or the
one --version or --period picks). See docs/reports.md.

Options:
  --lang kk|ru|en     language of the document (default kk)
  --out DIR           write methodology.LANG.md and methodology.LANG.html into DIR
                      (only the one --format names, if given); without --out the document goes to stdout
  --format md|html    format on stdout (default md), or the one file to write with --out
  --version V         with a family folder: this version
  --period P          with a family folder: the version in force in P (2026-03, 2026-Q1, 2026)

Exit code: 0 written, 1 the ruleset has errors, 2 bad usage or the output cannot be written.
`;

interface DocsArgs {
  readonly ruleset: string;
  readonly lang: Lang;
  readonly out?: string;
  readonly format?: "md" | "html";
  readonly version?: string;
  readonly period?: string;
}

const VALUE_OPTIONS = ["--lang", "--out", "--format", "--version", "--period"] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function parseArgs(args: readonly string[]): DocsArgs {
  const values = new Map<ValueOption, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) throw new UsageError(`unknown option '${name}'`);
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "") throw new UsageError(`${name} needs a value`);
    values.set(name as ValueOption, value);
  }
  if (positional.length === 0) throw new UsageError("missing RULESET (a ruleset version or family folder)");
  if (positional.length > 1) throw new UsageError(`unexpected argument '${positional[1]}'`);
  const lang = values.get("--lang") ?? "kk";
  if (!isLang(lang)) throw new UsageError(`--lang must be one of ${LANGS.join(", ")}, not '${lang}'`);
  const format = values.get("--format");
  if (format !== undefined && format !== "md" && format !== "html") {
    throw new UsageError(`--format must be md or html, not '${format}'`);
  }
  if (values.has("--version") && values.has("--period")) throw new UsageError("give --version or --period, not both");
  const get = (k: ValueOption) => (values.has(k) ? { [k.slice(2)]: values.get(k) } : {});
  return {
    ruleset: positional[0] ?? "",
    lang,
    ...(format ? { format } : {}),
    ...get("--out"),
    ...get("--version"),
    ...get("--period"),
  };
}

/** What docs needs from the rules loader, injected so that tests can give a hand-made model. */
export interface DocsDependencies {
  readonly load: (rulesetPath: string, options: LoadOptions) => { ruleset?: Ruleset; diagnostics: Diagnostic[] };
  readonly previous: (ruleset: Ruleset) => PreviousVersion;
}

export function makeDocsCommand(deps: DocsDependencies): Command {
  return {
    name: "docs",
    summary: "write the methodology document of a ruleset: tarazy docs RULESET --lang kk|ru|en [--out DIR]",
    usage: USAGE,
    async run(args, io: CliIO) {
      const options = parseArgs(args);
      const loaded = deps.load(path.resolve(io.cwd, options.ruleset), {
        ...(options.version ? { version: options.version } : {}),
        ...(options.period ? { period: options.period } : {}),
      });
      const diagnostics = [...loaded.diagnostics];
      const ruleset = loaded.ruleset;
      let code = 0;
      if (!ruleset || hasErrors(diagnostics)) code = 1;
      else {
        const previous = deps.previous(ruleset);
        if (previous.kind === "unreadable") diagnostics.push(previous.diagnostic);
        const doc = buildMethodology({
          ruleset,
          lang: options.lang,
          changes: changesSince(ruleset, options.lang, previous),
        });
        code = await emit(doc, options, io, diagnostics);
      }
      const shown = diagnostics.map((d) => relativeDiagnostic(d, io.cwd));
      if (shown.length > 0 || code === 1) io.stderr(renderDiagnostics(shown, fileLookup(io.cwd)));
      return code;
    },
  };
}

async function emit(
  doc: ReturnType<typeof buildMethodology>,
  options: DocsArgs,
  io: CliIO,
  diagnostics: Diagnostic[],
): Promise<number> {
  if (options.out === undefined) {
    io.stdout(options.format === "html" ? methodologyHtml(doc) : methodologyMarkdown(doc));
    return 0;
  }
  const text = (s: string) => new TextEncoder().encode(s);
  const files = [
    ...(options.format !== "html"
      ? [{ name: `methodology.${doc.lang}.md`, bytes: text(methodologyMarkdown(doc)) }]
      : []),
    ...(options.format !== "md" ? [{ name: `methodology.${doc.lang}.html`, bytes: text(methodologyHtml(doc)) }] : []),
  ];
  const written = await writeOutputFiles(path.resolve(io.cwd, options.out), files);
  diagnostics.push(...written.diagnostics);
  sayWritten(io.stdout, written.files, options.out, io.cwd);
  return written.diagnostics.length > 0 ? 2 : 0;
}

export const docsCommand: Command = makeDocsCommand({ load: loadRuleset, previous: previousVersion });
