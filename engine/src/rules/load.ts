import { createHash } from "node:crypto";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { compareDiagnostics } from "../diagnostics/order.js";
import type { Ruleset } from "../model/ruleset.js";
import type { Range } from "../source/range.js";
import { buildModel, type KindedDocument, type ModelParts } from "./build-model.js";
import { ruleChecks } from "./checks/index.js";
import { RuleReadCode } from "./codes.js";
import { fileKind } from "./file-kind.js";
import { type FormulaUse, linkFormulas } from "./link.js";
import { parseRuleOnce } from "./parse-once.js";
import { listFolder, pathKind, type ReadFileHook, readRuleText, START, yamlFilesUnder } from "./read.js";
import { schemaCheck } from "./schema-check.js";
import { RulesetSources } from "./sources.js";
import { checkFamily, chooseVersion, effectiveEnd, type VersionHeader } from "./versions.js";
import type { RuleDocument } from "./yaml-document.js";
import { valueRange } from "./yaml-path.js";

export interface LoadOptions {
  /** Pick the version in force for this period (2026-03, 2026-Q1, 2026) when given a family folder. */
  readonly period?: string;
  /** Pick this version (its `version:` or folder name) when given a family folder. */
  readonly version?: string;
  /** Supplies a file's text before the disk is read (the editor's unsaved buffers). */
  readonly readFile?: ReadFileHook;
  /**
   * Parses a file's text (parseRuleOnce by default: parseRuleDocument, once per file and text). An editor passes a cache that gives back the same
   * document for the same text, so that an edit re-parses only the edited file.
   */
  readonly parse?: ParseRule;
  /**
   * Versions already loaded, by folder, filled and reused by loadVersion: one command that picks versions
   * for several periods and reads the family's fields loads each version once. Scope it to one run over
   * unchanged files, with the same readFile and parse.
   */
  readonly loaded?: Map<string, LoadResult>;
  /**
   * The model's parts built per rule file, reused while a file's parsed document is the same: an editor
   * that re-loads a version after each edit passes one, with its parse cache, and builds only the edited
   * file's part (see ModelParts).
   */
  readonly parts?: ModelParts;
}

/** What parses a rule file: parseRuleDocument or a cache in front of it. */
export type ParseRule = (file: string, text: string) => { document: RuleDocument; diagnostics: Diagnostic[] };

export interface LoadResult {
  /** The checked ruleset: present only when there are no errors (warnings allowed). */
  readonly ruleset?: Ruleset;
  /** The model as far as it could be built, errors or not: for the language server and `validate`. */
  readonly model?: Ruleset;
  /** Every problem found, sorted by file and position. */
  readonly diagnostics: Diagnostic[];
  /** The files read (absolute paths), ruleset.yaml first. */
  readonly files: string[];
  /** The version loaded, when a version was found. */
  readonly version?: string;
  /** Why this version was chosen (given a family): "version 2026.1, in force in 2026-Q1". */
  readonly versionReason?: string;
  /** The parsed YAML files, for the node at a position and per-file diagnostics. */
  readonly documents: readonly RuleDocument[];
  /** Every formula with its resolved references and type. */
  readonly formulas: readonly FormulaUse[];
  /** Where each model element came from. */
  readonly sources?: RulesetSources;
}

export const RULESET_FILE = "ruleset.yaml";
/** Problems after which some file's content is missing from the model (see CheckContext.incomplete). */
const INCOMPLETE = new Set<string>([
  RuleReadCode.R001,
  RuleReadCode.R002,
  RuleReadCode.R003,
  RuleReadCode.R010,
  RuleReadCode.R012,
  RuleReadCode.R013,
  RuleReadCode.R015,
  RuleReadCode.R018,
  RuleReadCode.R100,
]);

/** Folders of a version that hold other things than rules. */
const NOT_RULES = new Set(["tests", "sample-data"]);

