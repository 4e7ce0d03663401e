import { isAbsolute, resolve } from "node:path";
import type { Lang } from "@tarazy/engine";
import { ErrorCodes, ResponseError } from "vscode-languageserver";
import type { ServerContext } from "./context.js";
import { uriToPath } from "./positions.js";
import { rulesetAt, rulesets } from "./requests/catalog.js";
import { diff } from "./requests/diff.js";
import { explain } from "./requests/explain.js";
import { methodology } from "./requests/methodology.js";
import { Requests } from "./requests/protocol.js";
import { exportReport, rate } from "./requests/rate.js";
import { ruleTests } from "./requests/rule-tests.js";

/**
 * The custom requests of the VS Code extension (language-server/README.md, "Custom requests"): each a thin
 * translation over the engine function the CLI uses. They read the rules (and rule tests) through the
 * workspace's open buffers, so Rate, Explain, Compare and the tests see unsaved edits; data files from disk.
 */
export function registerTarazyRequests(ctx: ServerContext): void {
  const lang = (params: { lang?: Lang } | undefined): Lang => params?.lang ?? ctx.locale;
  const roots = () => ctx.workspace.workspaceFolders();
  const readFile = ctx.workspace.documents.readFile;
  const dataFolder = (): string | undefined => {
    const folder = ctx.settings.dataFolder;
    if (!folder) return undefined;
    return isAbsolute(folder) ? folder : resolve(roots()[0] ?? ".", folder);
  };
  const on = <P, R>(method: string, handler: (params: P) => R | Promise<R>) =>
    ctx.connection.onRequest(method, async (params: P) => {
      try {
        return await handler(params);
      } catch (error) {
        // A plain message for people, never a stack trace.
        if (error instanceof ResponseError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        throw new ResponseError(ErrorCodes.InternalError, `${method}: ${message}`);
      }
    });

  on(Requests.rulesets, () => rulesets(roots()));
  on(Requests.rulesetAt, (p: { uri: string }) => {
    const file = uriToPath(p?.uri ?? "");
    const folder = dataFolder();
    return file ? rulesetAt(file, folder) : folder ? { dataFolder: folder } : {};
  });
  on(Requests.rate, (p: Parameters<typeof rate>[0]) => rate(p, lang(p), readFile));
  on(Requests.export, (p: Parameters<typeof exportReport>[0]) => exportReport(p, lang(p), readFile));
  on(Requests.explain, (p: Parameters<typeof explain>[0]) => explain(p, lang(p), readFile));
  on(Requests.diff, (p: Parameters<typeof diff>[0]) => diff(p, lang(p), readFile));
  on(Requests.methodology, (p: Parameters<typeof methodology>[0]) => methodology(p, lang(p), readFile));
  on(Requests.validateAll, () => {
    // Every ruleset found again and re-read from disk (open buffers still win), then published.
    ctx.workspace.setFolders(roots());
    ctx.ensureBuilt();
    ctx.scheduleDiagnostics();
    const files = ctx.workspace.filesWithDiagnostics();
    const all = files.flatMap((f) => ctx.workspace.diagnosticsOf(f));
    return {
      files: files.length,
      errors: all.filter((d) => d.severity === "error").length,
      warnings: all.filter((d) => d.severity === "warning").length,
    };
  });
  on(Requests.ruleTests, (p: Parameters<typeof ruleTests>[0]) => ruleTests(p ?? {}, roots(), readFile));
}
