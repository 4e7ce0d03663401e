import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { orderRulesets, relativeLabel } from "../pickers-logic.js";
import { Requests, type RulesetInfo } from "../protocol.js";
import { readSettings } from "../settings.js";

export interface Tarazy {
  readonly context: vscode.ExtensionContext;
  readonly client: () => LanguageClient;
  readonly output: vscode.LogOutputChannel;
}

/** A request to the server; its error (a plain message) is shown to the user and ends the command. */
export async function ask<T>(tarazy: Tarazy, method: string, params: unknown, title?: string): Promise<T | undefined> {
  try {
    const run = () => tarazy.client().sendRequest<T>(method, params);
    if (!title) return await run();
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, run);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    tarazy.output.appendLine(`${method}: ${message}`);
    void vscode.window.showErrorMessage(message.split("\n")[0] ?? message, vscode.l10n.t("Show details")).then((c) => {
      if (c) tarazy.output.show(true);
    });
    return undefined;
  }
}

export function roots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === "file").map((f) => f.uri.fsPath);
}

/** The path of the command's target: the explorer's folder or file, else the active editor's file. */
export function targetPath(arg: unknown): string | undefined {
  if (arg instanceof vscode.Uri && arg.scheme === "file") return arg.fsPath;
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.uri.scheme === "file" ? doc.uri.fsPath : undefined;
}

export async function pickRuleset(tarazy: Tarazy, hint: string | undefined): Promise<RulesetInfo | undefined> {
  const answer = await ask<{ rulesets: RulesetInfo[] }>(tarazy, Requests.rulesets, {});
  if (!answer) return undefined;
  const list = orderRulesets(answer.rulesets, hint);
  if (list.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t("No ruleset (a folder with ruleset.yaml) in this workspace."));
    return undefined;
  }
  if (list.length === 1) return list[0];
  const items = list.map((r) => ({
    label: r.name,
    description: relativeLabel(r.path, roots()),
    detail: r.versions.map((v) => v.version).join(", "),
    ruleset: r,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t("Ruleset"), ignoreFocusOut: true });
  return picked?.ruleset;
}

export async function pickDataFolder(ruleset: RulesetInfo): Promise<string | undefined> {
  const configured = readSettings().dataFolder;
  const folders = [...new Set([...(configured ? [configured] : []), ...ruleset.dataFolders])];
  const browse = vscode.l10n.t("Choose another folder...");
  const items = [
    ...folders.map((f) => ({ label: relativeLabel(f, roots()), folder: f as string | undefined })),
    { label: browse, folder: undefined },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t("Data folder"),
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.folder) return picked.folder;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false });
  return chosen?.[0]?.fsPath;
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-[Qq][1-4])?$/;

export async function pickPeriod(ruleset: RulesetInfo): Promise<string | undefined> {
  const other = vscode.l10n.t("Another period...");
  const items = [...ruleset.periods.map((p) => ({ label: p })), { label: other }];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t("Period"), ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.label !== other) return picked.label;
  return vscode.window.showInputBox({
    title: vscode.l10n.t("Period"),
    placeHolder: "2026-Q3",
    validateInput: (v) =>
      PERIOD.test(v.trim())
        ? undefined
        : vscode.l10n.t("Write a month as 2026-03, a quarter as 2026-Q1, a year as 2026"),
  });
}
