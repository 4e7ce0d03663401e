import { flushRuleCache } from "../rules/parse-once.js";
import { processIO } from "./io.js";
import { runCli } from "./run.js";
import { startRuleCache } from "./start-cache.js";

// No top-level await: the CLI bundle is CommonJS (engine/scripts/bundle-cli.mjs), for V8's code cache.
const argv = process.argv.slice(2);
startRuleCache(argv, process.env);
void runCli(argv, processIO()).then((code) => {
  process.exitCode = code;
  flushRuleCache();
});
