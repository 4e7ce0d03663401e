/**
 * How the work is divided with Red Hat's YAML extension (redhat.vscode-yaml), which validates the rule files
 * against the JSON Schema named on their `# yaml-language-server: $schema=...` line. When it does, YAML
 * syntax and plain JSON Schema findings would be reported twice; Tarazy then leaves those to it and keeps
 * everything only Tarazy knows (formulas, names, weights, versions, tests). See vscode-extension/README.md.
 */

/** Engine codes that Red Hat's YAML extension reports too (in its own words): YAML syntax and JSON Schema. */
export const SHARED_WITH_YAML_EXTENSION: ReadonlySet<string> = new Set([
  "R010", // YAML syntax error
  "R011", // key given twice
  "R101", // unknown key
  "R102", // required key missing
  "R103", // wrong type of value
  "R104", // value not allowed
  "R105", // value in the wrong format
  "R106", // value out of range
  "R107", // list item repeated
]);

export type YamlDiagnosticsMode = "auto" | "tarazy" | "yaml";

/**
 * Whether Tarazy leaves YAML syntax and schema findings to the YAML extension: "yaml" always, "tarazy"
 * never, "auto" when that extension is installed and its validation (yaml.validate) is on.
 */
export function leaveToYamlExtension(
  mode: YamlDiagnosticsMode,
  yamlExtensionInstalled: boolean,
  yamlValidate: boolean | undefined,
): boolean {
  if (mode === "yaml") return true;
  if (mode === "tarazy") return false;
  return yamlExtensionInstalled && yamlValidate !== false;
}

/** The code of an LSP diagnostic (a string, a number, or { value, target }). */
export function diagnosticCode(code: unknown): string | undefined {
  if (typeof code === "string" || typeof code === "number") return String(code);
  if (code && typeof code === "object" && "value" in code) return String((code as { value: unknown }).value);
  return undefined;
}

/** The diagnostics Tarazy shows, given whether it leaves the shared ones to the YAML extension. */
export function keepDiagnostics<D extends { code?: unknown }>(diagnostics: readonly D[], leave: boolean): D[] {
  if (!leave) return [...diagnostics];
  return diagnostics.filter((d) => !SHARED_WITH_YAML_EXTENSION.has(diagnosticCode(d.code) ?? ""));
}
