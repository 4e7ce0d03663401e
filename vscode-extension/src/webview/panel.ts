import * as vscode from "vscode";
import { makeNonce, webviewDocument } from "./html.js";

export type PanelKind = "rating" | "explain" | "diff" | "methodology";

const panels = new Map<PanelKind, vscode.WebviewPanel>();
const handlers = new Map<PanelKind, vscode.Disposable>();

/**
 * Shows a page in the panel of its kind (one per kind, reused). Scripts are enabled only for the extension's
 * media/webview.js; the panel keeps its state when hidden (retainContextWhenHidden, and the script's setState).
 */
export function showPage(
  context: vscode.ExtensionContext,
  kind: PanelKind,
  title: string,
  lang: string,
  page: { css: string; body: string },
  onMessage?: (message: { type?: string; [key: string]: unknown }) => void,
): vscode.WebviewPanel {
  const media = vscode.Uri.joinPath(context.extensionUri, "media");
  let panel = panels.get(kind);
  if (!panel) {
    panel = vscode.window.createWebviewPanel(`tarazy.${kind}`, title, vscode.ViewColumn.Beside, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [media],
      retainContextWhenHidden: true,
    });
    panel.iconPath = vscode.Uri.joinPath(media, "icon.svg");
    panels.set(kind, panel);
    panel.onDidDispose(() => {
      panels.delete(kind);
      handlers.get(kind)?.dispose();
      handlers.delete(kind);
    });
  }
  panel.title = title;
  const webview = panel.webview;
  handlers.get(kind)?.dispose();
  handlers.set(
    kind,
    webview.onDidReceiveMessage((m) => onMessage?.(m ?? {})),
  );
  webview.html = webviewDocument({
    title,
    lang,
    nonce: makeNonce(),
    cspSource: webview.cspSource,
    styleUris: [webview.asWebviewUri(vscode.Uri.joinPath(media, "webview.css")).toString()],
    scriptUris: [webview.asWebviewUri(vscode.Uri.joinPath(media, "webview.js")).toString()],
    css: page.css,
    body: page.body,
  });
  panel.reveal(undefined, true);
  return panel;
}
