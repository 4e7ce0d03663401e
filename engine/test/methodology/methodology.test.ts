import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildMethodology, type ChangesDoc, type MethodologyDoc } from "../../src/methodology/document.js";
import { effectiveWeights } from "../../src/methodology/effective-weights.js";
import { formulaHtml, methodologyHtml } from "../../src/methodology/html.js";
import { inForceText } from "../../src/methodology/in-force.js";
import { methodologyMarkdown } from "../../src/methodology/markdown.js";
import { plainText } from "../../src/methodology/rich-text.js";
import type { Block, Indicator, Lang, Ruleset } from "../../src/model/ruleset.js";
import { loadRuleset } from "../../src/rules/load.js";
import { expectGolden } from "../report/golden.js";
import { docRuleset } from "./fixture.js";

const GOLDEN = fileURLToPath(new URL("./golden/", import.meta.url));
const changes: ChangesDoc = {
  kind: "since",
  version: "2025.1",
  items: [
    ["Added: indicator «Complaints per 10,000 residents»"],
    ["Changed: block «Economy», ", { code: "weight" }, ": ", { code: "50" }, " → ", { code: "60" }],
  ],
};

function doc(lang: Lang, extra: { changes?: ChangesDoc } = { changes }): MethodologyDoc {
  return buildMethodology({ ruleset: docRuleset, lang, engineVersion: "0.0.0-test", ...extra });
}

function indicatorDoc(d: MethodologyDoc, id: string) {
  const found = d.blocks.flatMap((b) => b.indicators).find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

describe("golden methodology documents", () => {
  for (const lang of ["kk", "ru", "en"] as const) {
    it(`matches the ${lang} Markdown and HTML`, () => {
      const d = doc(lang);
      expectGolden(GOLDEN, `methodology.${lang}.md`, methodologyMarkdown(d));
      expectGolden(GOLDEN, `methodology.${lang}.html`, methodologyHtml(d));
    });
  }
});

describe("contents", () => {
  it("names every indicator of the ruleset with its formula, in each language", () => {
    for (const lang of ["kk", "ru", "en"] as const) {
      const md = methodologyMarkdown(doc(lang));
      const html = methodologyHtml(doc(lang));
      for (const i of docRuleset.blocks.flatMap((b) => b.indicators)) {
        const name = i.name[lang] ?? i.name.kk;
        expect(md, `${lang} ${i.id}`).toContain(`. ${name}`);
        expect(html, `${lang} ${i.id}`).toContain(`id="ind-${i.id}"`);
      }
    }
  });

  it("prints formulas canonically with printFormula", () => {
    expect(indicatorDoc(doc("en"), "revenue").formula).toBe("round(own_revenue / own_revenue_plan, 4)");
    expect(methodologyMarkdown(doc("en"))).toContain("- Formula: `round(own_revenue / own_revenue_plan, 4)`");
  });

  it("gives each input its localized name, measure and source", () => {
    const inputs = indicatorDoc(doc("ru"), "revenue").inputs;
    expect(inputs).toEqual([
      {
        name: "own_revenue",
        kind: "field",
        label: "Собственные доходы",
        measure: "mln KZT",
        source: "представляется объектом оценки",
      },
      {
        name: "own_revenue_plan",
        kind: "field",
        label: "План собственных доходов",
        measure: "mln KZT",
        source: "представляется объектом оценки",
      },
    ]);
    const attribute = indicatorDoc(doc("en"), "procurement").inputs.find((x) => x.name === "unit.population");
    expect(attribute).toEqual({ name: "unit.population", kind: "attribute", label: "unit attribute" });
  });

  it("lists the functions used with the registry's description in the language", () => {
    expect(doc("en").functions.map((f) => f.signature)).toEqual(["round(x, [digits])"]);
    expect(doc("kk").functions[0]?.description).not.toBe(doc("en").functions[0]?.description);
  });

  it("describes the ratings' rhythm and rescales a rating of some blocks to the full scale", () => {
    const d = doc("en");
    expect(d.ratings.map((r) => [r.title, r.frequency, r.blocks, r.rescaled])).toEqual([
      [
        "Quarterly rating",
        "quarterly",
        [
          { name: "Economy", weight: 60 },
          { name: "Governance", weight: 40 },
        ],
        false,
      ],
      ["Economic development indicator", "monthly", [{ name: "Economy", weight: 100 }], true],
    ]);
    expect(methodologyMarkdown(d)).toContain(
      "- Economic development indicator: This rating takes only some of the blocks: their weights are rescaled to the full scale (100).",
    );
  });

  it("states the ranking rule, the grades and the changes", () => {
    const md = methodologyMarkdown(doc("en"));
    expect(md).toContain(
      "The total is rounded to 2 decimals before ranking. Equal totals share a rank and the next rank is skipped (1, 2, 2, 4).",
    );
    expect(md).toContain("| Green zone | from 80 points | `#2e7d32` |");
    expect(md).toContain(
      "Compared with version 2025.1:\n\n- Added: indicator «Complaints per 10,000 residents»\n- Changed: block «Economy», `weight`: `50` → `60`\n",
    );
    expect(methodologyMarkdown(doc("ru", { changes: { kind: "first" } }))).toContain("Это первая версия методики.");
    expect(methodologyMarkdown(doc("en", {}))).not.toContain("## 6.");
  });

  it("has no empty grades table when every rating has its own grades and the ruleset none", () => {
    const d = buildMethodology({ ruleset: { ...docRuleset, grades: [] }, lang: "en", engineVersion: "0" });
    expect(methodologyMarkdown(d)).not.toContain("### Grades");
    expect(methodologyHtml(d)).not.toContain("<h3>Grades</h3>");
    expect(methodologyMarkdown(doc("en"))).toContain("### Grades");
  });
});

describe("effective weights", () => {
  it("are block weight x indicator weight / the block's sum of indicator weights", () => {
    // economy 60: industry 2, revenue 1 -> 40, 20; governance 40: procurement 1, open data 1, complaints 2 -> 10, 10, 20
    expect(Object.fromEntries(effectiveWeights(docRuleset))).toEqual({
      industry: 40,
      revenue: 20,
      procurement: 10,
      open_data: 10,
      complaints: 20,
    });
    const d = doc("kk");
    expect(indicatorDoc(d, "complaints")).toMatchObject({ weight: 2, weightSum: 4, effectiveWeight: 20 });
  });

  it("add up to the scale for the fixture", () => {
    const total = [...effectiveWeights(docRuleset).values()].reduce((s, w) => s + w, 0);
    expect(total).toBe(100);
  });

  it("add up to the scale for any block and indicator weights", () => {
    const base = docRuleset.blocks[0] as Block;
    const template = base.indicators[0] as Indicator;
    const weights = fc.array(
      fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 1, maxLength: 8 }),
      {
        minLength: 1,
        maxLength: 9,
      },
    );
    fc.assert(
      fc.property(
        weights,
        fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 9, maxLength: 9 }),
        fc.constantFrom(1, 100, 1000),
        (blocks, blockWeights, scale) => {
          const ruleset: Ruleset = {
            ...docRuleset,
            scale,
            blocks: blocks.map((ws, b) => ({
              ...base,
              id: `b${b}`,
              weight: blockWeights[b] ?? 1,
              indicators: ws.map((w, i) => ({ ...template, id: `b${b}i${i}`, block: `b${b}`, weight: w })),
            })),
          };
          const total = [...effectiveWeights(ruleset).values()].reduce((s, w) => s + w, 0);
          expect(Math.abs(total - scale)).toBeLessThanOrEqual(scale * 1e-12);
        },
      ),
    );
  });
});

