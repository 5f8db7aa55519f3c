import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../../../src/lib/shared/errors.js';
import { computeTimeline, formatDaySec, parseDaySec, SEED_SHIFT, type ShiftSpec } from './timeline.js';

const SEED = SEED_SHIFT;

function invariants(spec: ShiftSpec) {
  const t = computeTimeline(spec);
  const segments = t.indices.flatMap((i) => i.segments);
  for (let k = 1; k < segments.length; k++) expect(segments[k]!.start).toBeGreaterThanOrEqual(segments[k - 1]!.end);
  for (const s of segments) {
    for (const b of t.breaks) expect(s.end <= b.start || s.start >= b.end).toBe(true);
  }
  const covered = segments.reduce((sum, s) => sum + (s.end - s.start), 0);
  const breakSec = t.breaks.reduce((sum, b) => sum + (b.end - b.start), 0);
  expect(covered).toBe(t.workEnd - t.workStart - breakSec);
  for (const i of t.indices) expect(i.segments.reduce((sum, s) => sum + (s.end - s.start), 0)).toBe(i.netSeconds);
  return t;
}

describe('computeTimeline', () => {
  it("splits the seed's shift into 11 indices of 46 min 22 s (± 1 s rounding)", () => {
    const t = invariants(SEED);
    expect(t.indices).toHaveLength(11);
    for (const i of t.indices) expect(Math.abs(i.netSeconds - (46 * 60 + 22))).toBeLessThanOrEqual(1);
    expect(formatDaySec(t.indices[0]!.segments[0]!.start)).toBe('08:00:00');
    expect(formatDaySec(t.indices[10]!.segments.at(-1)!.end)).toBe('17:00:00');
  });

  it('pauses an index at a break and resumes it after', () => {
    const t = computeTimeline(SEED);
    const third = t.indices[2]!;
    expect(third.segments.map((s) => [formatDaySec(s.start), formatDaySec(s.end)])).toEqual([
      ['09:32:44', '10:00:00'],
      ['10:15:00', '10:34:05'],
    ]);
  });

  it('fixed mode: each index M net minutes, the last one ends at work end', () => {
    const t = invariants({ ...SEED, mode: 'fixed', fixedMinutes: 45 });
    expect(t.indices.slice(0, 10).every((i) => i.netSeconds === 45 * 60)).toBe(true);
    expect(t.indices[10]!.netSeconds).toBe(510 * 60 - 10 * 45 * 60);
  });

  it('a shift with lunch and two tea breaks', () => {
    const t = invariants({
      workStart: '07:30',
      workEnd: '16:30',
      breaks: [
        { start: '09:30', durationMin: 10 },
        { start: '12:00', durationMin: 60 },
        { start: '14:30', durationMin: 10 },
      ],
      indices: 8,
      mode: 'equal',
    });
    expect(t.indices.reduce((s, i) => s + i.netSeconds, 0)).toBe((540 - 80) * 60);
  });

  it.each([
    { name: 'end before start', spec: { ...SEED, workEnd: '07:00' }, field: 'workEnd' },
    { name: 'not a time', spec: { ...SEED, workStart: '8am' }, field: 'workStart' },
    {
      name: 'break outside the shift',
      spec: { ...SEED, breaks: [{ start: '18:00', durationMin: 15 }] },
      field: 'breaks[0].start',
    },
    {
      name: 'break running past work end',
      spec: { ...SEED, breaks: [{ start: '16:50', durationMin: 15 }] },
      field: 'breaks[0].start',
    },
    {
      name: 'overlapping breaks',
      spec: {
        ...SEED,
        breaks: [
          { start: '10:00', durationMin: 30 },
          { start: '10:15', durationMin: 15 },
        ],
      },
      field: 'breaks[1].start',
    },
    {
      name: 'zero-length break',
      spec: { ...SEED, breaks: [{ start: '10:00', durationMin: 0 }] },
      field: 'breaks[0].durationMin',
    },
    { name: 'more indices than minutes', spec: { ...SEED, indices: 600 }, field: 'indices' },
    { name: 'zero indices', spec: { ...SEED, indices: 0 }, field: 'indices' },
    { name: 'fixed without minutes', spec: { ...SEED, mode: 'fixed' as const }, field: 'fixedMinutes' },
    {
      name: 'fixed indices that overrun the shift',
      spec: { ...SEED, mode: 'fixed' as const, fixedMinutes: 60 },
      field: 'fixedMinutes',
    },
  ])('rejects $name, naming $field', ({ spec, field }) => {
    expect(() => computeTimeline(spec)).toThrow(InvalidInput);
    try {
      computeTimeline(spec);
    } catch (err) {
      expect((err as InvalidInput).field).toBe(field);
    }
  });

  it('parses and formats times of day', () => {
    expect(parseDaySec('08:00', 'x')).toBe(8 * 3600);
    expect(parseDaySec('23:59:59', 'x')).toBe(86399);
    expect(() => parseDaySec('24:00', 'x')).toThrow(InvalidInput);
    expect(formatDaySec(3661)).toBe('01:01:01');
  });
});
