// Bundles the language server into one CommonJS file, dist/server.cjs (`.cjs`: the package is "type": "module"),
// with everything it needs beside it, so that editors start it with plain `node` and an extension can ship it:
// the engine's JSON Schemas (dist/engine/schema/) and the diagnostics page its code links point to (dist/docs/).
// The engine finds its files relative to its own module (engine/src/paths.ts); in the bundle that module is
// placed at dist/engine/src/paths.js, so the engine's folder is dist/engine/ and the project's is dist/.
import { copyFileSync, cpSync, mkdirSync } from "node:fs";
import { build } from "esbuild";

const here = (p) => new URL(p, import.meta.url).pathname;
const dist = here("../dist/");

await build({
  entryPoints: [here("../dist/server.js")],
  outfile: here("../dist/server.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // exceljs is large and loaded only for XLSX data: it stays a package of its own.
  external: ["exceljs"],
  banner: {
    js: 'const __tarazyEngineUrl = require("node:url").pathToFileURL(__dirname + "/engine/src/paths.js").href;',
  },
  define: { "import.meta.url": "__tarazyEngineUrl" },
  logLevel: "warning",
});

mkdirSync(`${dist}engine`, { recursive: true });
cpSync(here("../../engine/schema/"), `${dist}engine/schema/`, { recursive: true });
mkdirSync(`${dist}docs`, { recursive: true });
copyFileSync(here("../../docs/diagnostics.md"), `${dist}docs/diagnostics.md`);
