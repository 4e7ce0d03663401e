import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { createClient } from "./client.js";
import type { Tarazy } from "./commands/common.js";
import { compareCommand } from "./commands/compare.js";
import { explainCommand } from "./commands/explain.js";
import { methodologyCommand } from "./commands/methodology.js";
import { rateCommand } from "./commands/rate.js";
import { validateCommand } from "./commands/validate.js";
import { registerStatusBar } from "./status-bar.js";
import { registerRuleTests } from "./testing.js";

let client: LanguageClient | undefined;

/**
 * Tarazy for VS Code: starts the bundled language server over the rule files, and registers the commands,
 * the rule tests in the Testing view and the status bar item. Everything about rules goes through the server.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("Tarazy", { log: true });
  context.subscriptions.push(output);
  client = createClient(context, output);
  const current = client;
  const tarazy: Tarazy = { context, output, client: () => client ?? current };
  const command = (id: string, run: (arg: unknown) => Promise<void>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, (arg: unknown) => run(arg)));
  command("tarazy.validateAll", () => validateCommand(tarazy));
  command("tarazy.rate", (arg) => rateCommand(tarazy, arg));
  command("tarazy.explainUnit", (arg) => explainCommand(tarazy, arg));
  // The code lenses' command (language-server/src/features/code-lens.ts): a unit's trace at one indicator.
  command("tarazy.explain", (arg) => explainCommand(tarazy, arg));
  command("tarazy.compareVersions", (arg) => compareCommand(tarazy, arg));
  command("tarazy.openMethodology", (arg) => methodologyCommand(tarazy, arg));
  command("tarazy.restartServer", async () => {
    await client?.restart();
  });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("tarazy.ruleFiles"))
        void vscode.window
          .showInformationMessage(vscode.l10n.t("Restart the Tarazy server to use the new rule file globs?"), "OK")
          .then((c) => (c ? client?.restart() : undefined));
    }),
  );
  await client.start();
  registerStatusBar(tarazy);
  registerRuleTests(tarazy);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
