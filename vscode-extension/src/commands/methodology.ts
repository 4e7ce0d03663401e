import * as vscode from "vscode";
import { Requests } from "../protocol.js";
import { readSettings } from "../settings.js";
import { showPage } from "../webview/panel.js";
import { documentView } from "../webview/views.js";
import { ask, pickRuleset, type Tarazy, targetPath } from "./common.js";

const LANGUAGES = [
  { label: "Қазақша", description: "kk", lang: "kk" },
  { label: "Русский", description: "ru", lang: "ru" },
  { label: "English", description: "en", lang: "en" },
] as const;

/** Tarazy: Open methodology document: the published document of a ruleset (kk, ru or en), previewed. */
export async function methodologyCommand(tarazy: Tarazy, arg: unknown): Promise<void> {
  const ruleset = await pickRuleset(tarazy, targetPath(arg));
  if (!ruleset) return;
  const preferred = readSettings().language;
  const items = [...LANGUAGES].sort((a, b) => Number(b.lang === preferred) - Number(a.lang === preferred));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t("Language of the document") });
  if (!picked) return;
  const answer = await ask<{ content: string }>(tarazy, Requests.methodology, {
    ruleset: ruleset.path,
    lang: picked.lang,
    format: "html",
  });
  if (!answer) return;
  const title = vscode.l10n.t("Methodology: {0} ({1})", ruleset.name, picked.lang);
  showPage(tarazy.context, "methodology", title, picked.lang, documentView(answer.content));
}
