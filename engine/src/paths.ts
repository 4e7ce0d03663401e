/**
 * Where the engine's own files are. Every path derived from the module's location lives here, at the root of
 * src/, so it resolves the same from the compiled dist/ tree and from the single-file CLI bundle
 * (dist/tarazy.cjs, one level below engine/ as well).
 */
export const ENGINE_DIR = new URL("../", import.meta.url);

/** engine/schema/: the JSON Schemas of rule files and of rating results. */
export const SCHEMA_DIR = new URL("schema/", ENGINE_DIR);

/** The checkout the engine runs from (its docs/ holds the pages diagnostics link to). */
export const PROJECT_DIR = new URL("../", ENGINE_DIR);
