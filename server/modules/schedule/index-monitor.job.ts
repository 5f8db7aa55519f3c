import type { Logger } from 'pino';
import type { IndexStateDto } from '../../../src/lib/protocol/schedule.js';
import type { ScheduleService } from './schedule.service.js';
import type { EventBus } from '../../platform/events/event-bus.js';
import type { Clock } from '../../platform/domain/clock.js';
import { completionStatus } from './domain/completion.js';
import { planDay } from './domain/day-plan.js';
import { computeTimeline } from './domain/timeline.js';
import type { IndexRecordRepository } from './domain/ports.js';

// Look again at least this often, so edits to the schedule and clock jumps are picked up.
const MAX_SLEEP_MS = 60_000;

export interface IndexMonitorDeps {
  schedules: ScheduleService;
  records: IndexRecordRepository;
  clock: Clock;
  timeZone: string;
  log: Logger;
  events: Pick<EventBus, 'publish'>;
}

/**
 * Follows the day's indices. It wakes at the next boundary the plan names (not on a one-second
 * loop that could drift), broadcasts each change, and writes an index_records row when an index
 * ends. Time attribution itself does not depend on it: time_logs carry their index from timestamps.
 */
export function startIndexMonitor(deps: IndexMonitorDeps) {
  let timer: NodeJS.Timeout | null = null;
  let last: IndexStateDto | null = null;
  let stopped = false;

  async function recordIndex(date: string, index: number): Promise<void> {
    const plan = await deps.schedules.dayPlan(date);
    const i = plan?.indices.find((x) => x.index === index);
    if (!plan || !i) return;
    const { schedule } = await deps.schedules.get(date);
    const planned = planDay(date, computeTimeline(schedule), deps.timeZone).breaks;
    const scheduledStart = new Date(i.segments[0]!.startMs);
    const scheduledEnd = new Date(i.segments.at(-1)!.endMs);
    const totals = await deps.records.totals(index, scheduledStart, scheduledEnd);
    await deps.records.upsert({
      date,
      indexNumber: index,
      scheduledStart,
      scheduledEnd,
      totals,
      completionStatus: completionStatus(planned, plan, index, totals.lastAt?.getTime() ?? null),
    });
    deps.log.info(
      { component: 'index_monitor', date, index, workers: totals.workers },
      `index ${index} of ${date} recorded`,
    );
  }

  async function tick(): Promise<void> {
    if (stopped) return;
    let sleepMs = MAX_SLEEP_MS;
    try {
      const state = await deps.schedules.currentIndex();
      const changed =
        !last ||
        last.state !== state.state ||
        last.index !== state.index ||
        last.date !== state.date ||
        last.endsAt !== state.endsAt;
      if (changed) {
        // An index is over once we are no longer in it (nor in a break inside it).
        if (
          last?.index &&
          last.date &&
          (last.state === 'index' || last.state === 'break') &&
          (state.index !== last.index || state.date !== last.date)
        ) {
          await recordIndex(last.date, last.index);
        }
        last = state;
        deps.events.publish('index.changed', state);
      }
      if (state.nextChangeAt)
        sleepMs = Math.min(MAX_SLEEP_MS, Math.max(50, Date.parse(state.nextChangeAt) - deps.clock.now().getTime() + 5));
    } catch (err) {
      deps.log.warn({ component: 'index_monitor', err }, 'index monitor could not read the schedule');
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), sleepMs);
      timer.unref();
    }
  }

  void tick();
  return {
    /** Look again now (after a schedule edit or a break override). */
    poke(): void {
      if (timer) clearTimeout(timer);
      void tick();
    },
    current: () => last,
    recordIndex,
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
export type IndexMonitor = ReturnType<typeof startIndexMonitor>;
