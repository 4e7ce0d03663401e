#!/usr/bin/env node
// The `tarazy-language-server` command: a committed, executable entry over the bundle that `npm run build` writes.
// Start it as `tarazy-language-server --stdio`.
require("../dist/server.cjs");
