/**
 * Colours of the reports: grade colours from the ruleset (checked before they reach a style attribute),
 * the heat-map scale for shares 0..1, and a readable text colour on any background.
 */
export const FALLBACK_COLOR = "#9e9e9e";

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The grade colour as six-digit hex (#rrggbb), or the grey fallback for anything else. */
export function hexColor(color: string): string {
  const c = color.trim();
  if (!HEX.test(c)) return FALLBACK_COLOR;
  if (c.length === 4) return `#${[...c.slice(1)].map((d) => d + d).join("")}`.toLowerCase();
  return c.toLowerCase();
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(v ?? 0)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

/**
 * Red (0) through yellow (0.5) to green (1), ColorBrewer's RdYlGn ends: the same reading as the zones.
 * The numbers are always printed in the cells, so the scale never carries meaning alone.
 */
const HEAT_STOPS: readonly (readonly [number, string])[] = [
  [0, "#d73027"],
  [0.25, "#fc8d59"],
  [0.5, "#fee08b"],
  [0.75, "#91cf60"],
  [1, "#1a9850"],
];

export function heatColor(share: number): string {
  const s = Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0));
  for (let i = 1; i < HEAT_STOPS.length; i++) {
    const [hiAt, hiColor] = HEAT_STOPS[i] as readonly [number, string];
    const [loAt, loColor] = HEAT_STOPS[i - 1] as readonly [number, string];
    if (s <= hiAt) {
      const t = (s - loAt) / (hiAt - loAt);
      const lo = rgb(loColor);
      const hi = rgb(hiColor);
      return toHex(lo.map((v, k) => v + ((hi[k] ?? 0) - v) * t));
    }
  }
  return HEAT_STOPS[HEAT_STOPS.length - 1]?.[1] ?? FALLBACK_COLOR;
}

export const HEAT_GRADIENT: readonly (readonly [number, string])[] = HEAT_STOPS;

function luminance(hex: string): number {
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = rgb(hex).map(channel) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever contrasts more with the background (WCAG relative luminance). */
export function textColorOn(background: string): "#000000" | "#ffffff" {
  const l = luminance(hexColor(background));
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}
