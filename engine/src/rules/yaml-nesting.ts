import type { CST } from "yaml";

/** Rule files need a handful of levels (a test's expectation is 4 deep); far more is a broken or hostile file. */
export const MAX_NESTING = 32;

/**
 * The offset of the first list or mapping (in document order) nested more than `limit` levels deep, or
 * undefined. Walks the syntax tree with a stack of its own: the point is to stop before a recursive reader
 * (the YAML composer, the schema validator) exhausts the call stack on such a file.
 */
export function firstTooDeep(token: CST.Token, limit = MAX_NESTING): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = [{ token, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { token: t, depth } = next;
    if (t.type === "document") {
      if (t.value) stack.push({ token: t.value, depth });
      continue;
    }
    if (t.type !== "block-map" && t.type !== "block-seq" && t.type !== "flow-collection") continue;
    if (depth + 1 > limit) return t.offset;
    // Pushed last to first, so that the earliest item is looked at first.
    for (let i = t.items.length - 1; i >= 0; i--) {
      const item = t.items[i] as CST.CollectionItem;
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      if (item.key) stack.push({ token: item.key, depth: depth + 1 });
    }
  }
  return undefined;
}
