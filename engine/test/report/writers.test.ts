import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/model/ruleset.js";
import { ratingCsv } from "../../src/report/csv.js";
import { ratingHtml } from "../../src/report/html.js";
import { checkReportInput, type ReportInput } from "../../src/report/input.js";
import { ratingJson } from "../../src/report/json.js";
import { buildManifest, readManifestComment } from "../../src/report/manifest.js";
import { ratingMarkdown } from "../../src/report/markdown.js";
import { buildReportView } from "../../src/report/view.js";
import type { RatingResult } from "../../src/scoring/result.js";
import { fixtureDataFiles, fixtureRuleset, q1, q2 } from "./fixture.js";
import { expectGolden } from "./golden.js";

const GOLDEN = fileURLToPath(new URL("./golden/", import.meta.url));

function input(lang: Lang, results = [q2, q1]): ReportInput {
  return { ruleset: fixtureRuleset, results, lang, dataFiles: fixtureDataFiles, engineVersion: "0.0.0-test" };
}

describe("golden files", () => {
  it("matches the English CSV, Markdown, HTML and JSON of two quarters", () => {
    const view = buildReportView(input("en"));
    expectGolden(GOLDEN, "en/rating.csv", ratingCsv(view));
    expectGolden(GOLDEN, "en/rating.md", ratingMarkdown(view));
    expectGolden(GOLDEN, "en/rating.html", ratingHtml(view));
    expectGolden(GOLDEN, "en/rating.json", ratingJson(view));
  });

  it("matches the Kazakh and Russian Markdown and HTML", () => {
    for (const lang of ["kk", "ru"] as const) {
      const view = buildReportView(input(lang));
      expectGolden(GOLDEN, `${lang}/rating.md`, ratingMarkdown(view));
      expectGolden(GOLDEN, `${lang}/rating.html`, ratingHtml(view));
    }
  });

  it("matches a single-period report (no trend chart)", () => {
    const view = buildReportView(input("en", [q2]));
    expectGolden(GOLDEN, "en-single/rating.md", ratingMarkdown(view));
    expectGolden(GOLDEN, "en-single/rating.html", ratingHtml(view));
  });
});

