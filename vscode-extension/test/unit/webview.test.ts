import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildReportView,
  compareHtml,
  diffRulesets,
  loadRuleset,
  type Ruleset,
  rateCommandCore,
  ratingHtml,
} from "../../../engine/src/index.js";
import type { ExplainResult } from "../../src/protocol.js";
import {
  contentSecurityPolicy,
  hoistInlineStyles,
  makeNonce,
  pageParts,
  webviewDocument,
} from "../../src/webview/html.js";
import { compareView, explainView, reportView, type ViewWords } from "../../src/webview/views.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const WORDS: ViewWords = {
  exportXlsx: "Export XLSX",
  exportHtml: "Export HTML",
  exportCsv: "Export CSV",
  total: "Total",
  rank: "rank",
  grade: "grade",
  formula: "formula",
  inputs: "inputs",
  value: "value",
  score: "score",
  points: "points",
  of: "of",
  openRule: "Open rule",
  openCell: "Open cell",
};

describe("hoistInlineStyles", () => {
  it("turns each distinct style attribute into one class, merging with existing classes", () => {
    const { body, css } = hoistInlineStyles(
      '<td class="heat" style="background:#fff;color:#000" title="a">1</td><span style="background:#fff;color:#000"></span><i style="width:3px">',
    );
    expect(body).toBe('<td class="heat tz-s0" title="a">1</td><span class="tz-s0"></span><i class="tz-s1">');
    expect(css).toBe(".tz-s0 { background:#fff;color:#000 }\n.tz-s1 { width:3px }");
  });
});

describe("the policy of every webview", () => {
  it("allows nothing from the network and no inline code without the nonce", () => {
    const csp = contentSecurityPolicy("vscode-resource:", "N0nce");
    expect(csp).toBe(
      "default-src 'none'; style-src vscode-resource: 'nonce-N0nce'; script-src 'nonce-N0nce'; img-src vscode-resource: data:; font-src vscode-resource:",
    );
    expect(csp).not.toMatch(/unsafe|https?:|\*/);
  });
  it("uses a fresh nonce each time", () => {
    const a = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(makeNonce()).not.toBe(a);
  });
});

