import type { Diagnostic } from "../diagnostics/diagnostic.js";
import {
  CONTROL_CHARACTER as CONTROL,
  codePointName as codePoint,
  escapeControls,
} from "../util/control-characters.js";
import { RuleReadCode } from "./codes.js";
import { describePath } from "./describe-path.js";
import { scalarOffsets } from "./scalar-offsets.js";
import type { FileKind } from "./schema.js";
import type { RuleDocument } from "./yaml-document.js";
import { parentPointer, pointerSegments } from "./yaml-path.js";

/**
 * Every key and text of the file holding a control character, one error at the first such character of
 * each: an id with one looks the same as another but is not, a name with one prints garbage. The pointers
 * of the values reported are returned too, so the schema's "not a valid id" is not said a second time.
 */
export function controlCharacters(
  doc: RuleDocument,
  kind: FileKind | undefined,
): { diagnostics: Diagnostic[]; paths: Set<string> } {
  const diagnostics: Diagnostic[] = [];
  const paths = new Set<string>();
  const report = (offset: number, ch: string, what: string) =>
    diagnostics.push({
      code: RuleReadCode.R017,
      severity: "error",
      message: `${escapeControls(what)} holds the invisible control character ${codePoint(ch)}`,
      file: doc.file,
      range: doc.source.range(offset, offset + 1),
      suggestion: "delete the character (it often comes from text copied out of a PDF or a database export)",
    });
  for (const [path, location] of doc.locations) {
    if (location.key) {
      const keyText = doc.text.slice(location.key.start.offset, location.key.end.offset);
      const i = keyText.search(CONTROL);
      if (i >= 0) {
        paths.add(path);
        const name = escapeControls(pointerSegments(path).at(-1) ?? "");
        const parent = describePath(doc.data, parentPointer(path), kind);
        report(location.key.start.offset + i, keyText[i] as string, `the key \`${name}\` in ${parent}`);
      }
    }
    const node = location.scalar;
    if (!node || typeof node.value !== "string") continue;
    const i = node.value.search(CONTROL);
    if (i < 0) continue;
    paths.add(path);
    const offset = scalarOffsets(doc.text, node)?.[i] ?? location.value.start.offset;
    report(offset, node.value[i] as string, describePath(doc.data, path, kind));
  }
  return { diagnostics, paths };
}