describe("scoring rules in words", () => {
  const rule = (id: string, lang: Lang) => plainText(indicatorDoc(doc(lang), id).scoring);

  it("says each method with its parameters", () => {
    expect(rule("industry", "en")).toBe(
      "0 at 100 or below, 1 at 115 or above, linear in between. On a logarithmic scale (ln).",
    );
    expect(rule("revenue", "en")).toBe("Plan achievement: value ÷ plan (plan = 1), at most 1.2, divided by 1.2.");
    expect(rule("revenue", "ru")).toBe(
      "Степень достижения плана: значение ÷ план (план = 1), не более 1,2, делённое на 1,2.",
    );
    expect(rule("procurement", "ru")).toBe("По диапазонам: ≥ 95: 1; ≥ 85: 0,5; иначе 0.");
    expect(rule("open_data", "kk")).toBe("Иә: 1, жоқ: 0.");
    expect(rule("complaints", "en")).toBe(
      "Relative to the units rated in the period: (highest − value) ÷ (highest − lowest).",
    );
  });

  it("says where an indicator applies", () => {
    expect(plainText(indicatorDoc(doc("en"), "complaints").applies)).toBe("only districts");
    expect(plainText(indicatorDoc(doc("ru"), "procurement").applies)).toBe(
      "кроме: г. Туркестан; при условии: unit.population > 50000",
    );
    expect(plainText(indicatorDoc(doc("kk"), "industry").applies)).toBe("барлық бағаланушыларға");
  });

  it("takes the missing-data policy from the indicator, then the block, then the ruleset", () => {
    expect(indicatorDoc(doc("en"), "revenue").missing).toBe("scores 0");
    expect(indicatorDoc(doc("en"), "procurement").missing).toBe("left out, its weight redistributed");
    expect(indicatorDoc(doc("en"), "industry").missing).toBe("scores 0");
  });
});

describe("formulas in HTML", () => {
  it("explains each input on hover and leaves texts and keywords alone", () => {
    const d = doc("kk");
    const inputs = indicatorDoc(d, "revenue").inputs;
    const functions = new Map(d.functions.map((f) => [f.name, f]));
    const html = formulaHtml('round(own_revenue / own_revenue_plan, 4) and "own_revenue"', inputs, functions);
    expect(html).toContain('<abbr title="Өзіндік кірістер, mln KZT">own_revenue</abbr>');
    expect(html).toContain('<abbr title="Өзіндік кірістер жоспары, mln KZT">own_revenue_plan</abbr>');
    expect(html).toMatch(/<abbr title="[^"]+">round<\/abbr>\(/);
    expect(html).toContain(" and &quot;own_revenue&quot;</code>");
  });

  it("is one self-contained page", () => {
    const html = methodologyHtml(doc("en"));
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=/i);
    expect(html).toContain('<html lang="en">');
  });
});

