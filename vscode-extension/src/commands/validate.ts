import * as vscode from "vscode";
import { Requests, type ValidateAllResult } from "../protocol.js";
import { ask, type Tarazy } from "./common.js";

/** Tarazy: Validate all rules: every ruleset of the workspace re-read and checked; the Problems panel shows all. */
export async function validateCommand(tarazy: Tarazy): Promise<void> {
  const answer = await ask<ValidateAllResult>(tarazy, Requests.validateAll, {}, vscode.l10n.t("Validating all rules"));
  if (!answer) return;
  await vscode.commands.executeCommand("workbench.actions.view.problems");
  const text = vscode.l10n.t("{0} errors and {1} warnings in {2} files.", answer.errors, answer.warnings, answer.files);
  if (answer.errors > 0) void vscode.window.showWarningMessage(text);
  else void vscode.window.showInformationMessage(text);
}
