import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { heatColor, hexColor, textColorOn } from "../../src/report/colors.js";
import { LABELS, label } from "../../src/report/labels.js";
import {
  formatNumber,
  formatPercent,
  formatShort,
  localNumber,
  plainNumber,
  totalDecimals,
} from "../../src/report/number-format.js";
import { periodLabel } from "../../src/report/period-label.js";
import { pinZipTimestamps } from "../../src/report/zip-timestamps.js";

const NBSP = "\u00a0";

describe("formatNumber", () => {
  it("rounds half away from zero as the number reads at 15 digits, not as the double is stored", () => {
    // 1.005 is stored as 1.00499999999999989...; toFixed(2) says 1.00, a person (and Excel) says 1.01.
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(formatNumber(1.005, "en")).toBe("1.01");
    expect(formatNumber(1.255, "en")).toBe("1.26");
    expect(formatNumber(-1.005, "en")).toBe("-1.01");
    expect(formatNumber((4262.4 / 4736) * 100, "en")).toBe("90.00");
    expect(formatNumber(0.125, "en")).toBe("0.13");
    expect(formatNumber(0.994999, "en")).toBe("0.99");
    expect(formatNumber(0.995, "en")).toBe("1.00");
  });

  it("writes a decimal comma and no-break-space groups in Kazakh and Russian, point and comma in English", () => {
    expect(formatNumber(1234567.891, "kk")).toBe(`1${NBSP}234${NBSP}567,89`);
    expect(formatNumber(1234567.891, "ru")).toBe(`1${NBSP}234${NBSP}567,89`);
    expect(formatNumber(1234567.891, "en")).toBe("1,234,567.89");
    expect(formatNumber(999.999, "en")).toBe("1,000.00");
  });

  it("never shows a negative zero, and handles tiny, huge and whole numbers", () => {
    expect(formatNumber(-0.001, "en")).toBe("0.00");
    expect(formatNumber(-0, "en")).toBe("0.00");
    expect(formatNumber(1e-20, "en")).toBe("0.00");
    expect(formatNumber(0.005, "en")).toBe("0.01");
    expect(formatNumber(0.0049, "en")).toBe("0.00");
    expect(formatNumber(1e21, "en", 0)).toBe("1,000,000,000,000,000,000,000");
    expect(formatNumber(42, "kk", 0)).toBe("42");
    expect(formatNumber(2.5, "en", 0)).toBe("3");
    expect(formatNumber(0.1234, "ru", 3)).toBe("0,123");
  });

  it("shows an en dash for a non-finite number rather than NaN", () => {
    expect(formatNumber(Number.NaN, "en")).toBe("–");
    expect(formatNumber(Number.POSITIVE_INFINITY, "kk")).toBe("–");
  });

  it("reproduces every number of cents exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (cents) => {
        const text = formatNumber(cents / 100, "en").replace(/,/g, "");
        const sign = cents < 0 ? "-" : "";
        const abs = Math.abs(cents);
        expect(text).toBe(`${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`);
      }),
    );
  });

  it("is never more than half a cent from the number", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const back = Number(formatNumber(x, "en").replace(/,/g, ""));
        expect(Math.abs(back - x)).toBeLessThanOrEqual(0.005 + Math.abs(x) * 1e-14);
      }),
    );
  });

  it("writes Kazakh as English with the separators swapped", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
        const en = formatNumber(x, "en");
        expect(formatNumber(x, "kk")).toBe(en.replace(/,/g, NBSP).replace(".", ","));
      }),
    );
  });
});

