#!/usr/bin/env node
// The `tarazy` command: a committed, executable entry (build output has no execute bit) that runs the CLI
// bundle `npm run build` writes (engine/scripts/bundle-cli.mjs) with V8's code cache (src/cli/code-cache.ts).
// CommonJS (bin/package.json): an ES module entry would load Node's ES module loader, about 15 ms per start.
"use strict";
const { join } = require("node:path");
const { runBundle } = require("../dist/tarazy-start.cjs");

runBundle(join(__dirname, "..", "dist", "tarazy.cjs"), process.argv.slice(2), process.env);
