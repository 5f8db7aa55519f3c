import { describe, expect, it } from 'vitest';
import { attributeToIndices, breakOverlapMs, type StateInterval } from './attribution.js';
import { applyBreakOverrides, checkOverrideInShift, indexStateAt, planDay } from './day-plan.js';
import { factoryDate, factoryInstantMs, weekdayOf } from '../../../platform/domain/factory-time.js';
import { computeTimeline, SEED_SHIFT } from './timeline.js';

const TZ = 'Asia/Bangkok';
const DATE = '2025-01-15';
const plan = planDay(DATE, computeTimeline(SEED_SHIFT), TZ);
/** Bangkok wall-clock time on the test date, as epoch ms. */
const at = (hhmmss: string) => {
  const [h, m, s] = hhmmss.split(':').map(Number);
  return factoryInstantMs(DATE, h! * 3600 + m! * 60 + (s ?? 0), TZ);
};

describe('factory time', () => {
  it('places Bangkok 08:00 at 01:00 UTC and knows the local date and weekday', () => {
    expect(new Date(at('08:00')).toISOString()).toBe('2025-01-15T01:00:00.000Z');
    expect(factoryDate(new Date('2025-01-15T18:30:00Z'), TZ)).toBe('2025-01-16');
    expect(weekdayOf('2025-01-15')).toBe(3);
  });

  it('handles a daylight-saving day elsewhere', () => {
    // Berlin springs forward at 02:00 on 2025-03-30: 08:00 local is 06:00 UTC.
    expect(new Date(factoryInstantMs('2025-03-30', 8 * 3600, 'Europe/Berlin')).toISOString()).toBe(
      '2025-03-30T06:00:00.000Z',
    );
  });
});

describe('indexStateAt', () => {
  it.each([
    { t: '07:59:59', expected: { state: 'before_shift' } },
    { t: '08:00', expected: { state: 'index', index: 1, total: 11 } },
    { t: '09:32:44', expected: { state: 'index', index: 3 } },
    { t: '10:05', expected: { state: 'break', index: null } },
    { t: '10:15', expected: { state: 'index', index: 3 } },
    { t: '16:59:59', expected: { state: 'index', index: 11 } },
    { t: '17:00', expected: { state: 'after_shift' } },
  ])('at $t', ({ t, expected }) => {
    expect(indexStateAt(plan, at(t))).toMatchObject(expected);
  });

  it('tells when to look again: the next boundary', () => {
    const s = indexStateAt(plan, at('09:50'));
    expect(s.nextChangeMs).toBe(at('10:00'));
    expect(s.state === 'index' && s.indexEndMs).toBe(at('10:34:05'));
  });
});

describe('break overrides', () => {
  it('ends a break early, extends one, and starts an unplanned one', () => {
    const early = applyBreakOverrides(plan.breaks, [{ action: 'end', atMs: at('10:10'), minutes: null }]);
    expect(early[0]).toEqual({ startMs: at('10:00'), endMs: at('10:10') });
    const longer = applyBreakOverrides(plan.breaks, [{ action: 'extend', atMs: at('10:12'), minutes: 5 }]);
    expect(longer[0]).toEqual({ startMs: at('10:00'), endMs: at('10:20') });
    const extra = applyBreakOverrides(plan.breaks, [{ action: 'start', atMs: at('13:00'), minutes: 10 }]);
    expect(extra).toHaveLength(3);
    expect(indexStateAt({ ...plan, breaks: extra }, at('13:05'))).toMatchObject({ state: 'break', index: 7 });
  });

  it.each([
    ['07:59', /not started/],
    ['17:00', /is over/],
  ])('refuses a break override at %s, outside the 08:00–17:00 shift', (time, message) => {
    expect(() => checkOverrideInShift(plan.shift, at(time))).toThrow(message);
  });

  it('accepts a break override while the shift runs', () => {
    expect(() => checkOverrideInShift(plan.shift, at('08:00'))).not.toThrow();
  });

  it('refuses to end a break when none is running', () => {
    expect(() => applyBreakOverrides(plan.breaks, [{ action: 'end', atMs: at('11:00'), minutes: null }])).toThrow(
      /no break/,
    );
  });
});

describe('attributeToIndices', () => {
  it('splits a session across an index boundary and a break; the seconds add up, none in the break', () => {
    // 09:20–10:40: active until 09:50, idle until 10:25, active again; crosses 09:32:44 (index 2→3),
    // the 10:00–10:15 break, and 10:34:05 (index 3→4).
    const intervals: StateInterval[] = [
      { state: 'active', startMs: at('09:20'), endMs: at('09:50') },
      { state: 'idle', startMs: at('09:50'), endMs: at('10:25') },
      { state: 'active', startMs: at('10:25'), endMs: at('10:40') },
    ];
    const shares = attributeToIndices(intervals, plan);
    expect(shares.map((s) => [s.index, s.activeMs / 1000, s.idleMs / 1000])).toEqual([
      [2, 12 * 60 + 44, 0],
      [3, 17 * 60 + 16 + 9 * 60 + 5, 10 * 60 + 10 * 60],
      [4, 5 * 60 + 55, 0],
    ]);
    const total = intervals.reduce((s, i) => s + i.endMs - i.startMs, 0);
    const inBreaks = intervals.reduce((s, i) => s + breakOverlapMs(i, plan.breaks), 0);
    expect(shares.reduce((s, x) => s + x.activeMs + x.idleMs, 0)).toBe(total - inBreaks);
    expect(inBreaks).toBe(15 * 60_000);
  });

  it('puts time outside the shift in no index', () => {
    const shares = attributeToIndices([{ state: 'active', startMs: at('16:50'), endMs: at('17:10') }], plan);
    expect(shares).toEqual([
      { index: 11, activeMs: 10 * 60_000, idleMs: 0 },
      { index: null, activeMs: 10 * 60_000, idleMs: 0 },
    ]);
  });
});
