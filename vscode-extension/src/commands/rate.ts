import * as vscode from "vscode";
import { type RateResult, type RatingResultJson, Requests } from "../protocol.js";
import { readSettings } from "../settings.js";
import { showPage } from "../webview/panel.js";
import { reportView } from "../webview/views.js";
import { ask, pickDataFolder, pickPeriod, pickRuleset, roots, type Tarazy, targetPath } from "./common.js";
import { viewWords } from "./words.js";

export interface RateChoice {
  readonly ruleset: string;
  readonly data: string;
  readonly period: string;
}

/** Ruleset, data folder and period from quick picks of what exists. */
export async function chooseRating(tarazy: Tarazy, arg: unknown): Promise<RateChoice | undefined> {
  const ruleset = await pickRuleset(tarazy, targetPath(arg));
  if (!ruleset) return undefined;
  const data = await pickDataFolder(ruleset);
  if (!data) return undefined;
  const period = await pickPeriod(ruleset);
  if (!period) return undefined;
  return { ruleset: ruleset.path, data, period };
}

/** Tarazy: Rate...: the ranking, bar chart, heat map and trend of the engine's HTML report, with exports. */
export async function rateCommand(tarazy: Tarazy, arg: unknown): Promise<void> {
  const choice = await chooseRating(tarazy, arg);
  if (!choice) return;
  const lang = readSettings().language;
  const params = { ...choice, lang };
  const answer = await ask<RateResult>(tarazy, Requests.rate, params, vscode.l10n.t("Rating {0}", choice.period));
  if (!answer) return;
  const result: RatingResultJson | undefined = Array.isArray(answer.result) ? answer.result.at(-1) : answer.result;
  const title = vscode.l10n.t("Rating {0}", `${result?.ruleset.id ?? ""} ${choice.period}`.trim());
  const panel = showPage(tarazy.context, "rating", title, lang, reportView(answer.html, viewWords()), (message) => {
    if (message.type === "export" && typeof message.format === "string")
      void exportReport(tarazy, params, message.format, (text) => panel.webview.postMessage({ type: "status", text }));
  });
  for (const d of answer.diagnostics) if (d.severity !== "info") tarazy.output.appendLine(`${d.code} ${d.message}`);
}

async function exportReport(
  tarazy: Tarazy,
  params: RateChoice & { lang: string },
  format: string,
  status: (text: string) => void,
): Promise<void> {
  const base = roots()[0];
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: vscode.l10n.t("Export here"),
    ...(base ? { defaultUri: vscode.Uri.file(base) } : {}),
  });
  const out = picked?.[0]?.fsPath;
  if (!out) return;
  const answer = await ask<{ files: string[] }>(tarazy, Requests.export, { ...params, format, out });
  if (!answer) return;
  const file = answer.files[0];
  const text = vscode.l10n.t("Wrote {0}", answer.files.join(", "));
  status(text);
  const reveal = vscode.l10n.t("Reveal in the file explorer");
  const chosen = await vscode.window.showInformationMessage(text, reveal);
  if (chosen && file) await vscode.commands.executeCommand("revealFileInOS", vscode.Uri.file(file));
}
