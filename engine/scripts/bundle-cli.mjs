// Bundles the CLI into one file, dist/tarazy.mjs. Loading chevrotain's hundreds of small ES modules
// (lodash-es) costs about 0.3 s at every start; one bundled file loads in a fraction of that.
// yaml, ajv and exceljs stay external: they load quickly, and exceljs is imported only when needed.
import { build } from "esbuild";

await build({
  entryPoints: [new URL("../dist/cli/main.js", import.meta.url).pathname],
  outfile: new URL("../dist/tarazy.mjs", import.meta.url).pathname,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["exceljs", "ajv", "yaml"],
  logLevel: "warning",
});