/**
 * Loads a ruleset: a version folder (it holds ruleset.yaml), a family folder (version folders; the version is
 * chosen by `version`, `period`, or else the latest), or a file of a version (its whole version is loaded).
 * Stages: read -> parse YAML -> schema -> build model -> link names -> semantic checks. Never throws for bad
 * input: every problem is a diagnostic.
 */
export function loadRuleset(path: string, options: LoadOptions = {}): LoadResult {
  const target = resolve(path);
  const kind = pathKind(target, options.readFile);
  if (kind === "none") return failed(readRuleText(target, options.readFile));
  if (kind === "file") {
    const folder = versionFolderOf(target, options.readFile);
    return folder ? loadVersion(folder, options) : failed(noRuleset(target));
  }
  if (hasRulesetFile(target, options.readFile)) return loadVersionFor(target, options);
  const versions = versionFolders(target, options.readFile);
  if (versions.length === 0) return failed(noRuleset(target));
  const headers = versions.map((v) => readHeader(v, options.readFile));
  const familyDiagnostics = checkFamily(headers);
  const choice = chooseVersion(headers, options);
  if ("diagnostic" in choice) {
    const at = headers[0];
    const diagnostic = { ...choice.diagnostic, file: at?.file ?? target, range: START } as Diagnostic;
    return { ...empty(), diagnostics: sortDiagnostics([...familyDiagnostics, diagnostic]) };
  }
  const loaded = loadVersion(choice.header.folder, { ...options, period: undefined });
  const diagnostics = sortDiagnostics([...familyDiagnostics, ...loaded.diagnostics]);
  return {
    ...loaded,
    diagnostics,
    versionReason: choice.reason,
    ...(loaded.model && !hasErrors(diagnostics) ? { ruleset: loaded.model } : { ruleset: undefined }),
  };
}

/** A version folder given directly: with a period, say so when the version is not in force then. */
function loadVersionFor(folder: string, options: LoadOptions): LoadResult {
  const loaded = loadVersion(folder, options);
  if (options.period === undefined) return loaded;
  const header = readHeader(folder, options.readFile);
  const choice = chooseVersion([header], { period: options.period });
  if (!("diagnostic" in choice)) return { ...loaded, versionReason: choice.reason };
  const diagnostic = { ...choice.diagnostic, file: header.file, range: header.fromRange ?? START } as Diagnostic;
  const diagnostics = sortDiagnostics([...loaded.diagnostics, diagnostic]);
  return { ...loaded, diagnostics, ruleset: undefined };
}

/**
 * The months a version folder is in force: its `effective.from`, and its `to` or, in a family, the month
 * before the next version's `from` (`to` absent: open). Read from the headers alone.
 */
export function effectiveMonths(
  folder: string,
  options: Pick<LoadOptions, "readFile"> = {},
): { from?: string; to?: string; file: string; range: Range } {
  const header = readHeader(folder, options.readFile);
  const parent = dirname(folder);
  const siblings = isFamilyFolder(parent) ? versionFolders(parent).map((f) => readHeader(f, options.readFile)) : [];
  const to = effectiveEnd(siblings.length > 0 ? siblings : [header], header);
  return {
    ...(header.from ? { from: header.from } : {}),
    ...(to ? { to } : {}),
    file: header.file,
    range: header.fromRange ?? START,
  };
}

/** Every version of a family (or the one version given), each fully loaded, with the family's own problems. */
export function loadFamily(
  path: string,
  options: Pick<LoadOptions, "readFile" | "loaded"> = {},
): {
  versions: LoadResult[];
  diagnostics: Diagnostic[];
} {
  const target = resolve(path);
  if (pathKind(target, options.readFile) !== "folder" || hasRulesetFile(target, options.readFile)) {
    const one = loadRuleset(target, options);
    return { versions: [one], diagnostics: one.diagnostics };
  }
  const folders = versionFolders(target, options.readFile);
  if (folders.length === 0) return { versions: [], diagnostics: [noRuleset(target).diagnostic] };
  const versions = folders.map((f) => loadVersion(f, options));
  const family = checkFamily(folders.map((f) => readHeader(f, options.readFile)));
  return { versions, diagnostics: sortDiagnostics([...family, ...versions.flatMap((v) => v.diagnostics)]) };
}

