import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { ModelParts } from "../rules/build-model.js";
import { discoverRulesets } from "../rules/discover.js";
import { checkFamilyHeaders, checkRuleFile, checkTestFiles, type LoadResult, loadVersion } from "../rules/load.js";
import type { ParseManyOptions } from "../rules/parse-many.js";
import { isYamlName, listFolder, pathKind, yamlFilesUnder } from "../rules/read.js";
import type { RuleDocument } from "../rules/yaml-document.js";
import { WorkspaceDocuments } from "./documents.js";
import { SymbolIndex } from "./index.js";

/** One loaded version of a ruleset, with its rule tests. */
export interface VersionState {
  /** The version folder (it holds ruleset.yaml). */
  readonly folder: string;
  /** The family folder, when the version is one of a family's version folders. */
  readonly family?: string;
  /** The loader's answer: model (as far as it could be built), documents, formulas, sources, diagnostics. */
  readonly result: LoadResult;
  /** The rule tests beside the version (tests/*.yaml), checked for structure as `tarazy validate` does. */
  readonly tests: { readonly documents: readonly RuleDocument[]; readonly diagnostics: readonly Diagnostic[] };
}

/** A rule file open in the editor that belongs to no ruleset: checked on its own (YAML, schema, syntax). */
interface LooseFile {
  readonly document: RuleDocument;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Every ruleset of an editor's workspace folders, kept checked as files change. The unit of re-checking is a
 * version: its files share one set of names (fields, indicators, blocks, units), so an edit re-loads the version
 * of the edited file (and re-checks its family's headers when ruleset.yaml changed); other versions and
 * rulesets keep their results. Open buffers win over the disk (see WorkspaceDocuments).
 */
export class Workspace {
  readonly documents = new WorkspaceDocuments();
  /** Which file defines and uses which field, indicator, block and unit, kept current with every build. */
  readonly index = new SymbolIndex();
  private folders: string[];
  private readonly versions = new Map<string, VersionState>();
  private readonly families = new Map<string, Diagnostic[]>();
  private readonly loose = new Map<string, LooseFile>();
  private readonly byFile = new Map<string, Diagnostic[]>();
  private readonly dirtyVersions = new Set<string>();
  private readonly dirtyFamilies = new Set<string>();
  private readonly dirtyLoose = new Set<string>();
  private readonly dirtyTests = new Set<string>();
  private rediscover = true;
  /**
   * The model's parts per rule file, so that a re-load after an edit builds only the edited file's part; one
   * set per version, so that a file two versions include keeps a part in each (linking writes each version's
   * derived frequencies into its part's indicators) instead of being built again by every load.
   */
  private readonly parts = new Map<string, ModelParts>();

  constructor(folders: readonly string[] = []) {
    this.folders = folders.map((f) => resolve(f));
  }

  /** Replaces the workspace folders; the next build finds their rulesets again. */
  setFolders(folders: readonly string[]): void {
    this.folders = folders.map((f) => resolve(f));
    this.rediscover = true;
  }

  workspaceFolders(): readonly string[] {
    return this.folders;
  }

  /** An editor opened or changed a buffer. */
  change(path: string, text: string, version = 0): void {
    const before = this.documents.readFile(path);
    this.documents.set(path, text, version);
    // Opening a file as it is on disk changes nothing the checks see.
    if (before === text && !this.rediscover && this.versionOf(path)) return;
    this.touch(resolve(path));
  }

  /** An editor closed a buffer: the disk's text counts again. */
  close(path: string): void {
    const file = resolve(path);
    this.documents.close(file);
    this.loose.delete(file);
    this.touch(file);
  }

  /** Files created, changed or deleted on disk (a git checkout, another program). */
  filesChanged(paths: readonly string[]): void {
    for (const p of paths) {
      const file = resolve(p);
      this.documents.forget(file);
      // A version folder appears or goes with its ruleset.yaml (a git checkout of another branch).
      if (basename(file) === "ruleset.yaml") this.rediscover = true;
      this.touch(file);
    }
  }

  /**
   * Parses every YAML file of the rulesets under the workspace folders before the first build, in worker threads when there
   * are many (WorkspaceDocuments.preparse): the build then only indexes, links and checks. Optional: a build
   * without it parses each file as the loader reads it, with the same results.
   */
  preparse(options?: ParseManyOptions): Promise<void> {
    const rulesets = this.folders.flatMap((f) => discoverRulesets(f));
    const folders = rulesets.filter((t) => t.kind === "family" || t.kind === "version").map((t) => t.path);
    return this.documents.preparse(
      folders.flatMap((f) => yamlFilesUnder(f)),
      options,
    );
  }

  /**
   * Re-checks what changed since the last build. Returns the files whose diagnostics may differ (including
   * files that had diagnostics and now have none).
   */
  build(): string[] {
    const affected = new Set<string>();
    if (this.rediscover) this.discover(affected);
    for (const family of this.dirtyFamilies) {
      for (const d of this.families.get(family) ?? []) if (d.file) affected.add(d.file);
      const { readFile, parse } = this.documents;
      const diagnostics = checkFamilyHeaders(family, { readFile, parse });
      this.families.set(family, diagnostics);
      for (const d of diagnostics) if (d.file) affected.add(d.file);
    }
    for (const folder of this.dirtyVersions) {
      const old = this.versions.get(folder);
      if (old) for (const f of filesOf(old)) affected.add(f);
      if (!old) continue;
      const state = this.load(folder, old?.family);
      this.versions.set(folder, state);
      for (const f of filesOf(state)) affected.add(f);
    }
    for (const folder of this.dirtyTests) {
      const old = this.versions.get(folder);
      if (!old || this.dirtyVersions.has(folder)) continue;
      for (const f of filesOf(old)) affected.add(f);
      const state = { ...old, tests: checkTestFiles(folder, this.documents) };
      this.index.update(state);
      this.versions.set(folder, state);
      for (const f of filesOf(state)) affected.add(f);
    }
    for (const file of this.dirtyLoose) {
      affected.add(file);
      this.checkLoose(file);
    }
    this.rediscover = false;
    this.dirtyFamilies.clear();
    this.dirtyVersions.clear();
    this.dirtyLoose.clear();
    this.dirtyTests.clear();
    this.regroup();
    return [...affected].sort();
  }

  /** Every diagnostic of a file: YAML, schema, formulas, names, the family's versions, its rule tests. */
  diagnosticsOf(path: string): readonly Diagnostic[] {
    return this.byFile.get(resolve(path)) ?? [];
  }

  /** The files that have diagnostics now. */
  filesWithDiagnostics(): string[] {
    return [...this.byFile.keys()].sort();
  }

  /** Every loaded version, in folder order. */
  allVersions(): VersionState[] {
    return [...this.versions.values()].sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  }

  /** The version a file belongs to: one of its rule files, its rule tests, or anything else inside its folder. */
  versionOf(path: string): VersionState | undefined {
    const file = resolve(path);
    let best: VersionState | undefined;
    for (const v of this.versions.values())
      if (isInside(file, v.folder) && (!best || v.folder.length > best.folder.length)) best = v;
    return best;
  }

  /** The parsed document of a file, wherever it was loaded (a version, its tests, or on its own). */
  documentOf(path: string): RuleDocument | undefined {
    const file = resolve(path);
    const v = this.versionOf(file);
    const found = v?.result.documents.find((d) => d.file === file) ?? v?.tests.documents.find((d) => d.file === file);
    return found ?? this.loose.get(file)?.document;
  }

  /** Marks what a changed file affects: the versions that read it, their rule tests, or the search for rulesets. */
  private touch(file: string): void {
    // A data file or a README changes no rule; a folder (or a path now gone) may hold or have held versions.
    if (!isYamlName(file)) {
      if (pathKind(file) !== "file") this.rediscover = true;
      return;
    }
    const readers = [...this.versions.values()].filter((v) => v.result.files.includes(file));
    const version = this.versionOf(file);
    const inside = version ? relative(version.folder, file).split(sep)[0] : undefined;
    if (version && inside === "tests") this.dirtyTests.add(version.folder);
    else if (version && inside !== "sample-data") readers.push(version);
    for (const v of readers) this.dirtyVersions.add(v.folder);
    if (basename(file) === "ruleset.yaml") {
      for (const v of readers) if (v.family) this.dirtyFamilies.add(v.family);
      // A ruleset.yaml that is not its version's own starts a new version folder.
      if (!version || dirname(file) !== version.folder) this.rediscover = true;
    }
    if (version) return;
    if (this.documents.isOpen(file)) this.dirtyLoose.add(file);
    else if (this.loose.delete(file)) this.regroup();
  }

  /** Finds every family and version under the workspace folders; loads those not loaded yet. */
  private discover(affected: Set<string>): void {
    const found = new Map<string, string | undefined>();
    for (const folder of this.folders)
      for (const target of discoverRulesets(folder)) {
        if (target.kind === "family") {
          this.dirtyFamilies.add(target.path);
          for (const v of versionFoldersOf(target.path)) found.set(v, target.path);
        } else if (target.kind === "version") found.set(target.path, undefined);
      }
    for (const [folder, state] of this.versions)
      if (!found.has(folder)) {
        for (const f of filesOf(state)) affected.add(f);
        this.versions.delete(folder);
        this.parts.delete(folder);
        this.index.remove(folder);
      }
    for (const family of this.families.keys()) if (!this.dirtyFamilies.has(family)) this.families.delete(family);
    for (const [folder, family] of found) {
      const old = this.versions.get(folder);
      if (!old || old.family !== family || this.dirtyVersions.has(folder)) {
        if (old) for (const f of filesOf(old)) affected.add(f);
        const state = this.load(folder, family);
        this.versions.set(folder, state);
        for (const f of filesOf(state)) affected.add(f);
      }
      this.dirtyVersions.delete(folder);
    }
    for (const file of this.documents.openPaths())
      if (!this.versionOf(file) && isYamlName(file)) this.dirtyLoose.add(file);
    for (const file of [...this.loose.keys()]) if (this.versionOf(file)) this.loose.delete(file);
  }

  /** Parse (cached per file), index, link and validate one version: the loader does all but indexing. */
  private load(folder: string, family: string | undefined): VersionState {
    const { readFile, parse } = this.documents;
    const state: VersionState = {
      folder,
      ...(family ? { family } : {}),
      result: loadVersion(folder, { readFile, parse, parts: this.partsOf(folder) }),
      tests: checkTestFiles(folder, { readFile, parse }),
    };
    this.index.update(state);
    return state;
  }

  private partsOf(folder: string): ModelParts {
    const known = this.parts.get(folder) ?? new ModelParts();
    this.parts.set(folder, known);
    return known;
  }

  private checkLoose(file: string): void {
    const text = this.documents.get(file)?.text;
    if (text === undefined || this.versionOf(file)) {
      this.loose.delete(file);
      return;
    }
    this.loose.set(file, checkRuleFile(file, text, this.documents.parse));
  }

  /** Groups every diagnostic by its file, the same order whichever version produced it. */
  private regroup(): void {
    this.byFile.clear();
    const add = (d: Diagnostic, fallback: string) => {
      const file = d.file ?? fallback;
      const list = this.byFile.get(file) ?? [];
      list.push(d);
      this.byFile.set(file, list);
    };
    for (const v of this.versions.values()) {
      const rulesetFile = join(v.folder, "ruleset.yaml");
      for (const d of v.result.diagnostics) add(d, rulesetFile);
      for (const d of v.tests.diagnostics) add(d, rulesetFile);
    }
    for (const [family, list] of this.families) for (const d of list) add(d, family);
    for (const [file, loose] of this.loose) for (const d of loose.diagnostics) add(d, file);
  }
}

/** The files a version's results speak about: its documents, its tests and the files of its diagnostics. */
function filesOf(v: VersionState): string[] {
  return [
    ...v.result.documents.map((d) => d.file),
    ...v.tests.documents.map((d) => d.file),
    ...v.result.diagnostics.flatMap((d) => (d.file ? [d.file] : [])),
    ...v.tests.diagnostics.flatMap((d) => (d.file ? [d.file] : [])),
  ];
}

/** The version folders of a family: its subfolders holding a ruleset.yaml, in name order. */
function versionFoldersOf(family: string): string[] {
  return listFolder(family)
    .filter((e) => e.folder && !e.name.startsWith("."))
    .map((e) => join(family, e.name))
    .filter((f) => pathKind(join(f, "ruleset.yaml")) === "file");
}

function isInside(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
