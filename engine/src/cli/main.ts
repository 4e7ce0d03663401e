import { flushRuleCache } from "../rules/parse-once.js";
import { processIO } from "./io.js";
import { runCli } from "./run.js";
import { startRuleCache } from "./start-cache.js";

const argv = process.argv.slice(2);
startRuleCache(argv, process.env);
process.exitCode = await runCli(argv, processIO());
flushRuleCache();
