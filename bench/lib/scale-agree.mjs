/**
 * Whether two ratings of the scale case agree: every unit's total and block points to 1e-9 (relative to the
 * scale), rank and grade. `tarazy` is the CLI's RatingResult JSON, `other` a peer's {results: [...]}; a
 * peer's blocks are {id: points}, the CLI's {id: {score}}. Returns the problems found (empty: they agree).
 */
export function disagreements(tarazy, other, scale) {
  const theirs = new Map(other.results.map((r) => [r.unit, r]));
  const problems = [];
  const far = (a, b) => !(Math.abs(a - b) <= 1e-9 * scale);
  for (const r of tarazy.results) {
    const o = theirs.get(r.unit);
    if (!o) {
      problems.push(`${r.unit}: missing`);
      continue;
    }
    if (far(r.score, o.score)) problems.push(`${r.unit}: total ${r.score} vs ${o.score}`);
    if (r.rank !== o.rank) problems.push(`${r.unit}: rank ${r.rank} vs ${o.rank}`);
    if (r.grade !== o.grade) problems.push(`${r.unit}: grade ${r.grade} vs ${o.grade}`);
    for (const [id, b] of Object.entries(r.blocks)) {
      const p = typeof o.blocks[id] === "number" ? o.blocks[id] : o.blocks[id]?.score;
      if (far(b.score, p)) problems.push(`${r.unit} ${id}: ${b.score} vs ${p}`);
    }
  }
  if (other.results.length !== tarazy.results.length + (tarazy.notRated?.length ?? 0))
    problems.push(`${other.results.length} units vs ${tarazy.results.length} rated`);
  return problems;
}
