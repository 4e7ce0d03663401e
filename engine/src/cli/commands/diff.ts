import { basename, dirname, resolve } from "node:path";
import { compareNumbers } from "../../compile/compare.js";
import type { Period } from "../../data/period.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { compareHtml } from "../../diff/html.js";
import {
  type BlockEffect,
  DEFAULT_TOP_MOVERS,
  type RankingEffect,
  rankingEffect,
  type UnitEffect,
} from "../../diff/ranking-effect.js";
import { type RatedBoth, rateBothVersions } from "../../diff/rate-both.js";
import { diffRulesets, type RulesetChange, type RulesetDiff } from "../../diff/rules-diff.js";
import type { Lang, Localized, Ruleset } from "../../model/ruleset.js";
import { type LabelKey, label, localize } from "../../report/labels.js";
import { writeOutputFiles } from "../../report/write.js";
import { isFamilyFolder, type LoadResult, loadRuleset } from "../../rules/load.js";
import { missingList } from "../../scoring/coverage.js";
import { displayPath, relativeDiagnostic } from "../diagnostic-formats/relative.js";
import { type CliIO, type Command, UsageError } from "../io.js";
import { formatOption, langOption, parseOptions, periodOption } from "../options.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { renderDiagnostics } from "../render-diagnostics.js";
import { sayWritten } from "../written.js";
import { points } from "./rate.js";

const USAGE = `Usage: tarazy diff OLD NEW [options]
       tarazy diff FAMILY OLD_VERSION NEW_VERSION [options]
       tarazy diff OLD NEW --data PATH... --period P [options]

Lists what changed between two versions of a ruleset: indicators added, removed or renamed (same
formula or Kazakh name under a new id), and changed weights, formulas (compared and printed in canonical
form, so spacing is not a change), scoring parameters, applicability, blocks, units, fields, grades,
ratings and policies.

With --data and --period, also rates the same data and period under both versions and shows the effect
of the change: each unit's total, rank and zone (grade) under OLD and NEW and their changes, the biggest
movers with the blocks that moved them, the units changing zone, units only one version rates, and the
rule changes grouped by the block they touch with the mean change of its points. See docs/scoring.md,
"Comparing versions".

OLD and NEW are version folders (each holds ruleset.yaml); or give the family folder and two version ids.

Options:
  --format FORMAT   text (default) | json (engine/schema/ruleset-diff.schema.json) | html (the compare
                    page: one self-contained file, in --lang; docs/reports.md, "The compare page")
  --out FILE        with --format html: write the page to FILE instead of stdout
  --exit-code       exit 1 when there are rule changes (as git diff --exit-code)
  --data PATH...    data files or folders to rate under both versions (several paths, or --data repeated)
  --period P        with --data: the period, a month 2026-03, a quarter 2026-Q3 or a year 2026
  --rating ID       with --data: the rating (default: each version's first of the period's rhythm)
  --top N           with --data: how many biggest movers to list (default ${DEFAULT_TOP_MOVERS})
  --lang kk|ru|en   with --data or --format html: language of the names and headings (default kk)

Examples:
  tarazy diff rules/turkistan/districts/2025.1 rules/turkistan/districts/2026.1
  tarazy diff rules/turkistan/districts 2025.1 2026.1 --format json
  tarazy diff rules/turkistan/districts 2025.1 2026.1 --data data/ --period 2026-Q3 --lang en
  tarazy diff rules/turkistan/districts 2025.1 2026.1 --data data/ --period 2026-Q3 --format html --out compare.html

Exit code: 0 (with --exit-code: 0 no changes, 1 changes), 1 when a version has errors or the data has
problems (printed with file, line and column), 2 bad usage.
`;

interface DiffArgs {
  readonly positional: readonly string[];
  readonly format: "text" | "json" | "html";
  readonly exitCode: boolean;
  /** Language of the html page (and, with --data, of the text). */
  readonly lang: Lang;
  /** With --format html: the file to write. */
  readonly out?: string;
  /** Present with --data: what to rate under both versions. */
  readonly effect?: EffectArgs;
}

interface EffectArgs {
  readonly data: readonly string[];
  readonly period: Period;
  readonly rating?: string;
  readonly top: number;
  readonly lang: Lang;
}

const EFFECT_OPTIONS = ["--period", "--rating", "--top", "--lang"] as const;

