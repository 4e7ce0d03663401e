import { relative } from "node:path";
import type { Workspace } from "../../src/workspace/build.js";

/**
 * What a reader of a workspace sees, for comparing a workspace re-checked edit after edit with a fresh one:
 * every diagnostic (files relative to `root`), each version's model and linked formulas, every file's symbols.
 */
export function workspaceSnapshot(w: Workspace, root: string) {
  return {
    diagnostics: w.filesWithDiagnostics().map((f) => [relative(root, f), w.diagnosticsOf(f)]),
    versions: w.allVersions().map((v) => ({
      model: v.result.model,
      formulas: v.result.formulas.map((f) => ({
        indicator: f.indicator.id,
        frequency: f.indicator.frequency,
        role: f.role,
        type: f.type,
        hasErrors: f.hasErrors,
        references: f.references,
      })),
      symbols: [...v.result.documents, ...v.tests.documents].map((d) => w.index.inFile(d.file)),
    })),
    definitions: w.index.definitions(),
  };
}
