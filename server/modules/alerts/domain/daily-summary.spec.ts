import { describe, expect, it } from 'vitest';
import { buildDailySummary, summaryText, type DayFigures } from './daily-summary.js';

const figures: DayFigures = {
  date: '2026-01-05',
  zones: [
    { zoneId: 'Z01', name: 'Station 1' },
    { zoneId: 'Z02', name: 'Station 2' },
  ],
  time: [
    { zoneId: 'Z01', indexNumber: 1, activeSeconds: 2700, idleSeconds: 900 },
    { zoneId: 'Z01', indexNumber: 2, activeSeconds: 3000, idleSeconds: 600 },
    { zoneId: 'Z02', indexNumber: 1, activeSeconds: 1800, idleSeconds: 1800 },
    { zoneId: null, indexNumber: null, activeSeconds: 100, idleSeconds: 0 },
  ],
  workers: [
    { workerId: 'W001', name: 'Somchai', activeSeconds: 5700, idleSeconds: 1500 },
    { workerId: 'W002', name: 'Malee', activeSeconds: 1800, idleSeconds: 1800 },
    { workerId: 'W003', name: 'Lan', activeSeconds: 600, idleSeconds: 0 },
  ],
  anomalies: [
    { type: 'idle_too_long', count: 3 },
    { type: 'over_capacity', count: 1 },
  ],
  alerts: [
    { severity: 'warning', rule: 'idle_too_long', message: 'W002 idle for 320 s', raisedAt: '2026-01-05T03:00:00Z' },
  ],
};

describe('daily summary', () => {
  const s = buildDailySummary(figures);
  it('adds up work time and productivity per zone and index', () => {
    expect([s.workSeconds, s.activeSeconds, s.idleSeconds]).toEqual([10_900, 7600, 3300]);
    expect(s.productivityPct).toBe(69.7);
    expect(s.zones[0]).toMatchObject({ zoneId: 'Z01', productivityPct: 79.2 });
    expect(s.zones[0]!.indices.map((i) => [i.index, i.productivityPct])).toEqual([
      [1, 75],
      [2, 83.3],
    ]);
    expect(s.anomalies).toEqual({ total: 4, byType: { idle_too_long: 3, over_capacity: 1 } });
  });
  it('ranks only workers with half an hour or more, best and weakest apart', () => {
    expect(s.best.map((w) => w.workerId)).toEqual(['W001']);
    expect(s.weakest.map((w) => w.workerId)).toEqual(['W002']);
  });
  it('writes an e-mail with the digest of the other alerts', () => {
    const text = summaryText(s);
    expect(text).toMatch(/productivity 69.7 %/);
    expect(text).toMatch(/Station 1: 79.2 % \(#1 75 %, #2 83.3 %\)/);
    expect(text).toMatch(/Alerts below critical today \(1\):\n {2}2026-01-05T03:00:00Z warning idle_too_long/);
  });
});
