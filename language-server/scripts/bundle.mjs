// Bundles the language server into one CommonJS file, dist/server.cjs (`.cjs`: the package is "type": "module"),
// with everything it needs beside it, so that editors start it with plain `node` and an extension can ship it:
// the engine's JSON Schemas (dist/engine/schema/) and the diagnostics page its code links point to (dist/docs/).
// The engine finds its files relative to its own module (engine/src/paths.ts); in the bundle that module is
// placed at dist/engine/src/paths.js, so the engine's folder is dist/engine/ and the project's is dist/.
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { stampBuildId } from "../../engine/scripts/build-id.mjs";

const here = (p) => new URL(p, import.meta.url).pathname;
const dist = here("../dist/");

const outfile = here("../dist/server.cjs");
const result = await build({
  entryPoints: [here("../dist/server.js")],
  outfile,
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
  write: false,
});
// The build id that keys the server's rule cache (src/rule-cache.ts), as the CLI's bundle has its own.
writeFileSync(outfile, stampBuildId(result.outputFiles[0].text, "language-server bundle"));

// The engine's parse worker (engine/src/rules/parse-many.ts), where the engine looks for it: dist/rules/ below
// its folder, which in the bundle is dist/engine/. An ES module ("type": "module"), with a require for yaml.
await build({
  entryPoints: [here("../../engine/dist/rules/parse-worker.js")],
  outfile: `${dist}engine/dist/rules/parse-worker.js`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  banner: {
    js: 'import { createRequire as __tarazyRequire } from "node:module"; const require = __tarazyRequire(import.meta.url);',
  },
  logLevel: "warning",
});

mkdirSync(`${dist}engine`, { recursive: true });
cpSync(here("../../engine/schema/"), `${dist}engine/schema/`, { recursive: true });
mkdirSync(`${dist}docs`, { recursive: true });
copyFileSync(here("../../docs/diagnostics.md"), `${dist}docs/diagnostics.md`);
