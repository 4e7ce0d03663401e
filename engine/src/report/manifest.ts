import type { Lang } from "../model/ruleset.js";
import { ENGINE_VERSION } from "../version.js";
import { type DataFileHash, type ReportInput, sortByPeriod } from "./input.js";

/**
 * What a report was made from, so that anyone can reproduce it: the ruleset (id, version, content hash),
 * the rating and periods, the data files with their SHA-256, the language and the engine version.
 * There is deliberately no generation timestamp: the same inputs give byte-identical reports.
 */
export interface ReportManifest {
  readonly generator: { readonly name: "tarazy"; readonly version: string };
  readonly ruleset: { readonly id: string; readonly version: string; readonly hash: string };
  readonly rating: string;
  readonly periods: readonly string[];
  readonly language: Lang;
  readonly dataFiles: readonly DataFileHash[];
}

/** An output file listed in manifest.json, with its SHA-256 (the manifest inside a file cannot hash itself). */
export interface OutputFileHash {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** manifest.json: the manifest plus the files written beside it. */
export interface ManifestFile extends ReportManifest {
  readonly outputs: readonly OutputFileHash[];
}

export function buildManifest(input: ReportInput): ReportManifest {
  const results = sortByPeriod(input.results);
  const { ruleset } = input;
  return {
    generator: { name: "tarazy", version: input.engineVersion ?? ENGINE_VERSION },
    ruleset: { id: ruleset.id, version: ruleset.version, hash: ruleset.hash },
    rating: results[0]?.rating ?? "",
    periods: results.map((r) => r.period),
    language: input.lang,
    // Sorted so that the order the caller read the files in does not change the bytes.
    dataFiles: [...input.dataFiles]
      .map((f) => ({ path: f.path, sha256: f.sha256 }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

export function manifestFileJson(manifest: ReportManifest, outputs: readonly OutputFileHash[]): string {
  const file: ManifestFile = { ...manifest, outputs };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The manifest as JSON inside an HTML or Markdown comment: `--` may not appear in a comment, so it is
 * written as the JSON escape `-\u002d`, which reads back as the same string.
 */
export function manifestComment(manifest: ReportManifest): string {
  const json = JSON.stringify(manifest).replace(/--/g, "-\\u002d");
  return `<!-- tarazy-manifest ${json} -->`;
}

/** Reads the manifest back out of an HTML or Markdown report (for tests and tools). */
export function readManifestComment(text: string): ReportManifest | undefined {
  const m = /<!-- tarazy-manifest (\{.*?\}) -->/s.exec(text);
  return m?.[1] ? (JSON.parse(m[1]) as ReportManifest) : undefined;
}

/** The rating as a reader names it: its title in the report's language, with the id the manifest records. */
export function ratingName(manifest: Pick<ReportManifest, "rating">, view: { readonly title: string }): string {
  return view.title && view.title !== manifest.rating ? `${view.title} (${manifest.rating})` : manifest.rating;
}
