// Bundles the CLI into one file, dist/tarazy.mjs. Loading chevrotain's hundreds of small ES modules
// (lodash-es) costs about 0.3 s at every start; one bundled file loads in a fraction of that.
// yaml is bundled too (its CommonJS files cost about 50 ms of CPU at every start through Node's loader);
// ajv and exceljs stay external: they are loaded only by the commands that need them (ajv's compiler for an
// assumptions file of `tarazy sensitivity`; the rule files' validators are generated at build time).
// The bundle's build id (engine/src/cli/start-cache.ts), which keys the rule cache, is stamped by
// build-id.mjs: a new build never reads an older build's parsed rule files.
import { writeFileSync } from "node:fs";
import { build } from "esbuild";
import { stampBuildId } from "./build-id.mjs";

const outfile = new URL("../dist/tarazy.mjs", import.meta.url).pathname;
const result = await build({
  entryPoints: [new URL("../dist/cli/main.js", import.meta.url).pathname],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["exceljs", "ajv"],
  logLevel: "warning",
  // yaml's CommonJS code requires Node's built-ins: give the ES module bundle a require of its own.
  banner: {
    js: 'import { createRequire as __tarazyRequire } from "node:module"; const require = __tarazyRequire(import.meta.url);',
  },
  write: false,
});
writeFileSync(outfile, stampBuildId(result.outputFiles[0].text, "bundle-cli"));
