import { basename } from "node:path";
import * as vscode from "vscode";
import type { Tarazy } from "./commands/common.js";
import { Requests, type RulesetAtResult } from "./protocol.js";

/** The text of the status bar item: ruleset and version in force for the file, and the preview data folder. */
export function statusText(at: RulesetAtResult): { text: string; tooltip: string } | undefined {
  if (!at.ruleset) return undefined;
  const name = basename(at.ruleset);
  const data = at.dataFolder ? ` · ${basename(at.dataFolder)}` : "";
  const lines = [
    `${vscode.l10n.t("Ruleset")}: ${at.ruleset}`,
    `${vscode.l10n.t("Version")}: ${at.version ?? "?"}`,
    `${vscode.l10n.t("Data folder for code lenses")}: ${at.dataFolder ?? vscode.l10n.t("none")}`,
  ];
  return { text: `$(law) ${name} ${at.version ?? ""}${data}`.trim(), tooltip: lines.join("\n") };
}

/** A status bar item for the active rule file; also sets the `tarazy.isRuleFile` context key for menus. */
export function registerStatusBar(tarazy: Tarazy): void {
  const item = vscode.window.createStatusBarItem("tarazy.ruleset", vscode.StatusBarAlignment.Left, 50);
  item.name = "Tarazy";
  item.command = "tarazy.rate";
  tarazy.context.subscriptions.push(item);
  let generation = 0;
  const update = async () => {
    const mine = ++generation;
    const editor = vscode.window.activeTextEditor;
    // A webview or another panel in front: the item keeps telling about the last rule file.
    if (!editor) return;
    const doc = editor.document;
    if (doc.uri.scheme !== "file" || doc.languageId !== "yaml") {
      item.hide();
      void vscode.commands.executeCommand("setContext", "tarazy.isRuleFile", false);
      return;
    }
    let at: RulesetAtResult = {};
    try {
      at = await tarazy.client().sendRequest<RulesetAtResult>(Requests.rulesetAt, { uri: doc.uri.toString() });
    } catch {
      at = {};
    }
    if (mine !== generation) return;
    const shown = statusText(at);
    void vscode.commands.executeCommand("setContext", "tarazy.isRuleFile", shown !== undefined);
    if (!shown) return item.hide();
    item.text = shown.text;
    item.tooltip = shown.tooltip;
    item.show();
  };
  tarazy.context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("tarazy")) void update();
    }),
  );
  void update();
}
