import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ReadFileHook } from "../rules/read.js";

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

  /** The loader's hook: the open buffer's text, or undefined to read the disk. */
  readonly readFile: ReadFileHook = (path) => this.buffers.get(resolve(path))?.text;

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
    const open = this.get(path);
    if (open) return open.text;
    try {
      return readFileSync(resolve(path), "utf8").replace(/^\uFEFF/, "");
    } catch {
      return undefined;
    }
  }

  openPaths(): string[] {
    return [...this.buffers.keys()];
  }
}
