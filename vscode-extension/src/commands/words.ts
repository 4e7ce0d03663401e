import * as vscode from "vscode";
import type { ViewWords } from "../webview/views.js";

/** The words of the views in VS Code's display language (l10n bundles in l10n/). */
export function viewWords(): ViewWords {
  const t = vscode.l10n.t;
  return {
    exportXlsx: t("Export XLSX"),
    exportHtml: t("Export HTML"),
    exportCsv: t("Export CSV"),
    total: t("Total"),
    rank: t("rank"),
    grade: t("grade"),
    formula: t("formula"),
    inputs: t("inputs"),
    value: t("value"),
    score: t("score"),
    points: t("points"),
    of: t("of"),
    openRule: t("Open the indicator in its rule file"),
    openCell: t("Open the data cell"),
  };
}
