import type {
  BreakOverrideInput,
  IndexStateDto,
  ScheduleInput,
  TimelineDto,
} from '../../../src/lib/protocol/schedule.js';
import type { EventBus } from '../../platform/events/event-bus.js';
import type { Clock } from '../../platform/domain/clock.js';
import { applyBreakOverrides, checkOverrideInShift, indexStateAt, planDay, type DayPlan } from './domain/day-plan.js';
import { factoryDate, factoryInstantMs, weekdayOf } from '../../platform/domain/factory-time.js';
import { computeTimeline, timelineJson } from './domain/timeline.js';
import { InvalidInput, NotFound } from '../../../src/lib/shared/errors.js';
import type { Cache } from '../../platform/cache.js';
import type { ScheduleRepository } from './domain/ports.js';

const CACHE_TTL_SEC = 24 * 3600;

export interface ScheduleDeps {
  repo: ScheduleRepository;
  cache: Cache;
  clock: Clock;
  timeZone: string;
  /** told whenever a day's plan may have changed, so the index monitor looks again */
  events: Pick<EventBus, 'publish'>;
}

interface Resolved {
  schedule: ScheduleInput;
  source: 'date' | 'template';
}

export function createScheduleService(deps: ScheduleDeps) {
  const { repo, cache, clock, timeZone } = deps;
  const cacheKey = (date: string) => `fs:schedule:${date}`;

  async function resolve(date: string): Promise<Resolved | null> {
    const cached = await cache.get<Resolved | { none: true }>(cacheKey(date));
    if (cached) return 'none' in cached ? null : cached;
    const stored = await repo.findByDate(date);
    let resolved: Resolved | null = null;
    if (stored) {
      const { timeline: _t, ...schedule } = stored;
      resolved = { schedule, source: 'date' };
    } else {
      const template = await repo.template(weekdayOf(date));
      if (template) resolved = { schedule: template, source: 'template' };
    }
    await cache.set(cacheKey(date), resolved ?? { none: true }, CACHE_TTL_SEC);
    return resolved;
  }

  async function plan(date: string): Promise<{ resolved: Resolved; plan: DayPlan } | null> {
    const resolved = await resolve(date);
    if (!resolved || !resolved.schedule.working) return resolved && { resolved, plan: emptyPlan(date) };
    const p = planDay(date, computeTimeline(resolved.schedule), timeZone);
    const overrides = await repo.overrides(date);
    p.breaks = applyBreakOverrides(
      p.breaks,
      overrides.map((o) => ({
        action: o.action as 'start' | 'end' | 'extend',
        atMs: o.at.getTime(),
        minutes: o.minutes,
      })),
    );
    return { resolved, plan: p };
  }

  function emptyPlan(date: string): DayPlan {
    const midnight = factoryInstantMs(date, 0, timeZone);
    return { date, shift: { startMs: midnight, endMs: midnight }, indices: [], breaks: [] };
  }

  const localTime = (ms: number) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).format(new Date(ms));
  const segment = (s: { startMs: number; endMs: number }) => ({
    start: localTime(s.startMs),
    end: localTime(s.endMs),
    startAt: new Date(s.startMs).toISOString(),
    endAt: new Date(s.endMs).toISOString(),
  });

  return {
    today: () => factoryDate(clock.now(), timeZone),

    async get(date: string): Promise<Resolved> {
      const r = await resolve(date);
      if (!r) throw new NotFound(`schedule for ${date}`);
      return r;
    },

    async timeline(date: string): Promise<TimelineDto> {
      const p = await plan(date);
      if (!p) throw new NotFound(`schedule for ${date}`);
      const t = p.resolved.schedule.working ? computeTimeline(p.resolved.schedule) : null;
      return {
        date,
        timeZone,
        working: p.resolved.schedule.working,
        source: p.resolved.source,
        schedule: p.resolved.schedule,
        indices: p.plan.indices.map((i, k) => ({
          index: i.index,
          segments: i.segments.map(segment),
          netMinutes: Math.round((t!.indices[k]!.netSeconds / 60) * 100) / 100,
          netSeconds: t!.indices[k]!.netSeconds,
        })),
        breaks: p.plan.breaks.map(segment),
      };
    },

    /** Validates (the timeline must compute), stores, audits and drops the cached copy. */
    async put(date: string, input: ScheduleInput, userId: string): Promise<TimelineDto> {
      const timeline = input.working ? timelineJson(computeTimeline(input)) : [];
      const before = await repo.findByDate(date);
      await repo.upsert(date, input, timeline);
      await repo.audit('schedules', before ? 'UPDATE' : 'INSERT', before, { date, ...input }, userId);
      await cache.del(cacheKey(date));
      deps.events.publish('schedule.changed', { date });
      return this.timeline(date);
    },

    async template(weekday: number): Promise<ScheduleInput> {
      const t = await repo.template(weekday);
      if (!t) throw new NotFound(`template for weekday ${weekday}`);
      return t;
    },

    async putTemplate(weekday: number, input: ScheduleInput, userId: string): Promise<ScheduleInput> {
      if (input.working) computeTimeline(input);
      const before = await repo.template(weekday);
      await repo.saveTemplate(weekday, input, userId);
      await repo.audit('schedule_templates', before ? 'UPDATE' : 'INSERT', before, { weekday, ...input }, userId);
      // Days that follow the template read it through the cache; they may be any date.
      for (let d = -1; d <= 14; d++) {
        const date = factoryDate(new Date(clock.now().getTime() + d * 86_400_000), timeZone);
        if (weekdayOf(date) === weekday) await cache.del(cacheKey(date));
      }
      deps.events.publish('schedule.changed', { date: this.today() });
      return input;
    },

    async currentIndex(): Promise<IndexStateDto> {
      const now = clock.now().getTime();
      const date = factoryDate(clock.now(), timeZone);
      const p = await plan(date);
      if (!p || !p.resolved.schedule.working) {
        const tomorrow = factoryInstantMs(factoryDate(new Date(now + 86_400_000), timeZone), 0, timeZone);
        return {
          date,
          state: 'day_off',
          index: null,
          total: 0,
          endsAt: null,
          remainingSec: null,
          nextChangeAt: new Date(tomorrow).toISOString(),
        };
      }
      const s = indexStateAt(p.plan, now);
      const endsMs = s.state === 'index' ? s.indexEndMs : s.state === 'break' ? s.breakEndMs : s.nextChangeMs;
      return {
        date,
        state: s.state,
        index: s.state === 'index' || s.state === 'break' ? s.index : null,
        total: s.total,
        endsAt: endsMs === null ? null : new Date(endsMs).toISOString(),
        remainingSec: endsMs === null ? null : Math.max(0, Math.round((endsMs - now) / 1000)),
        nextChangeAt: s.nextChangeMs === null ? null : new Date(s.nextChangeMs).toISOString(),
      };
    },

    /** The day's plan with overrides applied; null when there is no schedule or it is a day off. */
    async dayPlan(date: string): Promise<DayPlan | null> {
      const p = await plan(date);
      return p && p.resolved.schedule.working ? p.plan : null;
    },

    /** A supervisor starting, ending or extending a break now; audited. */
    async overrideBreak(input: BreakOverrideInput, userId: string): Promise<IndexStateDto> {
      const at = clock.now();
      const date = factoryDate(at, timeZone);
      const p = await plan(date);
      if (!p || !p.resolved.schedule.working) throw new InvalidInput('action', `${date} has no working schedule`);
      // Check the override applies before storing it.
      checkOverrideInShift(p.plan.shift, at.getTime());
      applyBreakOverrides(p.plan.breaks, [{ action: input.action, atMs: at.getTime(), minutes: input.minutes }]);
      await repo.addOverride({ date, action: input.action, at, minutes: input.minutes, reason: input.reason, userId });
      await repo.audit('break_overrides', 'INSERT', null, { date, at: at.toISOString(), ...input }, userId);
      deps.events.publish('schedule.changed', { date });
      return this.currentIndex();
    },
  };
}
export type ScheduleService = ReturnType<typeof createScheduleService>;
