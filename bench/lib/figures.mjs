// The run's figures, gathered over the interleaved rounds: medians, within-round ratios with
// their spread, and formatting shared by the report's sections.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/// [median, lowest, highest] of per-round values.
export const spread = (xs) => [median(xs), Math.min(...xs), Math.max(...xs)];
export const fmt = (x, d = 1) => (x == null || Number.isNaN(x) ? "–" : x.toFixed(d));
export const kb = (b) => (b / 1024).toFixed(1);
/// "median (lowest–highest)" of a spread; a single round shows its one value.
export const span = (s) => (s == null ? "–" : s[1] === s[2] ? s[0].toFixed(2) : `${s[0].toFixed(2)} (${s[1].toFixed(2)}–${s[2].toFixed(2)})`);
export const verdict = (ok, by) => (ok ? "met" : `**not met**${by ? `, ${by}` : ""}`);

/// Frame-time rows of every round, read by case: `{data, size, page, kind}`.
export class Frames {
  constructor(rounds) {
    this.rounds = rounds;
  }

  find(rows, data, size, page, kind) {
    return rows.find((x) => x.data === data && x.size === size && x.page === page && x.kind === kind);
  }

  /// The cases of the run, in the order measured: `[{data, size, kind, labels}]`.
  cases() {
    const out = [];
    for (const r of this.rounds[0].rows) {
      if (!out.some((c) => c.data === r.data && c.size === r.size && c.kind === r.kind)) out.push({ data: r.data, size: r.size, kind: r.kind, labels: r.labels });
    }
    return out;
  }

  /// Pages measured in a case.
  pages(c) {
    return this.rounds[0].rows.filter((r) => r.data === c.data && r.size === c.size && r.kind === c.kind).map((r) => r.page);
  }

  /// `{p50, p95, max}` of a page in a case: medians over the rounds (max: the largest seen).
  stat(c, page) {
    const same = this.rounds.map(({ rows }) => this.find(rows, c.data, c.size, page, c.kind)).filter(Boolean);
    if (!same.length) return null;
    return { p50: median(same.map((x) => x.p50)), p95: median(same.map((x) => x.p95)), max: Math.max(...same.map((x) => x.max)) };
  }

  /// Ours ÷ `page` for `stat` (p50, p95) taken within each round: a spread, or null.
  ratio(c, page, stat) {
    const rs = [];
    for (const { rows } of this.rounds) {
      const a = this.find(rows, c.data, c.size, "ours", c.kind), b = this.find(rows, c.data, c.size, page, c.kind);
      if (a && b) rs.push(a[stat] / b[stat]);
    }
    return rs.length ? spread(rs) : null;
  }
}
