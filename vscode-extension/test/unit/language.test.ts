import { describe, expect, it } from "vitest";
import { localized, nameLanguage } from "../../src/language.js";

describe("nameLanguage", () => {
  it("takes the setting when it names a language", () => {
    expect(nameLanguage("ru", "en")).toBe("ru");
    expect(nameLanguage("kk", "ru")).toBe("kk");
  });
  it("follows VS Code's display language when the setting is empty, with en for any other", () => {
    expect(nameLanguage("", "kk")).toBe("kk");
    expect(nameLanguage(undefined, "ru-RU")).toBe("ru");
    expect(nameLanguage("", "de")).toBe("en");
    expect(nameLanguage("fr", "zh-cn")).toBe("en");
  });
});

describe("localized", () => {
  it("falls back to Kazakh, then to any name", () => {
    expect(localized({ kk: "Сайрам", ru: "Сайрам ру", en: "Sairam" }, "en")).toBe("Sairam");
    expect(localized({ kk: "Сайрам" }, "ru")).toBe("Сайрам");
    expect(localized({ en: "Only" }, "kk")).toBe("Only");
    expect(localized(undefined, "kk")).toBe("");
  });
});
