import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import { crc32 } from "node:zlib";
import { pruneRuleCache } from "../rules/rule-cache-prune.js";
import { cliCacheDir } from "./cache-option.js";

/** Code cache files kept in the folder at most (each a few MB): the commands of a build or two. */
const MAX_FILES = 24;
/** Each file starts with the CRC-32 of the rest: release builds of V8 do not check a code cache's checksum. */
const HEADER = 4;

/**
 * Runs the CLI bundle (dist/tarazy.cjs: CommonJS already wrapped in its module function, pure ASCII) as Node
 * would require it, but through vm.Script with V8's code cache of an earlier run of the same build and
 * command: compiling the 2 MB bundle is most of what a start costs, and an ES module cannot be given a code
 * cache in Node 20. The cache is written at exit, so that it holds the functions the run compiled lazily
 * too; it lives beside the rule cache (cache-option.ts: --no-cache and TARAZY_CACHE=off turn both off). A
 * missing, foreign, corrupt or rejected cache costs one ordinary compile and is written anew; a read-only
 * folder is read and never written.
 */
export function runBundle(
  filename: string,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): void {
  const source = readFileSync(filename, "latin1");
  const file = codeCacheFile(source, argv, env);
  const cachedData = file === undefined ? undefined : readCodeCache(file);
  const script = new Script(source, { filename, ...(cachedData ? { cachedData } : {}) });
  if (file !== undefined && (cachedData === undefined || script.cachedDataRejected))
    process.once("exit", () => writeCodeCache(file, script));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename));
}

/**
 * The cache file of this build (its id, stamped into the bundle by engine/scripts/build-id.mjs), command and
 * Node options; undefined without a cache folder or a build id (an unstamped bundle).
 */
export function codeCacheFile(
  source: string,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  execArgv: readonly string[] = process.execArgv,
): string | undefined {
  const dir = cliCacheDir(argv, env);
  const build = /"tarazy-build:([0-9a-f]{32})"/.exec(source)?.[1];
  if (dir === undefined || build === undefined) return undefined;
  // One file per command: each holds what its command compiled (a `validate` never runs the rating's code).
  const command = /^[a-z][a-z-]{0,31}$/.test(argv[0] ?? "") ? argv[0] : "other";
  // V8 rejects a cache made under other flags: a run with its own (node --cpu-prof, NODE_OPTIONS) keeps its own.
  const flags = [...execArgv, env.NODE_OPTIONS ?? ""].join("\0");
  const variant = flags === "" ? "" : `-${crc32(flags).toString(16)}`;
  return join(dir, "code", `${build}-${command}${variant}.v8`);
}

/** The cache's payload when the file is there and whole; undefined otherwise. */
export function readCodeCache(file: string): Buffer | undefined {
  try {
    const data = readFileSync(file);
    const payload = data.subarray(HEADER);
    return data.length > HEADER && data.readUInt32LE(0) === crc32(payload) ? payload : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the script's code cache (best effort: written whole under a temporary name, then renamed). */
export function writeCodeCache(file: string, script: Script): void {
  try {
    const payload = script.createCachedData();
    const header = Buffer.alloc(HEADER);
    header.writeUInt32LE(crc32(payload), 0);
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true });
    pruneRuleCache(dir, Date.now(), MAX_FILES);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, Buffer.concat([header, payload]));
    renameSync(temp, file);
  } catch {
    // A read-only or full disk: the code cache is an optimisation, never a reason to fail.
  }
}
