import * as vscode from "vscode";
import { defaultComparison } from "../pickers-logic.js";
import { type DiffResult, Requests } from "../protocol.js";
import { readSettings } from "../settings.js";
import { showPage } from "../webview/panel.js";
import { compareView } from "../webview/views.js";
import { ask, pickDataFolder, pickPeriod, pickRuleset, roots, type Tarazy, targetPath } from "./common.js";

/** Tarazy: Compare with another version: the rules diff, and with data its effect on ranks and zones. */
export async function compareCommand(tarazy: Tarazy, arg: unknown): Promise<void> {
  const ruleset = await pickRuleset(tarazy, targetPath(arg));
  if (!ruleset) return;
  if (ruleset.versions.length < 2) {
    void vscode.window.showInformationMessage(vscode.l10n.t("{0} has one version only.", ruleset.name));
    return;
  }
  const byDefault = defaultComparison(ruleset.versions);
  const items = (preferred?: string) =>
    ruleset.versions
      .map((v) => ({ label: v.version, description: [v.from, v.to].filter(Boolean).join(" – "), version: v }))
      .sort((a, b) => Number(b.label === preferred) - Number(a.label === preferred));
  const newer = await vscode.window.showQuickPick(items(byDefault?.new.version), {
    title: vscode.l10n.t("Version to look at"),
  });
  if (!newer) return;
  const others = items(byDefault?.old.version).filter((i) => i.label !== newer.label);
  const older = await vscode.window.showQuickPick(others, { title: vscode.l10n.t("Compare with version") });
  if (!older) return;
  const rulesOnly = vscode.l10n.t("Rules only");
  const withData = vscode.l10n.t("Rules and their effect on a rating...");
  const how = await vscode.window.showQuickPick([withData, rulesOnly], { title: vscode.l10n.t("What to compare") });
  if (!how) return;
  let effect: { data: string; period: string } | undefined;
  if (how === withData) {
    const data = await pickDataFolder(ruleset);
    const period = data ? await pickPeriod(ruleset) : undefined;
    if (!data || !period) return;
    effect = { data, period };
  }
  const lang = readSettings().language;
  const params = { old: older.version.path, new: newer.version.path, lang, ...(effect ?? {}) };
  const answer = await ask<DiffResult>(tarazy, Requests.diff, params, vscode.l10n.t("Comparing versions"));
  if (!answer) return;
  const title = `${ruleset.name} ${older.label} → ${newer.label}`;
  const t = vscode.l10n.t;
  const words = { copyText: t("Copy as text"), saveHtml: t("Save as HTML"), asText: t("The comparison as text") };
  const panel = showPage(tarazy.context, "diff", title, lang, compareView(answer.html, answer.text, words), (m) => {
    const status = (text: string) => void panel.webview.postMessage({ type: "status", text });
    if (m.type === "export" && m.format === "text") void copyText(answer.text, status);
    if (m.type === "export" && m.format === "html") void saveHtml(answer.html, `${older.label}-${newer.label}`, status);
  });
}

async function copyText(text: string, status: (text: string) => void): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  status(vscode.l10n.t("Copied the comparison as text"));
}

/** The compare page as one file where the user chooses, as `tarazy diff --format html --out` writes it. */
async function saveHtml(html: string, name: string, status: (text: string) => void): Promise<void> {
  const base = roots()[0];
  const file = `compare-${name}.html`;
  const uri = await vscode.window.showSaveDialog({
    filters: { HTML: ["html"] },
    ...(base ? { defaultUri: vscode.Uri.joinPath(vscode.Uri.file(base), file) } : {}),
  });
  if (!uri) return;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(html));
  status(vscode.l10n.t("Wrote {0}", uri.fsPath));
}
