import { ensureBundle } from "./bundle.js";

/** Once per vitest run, before any test file: the end-to-end tests need the built server. */
export default function setup(): void {
  ensureBundle();
}