describe("inForceText", () => {
  it("says the first day of the first month and the last day of the last month, inflected", () => {
    expect(inForceText("2026-01", undefined, "ru")).toBe("с 1 января 2026 г.");
    expect(inForceText("2026-01", undefined, "kk")).toBe("2026 жылғы 1 қаңтардан бастап");
    expect(inForceText("2026-01", undefined, "en")).toBe("from 1 January 2026");
    expect(inForceText("2025-01", "2025-12", "ru")).toBe("с 1 января 2025 г. по 31 декабря 2025 г.");
    expect(inForceText("2025-09", "2026-02", "kk")).toBe("2025 жылғы 1 қыркүйектен 2026 жылғы 28 ақпанға дейін");
    expect(inForceText("2024-03", "2024-02", "en")).toBe("from 1 March 2024 to 29 February 2024");
  });

  it("shows months it cannot read as written", () => {
    expect(inForceText("2026-13", undefined, "en")).toBe("2026-13 –");
    expect(inForceText("2026-01", "soon", "en")).toBe("2026-01 – soon");
  });
});

describe("helper blocks in the methodology document", () => {
  // The gallery's GII: four helper blocks (female, male, reference, between_sexes) and the GII block of weight 1.
  const { ruleset } = loadRuleset(fileURLToPath(new URL("../../../rules/examples/gii/2022.1", import.meta.url)));
  const gii = (lang: Lang) => {
    if (!ruleset) throw new Error("the GII example does not load");
    return buildMethodology({ ruleset, lang, engineVersion: "0" });
  };

  it("shows them as helpers with no weight in the total, not as weight 0, in kk, ru and en", () => {
    const en = methodologyMarkdown(gii("en"));
    expect(en).toContain("In all: 5 blocks (4 of them helper blocks: computed, not in the total), 18 indicators.");
    expect(en).toContain("| 1 | Female gender index | none (helper) | 5 |");
    expect(en).toContain("| 5 | Gender Inequality Index | 1 | 1 |");
    expect(en).toContain(
      "| 1.1 | Maternal mortality | per 100,000 live births | lower is better | 1 of 2 | none (helper) |",
    );
    expect(en).toContain("- Weight in the total: none (helper)");
    expect(en).toContain("(`health_female`): weight 1, weight in the total none (helper);");
    expect(en).not.toMatch(/\| 0 \||Weight in the total: 0 of 1/);
    expect(methodologyHtml(gii("en"))).toContain('<td class="num">none (helper)</td>');
    const ru = methodologyMarkdown(gii("ru"));
    expect(ru).toContain("(из них вспомогательных, которые вычисляются, но в итог не входят: 4)");
    expect(ru).toContain("| нет (вспомогательный) |");
    const kk = methodologyMarkdown(gii("kk"));
    expect(kk).toContain("(оның ішінде 4 көмекші блок: есептеледі, жалпы балға кірмейді)");
    expect(kk).toContain("| жоқ (көмекші) |");
  });

  it("keeps a ruleset without helpers as it was", () => {
    expect(methodologyMarkdown(doc("en"))).not.toContain("helper");
  });
});

describe("a rating's own grades in the methodology document", () => {
  const load = (path: string) => {
    const { ruleset } = loadRuleset(fileURLToPath(new URL(path, import.meta.url)));
    if (!ruleset) throw new Error(`${path} does not load`);
    return ruleset;
  };

  it("lists the GDI's five groups with their bounds and the value they are decided on", () => {
    const gdi = load("../../../rules/examples/gdi/2022.1");
    const en = methodologyMarkdown(buildMethodology({ ruleset: gdi, lang: "en", engineVersion: "0" }));
    expect(en).toContain("The rating «GDI» has grades of its own, decided on «Absolute deviation from parity»");
    expect(en).toContain("| Group 1 (high equality) | ≤ 0.025 |");
    expect(en).toContain("| Group 5 (low equality) | any other value |");
    const ru = methodologyMarkdown(buildMethodology({ ruleset: gdi, lang: "ru", engineVersion: "0" }));
    expect(ru).toContain("| Группа 1 | ≤ 0,025 |");
    expect(ru).toContain("| Группа 5 | остальные значения |");
  });

  it("writes both bounds when a grade has both", () => {
    const levels = load("../scoring/fixtures/levels/2026.1");
    const html = methodologyHtml(buildMethodology({ ruleset: levels, lang: "en", engineVersion: "0" }));
    expect(html).toContain("Even</th><td>0 ≤ … ≤ 0</td>");
    expect(html).toContain("Ahead</th><td>≥ 0</td>");
  });
});
