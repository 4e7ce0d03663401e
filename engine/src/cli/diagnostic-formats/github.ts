import type { Diagnostic } from "../../diagnostics/diagnostic.js";

/**
 * GitHub Actions workflow commands: `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=CODE::message`,
 * which GitHub shows as annotations on the pull request's lines. Data is escaped as the runner expects
 * (%, CR, LF; in properties also : and ,).
 */
export function githubAnnotations(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(annotation).join("");
}

const COMMAND = { error: "error", warning: "warning", info: "notice" } as const;

function annotation(d: Diagnostic): string {
  const { start, end } = d.range;
  const properties = [
    ...(d.file !== undefined ? [`file=${escapeProperty(d.file)}`] : []),
    `line=${start.line}`,
    `col=${start.column}`,
    `endLine=${end.line}`,
    `endColumn=${end.column}`,
    `title=${escapeProperty(`${d.code}`)}`,
  ];
  const message = d.suggestion ? `${d.message} (${d.suggestion})` : d.message;
  return `::${COMMAND[d.severity]} ${properties.join(",")}::${escapeData(message)}\n`;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
