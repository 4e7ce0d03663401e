import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SourceText } from "../../src/source/range.js";

/** Line starts by the definition: after each \n, \r\n or lone \r. */
function referenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\n" || (text[i] === "\r" && text[i + 1] !== "\n")) starts.push(i + 1);
  }
  return starts;
}

describe("SourceText line starts", () => {
  it("start after every \\n, \\r\\n and lone \\r, with or without \\r in the text", () => {
    expect(new SourceText("a\nb\r\nc\rd\n").lineStarts).toEqual([0, 2, 5, 7, 9]);
    expect(new SourceText("a\n\nb").lineStarts).toEqual([0, 2, 3]);
    expect(new SourceText("").lineStarts).toEqual([0]);
    const text = fc.array(fc.constantFrom("a", "é", "\n", "\r", "\r\n", ","), { maxLength: 40 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(new SourceText(t).lineStarts).toEqual(referenceStarts(t));
      }),
      { numRuns: 1000 },
    );
  });
});
