import { InvalidInput } from '../../../../src/lib/shared/errors.js';
import { factoryInstantMs } from '../../../platform/domain/factory-time.js';
import type { Timeline } from './timeline.js';

/** A span of time as epoch ms, start inclusive, end exclusive. */
export interface Span {
  startMs: number;
  endMs: number;
}

/** One day's indices and breaks as instants: what the monitor and the accounting work from. */
export interface DayPlan {
  date: string;
  shift: Span;
  indices: { index: number; segments: Span[] }[];
  /** breaks as they actually happen: the schedule's, moved by supervisors' overrides */
  breaks: Span[];
}

export interface BreakOverride {
  action: 'start' | 'end' | 'extend';
  /** when the supervisor pressed the button */
  atMs: number;
  /** for `start`: how long the break lasts; for `extend`: how much longer */
  minutes: number | null;
}

export function planDay(date: string, timeline: Timeline, timeZone: string): DayPlan {
  const at = (sec: number) => factoryInstantMs(date, sec, timeZone);
  return {
    date,
    shift: { startMs: at(timeline.workStart), endMs: at(timeline.workEnd) },
    indices: timeline.indices.map((i) => ({
      index: i.index,
      segments: i.segments.map((s) => ({ startMs: at(s.start), endMs: at(s.end) })),
    })),
    breaks: timeline.breaks.map((b) => ({ startMs: at(b.start), endMs: at(b.end) })),
  };
}

/** A supervisor moves breaks only while the shift runs: before it or after it there is no break to take. */
export function checkOverrideInShift(shift: Span, atMs: number): void {
  if (atMs < shift.startMs)
    throw new InvalidInput('action', 'the shift has not started yet', { key: 'shiftNotStarted' });
  if (atMs >= shift.endMs) throw new InvalidInput('action', 'the shift is over', { key: 'shiftOver' });
}

/**
 * Applies supervisors' overrides to the breaks, in the order they were made. `start` begins a break
 * now (ending an earlier one still running); `end` ends the running break now; `extend` lengthens
 * the running break, or the most recent one if it just ended. The index timeline itself does not
 * move: a longer break only means less time accrues in the index it falls in.
 */
export function applyBreakOverrides(breaks: readonly Span[], overrides: readonly BreakOverride[]): Span[] {
  let out = breaks.map((b) => ({ ...b }));
  for (const o of [...overrides].sort((a, b) => a.atMs - b.atMs)) {
    const running = out.find((b) => b.startMs <= o.atMs && o.atMs < b.endMs);
    if (o.action === 'start') {
      if (!o.minutes || o.minutes <= 0)
        throw new InvalidInput('minutes', 'a break needs a positive length', {
          key: 'positiveMinutes',
        });
      if (running) running.endMs = o.atMs;
      out.push({ startMs: o.atMs, endMs: o.atMs + o.minutes * 60_000 });
    } else if (o.action === 'end') {
      if (!running) throw new InvalidInput('action', 'no break is running', { key: 'noBreakRunning' });
      running.endMs = o.atMs;
    } else {
      if (!o.minutes || o.minutes <= 0)
        throw new InvalidInput('minutes', 'an extension needs a positive length', {
          key: 'positiveMinutes',
        });
      const target = running ?? out.filter((b) => b.endMs <= o.atMs).sort((a, b) => b.endMs - a.endMs)[0];
      if (!target) throw new InvalidInput('action', 'no break to extend', { key: 'noBreakToExtend' });
      target.endMs = Math.max(target.endMs, o.atMs) + o.minutes * 60_000;
    }
    out = mergeSpans(out.filter((b) => b.endMs > b.startMs));
  }
  return out;
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.startMs <= last.endMs) last.endMs = Math.max(last.endMs, s.endMs);
    else out.push({ ...s });
  }
  return out;
}

export type IndexState =
  | { state: 'before_shift'; total: number; nextChangeMs: number }
  | { state: 'index'; index: number; total: number; segmentEndMs: number; indexEndMs: number; nextChangeMs: number }
  | { state: 'break'; total: number; index: number | null; breakEndMs: number; nextChangeMs: number }
  | { state: 'after_shift'; total: number; nextChangeMs: null };

/**
 * Where the day stands at `nowMs`. Worked out from the plan each time, not counted up by a timer,
 * so it cannot drift; `nextChangeMs` says when to look again.
 */
export function indexStateAt(plan: DayPlan, nowMs: number): IndexState {
  const total = plan.indices.length;
  const b = plan.breaks.find((x) => x.startMs <= nowMs && nowMs < x.endMs);
  const idx = plan.indices.find((i) => i.segments.some((s) => s.startMs <= nowMs && nowMs < s.endMs));
  const boundaries = [
    plan.shift.startMs,
    plan.shift.endMs,
    ...plan.breaks.flatMap((x) => [x.startMs, x.endMs]),
    ...plan.indices.flatMap((i) => i.segments.flatMap((s) => [s.startMs, s.endMs])),
  ];
  const next = boundaries.filter((t) => t > nowMs).sort((x, y) => x - y)[0] ?? null;
  if (nowMs < plan.shift.startMs) return { state: 'before_shift', total, nextChangeMs: plan.shift.startMs };
  if (nowMs >= plan.shift.endMs) return { state: 'after_shift', total, nextChangeMs: null };
  if (b)
    return { state: 'break', total, index: idx?.index ?? null, breakEndMs: b.endMs, nextChangeMs: next ?? b.endMs };
  // Between shift start and end, outside breaks, every instant lies in an index segment.
  const i = idx!;
  const seg = i.segments.find((s) => s.startMs <= nowMs && nowMs < s.endMs)!;
  return {
    state: 'index',
    index: i.index,
    total,
    segmentEndMs: seg.endMs,
    indexEndMs: i.segments.at(-1)!.endMs,
    nextChangeMs: next ?? seg.endMs,
  };
}

/** The span of an index from its first segment's start to its last segment's end. */
export function indexSpan(plan: DayPlan, index: number): Span {
  const i = plan.indices.find((x) => x.index === index);
  if (!i) throw new InvalidInput('index', `day ${plan.date} has no index ${index}`);
  return { startMs: i.segments[0]!.startMs, endMs: i.segments.at(-1)!.endMs };
}
