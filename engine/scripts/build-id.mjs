// The build id that keys the rule cache (engine/src/rules/rule-cache.ts), stamped into a bundle in place of
// its placeholder "tarazy-build:unbundled": a hash of the bundle's text and the yaml package's version, so a
// new build never reads an older build's parsed rule files. Used by the CLI's and the server's bundles.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const PLACEHOLDER = '"tarazy-build:unbundled"';

/** `text` (a bundle's) with its build id placeholder replaced; throws when the placeholder is missing. */
export function stampBuildId(text, name) {
  const require = createRequire(import.meta.url);
  const yamlVersion = JSON.parse(readFileSync(require.resolve("yaml/package.json"), "utf8")).version;
  if (!text.includes(PLACEHOLDER)) throw new Error(`${name}: the build id placeholder is missing from the bundle`);
  const id = createHash("sha256").update(text).update(`\0yaml ${yamlVersion}`).digest("hex").slice(0, 32);
  return text.replace(PLACEHOLDER, JSON.stringify(`tarazy-build:${id}`));
}
