import { breakOverlapMs } from './attribution.js';
import type { DayPlan, Span } from './day-plan.js';

/**
 * How an index went. `incomplete`: nobody was seen working in it. `delayed`: breaks (overrides
 * included) took more of it than planned, or work was still logged after its planned end.
 * `on_time` otherwise.
 */
export function completionStatus(
  plannedBreaks: readonly Span[],
  plan: DayPlan,
  index: number,
  lastActivityMs: number | null,
): 'on_time' | 'delayed' | 'incomplete' {
  const i = plan.indices.find((x) => x.index === index);
  if (!i || lastActivityMs === null) return 'incomplete';
  const span = { startMs: i.segments[0]!.startMs, endMs: i.segments.at(-1)!.endMs };
  if (breakOverlapMs(span, plan.breaks) > breakOverlapMs(span, plannedBreaks)) return 'delayed';
  return lastActivityMs > span.endMs ? 'delayed' : 'on_time';
}
