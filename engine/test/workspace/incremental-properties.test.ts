import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Workspace } from "../../src/workspace/build.js";
import { workspaceSnapshot } from "./snapshot.js";

/**
 * Property: whatever edits are typed, a workspace re-checked edit after edit (reusing parsed documents, model
 * parts, formula checks and symbol occurrences of unchanged files) shows exactly what a fresh workspace loaded
 * from the same buffers shows: every diagnostic, every linked formula, the model, and the symbol index.
 */
const TURKISTAN = fileURLToPath(new URL("../../../rules/turkistan/", import.meta.url));

/** Two workspaces of their own, so that the fresh load each step is compared with reads only one. */
let root: string;
const WORKSPACES = { turkistan: "turkistan", generated: "generated" } as const;
/** Sequences tried per workspace: a fresh load of the Turkistan districts costs far more than the small one's. */
const RUNS: Record<keyof typeof WORKSPACES, number> = { turkistan: 6, generated: 15 };
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "tarazy-incremental-prop-"));
  cpSync(join(TURKISTAN, "districts"), join(root, "turkistan/districts"), {
    recursive: true,
    filter: (p) => !p.includes("sample-data"),
  });
  writeSmallRuleset(join(root, "generated/small/1"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A small generated version whose indicators read fields and each other (so an edit can make a cycle). */
function writeSmallRuleset(version: string): void {
  mkdirSync(join(version, "blocks"), { recursive: true });
  writeFileSync(
    join(version, "ruleset.yaml"),
    `ruleset: small\nversion: "1"\neffective: { from: 2026-01 }\ntitle: { kk: Шағын, en: Small }\nscale: 100\nunit_kinds: [district]\ninclude: [units.yaml, fields.yaml, blocks/]\nratings:\n  - id: all\n    title: { kk: Барлығы, en: All }\n    frequency: quarter\n    blocks: all\n`,
  );
  const units = [0, 1, 2].map((u) => `  - { id: u${u}, name: { kk: Аудан ${u} }, kind: district }\n`);
  writeFileSync(join(version, "units.yaml"), `units:\n${units.join("")}`);
  const fields = [0, 1, 2, 3, 4, 5].map(
    (f) =>
      `  - { id: f${f}, name: { kk: Дерек ${f} }, measure: count, frequency: ${f % 3 === 0 ? "quarter" : "month"} }\n`,
  );
  writeFileSync(join(version, "fields.yaml"), `fields:\n${fields.join("")}`);
  for (let b = 0; b < 3; b++) {
    const lines = [`block: b${b}`, `name: { kk: Блок ${b} }`, "weight: 1", "indicators:"];
    for (let i = 0; i < 4; i++) {
      const n = b * 4 + i;
      // Every third indicator reads one of the next block: a cycle can span files.
      const input = n % 3 === 0 ? `i${(n + 4) % 12}` : `f${n % 6}`;
      lines.push(
        `  - id: i${n}`,
        `    name: { kk: Көрсеткіш ${n} }`,
        `    formula: ${input} / f${(n + 1) % 6} * 100`,
        "    weight: 0.25",
        "    score: { method: goalposts, min: 0, max: 100 }",
      );
    }
    writeFileSync(join(version, "blocks", `b${b}.yaml`), `${lines.join("\n")}\n`);
  }
}

const FILES: Record<keyof typeof WORKSPACES, readonly string[]> = {
  turkistan: [
    "turkistan/districts/2026.1/fields.yaml",
    "turkistan/districts/2026.1/blocks/01-industry.yaml",
    "turkistan/districts/2026.1/blocks/02-economy.yaml",
    "turkistan/districts/2026.1/blocks/03-revenue.yaml",
    "turkistan/districts/2026.1/ruleset.yaml",
    "turkistan/districts/2025.1/fields.yaml",
  ],
  generated: [
    "generated/small/1/fields.yaml",
    "generated/small/1/blocks/b0.yaml",
    "generated/small/1/blocks/b1.yaml",
    "generated/small/1/blocks/b2.yaml",
    "generated/small/1/units.yaml",
  ],
};

/** Names that an edit may write in place of another: declared ones, misspelt ones, keywords of the format. */
const NAMES = ["f0", "f3", "i3", "i5", "i7", "own_revenue", "kei", "new_facilities", "zz", "quarter", "year", "b1"];

interface Edit {
  readonly file: number;
  readonly op: number;
  readonly a: number;
  readonly b: number;
}

/** Applies one edit to a text: rename a word, drop, repeat or move a line, cut the text short, or restore it. */
function apply(text: string, original: string, other: string, e: Edit): string {
  const lines = text.split("\n");
  const line = e.a % Math.max(lines.length, 1);
  switch (e.op % 7) {
    case 0:
    case 1: {
      const words = [...text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)];
      const w = words[e.a % Math.max(words.length, 1)];
      if (!w || w.index === undefined) return text;
      return text.slice(0, w.index) + NAMES[e.b % NAMES.length] + text.slice(w.index + w[0].length);
    }
    case 2:
      return lines.filter((_, i) => i !== line).join("\n");
    case 3:
      return [...lines.slice(0, line + 1), lines[line] ?? "", ...lines.slice(line + 1)].join("\n");
    case 4: {
      const from = other.split("\n");
      return [...lines.slice(0, line), from[e.b % from.length] ?? "", ...lines.slice(line)].join("\n");
    }
    case 5:
      return text.slice(0, Math.floor((text.length * (e.b % 100)) / 100));
    default:
      return original;
  }
}

const edit = fc.record({ file: fc.nat(20), op: fc.nat(20), a: fc.nat(5000), b: fc.nat(5000) });

/** Types each edit into a workspace, re-checks, and compares with a fresh workspace over the same buffers. */
function typeAndCompare(folder: string, steps: readonly (readonly [file: string, text: string])[]): Workspace {
  const w = new Workspace([folder]);
  w.build();
  const buffers = new Map<string, string>();
  steps.forEach(([file, text], step) => {
    buffers.set(file, text);
    w.change(file, text, step + 1);
    w.build();
    const fresh = new Workspace([folder]);
    for (const [f, t] of buffers) fresh.change(f, t, 1);
    fresh.build();
    expect(workspaceSnapshot(w, root)).toEqual(workspaceSnapshot(fresh, root));
  });
  return w;
}

describe("incremental re-checks equal a fresh load", () => {
  for (const name of Object.keys(WORKSPACES) as (keyof typeof WORKSPACES)[]) {
    const files = FILES[name];
    it(`after random edits of the ${name} rule files`, () => {
      const originals = files.map((f) => readFileSync(join(root, f), "utf8"));
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
          const texts = new Map<number, string>();
          const steps = edits.map((e) => {
            const i = e.file % files.length;
            const original = originals[i] as string;
            const text = apply(texts.get(i) ?? original, original, originals[(i + 1) % files.length] as string, e);
            texts.set(i, text);
            return [join(root, files[i] as string), text] as const;
          });
          typeAndCompare(join(root, WORKSPACES[name]), steps);
        }),
        { numRuns: RUNS[name] },
      );
    }, 120_000);
  }

  it("after an edit closes a cycle through an indicator of an unchanged file (derived frequencies)", () => {
    // i3 (block b0) reads i7 (block b1). i7 first reads a quarterly field, so both are quarterly; then i7
    // reads i3: inside the cycle the frequencies fall back to month, whatever the last load derived.
    const b1 = join(root, "generated/small/1/blocks/b1.yaml");
    const text = readFileSync(b1, "utf8");
    expect(text).toContain("formula: f1 / f2 * 100");
    typeAndCompare(join(root, WORKSPACES.generated), [
      [b1, text.replace("formula: f1 / f2 * 100", "formula: f3 / f2 * 100")],
      [b1, text.replace("formula: f1 / f2 * 100", "formula: i3 / f2 * 100")],
    ]);
  });
});

