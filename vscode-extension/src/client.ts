import * as vscode from "vscode";
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";
import { readSettings, serverSettings } from "./settings.js";
import { keepDiagnostics, leaveToYamlExtension } from "./yaml-division.js";

const YAML_EXTENSION = "redhat.vscode-yaml";

/** Whether Red Hat's YAML extension validates the rule files now (so Tarazy leaves it YAML and schema findings). */
function leaveToYaml(): boolean {
  const installed = vscode.extensions.getExtension(YAML_EXTENSION) !== undefined;
  const validate = vscode.workspace.getConfiguration("yaml").get<boolean>("validate");
  return leaveToYamlExtension(readSettings().yamlDiagnostics, installed, validate);
}

/** The language client of the bundled server (dist/server/server.cjs, started with this VS Code's Node). */
export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath("dist/server/server.cjs");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const settings = readSettings();
  const clientOptions: LanguageClientOptions = {
    documentSelector: settings.ruleFiles.map((pattern) => ({ scheme: "file", language: "yaml", pattern })),
    initializationOptions: serverSettings(settings),
    outputChannel: output,
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{yaml,yml,csv,tsv,xlsx,json}"),
    },
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, keepDiagnostics(diagnostics, leaveToYaml())),
      workspace: {
        // The server asks for the `tarazy` section: it gets the settings with the language resolved.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) =>
            item.section === "tarazy" ? serverSettings(readSettings()) : answers[i],
          );
        },
      },
    },
  };
  return new LanguageClient("tarazy", "Tarazy", serverOptions, clientOptions);
}