describe("CSV", () => {
  const csv = ratingCsv(buildReportView(input("ru")));
  const lines = csv.slice(1).split("\r\n");

  it("starts with a UTF-8 byte-order mark and ends every line with CRLF", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("has one row per unit and period, periods in time order, names in the language", () => {
    expect(lines[0]).toBe(
      "period;rank;rank_change;unit;name;total;grade;grade_label;data_share;zeroed;not_rated_reason;economy;governance",
    );
    expect(lines.filter((l) => l.startsWith("2026-Q1;"))).toHaveLength(4);
    // 4 ranked units and arys, not rated.
    expect(lines.filter((l) => l.startsWith("2026-Q2;"))).toHaveLength(5);
    expect(lines[1]).toBe("2026-Q1;1;;sairam;Сайрамский район;100;green;Зелёная зона;1;0;;60;40");
    expect(lines[5]?.startsWith("2026-Q2;")).toBe(true);
  });

  it("lists a unit not rated with no rank, total or grade, its share of the weight with data and why", () => {
    expect(lines).toContain(
      '2026-Q2;;;arys;г. Арыс;;;;0,1;;"данными покрыто 10% веса; нет данных: complaints, own_revenue, procurement_share, production";;',
    );
  });

  it("opens in Excel with Russian or Kazakh settings: ';' between cells, a decimal comma, 15 digits", () => {
    // 12.5/15*40 + 1.08/1.2*20 + 20 + 20 = 91.33333333333334 as a double; shown at 15 digits.
    expect(lines[5]).toBe(
      "2026-Q2;1;1;turkistan;г. Туркестан;91,3333333333333;green;Зелёная зона;1;0;;51,3333333333333;40",
    );
    expect(lines).toContain(
      // revenue (20 of the 100 points) had no data and was scored 0: 80% of the weight has data, 1 zeroed.
      "2026-Q2;3;-2;sairam;Сайрамский район;66,6666666666667;yellow;Жёлтая зона;0,8;1;;26,6666666666667;40",
    );
    expect(ratingCsv(buildReportView(input("kk"))).split("\r\n")[0]).toContain("period;rank;");
  });

  it("uses ',' and a decimal point in English", () => {
    const en = ratingCsv(buildReportView(input("en")))
      .slice(1)
      .split("\r\n");
    expect(en).toContain(
      "2026-Q2,1,1,turkistan,Turkistan city,91.3333333333333,green,Green zone,1,0,,51.3333333333333,40",
    );
  });

  it("quotes fields with the separator, quotes and line breaks", () => {
    const odd = {
      ...fixtureRuleset,
      units: fixtureRuleset.units.map((u) =>
        u.id === "keles" ? { ...u, name: { kk: 'Келес; "оңтүстік"\nауданы' } } : u,
      ),
    };
    const text = ratingCsv(buildReportView({ ...input("kk"), ruleset: odd }));
    expect(text).toContain(';keles;"Келес; ""оңтүстік""\nауданы";');
  });
});

describe("totals at the ranking's decimals", () => {
  it("show 3 decimals in Markdown and HTML when the rating ranks on 3, so different ranks never look tied", () => {
    const three = { ...fixtureRuleset, rank: { round: 3, ties: "competition" as const } };
    const view = buildReportView({ ...input("en"), ruleset: three });
    expect(ratingMarkdown(view)).toContain("| 91.333 |");
    expect(ratingHtml(view)).toContain('<td class="num">91.333</td>');
    expect(ratingMarkdown(buildReportView(input("en")))).toContain("| 91.33 |");
  });
});

describe("CSV carries no live formulas (OWASP CSV injection)", () => {
  const hostile = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tTab", "\rReturn"];
  const odd = {
    ...fixtureRuleset,
    units: fixtureRuleset.units.map((u, i) => ({ ...u, name: { kk: hostile[i] ?? "x", en: hostile[i] ?? "x" } })),
    grades: fixtureRuleset.grades.map((g) => ({ ...g, label: { kk: "=HYPERLINK(1)", en: "=HYPERLINK(1)" } })),
  };

  it("reads back with text cells as text and numbers, negative ones too, as numbers", async () => {
    const csv = ratingCsv(buildReportView({ ...input("en"), ruleset: odd }));
    const wb = new ExcelJS.Workbook();
    const ws = await wb.csv.read(Readable.from([csv.slice(1)]));
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    const [header, ...data] = rows.map((r) => r.slice(1));
    expect(header?.slice(0, 5)).toEqual(["period", "rank", "rank_change", "unit", "name"]);
    // 8 ranked rows and arys, not rated in 2026-Q2 (no rank, total or grade; its reason is text).
    expect(data).toHaveLength(9);
    for (const row of data) {
      const [, rank, change, , name, total, , gradeLabel, share, , reason, economy] = row;
      expect(typeof name).toBe("string");
      expect(typeof share).toBe("number");
      if (rank === undefined || rank === null) {
        expect(typeof reason).toBe("string");
        expect(name as string).not.toMatch(/^[=+\-@\t\r]/);
        continue;
      }
      expect(typeof rank).toBe("number");
      if (change !== undefined && change !== null) expect(typeof change).toBe("number");
      expect(typeof total).toBe("number");
      expect(typeof economy).toBe("number");
      // A formula start is neutralised with an apostrophe, so no cell begins with = + - @ tab or CR.
      for (const cell of [name, gradeLabel]) {
        expect(typeof cell).toBe("string");
        expect(cell as string).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    expect(data.filter((r) => typeof r[1] === "number")).toHaveLength(8);
    expect(data.some((r) => r[2] === -2)).toBe(true);
    expect(data.map((r) => r[4])).toContain("'=1+2");
    expect(data.map((r) => r[4])).toContain("'-2+3");
    expect(data.map((r) => r[7])).toContain("'=HYPERLINK(1)");
  });

  it("neutralises every formula start in the semicolon dialect too", () => {
    const csv = ratingCsv(buildReportView({ ...input("ru"), ruleset: odd }));
    for (const line of csv.slice(1).split("\r\n").slice(1, -1)) {
      const cells = line.split(";");
      for (const c of cells) expect(c.replace(/^"/, "")).not.toMatch(/^[=+@\t\r]/);
    }
    expect(csv).toContain(';"\'=1+2";');
    expect(csv).toContain(";-2;");
  });
});

describe("Markdown", () => {
  it("shows totals with a decimal comma in Kazakh and a point in English, rounded for display only", () => {
    expect(ratingMarkdown(buildReportView(input("kk")))).toContain(
      "| 1 | ▲ 1 | Түркістан қаласы | 91,33 | Жасыл аймақ |",
    );
    expect(ratingMarkdown(buildReportView(input("en")))).toContain("| 1 | ▲ 1 | Turkistan city | 91.33 | Green zone |");
  });

  it("marks missing and not-applicable indicators in words", () => {
    const md = ratingMarkdown(buildReportView(input("en")));
    expect(md).toContain("| 3 | Sairam district | 26.67 | 26.67 | 0.00 (no data) |");
    expect(md).toContain("| 1 | Turkistan city | 40.00 | 20.00 | 20.00 | not applicable |");
  });

  it("escapes Markdown in names", () => {
    const odd = {
      ...fixtureRuleset,
      units: fixtureRuleset.units.map((u) => (u.id === "keles" ? { ...u, name: { kk: "Келес | *аудан*" } } : u)),
    };
    const md = ratingMarkdown(buildReportView({ ...input("kk"), ruleset: odd }));
    expect(md).toContain("Келес \\| \\*аудан\\*");
  });
});

describe("HTML", () => {
  const html = ratingHtml(buildReportView(input("en")));

  it("loads nothing from elsewhere and runs no scripts", () => {
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=/i);
    const urls = html.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(["http://www.w3.org/2000/svg"]));
    expect(html).toContain("default-src 'none'");
  });

  it("embeds the manifest in a comment that reads back", () => {
    expect(readManifestComment(html)).toEqual(buildManifest(input("en")));
  });

  it("keeps a manifest with -- in a path a valid comment", () => {
    const tricky = { ...input("en"), dataFiles: [{ path: "data/q--2-->.csv", sha256: "c".repeat(64) }] };
    const text = ratingHtml(buildReportView(tricky));
    const comment = /<!-- tarazy-manifest .*? -->/s.exec(text)?.[0] ?? "";
    expect(comment.slice(4, -3)).not.toContain("--");
    expect(readManifestComment(text)?.dataFiles[0]?.path).toBe("data/q--2-->.csv");
  });

  it("escapes names from the rule files", () => {
    const odd = {
      ...fixtureRuleset,
      units: fixtureRuleset.units.map((u) =>
        u.id === "keles" ? { ...u, name: { kk: '<b onclick="x">Келес</b>' } } : u,
      ),
    };
    const text = ratingHtml(buildReportView({ ...input("kk"), ruleset: odd }));
    expect(text).not.toContain("<b onclick");
    expect(text).toContain("&lt;b onclick=&quot;x&quot;&gt;Келес&lt;/b&gt;");
  });

  it("draws one bar per unit, one heat cell per unit and block, and a trend line per unit", () => {
    expect(html.match(/<g class="bar"/g)).toHaveLength(4);
    expect(html.match(/<td class="heat"/g)).toHaveLength(8);
    expect(html.match(/<g class="trend"/g)).toHaveLength(4);
  });

  it("colours a heat cell by the share of the block's weight: sairam's 26.67 of 60", () => {
    const cell =
      /<tr><td class="num">3<\/td><th scope="row">Sairam district<\/th><td class="heat" data-share="([^"]+)"/.exec(
        html,
      );
    expect(Number(cell?.[1])).toBeCloseTo(26.666666666666664 / 60, 12);
  });

  it("leaves out the trend chart for a single period", () => {
    const single = ratingHtml(buildReportView(input("en", [q2])));
    expect(single).not.toContain('class="chart rank-trend"');
    expect(single).toContain('class="chart bar-chart"');
  });
});

