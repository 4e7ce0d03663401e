import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { ENGINE_DIR } from "../paths.js";
import { type Entry, type Parsed, revive } from "./rule-cache.js";
import { parseRuleDocument } from "./yaml-document.js";

/** One rule file to parse: its path and its text. */
export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

export interface ParseManyOptions {
  /** Threads to parse on, this one included (default: os.availableParallelism()). */
  readonly threads?: number;
  /** The worker's script (default: the compiled parse-worker.js beside this module's engine). */
  readonly script?: URL;
}

/** Fewer files than this are parsed here: starting a worker (loading the YAML library again) costs more. */
const MIN_FILES = 8;
const PARSE_WORKER = new URL("dist/rules/parse-worker.js", ENGINE_DIR);

/**
 * Parses many rule files at once (a workspace's first indexing, thousands of indicators): in worker threads
 * when there are more than MIN_FILES and more than one core, this thread parsing its own share meanwhile.
 * Gives what parseRuleDocument gives for each file, in the order of `files`; a worker's documents have their
 * YAML tree parsed again only if something asks (as documents read from the rule cache). A worker that fails
 * (its script missing, an error) costs nothing but time: its files are parsed here.
 */
export async function parseMany(files: readonly SourceFile[], options: ParseManyOptions = {}): Promise<Parsed[]> {
  const threads = Math.min(options.threads ?? availableParallelism(), Math.ceil(files.length / MIN_FILES));
  if (threads <= 1) return files.map(({ file, text }) => parseRuleDocument(file, text));
  const shares = dealt(files, threads);
  const [own = [], ...others] = shares;
  const pending = others.map((share) =>
    inWorker(
      share.map((i) => files[i] as SourceFile),
      options.script ?? PARSE_WORKER,
    ),
  );
  const out = new Map<number, Parsed>();
  for (const i of own) out.set(i, parse(files, i));
  const results = await Promise.all(pending);
  others.forEach((share, w) => {
    share.forEach((i, k) => {
      const file = files[i] as SourceFile;
      const entry = results[w]?.[k];
      out.set(i, (entry && revive(file.file, file.text, entry)) || parse(files, i));
    });
  });
  return files.map((_, i) => out.get(i) as Parsed);
}

const parse = (files: readonly SourceFile[], i: number) => {
  const { file, text } = files[i] as SourceFile;
  return parseRuleDocument(file, text);
};

/** The files' indexes in `n` shares of about equal text, the longest files dealt first. */
function dealt(files: readonly SourceFile[], n: number): number[][] {
  const shares: number[][] = Array.from({ length: n }, () => []);
  const sizes = new Array<number>(n).fill(0);
  const order = files.map((_, i) => i).sort((a, b) => (files[b]?.text.length ?? 0) - (files[a]?.text.length ?? 0));
  for (const i of order) {
    const least = sizes.indexOf(Math.min(...sizes));
    shares[least]?.push(i);
    sizes[least] = (sizes[least] ?? 0) + (files[i]?.text.length ?? 0);
  }
  return shares.map((s) => s.sort((a, b) => a - b));
}

/** The entries of `share` parsed in a worker; undefined when the worker failed. */
function inWorker(share: readonly SourceFile[], script: URL): Promise<Entry[] | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: share });
    } catch {
      resolve(undefined);
      return;
    }
    worker.once("message", (entries: Entry[]) => {
      resolve(Array.isArray(entries) && entries.length === share.length ? entries : undefined);
      void worker.terminate();
    });
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
}
