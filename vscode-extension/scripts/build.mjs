// Builds the extension for packaging: dist/extension.js (the extension, CommonJS, `vscode` external) and
// dist/server/ (the language server in one CommonJS file, with exceljs inside it so that XLSX data and the XLSX
// export work with no node_modules, and the engine's schemas and diagnostics page beside it, as
// language-server/scripts/bundle.mjs lays them out). Run after the workspace's `tsc -b` (npm run build).
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { stampBuildId } from "../../engine/scripts/build-id.mjs";

const here = (p) => new URL(p, import.meta.url).pathname;
const dist = here("../dist/");
const serverEntry = here("../../language-server/dist/server.js");

if (!existsSync(serverEntry)) {
  console.error(`missing ${serverEntry}: run \`npm run build\` at the workspace root first`);
  process.exit(1);
}
rmSync(dist, { recursive: true, force: true });

await build({
  entryPoints: [here("../src/extension.ts")],
  outfile: `${dist}extension.js`,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["vscode"],
  logLevel: "warning",
});

const server = await build({
  entryPoints: [serverEntry],
  outfile: `${dist}server/server.cjs`,
  write: false,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  banner: {
    js: 'const __tarazyEngineUrl = require("node:url").pathToFileURL(__dirname + "/engine/src/paths.js").href;',
  },
  define: { "import.meta.url": "__tarazyEngineUrl" },
  logLevel: "error",
});
// As language-server/scripts/bundle.mjs does: the build id that keys the server's rule cache (without it the
// cache is off), and the engine's parse worker where the engine looks for it (dist/rules/ below its folder,
// here dist/server/engine/), so that the editor's first start parses rule files in worker threads.
mkdirSync(`${dist}server`, { recursive: true });
writeFileSync(`${dist}server/server.cjs`, stampBuildId(server.outputFiles[0].text, "extension's server bundle"));
await build({
  entryPoints: [here("../../engine/dist/rules/parse-worker.js")],
  outfile: `${dist}server/engine/dist/rules/parse-worker.js`,
  bundle: true,
  platform: "node",
  // CommonJS, as the extension's package is ("type": "commonjs"): a .js file there is not an ES module.
  format: "cjs",
  target: "node20",
  banner: {
    js: 'const __tarazyEngineUrl = require("node:url").pathToFileURL(__dirname + "/../../src/paths.js").href;',
  },
  define: { "import.meta.url": "__tarazyEngineUrl" },
  logLevel: "warning",
});

mkdirSync(`${dist}server/engine`, { recursive: true });
cpSync(here("../../engine/schema/"), `${dist}server/engine/schema/`, { recursive: true });
mkdirSync(`${dist}server/docs`, { recursive: true });
copyFileSync(here("../../docs/diagnostics.md"), `${dist}server/docs/diagnostics.md`);
