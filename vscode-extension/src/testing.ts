import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import * as vscode from "vscode";
import { ask, type Tarazy } from "./commands/common.js";
import { Requests, type RuleTestsResult } from "./protocol.js";
import { isRuleTestPath, testHeader, verdictOf } from "./testing-logic.js";

const hasRulesetFile = (folder: string) => existsSync(join(folder, "ruleset.yaml"));

function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }) {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/**
 * The rule tests (tests/*.yaml of each ruleset version) in VS Code's Testing view: one item per version
 * folder, one per test file; run one, a file's version or all, through the server's tarazy/ruleTests.
 */
export function registerRuleTests(tarazy: Tarazy): vscode.TestController {
  const controller = vscode.tests.createTestController("tarazy", vscode.l10n.t("Tarazy rule tests"));
  tarazy.context.subscriptions.push(controller);

  const versionItem = (folder: string) => {
    let item = controller.items.get(folder);
    if (!item) {
      const label = `${basename(dirname(folder))}/${basename(folder)}`;
      item = controller.createTestItem(folder, label, vscode.Uri.file(join(folder, "ruleset.yaml")));
      controller.items.add(item);
    }
    return item;
  };
  const addFile = (uri: vscode.Uri) => {
    if (!isRuleTestPath(uri.fsPath, hasRulesetFile)) return;
    const folder = dirname(dirname(uri.fsPath));
    let text = "";
    try {
      text = readFileSync(uri.fsPath, "utf8");
    } catch {
      return;
    }
    const header = testHeader(text);
    const item = controller.createTestItem(uri.fsPath, header.name ?? basename(uri.fsPath), uri);
    item.range = new vscode.Range(header.line, 0, header.line, 0);
    item.description = basename(uri.fsPath);
    versionItem(folder).children.add(item);
  };
  const removeFile = (uri: vscode.Uri) => {
    const parent = controller.items.get(dirname(dirname(uri.fsPath)));
    parent?.children.delete(uri.fsPath);
    if (parent && parent.children.size === 0) controller.items.delete(parent.id);
  };
  const discover = async () => {
    const files = await vscode.workspace.findFiles("**/tests/*.{yaml,yml}", "**/node_modules/**");
    for (const uri of files) addFile(uri);
  };
  controller.resolveHandler = async (item) => {
    if (!item) await discover();
  };
  controller.refreshHandler = async () => {
    controller.items.replace([]);
    await discover();
  };
  const watcher = vscode.workspace.createFileSystemWatcher("**/tests/*.{yaml,yml}");
  watcher.onDidCreate(addFile);
  watcher.onDidChange(addFile);
  watcher.onDidDelete(removeFile);
  tarazy.context.subscriptions.push(watcher);

  controller.createRunProfile(
    vscode.l10n.t("Run rule tests"),
    vscode.TestRunProfileKind.Run,
    (request, token) => runTests(tarazy, controller, request, token),
    true,
  );
  void discover();
  return controller;
}

/** The leaves (test files) of the request: the items asked for and their children, less those excluded. */
function leavesOf(controller: vscode.TestController, request: vscode.TestRunRequest): vscode.TestItem[] {
  const excluded = new Set((request.exclude ?? []).map((i) => i.id));
  const roots: vscode.TestItem[] = [];
  if (request.include) roots.push(...request.include);
  else
    controller.items.forEach((i) => {
      roots.push(i);
    });
  const out: vscode.TestItem[] = [];
  const walk = (item: vscode.TestItem) => {
    if (excluded.has(item.id)) return;
    if (item.children.size === 0) {
      if (item.uri && item.id.endsWith(".yaml")) out.push(item);
      return;
    }
    item.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

async function runTests(
  tarazy: Tarazy,
  controller: vscode.TestController,
  request: vscode.TestRunRequest,
  token: vscode.CancellationToken,
): Promise<void> {
  const run = controller.createTestRun(request);
  const leaves = leavesOf(controller, request);
  for (const item of leaves) run.enqueued(item);
  // One request per version folder: the server loads and prepares each version once.
  const byVersion = new Map<string, vscode.TestItem[]>();
  for (const item of leaves) {
    const folder = dirname(dirname(item.id));
    byVersion.set(folder, [...(byVersion.get(folder) ?? []), item]);
  }
  for (const [folder, items] of byVersion) {
    if (token.isCancellationRequested) break;
    for (const item of items) run.started(item);
    const params = items.length === 1 ? { file: items[0]?.id } : { ruleset: folder };
    const answer = await ask<RuleTestsResult>(tarazy, Requests.ruleTests, params);
    const results = new Map((answer?.files ?? []).flatMap((f) => f.tests.map((t) => [t.id, t] as const)));
    for (const item of items) {
      const test = results.get(item.id);
      if (!test) {
        run.errored(item, new vscode.TestMessage(vscode.l10n.t("The server gave no result for this test.")));
        continue;
      }
      const verdict = verdictOf(test);
      if (verdict.state === "passed") {
        run.passed(item);
        continue;
      }
      const messages = verdict.messages.map((m) => {
        const message =
          m.expected !== undefined && m.actual !== undefined
            ? vscode.TestMessage.diff(m.message, m.expected, m.actual)
            : new vscode.TestMessage(m.message);
        message.location = new vscode.Location(vscode.Uri.parse(m.location.uri), toRange(m.location.range));
        return message;
      });
      if (verdict.state === "failed") run.failed(item, messages);
      else run.errored(item, messages);
    }
  }
  run.end();
}