function parseArgs(args: readonly string[]): DiffArgs {
  const exitCode = args.includes("--exit-code");
  const { positional, values, data } = parseOptions(
    args.filter((a) => a !== "--exit-code"),
    ["--format", "--data", "--out", ...EFFECT_OPTIONS],
  );
  if (positional.length < 2 || positional.length > 3)
    throw new UsageError("give two version folders, or a family folder and two versions");
  const format = formatOption(values, ["text", "json", "html"] as const);
  const out = values.get("--out");
  if (out !== undefined && format !== "html") throw new UsageError("--out goes with --format html");
  const page = { lang: langOption(values), ...(out !== undefined ? { out } : {}) };
  const withData = data.length > 0 || args.some((a) => a === "--data" || a.startsWith("--data="));
  if (!withData) {
    const stray = EFFECT_OPTIONS.find((o) => values.has(o) && !(o === "--lang" && format === "html"));
    if (stray) throw new UsageError(`${stray} goes with --data PATH... --period P`);
    return { positional, format, exitCode, ...page };
  }
  if (data.length === 0) throw new UsageError("--data needs a path");
  const period = periodOption(values, "--period");
  if (!period) throw new UsageError("missing --period P (the period to rate under both versions)");
  const rating = values.get("--rating");
  return {
    positional,
    format,
    exitCode,
    ...page,
    effect: {
      data,
      period,
      ...(rating !== undefined ? { rating } : {}),
      top: topOption(values),
      lang: langOption(values),
    },
  };
}

function topOption(values: Map<string, string>): number {
  const text = values.get("--top");
  if (text === undefined) return DEFAULT_TOP_MOVERS;
  if (!/^\d{1,4}$/.test(text) || Number(text) < 1)
    throw new UsageError(`--top is a whole number from 1, not '${text}'`);
  return Number(text);
}

/** The two versions to compare, from OLD NEW folders or FAMILY OLD_VERSION NEW_VERSION. */
function loadBoth(args: DiffArgs, io: CliIO): [LoadResult, LoadResult] {
  const [a, b, c] = args.positional as [string, string, string | undefined];
  if (c !== undefined) {
    const family = resolve(io.cwd, a);
    return [loadRuleset(family, { version: b }), loadRuleset(family, { version: c })];
  }
  for (const p of [a, b])
    if (isFamilyFolder(resolve(io.cwd, p)))
      throw new UsageError(`${p} is a family folder: give its versions too, e.g. tarazy diff ${p} 2025.1 2026.1`);
  return [loadRuleset(resolve(io.cwd, a)), loadRuleset(resolve(io.cwd, b))];
}

export const diffCommand: Command = {
  name: "diff",
  summary: "what changed between two ruleset versions, and with --data its effect on the ranking (text, json, html)",
  usage: USAGE,
  async run(args, io) {
    const options = parseArgs(args);
    const [oldResult, newResult] = loadBoth(options, io);
    const broken = [oldResult, newResult].flatMap((r) => r.diagnostics).filter((d) => d.severity === "error");
    if (broken.length > 0 || !oldResult.ruleset || !newResult.ruleset) {
      const sources = new Map(
        [...oldResult.documents, ...newResult.documents].map((d) => [displayPath(d.file, io.cwd), d.source] as const),
      );
      io.stderr(
        `tarazy diff: the versions must be free of errors to compare\n${renderDiagnostics(
          broken.map((d) => relativeDiagnostic(d, io.cwd)),
          (f) => (f === undefined ? undefined : sources.get(f)),
        )}`,
      );
      return hasErrors(broken) ? 1 : 2;
    }
    const diff = diffRulesets(oldResult.ruleset, newResult.ruleset);
    const changed = options.exitCode && diff.changes.length > 0 ? 1 : 0;
    const [before, after] = [oldResult.ruleset, newResult.ruleset];
    if (!options.effect) {
      if (options.format === "html")
        return (
          (await writePage(compareHtml({ diff, old: before, new: after, lang: options.lang }), options, io)) || changed
        );
      io.stdout(options.format === "json" ? `${JSON.stringify(diff, null, 2)}\n` : renderDiffText(diff, before, after));
      return changed;
    }
    const { rated, leftOut } = await rateBoth(before, after, options.effect, io);
    if (!rated) return 1;
    const effect = rankingEffect(rated[0], rated[1], { diff, top: options.effect.top });
    if (options.format === "html") {
      const versions = { old: rated[0].ruleset, new: rated[1].ruleset };
      const page = compareHtml({ diff, ...versions, lang: options.lang, effect, leftOut });
      return (await writePage(page, options, io)) || changed;
    }
    io.stdout(
      options.format === "json"
        ? `${JSON.stringify({ ...diff, effect }, null, 2)}\n`
        : renderEffectText(effect, diff, rated[0].ruleset, rated[1].ruleset, options.effect.lang),
    );
    return changed;
  },
};

