import * as vscode from "vscode";
import { type ExplainResult, type RateResult, Requests } from "../protocol.js";
import { readSettings } from "../settings.js";
import { showPage } from "../webview/panel.js";
import { explainView } from "../webview/views.js";
import { ask, type Tarazy } from "./common.js";
import { openLocation } from "./open-location.js";
import { chooseRating, type RateChoice } from "./rate.js";
import { viewWords } from "./words.js";

/** Arguments a code lens (or another command) may give: then nothing is asked. */
interface ExplainArgs extends Partial<RateChoice> {
  readonly unit?: string;
  /** The indicator to scroll to. */
  readonly indicator?: string;
}

function isExplainArgs(arg: unknown): arg is ExplainArgs {
  return typeof arg === "object" && arg !== null && !(arg instanceof vscode.Uri) && "unit" in arg;
}

async function pickUnit(tarazy: Tarazy, choice: RateChoice): Promise<string | undefined> {
  const answer = await ask<RateResult>(tarazy, Requests.rate, { ...choice, lang: readSettings().language });
  if (!answer) return undefined;
  const result = Array.isArray(answer.result) ? answer.result.at(-1) : answer.result;
  const items = (result?.results ?? []).map((u) => ({
    label: u.unit,
    description: `${u.rank}. ${Number(u.score.toFixed(2))}${u.grade ? ` · ${u.grade}` : ""}`,
  }));
  const preferred = readSettings().unit;
  items.sort((a, b) => Number(b.label === preferred) - Number(a.label === preferred));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t("Unit"), ignoreFocusOut: true });
  return picked?.label;
}

/** Tarazy: Explain unit...: the trace of one unit's total, each figure linked to its rule and its data cell. */
export async function explainCommand(tarazy: Tarazy, arg: unknown): Promise<void> {
  const given = isExplainArgs(arg) ? arg : undefined;
  const choice =
    given?.ruleset && given.data && given.period
      ? { ruleset: given.ruleset, data: given.data, period: given.period }
      : await chooseRating(tarazy, arg);
  if (!choice) return;
  const unit = given?.unit ?? (await pickUnit(tarazy, choice));
  if (!unit) return;
  const lang = readSettings().language;
  const answer = await ask<ExplainResult>(
    tarazy,
    Requests.explain,
    { ...choice, unit, lang },
    vscode.l10n.t("Explaining {0}", unit),
  );
  if (!answer) return;
  const title = vscode.l10n.t("Explain {0}, {1}", unit, choice.period);
  const panel = showPage(
    tarazy.context,
    "explain",
    title,
    lang,
    { css: "", body: explainView(answer, lang, viewWords()) },
    (m) => {
      if (m.type !== "open" || typeof m.link !== "number") return;
      const link = answer.links[m.link];
      const where = link?.rule ?? link?.cell?.location;
      if (where) void openLocation(where);
    },
  );
  if (given?.indicator) void panel.webview.postMessage({ type: "reveal", indicator: given.indicator });
}
