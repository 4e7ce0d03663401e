#!/usr/bin/env node
// The `tarazy` command: a committed, executable entry (build output has no execute bit) over the CLI bundle
// that `npm run build` writes (engine/scripts/bundle-cli.mjs).
import "../dist/tarazy.mjs";
