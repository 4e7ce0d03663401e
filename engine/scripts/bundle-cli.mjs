// Bundles the CLI into one file, dist/tarazy.cjs. Loading chevrotain's hundreds of small ES modules
// (lodash-es) costs about 0.3 s at every start; one bundled file loads in a fraction of that.
// yaml is bundled too (its CommonJS files cost about 50 ms of CPU at every start through Node's loader);
// ajv and exceljs stay external: they are loaded only by the commands that need them (ajv's compiler for an
// assumptions file of `tarazy sensitivity`; the rule files' validators are generated at build time).
// CommonJS, not an ES module: Node 20 keeps no compiled code of an ES module between runs, while a script
// run through vm.Script can be given V8's code cache of an earlier run (engine/bin/tarazy.js,
// engine/src/cli/code-cache.ts). Pure ASCII, so that the bin reads it as a one-byte string.
// The bundle's build id (engine/src/cli/start-cache.ts), which keys the rule cache and the code cache, is
// stamped by build-id.mjs: a new build never reads an older build's parsed rule files or compiled code.
import { writeFileSync } from "node:fs";
import { build } from "esbuild";
import { stampBuildId } from "./build-id.mjs";

const outfile = new URL("../dist/tarazy.cjs", import.meta.url).pathname;
const result = await build({
  entryPoints: [new URL("../dist/cli/main.js", import.meta.url).pathname],
  outfile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["exceljs", "ajv"],
  logLevel: "warning",
  // The sources find their files from import.meta.url (src/paths.ts): the bundle's own URL, as in an ES module.
  define: { "import.meta.url": "__tarazyModuleUrl" },
  banner: { js: '"use strict";\nconst __tarazyModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  write: false,
});
// Wrapped as Node wraps a CommonJS module, in the file itself: the bin compiles the text as it is read.
const text = `(function (exports, require, module, __filename, __dirname) {${asciiOnly(result.outputFiles[0].text)}\n})`;
// vm.Script has no dynamic import() (it would need a loader callback, and a code cache made with none).
if (/\bimport\(/.test(text)) throw new Error("bundle-cli: the CLI bundle has a dynamic import(); use require");
writeFileSync(outfile, stampBuildId(text, "bundle-cli"));

// What the bin runs first (src/cli/code-cache.ts and the little it imports), CommonJS too: the bin is a
// CommonJS file (engine/bin/package.json), because Node's ES module loader costs about 15 ms at every start.
await build({
  entryPoints: [new URL("../dist/cli/code-cache.js", import.meta.url).pathname],
  outfile: new URL("../dist/tarazy-start.cjs", import.meta.url).pathname,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  logLevel: "warning",
});

/**
 * `text` with every non-ASCII character written as a \u escape. esbuild escapes strings and identifiers but
 * leaves regular expression literals as written (the data readers' Russian and Kazakh words, the formula
 * lexer's × and −); in a regular expression, as in a string, \uXXXX means the same character.
 */
function asciiOnly(text) {
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