describe("the rating webview over the engine's HTML report", () => {
  let html = "";
  beforeAll(async () => {
    const batch = await rateCommandCore({
      ruleset: "rules/turkistan/districts",
      data: ["rules/turkistan/districts/sample-data"],
      periods: [
        { kind: "quarter", year: 2026, index: 2 },
        { kind: "quarter", year: 2026, index: 3 },
      ],
      cwd: ROOT,
    });
    const first = batch.rated[0];
    if (!first) throw new Error("the sample rates");
    html = ratingHtml(
      buildReportView({
        ruleset: first.version.ruleset,
        results: batch.rated.map((r) => r.result),
        lang: "en",
        dataFiles: [],
      }),
    );
  });

  it("keeps the report's views (ranking of 17, bar chart, heat map, rank trend) with export buttons", () => {
    const view = reportView(html, WORDS);
    expect(view.body.match(/<tr data-unit=/g)).toHaveLength(17);
    for (const id of ["ranking", "totals", "blocks", "trend"]) expect(view.body).toContain(`<section id="${id}"`);
    expect(view.body).toContain('data-export="xlsx"');
    expect(view.body).toContain('data-export="csv"');
    expect(view.body).toContain('data-export="html"');
    expect(view.css).toContain(".grade {");
  });

  it("makes a document with no inline style attribute, no script but the nonce'd one, and nothing remote", () => {
    const view = reportView(html, WORDS);
    const page = webviewDocument({
      title: "Rating",
      lang: "en",
      nonce: "abc123",
      cspSource: "https://file+.vscode-resource.vscode-cdn.net",
      styleUris: ["https://file+.vscode-resource.vscode-cdn.net/media/webview.css"],
      scriptUris: ["https://file+.vscode-resource.vscode-cdn.net/media/webview.js"],
      css: view.css,
      body: view.body,
    });
    expect(page).not.toMatch(/\sstyle="/);
    expect(page.match(/<script\b[^>]*>/g)).toEqual([
      '<script nonce="abc123" src="https://file+.vscode-resource.vscode-cdn.net/media/webview.js">',
    ]);
    expect(page.match(/<style\b[^>]*>/g)).toEqual(['<style nonce="abc123">']);
    expect(page.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
    // Every class the hoisting made has its rule; the heat map's colours survive.
    const classes = new Set([...page.matchAll(/tz-s\d+/g)].map((m) => m[0]));
    for (const c of classes) expect(page).toContain(`.${c} {`);
    expect(page).toMatch(/\.tz-s\d+ \{ background:#[0-9a-f]{6};color:#[0-9a-f]{6} \}/i);
    const srcs = [...page.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    for (const s of srcs) expect(s).toMatch(/^https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\//);
  });

  it("takes the body and styles of a page apart, dropping scripts", () => {
    const parts = pageParts(
      "<html><head><style>a{}</style></head><body><p>x</p><script>alert(1)</script></body></html>",
    );
    expect(parts).toEqual({ css: "a{}", body: "<p>x</p>" });
  });
});

describe("the compare view over the engine's compare page", () => {
  const load = (v: string) => loadRuleset(`${ROOT}engine/test/scoring/fixtures/mini/${v}`).ruleset as Ruleset;
  const [before, after] = [load("2025.1"), load("2026.1")];
  const html = compareHtml({ diff: diffRulesets(before, after), old: before, new: after, lang: "ru" });
  const words = { copyText: "Copy as text", saveHtml: "Save as HTML", asText: "As text" };
  const view = compareView(html, "a <b> & c\n  ~ jobs", words);

  it("shows the page's rule changes under buttons to copy the text and save the page", () => {
    expect(view.body).toMatch(/^<nav class="tz-toolbar" aria-label="export">/);
    expect(view.body).toContain('<button type="button" class="tz-export" data-export="text">Copy as text</button>');
    expect(view.body).toContain('data-export="html">Save as HTML</button>');
    expect(view.body).toContain('<section id="changes"');
    expect(view.body).toContain("Изменения правил по блокам");
    expect(view.css).toContain(".grade {");
  });

  it("keeps the text, escaped, folded at the foot, and leaves no inline style for the policy to block", () => {
    expect(view.body).toContain(
      '<details class="tz-text"><summary>As text</summary><pre class="tz-diff">a &lt;b&gt; &amp; c\n  ~ jobs</pre></details>',
    );
    expect(view.body).not.toMatch(/\sstyle="|<style|<script/);
  });
});

describe("the explain view", () => {
  it("links the indicator to its rule and each input to its cell, by index into the links", () => {
    const loc = (uri: string, line: number) => ({
      uri,
      range: { start: { line, character: 4 }, end: { line, character: 20 } },
    });
    const result: ExplainResult = {
      text: "",
      trace: {
        ruleset: { id: "d", version: "2026.1" },
        period: "2026-Q3",
        scale: 100,
        unit: { id: "sairam", name: { kk: "Сайрам", en: "Sairam" } },
        total: 71.25,
        rank: 3,
        rankedUnits: 17,
        grade: "green",
        blocks: [
          {
            id: "economy",
            name: { kk: "Экономика", en: "Economy" },
            weight: 20,
            points: 15,
            lost: 5,
            indicators: [
              {
                id: "exports",
                name: { kk: "Экспорт", en: "Exports <processed>" },
                measure: "%",
                formula: "a / b * 100",
                value: 0.1 + 0.2,
                status: "scored",
                score: 1,
                weight: 5,
                points: 5,
                lost: 0,
                inputs: [],
              },
            ],
          },
        ],
      },
      links: [
        { label: "exports", indicator: "exports", rule: loc("file:///r/b.yaml", 10) },
        {
          label: "exports: a 2026-Q3 = 4",
          indicator: "exports",
          cell: { file: "/d/x.csv", row: 7, column: 18, location: loc("file:///d/x.csv", 6) },
        },
      ],
    };
    const body = explainView(result, "en", WORDS);
    expect(body).toContain('<a href="#" class="tz-link" data-link="0" title="Open rule">exports</a>');
    expect(body).toContain('data-link="1" title="Open cell: /d/x.csv:7:18">a 2026-Q3 = 4</a>');
    expect(body).toContain("Exports &lt;processed&gt;");
    expect(body).toContain("value: 0.3 (scored)");
    expect(body).toContain("Total: 71.25 of 100 · rank 3 of 17 · grade green");
  });
});
