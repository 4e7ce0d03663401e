/**
 * The Tarazy language server: `node language-server/dist/server.cjs --stdio` (or the `tarazy-language-server`
 * bin). Wiring only: the connection, the context every feature shares, one register call per feature file.
 */
import { Workspace } from "@tarazy/engine";
import { createConnection, ProposedFeatures, type ServerCapabilities, TextDocuments } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { langOf, type ServerContext, type Settings } from "./context.js";
import { AuditFindings } from "./features/audit-findings.js";
import { registerCodeActions } from "./features/code-actions.js";
import { registerCodeLens } from "./features/code-lens.js";
import { registerCompletion } from "./features/completion.js";
import { registerDefinition } from "./features/definition.js";
import { DiagnosticsPublisher } from "./features/diagnostics.js";
import { registerFolding } from "./features/folding.js";
import { registerFormatting } from "./features/formatting.js";
import { registerHighlight } from "./features/highlight.js";
import { registerHover } from "./features/hover.js";
import { registerInlayHints } from "./features/inlay-hints.js";
import { registerReferences } from "./features/references.js";
import { registerRename } from "./features/rename.js";
import { registerSemanticTokens } from "./features/semantic-tokens.js";
import { registerSignatureHelp } from "./features/signature-help.js";
import { registerSymbols } from "./features/symbols.js";
import { applySettings, pulling, registerSync, watchConfiguration, watchRuleFiles } from "./features/sync.js";
import { collectWhenIdle } from "./idle-gc.js";
import { uriToPath } from "./positions.js";
import { messageListeners, queueOptions } from "./queue.js";
import { registerTarazyRequests } from "./requests.js";
import { serverRuleCache } from "./rule-cache.js";

const connection = createConnection(ProposedFeatures.all, queueOptions);
messageListeners.push(collectWhenIdle());
const documents = new TextDocuments(TextDocument);
const workspace = new Workspace();
const publisher = new DiagnosticsPublisher(connection, workspace);
let clientLocale: string | undefined;
let folderEvents = false;
let fileEvents = false;
let configEvents = false;

const ctx: ServerContext = {
  connection,
  workspace,
  documents,
  locale: "en",
  settings: {},
  snippets: false,
  capabilities: {} satisfies ServerCapabilities,
  onSettingsChanged: [],
  scheduleDiagnostics: () => publisher.schedule(),
  ensureBuilt: () => publisher.ensureBuilt(),
  ensureStarted: () => publisher.ensureStarted(),
};

registerSync(ctx, () => clientLocale);
registerDefinition(ctx);
registerReferences(ctx);
registerHighlight(ctx);
registerRename(ctx);
registerSymbols(ctx);
registerSemanticTokens(ctx);
registerFolding(ctx);
registerCompletion(ctx);
registerHover(ctx);
registerSignatureHelp(ctx);
registerCodeActions(ctx);
registerCodeLens(ctx, new AuditFindings(ctx, publisher));
registerInlayHints(ctx);
registerFormatting(ctx);
registerTarazyRequests(ctx);

connection.onInitialize((params) => {
  clientLocale = params.locale;
  ctx.locale = langOf(params.locale);
  ctx.snippets = params.capabilities?.textDocument?.completion?.completionItem?.snippetSupport === true;
  const folders = (params.workspaceFolders ?? []).flatMap((f) => uriToPath(f.uri) ?? []);
  const root = params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined);
  workspace.setFolders(folders.length > 0 ? folders : root ? [root] : []);
  pulling.enabled = params.capabilities?.workspace?.configuration === true;
  folderEvents = params.capabilities?.workspace?.workspaceFolders === true;
  fileEvents = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  configEvents = params.capabilities?.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  const options = params.initializationOptions as Settings | undefined;
  workspace.documents.useCache(serverRuleCache(options, process.env));
  if (options && typeof options === "object") void applySettings(ctx, () => clientLocale, options, false);
  return {
    capabilities: {
      ...ctx.capabilities,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: "tarazy-language-server", version: "0.1.0" },
  };
});

connection.onInitialized(() => {
  // Every ruleset of the workspace folders is loaded and checked once at start, then per change; at start
  // every rule file is parsed first, all at once (the rule cache, then worker threads on a cold start).
  void publisher.holdUntil(workspace.preparse());
  if (fileEvents) watchRuleFiles(ctx);
  if (configEvents) watchConfiguration(ctx);
  if (pulling.enabled) void applySettings(ctx, () => clientLocale);
  if (!folderEvents) return;
  connection.workspace.onDidChangeWorkspaceFolders((event) => {
    const removed = new Set(event.removed.flatMap((f) => uriToPath(f.uri) ?? []));
    const kept = workspace.workspaceFolders().filter((f) => !removed.has(f));
    workspace.setFolders([...kept, ...event.added.flatMap((f) => uriToPath(f.uri) ?? [])]);
    publisher.schedule();
  });
});

connection.onShutdown(() => publisher.dispose());

documents.listen(connection);
connection.listen();
