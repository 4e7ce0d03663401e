import type { TestProject } from "vitest/node";
import { ensureBundle } from "./bundle.js";
import { runCacheFolder } from "./run-cache.js";

/**
 * Once per vitest run, before any test file: the end-to-end tests need the built server, and a rule-cache
 * folder of this run's own, which the returned teardown removes when the run ends.
 */
export default function setup(project: TestProject): () => void {
  ensureBundle();
  const cache = runCacheFolder();
  project.provide("lspCacheDir", cache.dir);
  return cache.remove;
}