describe("other number forms", () => {
  it("formatShort drops trailing zeros", () => {
    expect(formatShort(60, "en")).toBe("60");
    expect(formatShort(26.666666, "ru")).toBe("26,67");
    expect(formatShort(0.5, "kk")).toBe("0,5");
    expect(formatShort(100.004, "en")).toBe("100");
  });

  it("formatPercent shows a share as a whole percentage", () => {
    expect(formatPercent(0.876, "en")).toBe("88%");
    expect(formatPercent(26.666666666666664 / 60, "ru")).toBe("44%");
  });

  it("plainNumber shows at most 15 significant digits, the number as Excel shows it", () => {
    expect(plainNumber(91.33333333333334)).toBe("91.3333333333333");
    expect(plainNumber(0.6400000000000001)).toBe("0.64");
    expect(plainNumber(7.448000000000001)).toBe("7.448");
    expect(plainNumber(89.99999999999999)).toBe("90");
    expect(plainNumber(-0)).toBe("0");
    expect(plainNumber(-1e-300 * 1e-300)).toBe("0");
    expect(localNumber(0.6400000000000001, "ru")).toBe("0,64");
    expect(localNumber(-2, "kk")).toBe("-2");
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = plainNumber(x);
        const digits = text
          .replace(/^-/, "")
          .replace(/e.*$/, "")
          .replace(".", "")
          .replace(/^0+/, "")
          .replace(/0+$/, "");
        expect(digits.length).toBeLessThanOrEqual(15);
        // Reads back as the number at 15 digits: nothing a reader sees is lost.
        expect(Number(text)).toBe(Number(x.toPrecision(15)) || 0);
      }),
    );
  });

  it("totals show the ranking's decimals, or more when the ruleset asks", () => {
    expect(totalDecimals({ ties: "competition" })).toBe(2);
    expect(totalDecimals({ round: 3, ties: "competition" })).toBe(3);
    expect(totalDecimals({ round: 3, ties: "competition", displayDecimals: 1 })).toBe(3);
    expect(totalDecimals({ round: 1, ties: "competition", displayDecimals: 4 })).toBe(4);
    // Two totals ranked apart on 3 decimals never show the same figure.
    expect(formatNumber(88.1234, "en", 3)).not.toBe(formatNumber(88.1244, "en", 3));
  });
});

describe("periodLabel", () => {
  it("names months, quarters and years in each language", () => {
    expect(periodLabel("2026-03", "kk")).toBe("2026 ж. наурыз");
    expect(periodLabel("2026-03", "ru")).toBe("март 2026 г.");
    expect(periodLabel("2026-03", "en")).toBe("March 2026");
    expect(periodLabel("2026-Q4", "kk")).toBe("2026 ж. IV тоқсан");
    expect(periodLabel("2026-Q4", "ru")).toBe("IV квартал 2026 г.");
    expect(periodLabel("2026-Q4", "en")).toBe("Q4 2026");
    expect(periodLabel("2026", "ru")).toBe("2026 г.");
    expect(periodLabel("someday", "en")).toBe("someday");
  });
});

describe("labels", () => {
  it("has every label in all three languages, with the same parameters", () => {
    for (const [key, text] of Object.entries(LABELS)) {
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(text.kk.trim(), key).not.toBe("");
      expect(text.ru.trim(), key).not.toBe("");
      expect(text.en.trim(), key).not.toBe("");
      expect(params(text.ru), key).toEqual(params(text.en));
      expect(params(text.kk), key).toEqual(params(text.en));
    }
  });

  it("fills parameters and leaves unknown ones visible", () => {
    expect(label("movedUp", "en", { n: 3 })).toBe("up 3");
    expect(label("movedUp", "ru", { n: 3 })).toBe("поднялся на 3");
    expect(label("movedUp", "kk")).toBe("{n} орынға көтерілді");
  });
});

describe("colours", () => {
  it("maps shares to the red-yellow-green scale, clamping outside 0..1", () => {
    expect(heatColor(0)).toBe("#d73027");
    expect(heatColor(0.5)).toBe("#fee08b");
    expect(heatColor(1)).toBe("#1a9850");
    expect(heatColor(-3)).toBe("#d73027");
    expect(heatColor(7)).toBe("#1a9850");
    expect(heatColor(Number.NaN)).toBe("#d73027");
    // Halfway between #fee08b and #91cf60.
    expect(heatColor(0.625)).toBe("#c8d876");
  });

  it("accepts only hex grade colours, so nothing else reaches a style attribute", () => {
    expect(hexColor("#2E7D32")).toBe("#2e7d32");
    expect(hexColor("#abc")).toBe("#aabbcc");
    expect(hexColor("red;background:url(x)")).toBe("#9e9e9e");
  });

  it("chooses black on light and white on dark backgrounds", () => {
    expect(textColorOn("#f9a825")).toBe("#000000");
    expect(textColorOn("#2e7d32")).toBe("#ffffff");
    expect(textColorOn("#c62828")).toBe("#ffffff");
    expect(textColorOn("#fee08b")).toBe("#000000");
  });
});

describe("pinZipTimestamps", () => {
  it("refuses bytes that are not a zip file with a plain message", () => {
    expect(() => pinZipTimestamps(Buffer.from("not a zip at all, just some text here"))).toThrow(
      "not a zip file: no end of central directory record",
    );
  });
});
