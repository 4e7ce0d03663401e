import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
} from "vscode-languageserver/node";
import { langOf, type ServerContext, type Settings } from "../context.js";
import { uriToPath } from "../positions.js";

/**
 * Keeps the engine's workspace in step with the editor: open buffers (they win over the disk), files changed
 * on disk (workspace/didChangeWatchedFiles), workspace folders and the `tarazy` settings.
 */
export function registerSync(ctx: ServerContext, initialLocale: () => string | undefined): void {
  const { connection, documents, workspace } = ctx;
  ctx.capabilities.textDocumentSync = { openClose: true, change: 2 /* incremental */, save: false };
  documents.onDidChangeContent(({ document }) => {
    const path = uriToPath(document.uri);
    if (!path) return;
    workspace.change(path, document.getText(), document.version);
    ctx.scheduleDiagnostics();
  });
  documents.onDidClose(({ document }) => {
    const path = uriToPath(document.uri);
    if (!path) return;
    workspace.close(path);
    ctx.scheduleDiagnostics();
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const paths = changes.flatMap((c) => {
      const path = uriToPath(c.uri);
      // An open buffer wins over the disk: a save of it changes nothing the checks see.
      if (!path || (c.type === FileChangeType.Changed && workspace.documents.isOpen(path))) return [];
      return [path];
    });
    if (paths.length === 0) return;
    workspace.filesChanged(paths);
    ctx.scheduleDiagnostics();
  });
  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { tarazy?: Settings } | undefined)?.tarazy;
    await applySettings(ctx, initialLocale, pushed);
  });
}

/** Reads the settings (pushed with the notification, or pulled when the client supports it). */
export async function applySettings(
  ctx: ServerContext,
  initialLocale: () => string | undefined,
  pushed?: Settings,
  pull = pulling.enabled,
): Promise<void> {
  let settings = pushed;
  if (!settings && pull) {
    try {
      settings = ((await ctx.connection.workspace.getConfiguration("tarazy")) ?? undefined) as Settings | undefined;
    } catch {
      settings = undefined;
    }
  }
  ctx.settings = clean({ ...ctx.settings, ...(settings ?? {}) });
  ctx.locale = ctx.settings.language ? langOf(ctx.settings.language) : langOf(initialLocale());
  for (const listener of ctx.onSettingsChanged) listener();
}

/** Whether the client answers workspace/configuration; set from its capabilities at initialize. */
export const pulling = { enabled: false };

/** Registers for configuration change notifications when the client allows dynamic registration. */
export function watchConfiguration(ctx: ServerContext): void {
  void ctx.connection.client.register(DidChangeConfigurationNotification.type, { section: "tarazy" });
}

function clean(s: Settings): Settings {
  const out: { -readonly [K in keyof Settings]: Settings[K] } = {};
  if (typeof s.dataFolder === "string" && s.dataFolder !== "") out.dataFolder = s.dataFolder;
  if (typeof s.unit === "string" && s.unit !== "") out.unit = s.unit;
  if (s.language === "kk" || s.language === "ru" || s.language === "en") out.language = s.language;
  if (Array.isArray(s.ruleFiles)) out.ruleFiles = s.ruleFiles.filter((g) => typeof g === "string");
  return out;
}

/**
 * Asks the client to report rule files changed on disk (a git checkout, a script), for clients that let a server
 * register watchers; others (the VS Code extension) watch **\/*.yaml themselves.
 */
export function watchRuleFiles(ctx: ServerContext): void {
  void ctx.connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [{ globPattern: "**/*.{yaml,yml}" }, { globPattern: "**/" }],
  });
}
