// Primes the caches a first run reads (the rule cache and V8's code cache of the CLI: README, "What you can
// do"), as pip byte-compiles a package when it installs it: run by `prepare` after the build, so the README's
// first `tarazy rate` after `npm ci` starts as fast as a second one. Best effort: it never fails the install,
// and TARAZY_CACHE=off (or a home that cannot be written) leaves nothing behind.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = fileURLToPath(new URL("../bin/tarazy.js", import.meta.url));
const D = "rules/turkistan/districts";
const runs = [
  ["rate", D, "--data", `${D}/sample-data`, "--period", "2026-Q3", "--lang", "en"],
  ["validate", D, "rules/turkistan/departments", "rules/turkistan/procurement"],
];
for (const args of runs) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: "ignore" });
  if (run.status !== 0)
    console.warn(`warm-caches: tarazy ${args[0]} exited ${run.status}; the caches fill on first use`);
}
