import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DIR = fileURLToPath(new URL("../../", import.meta.url));
const read = (p: string) => readFileSync(join(DIR, p), "utf8");
const manifest = JSON.parse(read("package.json"));
const nls = (suffix: string) => JSON.parse(read(`package.nls${suffix}.json`)) as Record<string, string>;
const bundle = (suffix: string) => JSON.parse(read(`l10n/bundle.l10n${suffix}.json`)) as Record<string, string>;

function sources(dir: string): string[] {
  return readdirSync(join(DIR, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [read(join(dir, e.name))] : [],
  );
}

describe("the extension's manifest", () => {
  it("does not type against a newer VS Code than it declares (vsce refuses that)", () => {
    const engine = String(manifest.engines.vscode).replace(/^\^/, "");
    const types = String(manifest.devDependencies["@types/vscode"]).replace(/^[~^]/, "");
    expect(types.split(".").slice(0, 2).join(".")).toBe(engine.split(".").slice(0, 2).join("."));
  });
  it("registers every command it contributes, and contributes every command it registers", () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    const registered = [...read("src/extension.ts").matchAll(/command\("(tarazy\.[\w]+)"/g)].map((m) => m[1]).sort();
    expect(registered).toEqual(contributed);
  });
  it("has every %key% of the manifest in English, Kazakh and Russian", () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1] ?? "");
    expect(keys.length).toBeGreaterThan(8);
    for (const suffix of ["", ".kk", ".ru"]) {
      const texts = nls(suffix);
      for (const k of keys) expect(texts[k], `${k} in package.nls${suffix}.json`).toBeTruthy();
    }
  });
  it("has every message of the code in the l10n bundles, and the Kazakh and Russian ones translated", () => {
    const code = sources("src").join("\n");
    const messages = [...code.matchAll(/\bt\(\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? "");
    expect(messages.length).toBeGreaterThan(30);
    const en = bundle("");
    const kk = bundle(".kk");
    const ru = bundle(".ru");
    for (const m of messages) {
      expect(en[m], `"${m}" in bundle.l10n.json`).toBe(m);
      expect(kk[m], `"${m}" in bundle.l10n.kk.json`).toBeTruthy();
      expect(ru[m], `"${m}" in bundle.l10n.ru.json`).toBeTruthy();
    }
    // No English left in the Kazakh and Russian bundles (words of three Latin letters or more).
    for (const [lang, texts] of [
      ["kk", kk],
      ["ru", ru],
    ] as const)
      for (const [key, text] of Object.entries(texts))
        expect(
          text.replace(/\{\d\}|Tarazy|XLSX|HTML|CSV|ruleset\.yaml|\d{4}(-Q?\d+)?/g, ""),
          `${lang}: ${key}`,
        ).not.toMatch(/[A-Za-z]{3,}/);
  });
});
