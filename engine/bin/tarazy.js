#!/usr/bin/env node
// The `tarazy` command. A committed, executable entry (tsc output has no execute bit) over the built CLI.
import "../dist/cli/main.js";
