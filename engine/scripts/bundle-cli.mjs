// Bundles the CLI into one file, dist/tarazy.mjs. Loading chevrotain's hundreds of small ES modules
// (lodash-es) costs about 0.3 s at every start; one bundled file loads in a fraction of that.
// yaml, ajv and exceljs stay external: they load quickly, and exceljs is imported only when needed.
// The bundle's build id (engine/src/cli/start-cache.ts), which keys the rule cache, is a hash of the bundle's
// text and the yaml package's version: a new build never reads an older build's parsed rule files.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";

const outfile = new URL("../dist/tarazy.mjs", import.meta.url).pathname;
const result = await build({
  entryPoints: [new URL("../dist/cli/main.js", import.meta.url).pathname],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["exceljs", "ajv", "yaml"],
  logLevel: "warning",
  write: false,
});
const require = createRequire(import.meta.url);
const yamlVersion = JSON.parse(readFileSync(require.resolve("yaml/package.json"), "utf8")).version;
const PLACEHOLDER = '"tarazy-build:unbundled"';
const text = result.outputFiles[0].text;
if (!text.includes(PLACEHOLDER)) throw new Error("bundle-cli: the build id placeholder is missing from the bundle");
const id = createHash("sha256").update(text).update(`\0yaml ${yamlVersion}`).digest("hex").slice(0, 32);
writeFileSync(outfile, text.replace(PLACEHOLDER, JSON.stringify(`tarazy-build:${id}`)));