/**
 * The problems of a family as a whole (versions that overlap, differ in id or folder name), without loading
 * the versions: what an editor re-checks when one version's ruleset.yaml changes.
 */
export function checkFamilyHeaders(path: string, options: Pick<LoadOptions, "readFile" | "parse"> = {}): Diagnostic[] {
  const folders = versionFolders(resolve(path), options.readFile);
  return sortDiagnostics(checkFamily(folders.map((f) => readHeader(f, options.readFile, options.parse))));
}

/** True when the folder is a family: it holds version folders and no ruleset.yaml. */
export function isFamilyFolder(path: string): boolean {
  const target = resolve(path);
  return pathKind(target) === "folder" && !hasRulesetFile(target) && versionFolders(target).length > 0;
}

/**
 * The versions of a family folder (or the one version folder given), read from their ruleset.yaml alone, in
 * folder order, each with the last month it is in force (its `to`, else the month before the next `from`).
 * Editors list them without loading every rule file; empty when the path holds no ruleset.
 */
export function versionHeaders(path: string, options: Pick<LoadOptions, "readFile"> = {}): VersionHeader[] {
  const target = resolve(path);
  if (pathKind(target, options.readFile) !== "folder") return [];
  if (hasRulesetFile(target, options.readFile)) return [readHeader(target, options.readFile)];
  const headers = versionFolders(target, options.readFile).map((f) => readHeader(f, options.readFile));
  return headers.map((h) => {
    const to = effectiveEnd(headers, h);
    return to ? { ...h, to } : h;
  });
}

/**
 * A version's model as far as its fields go (the same builder, given only its fields files): what the data
 * of a family needs of its other versions, without building their blocks, linking their formulas or running
 * the checks (a version already loaded in `options.loaded` answers from its full model). Undefined when the
 * folder has no readable ruleset.yaml.
 */
export function loadVersionFields(
  folder: string,
  options: Pick<LoadOptions, "readFile" | "loaded" | "parse"> = {},
): Pick<Ruleset, "root" | "version" | "fields"> | undefined {
  const root = resolve(folder);
  const known = options.loaded?.get(root);
  if (known) return known.ruleset ?? known.model;
  // The walk's problems are the full load's to report.
  const walk = walkVersion(root, options, []);
  if ("diagnostic" in walk) return undefined;
  const fieldsFiles: KindedDocument[] = [];
  for (const file of walk.included) {
    if ("diagnostic" in file) continue;
    const doc = file.parsed.document;
    if (fileKind(doc).kind === "fields") fieldsFiles.push({ doc, kind: "fields" });
  }
  return buildModel(root, walk.parsed.document, fieldsFiles, new RulesetSources()).model;
}

/** Loads one version folder (once per `options.loaded`). */
export function loadVersion(folder: string, options: LoadOptions = {}): LoadResult {
  const root = resolve(folder);
  const known = options.loaded?.get(root);
  if (known) return known;
  const result = loadVersionFiles(root, options);
  options.loaded?.set(root, result);
  return result;
}

