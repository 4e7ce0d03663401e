import * as vscode from "vscode";
import type { LspLocation } from "../protocol.js";

/** Opens a file at an LSP location (0-based) and selects it. */
export async function openLocation(location: LspLocation): Promise<void> {
  const { start, end } = location.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri));
  await vscode.window.showTextDocument(doc, { selection: range, viewColumn: vscode.ViewColumn.One, preview: true });
}
