import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

/** Entries not written or read for this long are removed (a file edited since has another key). */
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** Beyond this many entries the oldest go, whatever their age (each is some tens of KB). */
export const MAX_ENTRIES = 4000;
/** A temporary file this old was left by a process that died mid-write. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Keeps the rule cache's folder bounded: every edit of a rule file adds an entry under a new key, and
 * nothing else ever removes the old one. Run once by a process that writes entries (the slow path anyway);
 * best effort, as the cache itself: a file that cannot be read or removed is left.
 */
export function pruneRuleCache(dir: string, now = Date.now(), limit = MAX_ENTRIES): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  const entries: { path: string; time: number }[] = [];
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const time = mtimeOf(path);
    if (time === undefined) continue;
    const temp = name.endsWith(".tmp");
    if (!temp && !name.endsWith(".v8")) continue;
    if (now - time > (temp ? STALE_TEMP_MS : MAX_AGE_MS)) removed += remove(path);
    else if (!temp) entries.push({ path, time });
  }
  if (entries.length > limit) {
    entries.sort((a, b) => a.time - b.time || (a.path < b.path ? -1 : 1));
    for (const e of entries.slice(0, entries.length - limit)) removed += remove(e.path);
  }
  return removed;
}

function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function remove(path: string): number {
  try {
    rmSync(path, { force: true });
    return 1;
  } catch {
    return 0;
  }
}