function loadVersionFiles(root: string, options: LoadOptions): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const walk = walkVersion(root, options, diagnostics);
  if ("diagnostic" in walk) return failed(walk);
  const { rulesetPath, parsed } = walk;
  diagnostics.push(...parsed.diagnostics);
  const rulesetDoc = parsed.document;
  if (rulesetDoc.data === null && parsed.diagnostics.length === 0) diagnostics.push(emptyFile(rulesetPath));
  const sources = new RulesetSources(options.parts?.origins);
  const documents: RuleDocument[] = [rulesetDoc];
  const ruleKind = validateDocument(rulesetDoc, sources, diagnostics, parsed.diagnostics);
  if (ruleKind !== undefined && ruleKind !== "ruleset")
    diagnostics.push(misplaced(rulesetDoc, "ruleset.yaml must start with `ruleset: <id>`"));

  const included: KindedDocument[] = [];
  for (const file of walk.included) {
    if ("diagnostic" in file) {
      diagnostics.push(file.diagnostic);
      continue;
    }
    const result = file.parsed;
    diagnostics.push(...result.diagnostics);
    documents.push(result.document);
    if (result.document.data === null && result.diagnostics.length === 0) {
      diagnostics.push(emptyFile(file.path));
      continue;
    }
    const kind = validateDocument(result.document, sources, diagnostics, result.diagnostics);
    if (kind === "ruleset" || kind === "test") {
      diagnostics.push(
        misplaced(
          result.document,
          kind === "ruleset"
            ? "a ruleset has one ruleset.yaml; this file also starts with `ruleset`"
            : "a rule test is not part of the ruleset's rules; tests/ is run by tarazy test",
        ),
      );
      continue;
    }
    if (kind) included.push({ doc: result.document, kind });
  }

  const incomplete = diagnostics.some((d) => INCOMPLETE.has(d.code));
  const built = buildModel(root, rulesetDoc, included, sources, options.parts);
  diagnostics.push(...built.diagnostics);
  const linked = linkFormulas(built.model, sources, { incomplete, parseErrors: built.parseErrors });
  diagnostics.push(...linked.diagnostics);
  const context = { ruleset: built.model, sources, formulas: linked.formulas, incomplete };
  for (const check of ruleChecks) check.run({ ...context, report: (d) => diagnostics.push(d) });

  const files = documents.map((d) => d.file);
  const model: Ruleset = { ...built.model, hash: hashFiles(root, documents) };
  // The hash is set on a copy; keep the copy's origin for the language server.
  const origin = sources.originOf(built.model);
  if (origin) sources.record(model, origin.doc, origin.path);
  const sorted = sortDiagnostics(diagnostics);
  return {
    ...(hasErrors(sorted) ? {} : { ruleset: model }),
    model,
    diagnostics: sorted,
    files,
    ...(model.version ? { version: model.version } : {}),
    documents,
    formulas: linked.formulas,
    sources,
  };
}

/**
 * One rule file on its own, for an editor showing a file outside any ruleset: YAML, the schema and the
 * syntax of its formulas, without names (there is no ruleset to resolve them in).
 */