/** The compare page to stdout, or with --out to its file (written whole or not at all); 1 when it cannot be written. */
async function writePage(page: string, options: DiffArgs, io: CliIO): Promise<0 | 1> {
  if (options.out === undefined) {
    io.stdout(page);
    return 0;
  }
  const path = resolve(io.cwd, options.out);
  const written = await writeOutputFiles(dirname(path), [
    { name: basename(path), bytes: new TextEncoder().encode(page) },
  ]);
  printDiagnostics(io, written.diagnostics);
  if (written.files.length === 0) return 1;
  sayWritten(io.stdout, written.files, options.out, io.cwd);
  return 0;
}

/** Rates the period under both versions; prints every problem once; nothing when one stops the comparison. */
async function rateBoth(oldRuleset: Ruleset, newRuleset: Ruleset, args: EffectArgs, io: CliIO): Promise<RatedBoth> {
  const both = await rateBothVersions(oldRuleset, newRuleset, {
    data: args.data,
    period: args.period,
    cwd: io.cwd,
    ...(args.rating !== undefined ? { rating: args.rating } : {}),
  });
  printDiagnostics(io, both.diagnostics);
  for (const version of both.unscored)
    io.stderr(
      `tarazy diff: note: nothing could be scored under ${version} in ${both.rated?.[0].result.period}; is there data for that period?\n`,
    );
  for (const { version, fields } of both.leftOut)
    io.stderr(
      `tarazy diff: note: under ${version}, values without data in ${both.rated?.[0].result.period} are left out of the comparison (not scored 0): ${missingList(fields)}\n`,
    );
  return both;
}

const SECTION: Record<RulesetChange["element"], string> = {
  ruleset: "Ruleset",
  rating: "Ratings",
  grade: "Grades",
  unit: "Units",
  field: "Fields",
  block: "Blocks",
  indicator: "Indicators",
};

/** The diff for people: one section per kind of element, one line per change. */
export function renderDiffText(diff: RulesetDiff, oldRuleset: Ruleset, newRuleset: Ruleset): string {
  const head = `${diff.old.id} ${diff.old.version} -> ${diff.new.id} ${diff.new.version}`;
  if (diff.changes.length === 0) return `${head}: no changes\n`;
  const lines = [head];
  let section = "";
  for (const change of diff.changes) {
    if (SECTION[change.element] !== section) {
      section = SECTION[change.element];
      lines.push("", section);
    }
    lines.push(`  ${changeLine(change, oldRuleset, newRuleset, true)}`);
  }
  lines.push("", changeCount(diff));
  return `${lines.join("\n")}\n`;
}

/** One change; `withBlock` names an indicator's block (left out where the change is listed under it). */
function changeLine(
  c: RulesetChange,
  oldRuleset: Ruleset,
  newRuleset: Ruleset,
  withBlock: boolean,
  lang?: Lang,
): string {
  const where = withBlock && c.block !== undefined ? ` (${lang ? word("block", lang) : "block"} ${c.block})` : "";
  switch (c.change) {
    case "added":
      return `+ ${c.id}${where}${nameOf(newRuleset, c, lang)}`;
    case "removed":
      return `- ${c.id}${where}${nameOf(oldRuleset, c, lang)}`;
    case "renamed":
      return `~ ${c.oldId} ${lang ? word("renamedTo", lang) : "renamed to"} ${c.id}${where}`;
    case "changed":
      return `~ ${c.id}${c.element === "ruleset" ? "" : where}: ${c.property} ${show(c.old, lang)} -> ${show(c.new, lang)}`;
  }
}

