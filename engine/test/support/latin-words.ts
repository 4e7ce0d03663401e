/**
 * Latin words of two letters or more that a Kazakh or Russian reader would see as English: outside code in
 * backticks, file paths, hashes, n/a and the machine-read manifest of reports.
 */
export function latinWords(text: string): string[] {
  const plain = text
    .replace(/<!-- tarazy-manifest[\s\S]*?-->/g, "")
    .replace(/`[^`]*`/g, " ")
    .replace(/[\w.-]*\/[\w./-]+(:\d+)*/g, " ")
    .replace(/\bn\/a\b/g, " ");
  return (plain.match(/[\p{L}\p{N}_]+/gu) ?? []).filter((t) => /^[A-Za-z][A-Za-z_]+$/.test(t));
}
