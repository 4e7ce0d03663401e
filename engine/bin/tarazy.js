#!/usr/bin/env node
// The `tarazy` command: a committed, executable entry (build output has no execute bit) that runs the CLI
// bundle `npm run build` writes (engine/scripts/bundle-cli.mjs) with V8's code cache (src/cli/code-cache.ts).
import { runBundle } from "../dist/cli/code-cache.js";

runBundle(new URL("../dist/tarazy.cjs", import.meta.url), process.argv.slice(2), process.env);