/** The element's name, from the version that has it: Kazakh (English), or in `lang` when given. */
function nameOf(ruleset: Ruleset, c: RulesetChange, lang?: Lang): string {
  const elements: Record<
    RulesetChange["element"],
    readonly { id: string; name?: Localized; title?: Localized; label?: Localized }[]
  > = {
    ruleset: [],
    rating: ruleset.ratings,
    grade: ruleset.grades,
    unit: ruleset.units,
    field: ruleset.fields,
    block: ruleset.blocks,
    indicator: ruleset.blocks.flatMap((b) => b.indicators),
  };
  const found = elements[c.element].find((x) => x.id === c.id);
  const text = found?.name ?? found?.title ?? found?.label;
  if (!text) return "";
  if (lang) return `: ${localize(text, lang)}`;
  return `: ${text.kk}${text.en ? ` (${text.en})` : ""}`;
}

function show(value: RulesetChange["old"], lang?: Lang): string {
  if (value === null || value === undefined) return `(${lang ? word("none", lang) : "none"})`;
  if (Array.isArray(value)) return `[${value.join(", ")}]`;
  return typeof value === "string" ? `\`${value}\`` : String(value);
}

// ── the effect on the ranking, for people ──

const WIDTH = 100;

const WORDS = {
  effect: { kk: "рейтингке әсері", ru: "влияние на рейтинг", en: "effect on the ranking" },
  changes: { kk: "Ереже өзгерістері", ru: "Изменений правил", en: "Rule changes" },
  renamedTo: { kk: "коды өзгерді, жаңасы:", ru: "переименован в", en: "renamed to" },
  block: { kk: "блок", ru: "блок", en: "block" },
  units: { kk: "бірлік", ru: "ед.", en: "units" },
  unit: { kk: "Бірлік", ru: "Единица", en: "Unit" },
  total: { kk: "Балл", ru: "Балл", en: "Total" },
  rank: { kk: "Орын", ru: "Место", en: "Rank" },
  zone: { kk: "Аймақ", ru: "Зона", en: "Zone" },
  movers: {
    kk: "Ең көп өзгергендер (орны, содан кейін балы бойынша)",
    ru: "Наибольшие изменения (по месту, затем по баллу)",
    en: "Biggest movers (by rank, then total)",
  },
  byBlock: {
    kk: "Блоктар бойынша ереже өзгерістері (блок балының орташа өзгерісі)",
    ru: "Изменения правил по блокам (среднее изменение баллов блока)",
    en: "Rule changes by block (mean change of the block's points)",
  },
} as const satisfies Record<string, Localized & { ru: string; en: string }>;

/** Words the text shares with the compare page, from the one table of labels. */
const SHARED = {
  added: "compareAdded",
  removed: "compareRemoved",
  renamed: "compareRenamed",
  changed: "compareChanged",
  zones: "compareZoneChanges",
  onlyIn: "compareOnlyIn",
  notRatedIn: "compareNotRatedIn",
  other: "compareOther",
  none: "compareNone",
  noRuleChange: "compareNoRuleChange",
  blockOnlyIn: "compareBlockOnlyIn",
} as const satisfies Record<string, LabelKey>;

function word(key: keyof typeof WORDS | keyof typeof SHARED, lang: Lang, v = ""): string {
  if (key in SHARED) return label(SHARED[key as keyof typeof SHARED], lang, { version: v });
  return WORDS[key as keyof typeof WORDS][lang].replace("{v}", v);
}

/** A change as a signed number with 2 decimals; exactly 0 without a sign. */
function signed(x: number): string {
  return x > 0 ? `+${points(x)}` : x < 0 ? `-${points(-x)}` : points(0);
}

