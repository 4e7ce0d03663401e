import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { manifestDataFiles, rateCommandCore } from "../../src/cli/rating-session.js";
import { parsePeriod } from "../../src/data/period.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const districts = path.join(root, "rules/turkistan/districts");
const data = path.join(districts, "sample-data");
const period = parsePeriod("2026-Q2");

async function ratedFiles(hashData?: boolean) {
  const batch = await rateCommandCore({
    ruleset: districts,
    data: [data],
    periods: period ? [period] : [],
    cwd: root,
    ...(hashData === undefined ? {} : { hashData }),
  });
  const version = batch.rated[0]?.version;
  if (!version) throw new Error("nothing rated");
  return version;
}

describe("the data files' hashes", () => {
  it("are each file's sha-256 by default, as a report's manifest lists them", async () => {
    const version = await ratedFiles();
    expect(version.files.length).toBeGreaterThan(0);
    for (const f of manifestDataFiles(version)) {
      const bytes = readFileSync(path.resolve(root, f.path));
      expect(f.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });

  it("are not made for a rating that writes no manifest, and a manifest cannot be made without them", async () => {
    const version = await ratedFiles(false);
    expect(version.files.every((f) => f.sha256 === undefined)).toBe(true);
    expect(() => manifestDataFiles(version)).toThrow(/without its hash/);
  });
});
