import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ObservationFrame } from '../../../../src/lib/protocol/observations.js';
import { calendarOf, NO_INDICES } from './index-calendar.js';
import { runScenario, type Scenario } from './scenario.js';
import { ENGINE_DEFAULTS, SessionStream, type EngineSettings } from './session-engine.js';

const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);
const box: [number, number, number, number] = [0.4, 0.5, 0.45, 0.7];

/** Frames at `fps` from `fromS` to `toS` seconds with one person in `zone`. */
function frames(fromS: number, toS: number, person: { zone: string | null; moving: boolean; trackId?: number }) {
  const out: ObservationFrame[] = [];
  for (let t = fromS * 1000; t < toS * 1000; t += 100) {
    out.push({
      ts: T0 + t,
      tracks: [{ trackId: person.trackId ?? 1, box, zoneId: person.zone, motion: 0, moving: person.moving }],
    });
  }
  return out;
}
const empty = (fromS: number, toS: number) =>
  Array.from({ length: (toS - fromS) * 10 }, (_, k) => ({ ts: T0 + fromS * 1000 + k * 100, tracks: [] }));

function stream(settings: Partial<EngineSettings> = {}, calendar = NO_INDICES) {
  const s = new SessionStream('CAM01', { ...ENGINE_DEFAULTS, ...settings }, calendar);
  s.startRun(1);
  return s;
}

