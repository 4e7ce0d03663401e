import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "engine/test/**/*.test.ts",
      "language-server/test/**/*.test.ts",
      "test/**/*.test.ts",
      "vscode-extension/test/unit/**/*.test.ts",
    ],
    // The language server's end-to-end tests drive the built bundle; build it first when it is stale.
    globalSetup: ["language-server/test/support/global-setup.ts"],
    // One fast-check seed per run (FC_SEED=random draws afresh): the same code gets the same verdict.
    setupFiles: ["test/support/fast-check-seed.ts"],
    // Property-based tests and end-to-end CLI runs need more than the 5 s default on a 2-core machine.
    testTimeout: 60_000,
    pool: "threads",
  },
});
