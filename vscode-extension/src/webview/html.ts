import { randomBytes } from "node:crypto";

/**
 * Webview documents: a strict content security policy (nothing from the network, scripts and styles only
 * with the page's nonce or from the extension's own media folder), VS Code's theme colours, and the
 * engine's report and methodology pages taken apart so their views can be shown under that policy.
 */

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

/** A fresh nonce for one page: 144 random bits, base64url. */
export function makeNonce(): string {
  return randomBytes(18).toString("base64url");
}

/** The policy: nothing by default; styles and scripts with the nonce or from the extension; images inline. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join("; ");
}

export interface PageParts {
  /** The page's own CSS (its <style> elements), to be given the nonce. */
  readonly css: string;
  /** The inside of its <body>, without scripts. */
  readonly body: string;
}

/** The styles and body of a complete HTML page (the engine's report or methodology), scripts removed. */
export function pageParts(html: string): PageParts {
  const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] ?? "").join("\n");
  const bodyMatch = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  const body = (bodyMatch?.[1] ?? html).replace(/<script[\s\S]*?<\/script>/gi, "");
  return { css, body };
}

/**
 * Moves style="..." attributes into classes of a stylesheet, since the policy forbids inline style
 * attributes: each distinct declaration list becomes one class (.tz-s0, .tz-s1, ...), in order of appearance.
 */
export function hoistInlineStyles(body: string): { body: string; css: string } {
  const classes = new Map<string, string>();
  const classOf = (style: string) => {
    let name = classes.get(style);
    if (!name) {
      name = `tz-s${classes.size}`;
      classes.set(style, name);
    }
    return name;
  };
  const out = body.replace(
    /<([a-zA-Z][\w:-]*)([^<>]*?)\sstyle="([^"]*)"([^<>]*)>/g,
    (_all, tag, before, style, after) => {
      const name = classOf(style);
      const attrs = `${before}${after}`;
      const withClass = /\sclass="/.test(attrs)
        ? attrs.replace(/\sclass="([^"]*)"/, (_m, list) => ` class="${list} ${name}"`)
        : `${attrs} class="${name}"`;
      return `<${tag}${withClass}>`;
    },
  );
  const css = [...classes].map(([style, name]) => `.${name} { ${unescapeAttribute(style)} }`).join("\n");
  return { body: out, css };
}

function unescapeAttribute(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export interface WebviewPage {
  readonly title: string;
  readonly lang: string;
  readonly nonce: string;
  readonly cspSource: string;
  /** Stylesheets of the extension (webview URIs). */
  readonly styleUris: readonly string[];
  /** Scripts of the extension (webview URIs), loaded with the nonce. */
  readonly scriptUris: readonly string[];
  /** CSS of the page itself, given the nonce. */
  readonly css: string;
  readonly body: string;
}

/** The complete webview document. */
export function webviewDocument(page: WebviewPage): string {
  const csp = contentSecurityPolicy(page.cspSource, page.nonce);
  return [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(page.lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    ...(page.css ? [`<style nonce="${page.nonce}">\n${page.css}\n</style>`] : []),
    ...page.styleUris.map((u) => `<link rel="stylesheet" href="${escapeHtml(u)}">`),
    "</head>",
    "<body>",
    page.body,
    ...page.scriptUris.map((u) => `<script nonce="${page.nonce}" src="${escapeHtml(u)}"></script>`),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
