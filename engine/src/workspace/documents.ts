import { resolve, sep } from "node:path";
import type { ParseRule } from "../rules/load.js";
import { type ParseManyOptions, parseMany, type SourceFile } from "../rules/parse-many.js";
import { type ReadFileHook, readRuleText } from "../rules/read.js";
import { parseThrough, type RuleCache } from "../rules/rule-cache.js";

/** One editor buffer: its text and the editor's version number of it. */
export interface OpenDocument {
  readonly text: string;
  readonly version: number;
}

/**
 * The files of a workspace as an editor sees them: an open buffer wins over the file on disk, whether it is
 * saved or not. The loader reads through `readFile`, so every check sees the buffers, never a stale disk.
 */
export class WorkspaceDocuments {
  private readonly buffers = new Map<string, OpenDocument>();
  private readonly parsed = new Map<string, { text: string; result: ReturnType<ParseRule> }>();

  private readonly disk = new Map<string, string>();
  /** A rule cache that outlives the process (rule-cache.ts): a second start parses no unchanged file. */
  private cache: RuleCache | undefined;

  /** Puts a rule cache behind `parse` (the CLI's, keyed by build, path and text), or takes it away. */
  useCache(cache: RuleCache | undefined): void {
    this.cache = cache;
  }

  /**
   * The loader's hook: the open buffer's text, else the file's text as last read from disk (kept until
   * `forget`: an editor reports files changed on disk), else undefined and the loader reads the disk itself
   * and says why a file cannot be read (missing, too large, not UTF-8).
   */
  readonly readFile: ReadFileHook = (path) => {
    const file = resolve(path);
    return this.buffers.get(file)?.text ?? this.disk.get(file) ?? this.readDisk(file);
  };

  /**
   * The loader's parser with a memory: the same text of the same file gives the same parsed document, so a
   * re-check after an edit parses only the edited file (the first stage of the lifecycle, parse -> index ->
   * link -> validate). One entry per file, replaced when its text changes.
   */
  readonly parse: ParseRule = (file, text) => {
    const hit = this.parsed.get(file);
    if (hit?.text === text) return hit.result;
    // Only files as read from disk go through the rule cache: a buffer's text changes with every keystroke,
    // and an entry per keystroke would cost a write each and fill the folder with texts never seen again.
    const result = parseThrough(this.isOpen(file) ? undefined : this.cache, file, text);
    this.parsed.set(file, { text, result });
    return result;
  };

  /**
   * Parses `paths` ahead of the loader, all at once: from the rule cache where it has them, the rest in worker
   * threads (parseMany), so that the first build finds every file parsed. A file parsed meanwhile (a build
   * while the workers ran) keeps that result.
   */
  async preparse(paths: readonly string[], options?: ParseManyOptions): Promise<void> {
    const todo: SourceFile[] = [];
    // Files whose text was a buffer's when read: kept out of the cache (a file opened meanwhile is not).
    const buffered = new Set<string>();
    for (const path of paths) {
      const file = resolve(path);
      const text = this.readFile(file);
      if (text === undefined || this.parsed.get(file)?.text === text) continue;
      if (this.isOpen(file)) buffered.add(file);
      const known = buffered.has(file) ? undefined : this.cache?.get(file, text);
      if (known) this.parsed.set(file, { text, result: known });
      else todo.push({ file, text });
    }
    const results = await parseMany(todo, options);
    todo.forEach(({ file, text }, i) => {
      const result = results[i];
      if (!result) return;
      if (!buffered.has(file)) this.cache?.put(file, text, result);
      if (this.parsed.get(file)?.text !== text) this.parsed.set(file, { text, result });
    });
  }

  /** Forgets what was read of a file, or of every file under a folder: it changed on disk, or was deleted. */
  forget(path: string): void {
    const target = resolve(path);
    const under = target.endsWith(sep) ? target : target + sep;
    for (const cache of [this.disk, this.parsed])
      for (const file of [...cache.keys()]) if (file === target || file.startsWith(under)) cache.delete(file);
  }

  private readDisk(file: string): string | undefined {
    const read = readRuleText(file);
    if (!("text" in read)) return undefined;
    this.disk.set(file, read.text);
    return read.text;
  }

  /** Opens or updates a buffer. */
  set(path: string, text: string, version = 0): void {
    this.buffers.set(resolve(path), { text, version });
  }

  /** Closes a buffer: the file is read from disk again. */
  close(path: string): void {
    this.buffers.delete(resolve(path));
  }

  get(path: string): OpenDocument | undefined {
    return this.buffers.get(resolve(path));
  }

  isOpen(path: string): boolean {
    return this.buffers.has(resolve(path));
  }

  /** The text the checks see: the buffer, or the disk; undefined when neither has the file. */
  text(path: string): string | undefined {
    return this.readFile(path);
  }

  openPaths(): string[] {
    return [...this.buffers.keys()];
  }
}