describe("JSON", () => {
  it("holds the manifest and the results exactly, in period order", () => {
    const parsed = JSON.parse(ratingJson(buildReportView(input("en")))) as { manifest: unknown; periods: unknown[] };
    expect(parsed.manifest).toEqual(buildManifest(input("en")));
    expect(parsed.periods).toEqual([q1, q2]);
  });
});

describe("ties and grades as scoring may give them", () => {
  // Shared ties give half ranks; a total below every grade's min gives the empty grade id.
  const [a, b, c, d] = q2.results;
  if (!a || !b || !c || !d) throw new Error("fixture");
  const tied: RatingResult = {
    ...q2,
    results: [a, { ...b, rank: 2.5, rankChange: 0.5 }, { ...c, rank: 2.5, rankChange: -1.5 }, { ...d, grade: "" }],
  };

  it("shows a shared rank with the language's decimal mark and a dash for no grade", async () => {
    const view = buildReportView({ ...input("ru"), results: [tied] });
    const md = ratingMarkdown(view);
    expect(md).toContain("| 2,5 | ▲ 0,5 | г. Кентау | 79,00 | Жёлтая зона |");
    expect(md).toContain("| 2,5 | ▼ 1,5 | Сайрамский район | 66,67 | Жёлтая зона |");
    expect(md).toContain("| 4 | = | Келесский район | 41,00 | — |");
    expect(checkReportInput({ ...input("ru"), results: [tied] })).toEqual([]);
  });
});

describe("rating.json against the rating-result schema", () => {
  it("holds only results the schema accepts", () => {
    const schema = JSON.parse(
      readFileSync(fileURLToPath(new URL("../../schema/rating-result.schema.json", import.meta.url)), "utf8"),
    );
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(schema);
    const parsed = JSON.parse(ratingJson(buildReportView(input("en")))) as { periods: unknown[] };
    for (const period of parsed.periods) expect(validate(period), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(parsed.periods)).toBe(true);
  });
});
