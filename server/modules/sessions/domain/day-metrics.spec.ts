import { describe, expect, it } from 'vitest';
import { dayMetrics } from './day-metrics.js';
import { liveSession, zoneSummary } from './floor-summary.js';
import type { SessionRecord } from './session-engine.js';

describe('day metrics', () => {
  it('totals per zone and per index; time outside indices counts for the day only', () => {
    const m = dayMetrics([
      { zoneId: 'Z01', indexNumber: 1, activeSeconds: 300, idleSeconds: 100 },
      { zoneId: 'Z01', indexNumber: null, activeSeconds: 50, idleSeconds: 0 },
      { zoneId: 'Z02', indexNumber: 1, activeSeconds: 0, idleSeconds: 0 },
      { zoneId: 'Z02', indexNumber: 2, activeSeconds: 90, idleSeconds: 10 },
    ]);
    expect([m.activeSeconds, m.idleSeconds, m.productivityPct]).toEqual([440, 110, 80]);
    expect(m.zones).toEqual([
      { zoneId: 'Z01', activeSeconds: 350, idleSeconds: 100, productivityPct: 77.8 },
      { zoneId: 'Z02', activeSeconds: 90, idleSeconds: 10, productivityPct: 90 },
    ]);
    expect(m.indices.map((i) => [i.index, i.activeSeconds, i.productivityPct])).toEqual([
      [1, 300, 75],
      [2, 90, 90],
    ]);
    expect(dayMetrics([]).productivityPct).toBeNull();
  });
});

describe('floor summary', () => {
  const rec = (zoneId: string, state: 'active' | 'idle'): SessionRecord => ({
    sessionId: `${zoneId}-${state}-${Math.random()}`,
    cameraId: 'CAM01',
    zoneId,
    trackId: 1,
    workerId: null,
    identityConfidence: null,
    identitySource: null,
    idleSinceMs: null,
    entryMs: 0,
    lastInMs: 1000,
    exitMs: null,
    state,
    activeMs: 1400,
    idleMs: 0,
    indexNumber: 3,
    status: 'active',
    motion: 0,
    box: [0, 0, 1, 1],
  });
  it('counts people present and active per zone, listing empty zones too', () => {
    const open = [rec('Z01', 'active'), rec('Z01', 'idle'), rec('Z01', 'active')].map(liveSession);
    const zones = [
      { zoneId: 'Z01', name: 'Station 1', cameraId: 'CAM01', color: '#0072B2' },
      { zoneId: 'Z02', name: 'Station 2', cameraId: 'CAM01', color: '#E69F00' },
    ];
    expect(zoneSummary(zones, open).map((z) => [z.zoneId, z.present, z.activeNow, z.activePct])).toEqual([
      ['Z01', 3, 2, 67],
      ['Z02', 0, 0, null],
    ]);
    expect(open[0]).toMatchObject({ activeSeconds: 1, entryTime: '1970-01-01T00:00:00.000Z', indexNumber: 3 });
  });
});
