import { flushRuleCache } from "../rules/parse-once.js";
import { processIO } from "./io.js";
import { runCli } from "./run.js";
import { startRuleCache } from "./start-cache.js";

// No top-level await: the CLI bundle is CommonJS (engine/scripts/bundle-cli.mjs), for V8's code cache.
const argv = process.argv.slice(2);
startRuleCache(argv, process.env);
// The rule cache's entries are written at the very end, however the run ends (a reader that closed the pipe
// early ends it with process.exit): each once, with the formulas and the schema's check the run added.
process.once("exit", flushRuleCache);
void runCli(argv, processIO()).then((code) => {
  process.exitCode = code;
});
