import { type ReadFileHook, readRuleText } from "./read.js";

/**
 * A readFile hook that reads each rule file once (from `first`, such as an editor's open buffers, when it
 * gives the file; else from disk) and gives the same text after: one command that picks versions for many
 * periods (a --from/--to batch) asks for every ruleset.yaml each time. A file that cannot be read, is too
 * large or is not UTF-8 is left to the loader (undefined), which reports it as usual. Scope it to one run
 * over unchanged files.
 */
export function readOnce(first?: ReadFileHook): ReadFileHook {
  const texts = new Map<string, string | undefined>();
  return (path) => {
    if (texts.has(path)) return texts.get(path);
    const read = readRuleText(path, first);
    const text = "text" in read ? read.text : undefined;
    texts.set(path, text);
    return text;
  };
}