/** ▲2 moved up two places, ▼1 down one, = unchanged (ranks may be halves with shared ties). */
function rankMark(change: number | undefined): string {
  if (change === undefined) return "";
  return change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : "=";
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

interface Names {
  unit(id: string): string;
  grade(id: string, side: "old" | "new"): string;
  block(id: string): string;
}

function names(oldRuleset: Ruleset, newRuleset: Ruleset, lang: Lang): Names {
  const find = <T extends { id: string }>(list: readonly T[], id: string) => list.find((x) => x.id === id);
  return {
    unit: (id) => localize((find(newRuleset.units, id) ?? find(oldRuleset.units, id))?.name, lang) || id,
    grade: (id, side) => localize(find((side === "old" ? oldRuleset : newRuleset).grades, id)?.label, lang) || id,
    block: (id) => {
      const block = find(newRuleset.blocks, id) ?? find(oldRuleset.blocks, id);
      return localize(block?.name, lang) || id;
    },
  };
}

/** The effect as text 100 columns wide: the table, movers, zone changes, rule changes by block. */
export function renderEffectText(
  effect: RankingEffect,
  diff: RulesetDiff,
  oldRuleset: Ruleset,
  newRuleset: Ruleset,
  lang: Lang,
): string {
  const named = names(oldRuleset, newRuleset, lang);
  const rating = newRuleset.ratings.find((r) => r.id === effect.new.rating);
  const ratingName =
    effect.old.rating === effect.new.rating
      ? localize(rating?.title, lang) || effect.new.rating
      : `${effect.old.rating} -> ${effect.new.rating}`;
  const lines = [
    `${diff.old.id} ${diff.old.version} -> ${diff.new.id} ${diff.new.version}: ${word("effect", lang)}`,
    cut(`${ratingName}, ${effect.period} · ${effect.units.length} ${word("units", lang)}`, WIDTH),
    "",
    ...unitTable(effect, named, oldRuleset.version, newRuleset.version, lang),
    "",
    ...moverLines(effect, named, lang),
    "",
    ...zoneLines(effect, named, lang),
    ...onlyLines(effect, named, oldRuleset.version, newRuleset.version, lang),
    "",
    ...blockLines(effect, named, oldRuleset, newRuleset, lang),
    "",
    changeCount(diff, lang),
  ];
  return `${lines.join("\n")}\n`;
}

function unitTable(effect: RankingEffect, named: Names, oldVersion: string, newVersion: string, lang: Lang): string[] {
  const side = (u: UnitEffect, which: "old" | "new"): string[] => {
    const s = u[which];
    return s ? [points(s.score), String(s.rank), named.grade(s.grade, which)] : ["—", "", ""];
  };
  const rows = effect.units.map((u) => [
    named.unit(u.unit),
    ...side(u, "old"),
    ...side(u, "new"),
    u.scoreChange === undefined ? "" : signed(u.scoreChange),
    rankMark(u.rankChange),
  ]);
  const head = [
    word("unit", lang),
    ...[1, 2].flatMap(() => [word("total", lang), word("rank", lang), word("zone", lang)]),
  ];
  head.push(`±${word("total", lang)}`, `±${word("rank", lang)}`);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const fixed = widths.reduce((s, w, c) => (c === 0 ? s : s + w), 0) + 2 * (widths.length - 1);
  widths[0] = Math.max(10, Math.min(widths[0] ?? 10, WIDTH - fixed));
  const left = (c: number) => c === 0 || c === 3 || c === 6;
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => {
        const w = widths[c] ?? 0;
        const text = cut(cell, w);
        return left(c) ? text.padEnd(w) : text.padStart(w);
      })
      .join("  ")
      .trimEnd();
  const group = (version: string, from: number) => {
    const w = (widths[from] ?? 0) + (widths[from + 1] ?? 0) + (widths[from + 2] ?? 0) + 4;
    return cut(version, w).padEnd(w);
  };
  const groups = `${" ".repeat((widths[0] ?? 0) + 2)}${group(oldVersion, 1)}  ${group(newVersion, 4)}`.trimEnd();
  return [groups, line(head), ...rows.map(line)];
}

function moverLines(effect: RankingEffect, named: Names, lang: Lang): string[] {
  const byUnit = new Map(effect.units.map((u) => [u.unit, u]));
  const rows = effect.movers.flatMap((id) => {
    const u = byUnit.get(id);
    if (!u?.old || !u.new) return [];
    const blocks = Object.entries(u.blocks)
      .filter(([, b]) => b.change !== 0)
      .sort(([a, x], [b, y]) => compareNumbers(Math.abs(y.change), Math.abs(x.change)) || (a < b ? -1 : 1))
      .slice(0, 3)
      .map(([block, b]) => `${block} ${signed(b.change)}`);
    return [
      [
        named.unit(id),
        `${u.old.rank} -> ${u.new.rank}`,
        rankMark(u.rankChange),
        signed(u.scoreChange ?? 0),
        blocks.join(", "),
      ],
    ];
  });
  if (rows.length === 0) return [`${word("movers", lang)}:`, `  ${word("none", lang)}`];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const line = ([unit = "", ranks = "", mark = "", total = "", blocks = ""]: string[]) =>
    cut(
      `  ${unit.padEnd(widths[0] ?? 0)}  ${ranks.padStart(widths[1] ?? 0)}  ${mark.padEnd(widths[2] ?? 0)}  ${total.padStart(widths[3] ?? 0)}  ${blocks}`.trimEnd(),
      WIDTH,
    );
  return [`${word("movers", lang)}:`, ...rows.map(line)];
}

