import { functionRegistry } from "../functions/registry.js";
import { type FunctionSpec, parameterAt, signature } from "../functions/spec.js";
import type { Lang } from "../model/ruleset.js";
import type { RuleDocument } from "../rules/yaml-document.js";
import { positionContext } from "./at-position.js";
import { typeWord } from "./describe.js";

/** The signature of the function call around an offset, with the parameter being written. */
export interface SignatureInfo {
  /** As a person writes the call: `round(x, [digits])`. */
  readonly label: string;
  /** Markdown, in the reader's language. */
  readonly documentation: string;
  /** Each parameter's text within `label` (start, end offsets) and its description. */
  readonly parameters: readonly { readonly start: number; readonly end: number; readonly documentation: string }[];
  readonly activeParameter: number;
}

export function signatureAt(document: RuleDocument, offset: number, lang: Lang): SignatureInfo | undefined {
  const call = positionContext(document, offset).formula?.cursor.call;
  const spec = call && functionRegistry.lookup(call.name);
  if (!call || !spec) return undefined;
  // Inside a call the call form is what is written, also for and/or/not.
  const label = signature(spec);
  const parameters = parameterRanges(spec, label).map((r, i) => {
    const p = spec.parameters[i];
    return { ...r, documentation: p ? `(${typeWord(p.type, lang)}) ${p.description[lang]}` : "" };
  });
  const active = parameterAt(spec, call.argument);
  return {
    label,
    documentation: spec.description[lang],
    parameters,
    activeParameter: active ? spec.parameters.indexOf(active) : spec.parameters.length,
  };
}

/** Where each parameter's name sits in the printed signature. */
function parameterRanges(spec: FunctionSpec, label: string): { start: number; end: number }[] {
  let from = label.indexOf("(") + 1;
  return spec.parameters.map((p) => {
    const start = label.indexOf(p.name, from);
    from = start + p.name.length;
    return { start, end: start + p.name.length };
  });
}
