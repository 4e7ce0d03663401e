import { isAbsolute, relative, sep } from "node:path";

/**
 * A file the CLI wrote, named as the user named its --out: absolute when --out was absolute, else relative
 * to the working folder as given (`--out ../reports` writes `../reports/rating.csv`), with / on every system.
 */
export function writtenPath(file: string, out: string, cwd: string): string {
  const shown = isAbsolute(out) ? file : relative(cwd, file) || ".";
  return shown.split(sep).join("/");
}

/** "wrote FILE" for each file written under --out `out`, one line each. */
export function sayWritten(say: (text: string) => void, files: readonly string[], out: string, cwd: string): void {
  for (const file of files) say(`wrote ${writtenPath(file, out, cwd)}\n`);
}