describe('session stream', () => {
  it('keeps a still person active for the idle threshold, then idle until they move', () => {
    const s = stream();
    for (const f of [
      ...frames(0, 10, { zone: 'Z01', moving: true }),
      ...frames(10, 100, { zone: 'Z01', moving: false }),
      ...frames(100, 110, { zone: 'Z01', moving: true }),
    ])
      s.apply(f);
    const [open] = s.open();
    // Moved last at 9.9 s: active until 69.9 s, idle until it moves at 100 s, then active again.
    expect(open!.activeMs).toBe(69_900 + 9_900);
    expect(open!.idleMs).toBe(30_100);
    const { rows } = s.drain();
    const idleRows = rows.filter((r) => r.state === 'idle');
    expect(idleRows.reduce((a, r) => a + r.idleSeconds, 0)).toBe(30);
    expect(idleRows.at(-1)!.timestampMs).toBe(T0 + 100_000);
  });

  it('names a session with the confidence it was named by, and goes anonymous when unlinked', () => {
    const s = stream();
    const named = frames(0, 3, { zone: 'Z01', moving: true }).map((f) => ({
      ...f,
      tracks: f.tracks.map((t) => ({
        ...t,
        workerId: 'W1',
        identityConfidence: 0.83,
        identitySource: 'face' as const,
      })),
    }));
    for (const f of named) s.apply(f);
    expect(s.open()[0]).toMatchObject({ workerId: 'W1', identityConfidence: 0.83, identitySource: 'face' });
    s.unlinkTrack(1);
    for (const f of frames(3, 10, { zone: 'Z01', moving: true })) s.apply(f);
    expect(s.open()[0]).toMatchObject({ workerId: null, identityConfidence: null, identitySource: null });
    const { rows } = s.drain();
    // Time before the unlink keeps the name it had; after it, none.
    expect(rows.filter((r) => r.workerId === 'W1').reduce((a, r) => a + r.activeSeconds, 0)).toBe(3);
    expect(rows.at(-1)!.workerId).toBeNull();
  });

  it('cuts rows at least every logEveryMs whose seconds sum to the session totals', () => {
    const s = stream({ logEveryMs: 5000 });
    for (const f of [...frames(0, 47, { zone: 'Z01', moving: true }), ...empty(47, 60)]) s.apply(f);
    const { rows, sessions } = s.drain();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.status).toBe('completed');
    expect(sessions[0]!.exitMs).toBe(T0 + 46_900);
    expect(rows.reduce((a, r) => a + r.activeSeconds, 0)).toBe(Math.round(sessions[0]!.activeMs / 1000));
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]!.timestampMs - rows[i - 1]!.timestampMs).toBeLessThanOrEqual(5100);
  });

  it('closes after the grace period without sightings, exiting at the last one', () => {
    const s = stream({ graceMs: 3000 });
    for (const f of [...frames(0, 10, { zone: 'Z01', moving: true }), ...empty(10, 12)]) s.apply(f);
    expect(s.open()).toHaveLength(1);
    for (const f of empty(12, 14)) s.apply(f);
    const { sessions } = s.drain();
    expect(sessions.map((x) => [x.status, x.exitMs])).toEqual([['completed', T0 + 9_900]]);
  });

  it('ends a session once the person has been seen outside the zone for leaveAfterMs', () => {
    const s = stream({ leaveAfterMs: 1000 });
    for (const f of [
      ...frames(0, 10, { zone: 'Z01', moving: true }),
      ...frames(10, 10.5, { zone: null, moving: true }),
    ])
      s.apply(f);
    expect(s.open()).toHaveLength(1);
    for (const f of frames(10.5, 12, { zone: 'Z02', moving: true })) s.apply(f);
    const open = s.open();
    expect(open.map((x) => x.zoneId)).toEqual(['Z02']);
    const closed = s.drain().sessions.find((x) => x.zoneId === 'Z01')!;
    expect(closed.exitMs).toBe(T0 + 9_900);
    expect(closed.activeMs).toBe(9_900);
  });

  it('lets a new track where a person was just lost take over their session', () => {
    const s = stream();
    for (const f of [
      ...frames(0, 10, { zone: 'Z01', moving: true, trackId: 1 }),
      ...empty(10, 13),
      ...frames(13, 20, { zone: 'Z01', moving: true, trackId: 7 }),
    ])
      s.apply(f);
    const open = s.open();
    expect(open).toHaveLength(1);
    expect(open[0]!.trackId).toBe(7);
    expect(open[0]!.activeMs).toBe(19_900);
  });

  it('interrupts open sessions when the kiosk starts a new run', () => {
    const s = stream();
    for (const f of frames(0, 5, { zone: 'Z01', moving: true })) s.apply(f);
    s.startRun(2);
    expect(s.drain().sessions.map((x) => x.status)).toEqual(['interrupted']);
  });

  it('refuses frames older than the last one', () => {
    const s = stream();
    s.apply({ ts: T0 + 1000, tracks: [] });
    expect(() => s.apply({ ts: T0 + 999, tracks: [] })).toThrow(RangeError);
  });

  it('resumes from a snapshot exactly where an uninterrupted stream would be', () => {
    const all = [...frames(0, 30, { zone: 'Z01', moving: true }), ...frames(30, 120, { zone: 'Z01', moving: false })];
    const whole = stream();
    for (const f of all) whole.apply(f);
    const first = stream();
    for (const f of all.slice(0, 500)) first.apply(f);
    const firstRows = first.drain().rows;
    const resumed = new SessionStream(
      'CAM01',
      ENGINE_DEFAULTS,
      NO_INDICES,
      JSON.parse(JSON.stringify(first.snapshot())),
    );
    for (const f of all.slice(500)) resumed.apply(f);
    expect([...firstRows, ...resumed.drain().rows]).toEqual(whole.drain().rows);
  });

  it('cuts rows at index edges and gives break time no index', () => {
    const plan = {
      date: '2026-01-05',
      shift: { startMs: T0, endMs: T0 + 60_000 },
      indices: [
        { index: 1, segments: [{ startMs: T0, endMs: T0 + 20_000 }] },
        { index: 2, segments: [{ startMs: T0 + 30_000, endMs: T0 + 60_000 }] },
      ],
      breaks: [{ startMs: T0 + 20_000, endMs: T0 + 30_000 }],
    };
    const s = stream({ logEveryMs: 60_000 }, calendarOf([plan]));
    for (const f of [...frames(0, 40, { zone: 'Z01', moving: true }), ...empty(40, 50)]) s.apply(f);
    const byIndex = new Map<number | null, number>();
    for (const r of s.drain().rows) byIndex.set(r.indexNumber, (byIndex.get(r.indexNumber) ?? 0) + r.activeSeconds);
    expect(Object.fromEntries(byIndex)).toEqual({ 1: 20, null: 10, 2: 10 });
  });
});

describe('scripted scenarios (eval:sessions)', () => {
  const scenarios = JSON.parse(readFileSync('bench/session-scenarios.json', 'utf8')) as Scenario[];
  it.each(scenarios.map((s) => [s.name, s] as const))('%s: within 1 % and 2 s of the truth', (_name, sc) => {
    const r = runScenario(sc);
    expect(r.activeErrorPct).toBeLessThanOrEqual(1);
    expect(r.idleErrorPct).toBeLessThanOrEqual(1);
    expect(r.maxDwellErrorS).toBeLessThanOrEqual(2);
    for (const s of r.sessions) expect(s.engine.sessions).toBe(1);
  });
});
