import type { Indicator } from "../model/ruleset.js";

/**
 * The score methods' inverses (docs/audit.md, "What it takes"): the value of an indicator that gives a score
 * s in (0, 1], when the indicator's value is one field as reported, so that value is the raw input. Each is
 * the closed form of the method in engine/src/scoring/methods.ts solved for the value:
 * - achievement, higher: s = min(v / plan, cap) / cap → v = s · cap · plan (plan > 0);
 *   lower: s = min(plan / v, cap) / cap → v = plan / (s · cap) (plan > 0);
 * - goalposts, higher: s = (t(v) − t(min)) / (t(max) − t(min)) → v = t⁻¹(t(min) + s (t(max) − t(min)));
 *   lower: the same with 1 − s; t the identity or ln.
 * Undefined where the method has no such inverse (a plan of 0 or below; the other methods: bands move to
 * their thresholds, the cross-unit methods depend on the peers).
 */
export function inverseScore(indicator: Indicator, score: number, plan: number | undefined): number | undefined {
  const method = indicator.score;
  const higher = indicator.better === "higher";
  if (method.method === "achievement") {
    if (plan === undefined || !(plan > 0) || !(score > 0)) return undefined;
    return higher ? score * method.cap * plan : plan / (score * method.cap);
  }
  if (method.method === "goalposts") {
    const up = higher ? score : 1 - score;
    // The goalposts themselves exactly (min + (max − min) need not be max in binary).
    if (up === 1) return method.max;
    if (up === 0) return method.min;
    if (method.transform === "ln") {
      if (!(method.min > 0)) return undefined;
      const [a, b] = [Math.log(method.min), Math.log(method.max)];
      return Math.exp(a + up * (b - a));
    }
    return method.min + up * (method.max - method.min);
  }
  return undefined;
}

/** Whether the method has a closed-form inverse (for an indicator whose value is the field itself). */
export function invertible(indicator: Indicator): boolean {
  return indicator.score.method === "achievement" || indicator.score.method === "goalposts";
}
