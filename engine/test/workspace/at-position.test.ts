import { describe, expect, test } from "vitest";
import { parseRuleDocument } from "../../src/rules/yaml-document.js";
import { positionContext } from "../../src/workspace/at-position.js";
import { yamlContextAt } from "../../src/workspace/yaml-context.js";

/** The text with `¦` marking the cursor, and the cursor's offset. */
function at(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf("¦");
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

function context(marked: string) {
  const { text, offset } = at(marked);
  const { document } = parseRuleDocument("/r/blocks/b.yaml", text);
  return { ctx: positionContext(document, offset), text };
}

const BLOCK = `block: revenue
weight: 15
indicators:
  - id: a
    formula: x + 1
  - id: b
    name: { kk: Б }
    score:
      method: goalposts
`;

describe("yamlContextAt reads the key path from indentation alone", () => {
  test("a half-written key in a list item's mapping", () => {
    const { text, offset } = at(`${BLOCK}    wei¦\n`);
    expect(yamlContextAt(text, offset)).toMatchObject({ path: "/indicators/1", onKey: true });
  });

  test("a blank line under a nested mapping, by the cursor's column", () => {
    const { text, offset } = at(`${BLOCK}      ¦\n`);
    expect(yamlContextAt(text, offset)).toMatchObject({ path: "/indicators/1/score", onKey: true });
    const top = at(`${BLOCK}¦\n`);
    expect(yamlContextAt(top.text, top.offset)).toMatchObject({ path: "", onKey: true });
  });

  test("a value after `key: `, with the word being written", () => {
    const { text, offset } = at(`${BLOCK}      transform: l¦\n`);
    const c = yamlContextAt(text, offset);
    expect(c).toMatchObject({ path: "/indicators/1/score/transform", onKey: false });
    expect(text.slice(c.start, c.end)).toBe("l");
  });

  test("an indentless list and CRLF line ends", () => {
    const { text, offset } = at("block: x\r\nindicators:\r\n- id: a\r\n- id: b\r\n  meas¦\r\n");
    expect(yamlContextAt(text, offset)).toMatchObject({ path: "/indicators/1", onKey: true });
  });

  test("inside a block scalar: the value of the key above", () => {
    const { text, offset } = at(`${BLOCK}    formula: |\n      ytd(x¦)\n`);
    expect(yamlContextAt(text, offset)).toMatchObject({ path: "/indicators/1/formula", onKey: false, multiline: true });
  });

  test("a `- word` item of a list of values", () => {
    const { text, offset } = at("ratings:\n  - id: q\n    blocks:\n      - rev¦\n");
    expect(yamlContextAt(text, offset)).toMatchObject({ path: "/ratings/0/blocks/0", item: true });
  });
});

describe("positionContext finds the formula token and the call at the cursor", () => {
  test("a plain formula: the name being written and the active argument", () => {
    const { ctx } = context(`${BLOCK.replace("x + 1", "round(ytd(own_rev¦) / 2, 1)")}`);
    expect(ctx.formula).toMatchObject({ role: "formula", scope: "indicator" });
    expect(ctx.formula?.cursor.word.text).toBe("own_rev");
    expect(ctx.formula?.cursor.call).toMatchObject({ name: "ytd", argument: 0 });
  });

  test("the second argument of the outer call", () => {
    const { ctx } = context(BLOCK.replace("x + 1", "round(ytd(a) / 2, ¦1)"));
    expect(ctx.formula?.cursor.call).toMatchObject({ name: "round", argument: 1 });
  });

  test("double-quoted with escapes: formula offsets map to file offsets through the engine's scalar map", () => {
    const { ctx, text } = context(BLOCK.replace("x + 1", '"a + \\"t\\" + bb¦c"'));
    const f = ctx.formula;
    expect(f?.text).toBe('a + "t" + bbc');
    expect(f?.cursor.word.text).toBe("bb");
    const start = f?.toFile(f.cursor.word.start) ?? -1;
    expect(text.slice(start, start + 3)).toBe("bbc");
  });

  test("a folded block scalar", () => {
    const { ctx, text } = context(BLOCK.replace("x + 1", ">\n      a +\n      lo¦ng"));
    expect(ctx.formula?.text).toBe("a + long\n");
    const f = ctx.formula;
    expect(text.slice(f?.toFile(4), (f?.toFile(4) ?? 0) + 4)).toBe("long");
    expect(f?.cursor.word.text).toBe("lo");
  });

  test("an unclosed quote mid-edit still gives the call and the name", () => {
    const { ctx } = context(BLOCK.replace("x + 1", '"if(a > 0, b¦'));
    expect(ctx.formula?.cursor.call).toMatchObject({ name: "if", argument: 1 });
    expect(ctx.formula?.cursor.word.text).toBe("b");
  });

  test("score plan, score formula and applies.when are formulas with their scopes", () => {
    const plan = context(`${BLOCK}      plan: ytd(p¦)\n`).ctx.formula;
    expect(plan).toMatchObject({ role: "plan", scope: "indicator" });
    const when = context(`${BLOCK}    applies:\n      when: unit.¦\n`).ctx.formula;
    expect(when).toMatchObject({ role: "when", scope: "when" });
    expect(when?.cursor.word.text).toBe("unit.");
  });

  test("an indicator inside nested groups, and a group's applies.when, are formulas too", () => {
    const nested = `block: hdi
weight: 1
groups:
  - id: outer
    weight: 1
    applies:
      when: unit.kind == "district"
    groups:
      - id: inner
        weight: 1
        indicators:
          - id: a
            formula: min(x, y)
`;
    const inner = context(nested.replace("min(x, y)", "min(x, ¦y)")).ctx.formula;
    expect(inner).toMatchObject({
      path: "/groups/0/groups/0/indicators/0/formula",
      role: "formula",
      scope: "indicator",
    });
    expect(inner?.cursor.call).toMatchObject({ name: "min", argument: 1 });
    const when = context(nested.replace("unit.kind", "unit.ki¦nd")).ctx.formula;
    expect(when).toMatchObject({ path: "/groups/0/applies/when", role: "when", scope: "when" });
  });

  test("a non-formula value is no formula", () => {
    expect(context(`${BLOCK.replace("goalposts", "goal¦posts")}`).ctx.formula).toBeUndefined();
  });
});

describe("formula positions with CRLF and characters outside the BMP", () => {
  test("a CRLF file with a double-quoted formula after an emoji text", () => {
    const marked = 'block: b\r\nindicators:\r\n  - id: a\r\n    formula: "if(unit.centre = \\"😀\\", ab¦c, 0)"\r\n';
    const { ctx, text } = context(marked);
    const f = ctx.formula;
    expect(f?.cursor.word.text).toBe("ab");
    const at = f?.toFile(f.cursor.word.start) ?? -1;
    expect(text.slice(at, at + 3)).toBe("abc");
    expect(f?.cursor.call).toMatchObject({ name: "if", argument: 1 });
  });
});