describe("a cycle through score(x) of a block in another file", () => {
  it("is found edit by edit as a fresh load finds it, and not before the edit that closes it", () => {
    // i3 (block b0) reads score(b1), the score of the block holding i7; then i7 reads i3: a cycle.
    const b0 = join(root, "generated/small/1/blocks/b0.yaml");
    const b1 = join(root, "generated/small/1/blocks/b1.yaml");
    const [text0, text1] = [readFileSync(b0, "utf8"), readFileSync(b1, "utf8")];
    expect(text0).toContain("formula: i7 / f4 * 100");
    const scoreRead = text0.replace("formula: i7 / f4 * 100", "formula: score(b1) / f4 * 100");
    const cycle = text1.replace("formula: f1 / f2 * 100", "formula: i3 / f2 * 100");
    const cycles = (w: Workspace) =>
      w
        .diagnosticsOf(b0)
        .filter((d) => d.code === "R220")
        .map((d) => d.message);
    const w = typeAndCompare(join(root, WORKSPACES.generated), [
      [b0, scoreRead],
      [b1, cycle],
    ]);
    expect(cycles(w)).toEqual(["indicators depend on each other in a cycle: `i3` -> `i7` -> `i3`"]);
    expect(cycles(typeAndCompare(join(root, WORKSPACES.generated), [[b0, scoreRead]]))).toEqual([]);
  });
});

describe("a rule file that two versions include", () => {
  it("gets the frequencies each version derives, as a load of that version alone gives", () => {
    const dir = mkdtempSync(join(tmpdir(), "tarazy-shared-block-"));
    try {
      mkdirSync(join(dir, "shared"));
      // i0 reads f0 and has no frequency of its own: quarterly in v1 (f0 is), monthly in v2.
      writeFileSync(
        join(dir, "shared/block.yaml"),
        "block: b\nname: { kk: Блок }\nweight: 1\nindicators:\n  - id: i0\n    name: { kk: Көрсеткіш }\n    formula: f0\n    weight: 1\n    score: { method: minmax }\n",
      );
      for (const [v, frequency] of [
        ["v1", "quarter"],
        ["v2", "month"],
      ] as const) {
        mkdirSync(join(dir, v));
        writeFileSync(
          join(dir, v, "ruleset.yaml"),
          `ruleset: shared-${v}\nversion: "1"\neffective: { from: 2026-01 }\ntitle: { kk: Ортақ }\nunit_kinds: [district]\ninclude: [fields.yaml, ../shared/block.yaml]\nratings:\n  - { id: all, title: { kk: Барлығы }, frequency: year, blocks: all }\n`,
        );
        writeFileSync(
          join(dir, v, "fields.yaml"),
          `fields:\n  - { id: f0, name: { kk: Дерек }, measure: count, frequency: ${frequency} }\n`,
        );
      }
      const w = new Workspace([dir]);
      w.build();
      const frequencies = () =>
        w.allVersions().map((v) => v.result.model?.blocks.flatMap((b) => b.indicators.map((i) => i.frequency)));
      expect(frequencies()).toEqual([["quarter"], ["month"]]);
      // Re-checking one version (its fields changed) leaves the other's derived frequency alone.
      const v1 = join(dir, "v1/fields.yaml");
      w.change(v1, readFileSync(v1, "utf8").replace("frequency: quarter", "frequency: year"), 1);
      w.build();
      expect(frequencies()).toEqual([["year"], ["month"]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
