import type { DayPlan, Span } from './day-plan.js';

/** A stretch of one session in one state, as the session engine records it. */
export interface StateInterval extends Span {
  state: 'active' | 'idle';
}

export interface IndexShare {
  /** null: outside every index (before or after the shift) */
  index: number | null;
  activeMs: number;
  idleMs: number;
}

/**
 * Splits a session's active and idle intervals over the day's indices. Time inside a break counts
 * for nothing (the schedule, not the camera, says when a worker may be away); every other
 * millisecond lands in exactly one index, or in `null` outside the shift, so the shares sum to the
 * session's time minus its break time.
 */
export function attributeToIndices(intervals: readonly StateInterval[], plan: DayPlan): IndexShare[] {
  const shares = new Map<number | null, IndexShare>();
  const add = (index: number | null, state: StateInterval['state'], ms: number) => {
    if (ms <= 0) return;
    const s = shares.get(index) ?? { index, activeMs: 0, idleMs: 0 };
    if (state === 'active') s.activeMs += ms;
    else s.idleMs += ms;
    shares.set(index, s);
  };
  for (const iv of intervals) {
    // Cut points: every index segment and break edge inside the interval.
    const cuts = new Set([iv.startMs, iv.endMs]);
    for (const i of plan.indices)
      for (const s of i.segments) for (const t of [s.startMs, s.endMs]) if (t > iv.startMs && t < iv.endMs) cuts.add(t);
    for (const b of plan.breaks) for (const t of [b.startMs, b.endMs]) if (t > iv.startMs && t < iv.endMs) cuts.add(t);
    const points = [...cuts].sort((a, b) => a - b);
    for (let k = 1; k < points.length; k++) {
      const [from, to] = [points[k - 1]!, points[k]!];
      if (plan.breaks.some((b) => b.startMs <= from && to <= b.endMs)) continue;
      const idx = plan.indices.find((i) => i.segments.some((s) => s.startMs <= from && to <= s.endMs));
      add(idx?.index ?? null, iv.state, to - from);
    }
  }
  return [...shares.values()].sort((a, b) => (a.index ?? Infinity) - (b.index ?? Infinity));
}

/** Milliseconds of `span` that fall inside breaks. */
export function breakOverlapMs(span: Span, breaks: readonly Span[]): number {
  return breaks.reduce(
    (sum, b) => sum + Math.max(0, Math.min(span.endMs, b.endMs) - Math.max(span.startMs, b.startMs)),
    0,
  );
}
