/**
 * A Markdown table with its columns padded to their widest cell, as the project's formatter (biome) writes
 * tables, so that generated docs pass `npm run lint` unchanged.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${widths.map((w, i) => (cells[i] ?? "").padEnd(w)).join(" | ")} |`;
  return [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)];
}

/** A paragraph line that Markdown would read as a list item or heading, made plain text. */
export function plainParagraph(text: string): string {
  return text
    .split("\n")
    .map((line) => (/^\s*([-+*>#]|\d+[.)])(\s|$)/.test(line) ? line.replace(/^(\s*)/, "$1\\") : line))
    .join("\n");
}
