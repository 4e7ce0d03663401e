import { markdownTable, plainParagraph } from "../rules/markdown-table.js";
import type { DiagnosticDoc } from "./catalog.js";

/** The areas by a code's first letter, in the order docs/diagnostics.md lists them. */
const AREAS: readonly [string, string, string][] = [
  ["F", "Formulas", "reading a formula (F1xx), its names and types (F2xx), evaluating it"],
  ["R", "Rule files", "files and YAML (R0xx), structure (R1xx), names and meaning (R2xx, R3xx), versions (R4xx)"],
  ["D", "Data", "reading measurement data files"],
  ["S", "Scoring and rule tests", "the data store (S1xx), rating (S2xx), rule tests (S3xx)"],
  ["O", "Reports", "writing results and the methodology document"],
  ["A", "Statistical audit", "one indicator (A1xx), correlations (A2xx), a block (A3xx): `tarazy audit`"],
  ["U", "Sensitivity assumptions", "the assumptions file of `tarazy sensitivity`"],
];

/**
 * docs/diagnostics.md from the catalog: every code of every area with its title, severity, meaning, an
 * example and the fix. Each code is a `##` heading of its own, so `docs/diagnostics.md#r101` (the link the
 * CLI, SARIF and the editor give) lands on it.
 */
export function renderDiagnosticsMarkdown(docs: readonly DiagnosticDoc[]): string {
  const sorted = [...docs].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const letters = [...new Set(sorted.map((d) => d.code.charAt(0)))];
  const known = AREAS.filter(([letter]) => letters.includes(letter));
  const other = letters
    .filter((l) => !AREAS.some(([letter]) => letter === l))
    .map((l): [string, string, string] => [l, `Other (${l})`, ""]);
  const out: string[] = [
    "# Diagnostics",
    "",
    "Every problem Tarazy reports has a stable code, a severity, a message in plain words and the exact",
    "`file:line:column`. This page documents every code: what it means, an input that produces it, and how to",
    "fix it. The CLI (`= docs:` lines), SARIF output and the editor link here. The editor's hover on a code shows",
    "its entry in the editor's language: the Kazakh and Russian title, meaning and fix are in",
    "engine/src/diagnostics/words/ (a file per code letter); the example is the same in every language.",
    "",
    "Generated from the diagnostics catalog (each area's `defineCodes` in engine/src); do not edit by hand:",
    "`UPDATE_GOLDEN=1 npx vitest run engine/test/rules/diagnostics-doc.test.ts` regenerates it.",
    "",
    ...markdownTable(
      ["Area", "Codes", "What"],
      [...known, ...other].map(([letter, title, what]) => {
        const count = sorted.filter((d) => d.code.startsWith(letter)).length;
        return [`[${title}](#${anchor(title)})`, `${letter}: ${count}`, what];
      }),
    ),
  ];
  for (const [letter, title] of [...known, ...other]) {
    out.push("", `# ${title}`);
    for (const doc of sorted.filter((d) => d.code.startsWith(letter))) out.push("", ...entry(doc));
  }
  return `${out.join("\n")}\n`;
}

function entry(doc: DiagnosticDoc): string[] {
  const fence = doc.example.includes("```") ? "~~~~" : "```";
  return [
    `## ${doc.code}`,
    "",
    `**${doc.title}** (${doc.severity}${doc.rootCause ? "; a root cause, printed before the problems that follow from it" : ""})`,
    "",
    plainParagraph(doc.description),
    "",
    "Example:",
    "",
    `${fence}text`,
    doc.example,
    fence,
    "",
    `Fix: ${doc.fix}`.replace(/\n/g, " "),
  ];
}

/** GitHub's heading anchor: lower case, spaces to -, punctuation dropped. */
function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, "")
    .replace(/ /g, "-");
}