export function checkRuleFile(
  file: string,
  text: string,
  parse: ParseRule = parseRuleOnce,
): { document: RuleDocument; diagnostics: Diagnostic[] } {
  const parsed = parse(file, text);
  const diagnostics = [...parsed.diagnostics];
  const sources = new RulesetSources();
  const kind = validateDocument(parsed.document, sources, diagnostics, parsed.diagnostics);
  if (kind === "units" || kind === "fields" || kind === "block") {
    const built = buildModel(dirname(file), undefined, [{ doc: parsed.document, kind }], sources);
    diagnostics.push(...built.diagnostics);
  }
  return { document: parsed.document, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * The structure of a version's rule tests (tests/*.yaml), checked with the schema as `tarazy validate`
 * does; running them is `tarazy test`'s work.
 */
export function checkTestFiles(
  versionFolder: string,
  options: Pick<LoadOptions, "readFile" | "parse"> = {},
): { documents: RuleDocument[]; diagnostics: Diagnostic[] } {
  const documents: RuleDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of yamlFilesUnder(join(resolve(versionFolder), "tests"))) {
    const read = readRuleText(file, options.readFile);
    if ("diagnostic" in read) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const checked = checkRuleFile(file, read.text, options.parse);
    documents.push(checked.document);
    diagnostics.push(...checked.diagnostics);
    const { kind } = fileKind(checked.document);
    if (kind && kind !== "test")
      diagnostics.push(misplaced(checked.document, "a file in tests/ is a rule test, starting with `test:`"));
  }
  return { documents, diagnostics: sortDiagnostics(diagnostics) };
}

/** Detects the kind, validates with the schema and records broken paths; the kind when the file has one. */
function validateDocument(
  doc: RuleDocument,
  sources: RulesetSources,
  diagnostics: Diagnostic[],
  parseDiagnostics: readonly Diagnostic[],
) {
  if (doc.data === null && doc.yaml === undefined) return undefined;
  // A file not read for its depth has nothing more to say.
  if (parseDiagnostics.some((d) => d.code === RuleReadCode.R018)) return undefined;
  const cutoff = syntaxCutoff(doc, parseDiagnostics);
  if (cutoff !== undefined) {
    sources.cutAt(doc, cutoff);
    sources.markBroken(
      doc,
      [...doc.locations].filter(([, l]) => l.value.start.offset >= cutoff).map(([p]) => p),
    );
  }
  const { kind, diagnostic, controls, broken, reported } = schemaCheck(doc);
  if (diagnostic) diagnostics.push(diagnostic);
  if (!kind || !controls || !broken || !reported) return undefined;
  diagnostics.push(...controls);
  sources.markBroken(doc, broken);
  diagnostics.push(...(cutoff === undefined ? reported : reported.filter((d) => d.range.start.offset < cutoff)));
  return kind;
}

/**
 * Where a file's first syntax error makes the rest unreliable: the start of the innermost value holding the
 * error (or the error itself). What starts there or later is left out rather than reported a second time.
 */
function syntaxCutoff(doc: RuleDocument, parseDiagnostics: readonly Diagnostic[]): number | undefined {
  const error = parseDiagnostics.find((d) => d.code === RuleReadCode.R010 || d.code === RuleReadCode.R012);
  if (!error) return undefined;
  const offset = error.range.start.offset;
  let cutoff = offset;
  let innermost = Number.POSITIVE_INFINITY;
  for (const loc of doc.locations.values()) {
    const { start, end } = loc.value;
    const size = end.offset - start.offset;
    if (start.offset <= offset && offset <= end.offset && size < innermost) {
      innermost = size;
      cutoff = Math.min(offset, start.offset);
    }
  }
  return cutoff;
}

/** A rule file of a version as the walk gives it: parsed, or why it could not be read. */
type WalkedFile =
  | { readonly path: string; readonly parsed: ReturnType<ParseRule> }
  | { readonly path: string; readonly diagnostic: Diagnostic };

/**
 * The one walk of a version's rule files, for the full load and for its fields alone: ruleset.yaml read and
 * parsed (or why it cannot be read), then, as `included` is iterated, each file its `include` names, read
 * and parsed in order. The problems of `include` itself (R001, R005, R006) go to `diagnostics` when the
 * iteration starts, after the caller has looked at ruleset.yaml, so diagnostics keep the loader's order.
 */
function walkVersion(
  root: string,
  options: Pick<LoadOptions, "readFile" | "parse">,
  diagnostics: Diagnostic[],
): { rulesetPath: string; parsed: ReturnType<ParseRule>; included: Iterable<WalkedFile> } | { diagnostic: Diagnostic } {
  const rulesetPath = join(root, RULESET_FILE);
  const read = readRuleText(rulesetPath, options.readFile);
  if ("diagnostic" in read) return read;
  const parse = options.parse ?? parseRuleOnce;
  const parsed = parse(rulesetPath, read.text);
  function* included(): Generator<WalkedFile> {
    for (const file of includedFiles(root, parsed.document, options.readFile, diagnostics)) {
      const text = readRuleText(file.path, options.readFile, file.at);
      yield "diagnostic" in text
        ? { path: file.path, diagnostic: text.diagnostic }
        : { path: file.path, parsed: parse(file.path, text.text) };
    }
  }
  return { rulesetPath, parsed, included: included() };
}

interface IncludedFile {
  readonly path: string;
  readonly at?: { file: string; range: import("../source/range.js").Range };
}

/** The files `include` names, in order, each once; folders give their .yaml files in name order. */
function includedFiles(
  root: string,
  rulesetDoc: RuleDocument,
  hook: ReadFileHook | undefined,
  diagnostics: Diagnostic[],
): IncludedFile[] {
  const data = rulesetDoc.data as { include?: unknown } | null;
  const list = data && typeof data === "object" && Array.isArray(data.include) ? data.include : undefined;
  const rulesetPath = join(root, RULESET_FILE);
  const everything = yamlFilesUnder(root, NOT_RULES).filter((f) => f !== rulesetPath);
  if (!list) return everything.map((path) => ({ path }));
  const out: IncludedFile[] = [];
  const seen = new Set<string>([rulesetPath]);
  list.forEach((entry, i) => {
    if (typeof entry !== "string" || entry === "") return;
    const at = { file: rulesetDoc.file, range: valueRange(rulesetDoc, `/include/${i}`) };
    const path = resolve(root, entry);
    const kind = pathKind(path, hook);
    if (kind === "none") {
      diagnostics.push({
        code: RuleReadCode.R001,
        severity: "error",
        message: `\`${entry}\` does not exist (looked for ${relative(root, path) || "."} in the version folder)`,
        ...at,
        suggestion: closestFileHint(root, entry),
      });
      return;
    }
    const paths = kind === "folder" ? yamlFilesUnder(path, NOT_RULES) : [path];
    if (kind === "folder" && paths.length === 0)
      diagnostics.push({
        code: RuleReadCode.R001,
        severity: "error",
        message: `the folder \`${entry}\` holds no .yaml files`,
        ...at,
      });
    for (const p of paths) {
      if (seen.has(p)) {
        if (p !== rulesetPath)
          diagnostics.push({
            code: RuleReadCode.R006,
            severity: "warning",
            message: `\`${relative(root, p)}\` is already included; it is read once`,
            ...at,
            suggestion: "remove the repeated entry",
          });
        continue;
      }
      seen.add(p);
      out.push({ path: p, at });
    }
  });
  for (const file of everything) {
    if (seen.has(file)) continue;
    diagnostics.push({
      code: RuleReadCode.R005,
      severity: "warning",
      message: `${relative(root, file)} is not read: ruleset.yaml's \`include\` does not list it or its folder`,
      file,
      range: START,
      suggestion: `add \`${relative(root, file).split(sep).join("/")}\` (or its folder) to \`include\` in ruleset.yaml, or move the file out of the version folder`,
    });
  }
  return out;
}

function closestFileHint(root: string, entry: string): string {
  const names = listFolder(root).map((e) => (e.folder ? `${e.name}/` : e.name));
  const wanted = basename(entry.replace(/\/$/, ""));
  const close = names.filter((n) => n.replace(/\/$/, "").toLowerCase().includes(wanted.toLowerCase().slice(0, 4)));
  return close.length > 0
    ? `the version folder holds ${close.map((n) => `\`${n}\``).join(", ")}`
    : "paths in `include` are relative to ruleset.yaml";
}

/** ruleset.yaml's identity and effective period, for choosing a version without loading it whole. */
function readHeader(folder: string, hook?: ReadFileHook, parse: ParseRule = parseRuleOnce): VersionHeader {
  const file = join(folder, RULESET_FILE);
  const read = readRuleText(file, hook);
  const fallback: VersionHeader = { folder, file, version: basename(folder), id: "" };
  if ("diagnostic" in read) return fallback;
  const { document } = parse(file, read.text);
  const data = (document.data ?? {}) as Record<string, unknown>;
  const effective = (data.effective ?? {}) as Record<string, unknown>;
  const loc = (p: string) => document.locations.get(p)?.value;
  const month = (v: unknown) => (typeof v === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? v : undefined);
  const from = month(effective.from);
  const to = month(effective.to);
  const fromRange = loc("/effective/from");
  const toRange = loc("/effective/to");
  const versionRange = loc("/version");
  const idRange = loc("/ruleset");
  return {
    folder,
    file,
    version: typeof data.version === "string" ? data.version : basename(folder),
    id: typeof data.ruleset === "string" ? data.ruleset : "",
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(fromRange ? { fromRange } : {}),
    ...(toRange ? { toRange } : {}),
    ...(versionRange && typeof data.version === "string" ? { versionRange } : {}),
    ...(idRange ? { idRange } : {}),
  };
}

function hasRulesetFile(folder: string, hook?: ReadFileHook): boolean {
  return pathKind(join(folder, RULESET_FILE), hook) === "file";
}

/** Subfolders holding a ruleset.yaml, in name order. */
function versionFolders(folder: string, hook?: ReadFileHook): string[] {
  return listFolder(folder)
    .filter((e) => e.folder && !e.name.startsWith("."))
    .map((e) => join(folder, e.name))
    .filter((f) => hasRulesetFile(f, hook));
}

/** The version folder a rule file belongs to: the nearest folder above it with a ruleset.yaml. */
function versionFolderOf(file: string, hook?: ReadFileHook): string | undefined {
  let dir = dirname(file);
  for (let i = 0; i < 6; i++) {
    if (hasRulesetFile(dir, hook)) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** sha256 over the files' paths (relative, with /) and contents, in path order: same files, same hash. */
function hashFiles(root: string, documents: readonly RuleDocument[]): string {
  const hash = createHash("sha256");
  const entries = documents
    .map((d) => ({ path: relative(root, d.file).split(sep).join("/"), text: d.text }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const e of entries) hash.update(`${e.path}\0${e.text}\0`);
  return hash.digest("hex");
}

/** An empty file, or one holding only comments: nothing to read, which is never what its author meant. */
function emptyFile(file: string): Diagnostic {
  return {
    code: RuleReadCode.R015,
    severity: "error",
    message: "the file is empty (or holds only comments)",
    file,
    range: START,
    suggestion:
      basename(file) === RULESET_FILE
        ? "a ruleset.yaml starts with `ruleset: <id>` and gives the version, its effective period and its ratings (docs/rule-format.md)"
        : "write the file's content, or delete it",
  };
}

function misplaced(doc: RuleDocument, message: string): Diagnostic {
  return {
    code: RuleReadCode.R108,
    severity: "error",
    message,
    file: doc.file,
    range: valueRange(doc, ""),
    suggestion: "remove the file from `include`",
  };
}

function noRuleset(path: string): { diagnostic: Diagnostic } {
  return {
    diagnostic: {
      code: RuleReadCode.R004,
      severity: "error",
      message: `${path} is not a ruleset: it holds no ${RULESET_FILE} and no version folders with one`,
      file: path,
      range: START,
      suggestion: "give a version folder (it holds ruleset.yaml) or a family folder (it holds version folders)",
    },
  };
}

function empty(): LoadResult {
  return { diagnostics: [], files: [], documents: [], formulas: [] };
}

function failed(result: { diagnostic: Diagnostic } | { text: string }): LoadResult {
  return { ...empty(), diagnostics: "diagnostic" in result ? [result.diagnostic] : [] };
}

/** Root causes first, then by file, position and code (compareDiagnostics); exact repeats removed. Deterministic for goldens and CI. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return [...diagnostics].sort(compareDiagnostics).filter((d) => {
    const key = `${d.file}:${d.range.start.offset}:${d.range.end.offset}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
