import type { DayPlan } from '../../schedule/index.js';

/** Which work index an instant belongs to, as the session engine needs it: synchronously. */
export interface IndexCalendar {
  /** the index running at `ms`; null before or after the shift and during breaks */
  indexAt(ms: number): number | null;
  /** the first instant after `ms` at which `indexAt` may answer differently; Infinity if none */
  nextChangeAfter(ms: number): number;
}

export const NO_INDICES: IndexCalendar = { indexAt: () => null, nextChangeAfter: () => Infinity };

/**
 * A calendar over the given days' plans. Break time belongs to no index, the same rule as
 * `attributeToIndices`, so per-index sums over time_logs agree with the index records.
 */
export function calendarOf(plans: readonly DayPlan[]): IndexCalendar {
  const edges = [
    ...new Set(
      plans.flatMap((p) => [
        ...p.breaks.flatMap((b) => [b.startMs, b.endMs]),
        ...p.indices.flatMap((i) => i.segments.flatMap((s) => [s.startMs, s.endMs])),
      ]),
    ),
  ].sort((a, b) => a - b);
  const nextChangeAfter = (ms: number) => {
    // Edges are few (a day has tens), so a linear scan is cheaper than keeping a search tree.
    for (const e of edges) if (e > ms) return e;
    return Infinity;
  };
  const lookup = (ms: number) => {
    for (const p of plans) {
      if (p.breaks.some((b) => b.startMs <= ms && ms < b.endMs)) return null;
      const hit = p.indices.find((i) => i.segments.some((s) => s.startMs <= ms && ms < s.endMs));
      if (hit) return hit.index;
    }
    return null;
  };
  // Observations come in time order, so the span between two edges is asked about many times running.
  let cached = { from: Infinity, to: -Infinity, index: null as number | null };
  return {
    indexAt(ms) {
      if (ms >= cached.from && ms < cached.to) return cached.index;
      let from = -Infinity;
      for (const e of edges) if (e <= ms) from = e;
      cached = { from, to: nextChangeAfter(ms), index: lookup(ms) };
      return cached.index;
    },
    nextChangeAfter,
  };
}
