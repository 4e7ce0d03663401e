import { describe, expect, test } from "vitest";
import { serverRuleCache } from "../src/rule-cache.js";

describe("the server's rule cache", () => {
  const env = { HOME: "/home/u" };
  const build = "tarazy-build:0123";
  test("on by default in a bundled build; off with cache: false, TARAZY_CACHE=off or an unbundled build", () => {
    expect(serverRuleCache(undefined, env, build)).toBeDefined();
    expect(serverRuleCache({ language: "kk" }, env, build)).toBeDefined();
    expect(serverRuleCache({ cache: true }, env, build)).toBeDefined();
    expect(serverRuleCache({ cache: false }, env, build)).toBeUndefined();
    expect(serverRuleCache(undefined, { ...env, TARAZY_CACHE: "off" }, build)).toBeUndefined();
    expect(serverRuleCache(undefined, env, "tarazy-build:unbundled")).toBeUndefined();
  });
});
