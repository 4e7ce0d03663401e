import type { FunctionRegistry } from "./registry.js";
import { functionRegistry } from "./registry.js";
import {
  displaySignature,
  EXAMPLE_PERIOD,
  EXAMPLE_UNIT,
  type Example,
  type FunctionKind,
  type FunctionSpec,
} from "./spec.js";

/**
 * docs/functions.md, rendered from the registry so the reference never drifts from the code (a test
 * compares the committed file with this output). The semantics section is written here, next to the
 * code it describes.
 */
export function renderFunctionReference(registry: FunctionRegistry = functionRegistry): string {
  const specs = registry.all();
  const out: string[] = [HEADER];
  out.push("## Contents\n");
  out.push(
    table(
      ["function", "kind", "what it gives"],
      specs.map((spec) => [
        `[\`${displaySignature(spec)}\`](#${spec.name})`,
        KIND_TITLES[spec.kind],
        spec.description.en,
      ]),
    ),
  );
  out.push("", SEMANTICS);
  for (const kind of Object.keys(KIND_TITLES) as FunctionKind[]) {
    const ofKind = specs.filter((s) => s.kind === kind);
    if (ofKind.length === 0) continue;
    out.push(`## ${KIND_TITLES[kind]}\n`, KIND_INTROS[kind], "");
    for (const spec of ofKind) out.push(renderFunction(spec));
  }
  return `${out.join("\n").trimEnd()}\n`;
}

const KIND_TITLES: Record<FunctionKind, string> = {
  pure: "Numbers",
  control: "Logic and missing values",
  time: "Time",
  "cross-unit": "Across units",
};

const KIND_INTROS: Record<FunctionKind, string> = {
  pure: "Numbers in, a number out. A missing argument makes the result missing, with that argument's reason; a result that is not a finite number (a square root of a negative, a logarithm of 0, an overflow) is missing with reason _domain_.",
  control: "These decide for themselves what a missing argument means, and evaluate only the arguments they need.",
  time: `Relative to the period being rated. \`prev\` and \`prev_year\` evaluate their whole argument in the shifted period; reaching before the first period of the data gives missing with reason _out-of-range_.`,
  "cross-unit":
    "Over the units rated together in the period (all 17 units of a district rating, for example). Units whose value is missing are skipped; if none is left the result is missing with reason _no-peers_. Each result is computed once per period, so rating many units stays fast.",
};

const HEADER = `# Formula functions

<!-- Generated from the function registry (engine/src/functions) by renderFunctionReference.
     Do not edit by hand: change the registry, then run
     UPDATE_DOCS=1 npx vitest run engine/test/functions/reference-doc.test.ts -->

Every function a formula can call, with its parameters, what it gives, and worked examples in Kazakh,
Russian and English. Function names are not case-sensitive (\`ROUND\` is \`round\`); field and indicator
names are. Each example rates the unit \`${EXAMPLE_UNIT}\` in ${EXAMPLE_PERIOD}, and its result is
shown as \`tarazy eval\` prints it; a test evaluates every example, so they are always true.
`;

const SEMANTICS = `## Values, operators and missing data

Formulas have three types: numbers, true/false values (boolean) and texts (string). \`missing\` is not a
type but a value of every type: an input with no data, an input reported as \`n/a\`, a division by zero,
or the word \`missing\` itself. A missing value always carries its reason, which \`tarazy eval\`,
\`tarazy explain\` and the editor show in words.

${table(
  ["operators", "operands", "result"],
  [
    ["`+ - * / ^`, unary `-`", "numbers", "number; missing if an operand is missing (the first one's reason)"],
    ["`= <>`", "two values of the same type", "true/false; missing if an operand is missing"],
    ["`< <= > >=`", "numbers", "true/false; missing if an operand is missing"],
    ["`and or not`", "true/false", "true/false, by the three-valued rules below"],
  ],
)}

- **Division by zero** gives missing with reason _division by zero_, naming the divisor: never
  Infinity or NaN. No result is ever NaN or Infinity: an overflow (1e308 * 10) is missing with reason
  _domain_.
- **Comparisons read numbers as a person does.** Binary arithmetic makes 4262.4 / 4736 * 100 equal to
  89.99999999999999; Tarazy, like Excel, compares numbers rounded to 15 significant digits, so
  \`4262.4 / 4736 * 100 >= 90\` is true. \`round\`, \`floor\` and \`ceil\` work on the same 15 digits. Nothing
  else is rounded: results keep full precision.
- **Three-valued logic.** A known answer is never lost to an unknown one:

${table(
  ["a", "b", "a and b", "a or b"],
  [
    ["true", "missing", "missing", "true"],
    ["false", "missing", "false", "missing"],
    ["missing", "missing", "missing (a's reason)", "missing (a's reason)"],
  ],
)}

\`not missing\` is missing. \`if(missing, a, b)\` is missing. To test for a missing value write
\`is_missing(x)\`; \`x = missing\` is always missing (the checker warns, F220). To replace a missing
value write \`coalesce(x, 0)\`.
`;

const LANGUAGES = [
  ["en", "English"],
  ["ru", "Русский"],
  ["kk", "Қазақша"],
] as const;

function renderFunction(spec: FunctionSpec): string {
  const out = [`### ${spec.name}\n`, `\`${displaySignature(spec)}\` gives ${typeWords(spec.result)}.\n`];
  for (const [lang, label] of LANGUAGES) out.push(`- **${label}:** ${spec.description[lang]}`);
  const rows = spec.parameters.map((p) => {
    const type = p.literals
      ? p.literals.map((w) => `"${w}"`).join(" or ")
      : p.fieldName
        ? "field name"
        : typeWords(p.type);
    const name = `${p.optional ? `[${p.name}]` : p.name}${spec.variadic && p === spec.parameters.at(-1) ? ", ..." : ""}`;
    return [name, type, p.description.en, p.description.ru, p.description.kk];
  });
  out.push("", table(["parameter", "type", "en", "ru", "kk"], rows), "", "Examples:", "");
  for (const example of spec.examples) out.push(renderExample(example));
  out.push("");
  return out.join("\n");
}

/** A Markdown table with padded columns, laid out as the project's formatter (biome) lays them out. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = (text: string) => [...text].length;
  const widths = header.map((h, i) => Math.max(3, width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c + " ".repeat((widths[i] ?? 0) - width(c))).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function typeWords(type: string): string {
  return type === "T" ? "the type of its values" : type === "any" ? "any type" : type;
}

function renderExample(example: Example): string {
  const inputs: string[] = [];
  const values = (record: Readonly<Record<string, unknown>>) =>
    Object.entries(record)
      .map(([name, v]) => `${name} = ${typeof v === "string" && v !== "n/a" ? JSON.stringify(v) : String(v)}`)
      .join(", ");
  if (example.given) inputs.push(values(example.given));
  for (const [period, record] of Object.entries(example.history ?? {})) inputs.push(`in ${period}: ${values(record)}`);
  for (const [unit, record] of Object.entries(example.peers ?? {})) inputs.push(`${unit}: ${values(record)}`);
  const given = inputs.length > 0 ? ` (given ${inputs.join("; ")})` : "";
  return `- \`${example.formula}\` → \`${example.result}\`${given}`;
}
