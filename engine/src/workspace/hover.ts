import { functionRegistry } from "../functions/registry.js";
import type { Lang, Ruleset } from "../model/ruleset.js";
import { rulesetEnvironment } from "../rules/environment.js";
import { type FileKind, type SchemaNode, schemaAtPath } from "../rules/schema.js";
import { schemaText } from "../rules/schema-text.js";
import type { RuleDocument } from "../rules/yaml-document.js";
import { pointerSegment } from "../rules/yaml-document.js";
import { positionContext } from "./at-position.js";
import {
  describeBinding,
  describeBlock,
  describeField,
  describeFunction,
  describeIndicator,
  describeUnit,
} from "./describe.js";
import { declarationKindAt, type ReferenceKind, referenceKindAt } from "./value-kinds.js";

export interface HoverInput {
  readonly document: RuleDocument;
  readonly offset: number;
  readonly lang: Lang;
  /** The ruleset the file belongs to, as far as it could be built (LoadResult.model). */
  readonly model?: Ruleset;
}

/** What hover shows: markdown, and the file offsets of the element it describes. */
export interface HoverContent {
  readonly markdown: string;
  readonly start: number;
  readonly end: number;
}

/** The description of what is at the offset: a formula name or function, a referenced element, a key. */
export function hoverAt(input: HoverInput): HoverContent | undefined {
  const { document, offset, lang, model } = input;
  const ctx = positionContext(document, offset);
  if (ctx.formula) {
    const { cursor, toFile } = ctx.formula;
    const token = cursor.token;
    if (!token || !["Identifier", "And", "Or", "Not"].includes(token.type)) return undefined;
    const next = cursor.tokens.find((t) => t.start >= token.end);
    const start = toFile(token.start);
    const end = toFile(token.end);
    const spec = functionRegistry.lookup(token.image);
    if (spec && (next?.type === "LParen" || token.type !== "Identifier"))
      return { markdown: describeFunction(spec, lang), start, end };
    // Inside score(x), x is a block or an indicator (in any formula, a level's own too): describe it.
    const scored =
      model && cursor.call?.name === "score"
        ? (describeElement("indicator", token.image, model, lang) ?? describeElement("block", token.image, model, lang))
        : undefined;
    if (scored) return { markdown: scored, start, end };
    const binding = model && rulesetEnvironment(model, "score").lookup(token.image);
    return binding ? { markdown: describeBinding(binding, model, lang), start, end } : undefined;
  }
  const yaml = ctx.yaml;
  if (yaml.onKey) {
    const key = document.text.slice(yaml.start, yaml.end).replace(/:$/, "").trim();
    if (!key || !ctx.kind) return undefined;
    const markdown = schemaMarkdown(ctx.kind, `${yaml.path}/${pointerSegment(key)}`, document.data, lang);
    return markdown ? { markdown, start: yaml.start, end: yaml.start + key.length } : undefined;
  }
  const scalar = ctx.scalar;
  if (!scalar) return undefined;
  const element =
    model && typeof scalar.value === "string"
      ? describeElement(
          referenceKindAt(ctx.kind, yaml.path) ?? declarationKindAt(ctx.kind, yaml.path),
          scalar.value,
          model,
          lang,
        )
      : undefined;
  const markdown =
    element ?? (ctx.kind ? schemaMarkdown(ctx.kind, yaml.path, document.data, lang, scalar.value) : undefined);
  return markdown ? { markdown, start: scalar.start, end: scalar.end } : undefined;
}

function describeElement(kind: ReferenceKind | undefined, id: string, model: Ruleset, lang: Lang): string | undefined {
  switch (kind) {
    case "block": {
      const block = model.blocks.find((b) => b.id === id);
      return block && describeBlock(block, lang);
    }
    case "indicator": {
      const indicator = model.blocks.flatMap((b) => b.indicators).find((i) => i.id === id);
      return indicator && describeIndicator(indicator, model, lang);
    }
    case "field": {
      const field = model.fields.find((f) => f.id === id);
      return field && describeField(field, lang);
    }
    case "unit": {
      const unit = model.units.find((u) => u.id === id || u.aliases.includes(id));
      return unit && describeUnit(unit, lang);
    }
    default:
      return undefined;
  }
}

/** The JSON Schema's description of a key or value (and of the chosen enum value), in the reader's language. */
export function schemaMarkdown(
  kind: FileKind,
  path: string,
  data: unknown,
  lang: Lang,
  value?: unknown,
): string | undefined {
  const nodes = schemaAtPath(kind, path, data);
  const lines: string[] = [];
  for (const node of nodes) {
    const description = typeof node.description === "string" ? schemaText(node.description, lang) : undefined;
    if (description && !lines.includes(description)) lines.push(description);
    const described = enumDescription(node, value, lang);
    if (described && !lines.includes(described)) lines.push(described);
  }
  return lines.length > 0 ? lines.join("\n\n") : undefined;
}

function enumDescription(node: SchemaNode, value: unknown, lang: Lang): string | undefined {
  if (!Array.isArray(node.enum) || !Array.isArray(node.enumDescriptions)) return undefined;
  const i = node.enum.indexOf(value);
  return i >= 0 ? `\`${String(value)}\`: ${schemaText(node.enumDescriptions[i], lang)}` : undefined;
}