function zoneLines(effect: RankingEffect, named: Names, lang: Lang): string[] {
  const byUnit = new Map(effect.units.map((u) => [u.unit, u]));
  const lines = effect.zoneChanges.map((z) => {
    const u = byUnit.get(z.unit);
    const totals = u?.old && u.new ? ` (${points(u.old.score)} -> ${points(u.new.score)})` : "";
    return cut(`  ${named.unit(z.unit)}: ${named.grade(z.from, "old")} -> ${named.grade(z.to, "new")}${totals}`, WIDTH);
  });
  return [`${word("zones", lang)}:`, ...(lines.length > 0 ? lines : [`  ${word("none", lang)}`])];
}

function onlyLines(effect: RankingEffect, named: Names, oldVersion: string, newVersion: string, lang: Lang): string[] {
  const list = (ids: readonly string[], version: string) =>
    ids.length === 0 ? [] : ["", cut(`${word("onlyIn", lang, version)}: ${ids.map(named.unit).join(", ")}`, WIDTH)];
  const notRated = (ids: readonly string[], version: string) =>
    ids.length === 0 ? [] : ["", cut(`${word("notRatedIn", lang, version)}: ${ids.map(named.unit).join(", ")}`, WIDTH)];
  return [
    ...list(effect.onlyOld, oldVersion),
    ...list(effect.onlyNew, newVersion),
    ...notRated(effect.notRatedOld, oldVersion),
    ...notRated(effect.notRatedNew, newVersion),
  ];
}

function blockLines(
  effect: RankingEffect,
  named: Names,
  oldRuleset: Ruleset,
  newRuleset: Ruleset,
  lang: Lang,
): string[] {
  const only = (b: BlockEffect) =>
    b.inOld && b.inNew ? "" : ` (${word("blockOnlyIn", lang, b.inOld ? oldRuleset.version : newRuleset.version)})`;
  const heads = effect.blocks.map((b) => [b.block, `${named.block(b.block)}${only(b)}`] as const);
  const idWidth = Math.max(0, ...heads.map(([id]) => id.length));
  const nameWidth = Math.min(WIDTH - idWidth - 16, Math.max(0, ...heads.map(([, name]) => name.length)));
  const change = (c: RulesetChange) =>
    wrapChange(cut(`    ${changeLine(c, oldRuleset, newRuleset, false, lang)}`, 2 * WIDTH));
  const noChange = `    ${word("noRuleChange", lang)}`;
  const lines = [`${word("byBlock", lang)}:`];
  effect.blocks.forEach((b, i) => {
    const [id = "", name = ""] = heads[i] ?? [];
    const mean = b.meanChange === null ? "—" : signed(b.meanChange);
    lines.push(`  ${id.padEnd(idWidth)}  ${cut(name, nameWidth).padEnd(nameWidth)}  ${mean.padStart(8)}`);
    lines.push(...(b.changes.length > 0 ? b.changes.flatMap(change) : [noChange]));
  });
  lines.push(`  ${word("other", lang)}`);
  if (effect.otherChanges.length === 0) lines.push(noChange);
  for (const c of effect.otherChanges)
    lines.push(...wrapChange(`    ${changeLine(c, oldRuleset, newRuleset, true, lang)}`));
  return lines;
}

/** A change line too wide for the terminal breaks before its new value. */
function wrapChange(line: string): string[] {
  const at = line.lastIndexOf(" -> ");
  if (line.length <= WIDTH || at < 0) return [line];
  return [line.slice(0, at), `${" ".repeat(6)}${line.slice(at + 1)}`];
}

function changeCount(diff: RulesetDiff, lang: Lang = "en"): string {
  const english = lang === "en";
  if (diff.changes.length === 0) return english ? "no rule changes" : word("noRuleChange", lang);
  const counts = (["added", "removed", "renamed", "changed"] as const)
    .map((k) => [k, diff.changes.filter((c) => c.change === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => (english ? `${n} ${k}` : `${word(k, lang)}: ${n}`));
  const n = diff.changes.length;
  return english
    ? `${n} change${n === 1 ? "" : "s"}: ${counts.join(", ")}`
    : `${word("changes", lang)}: ${n} (${counts.join(", ")})`;
}
