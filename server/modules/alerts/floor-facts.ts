import type { IndexStateDto } from '../../../src/lib/protocol/schedule.js';
import type { FloorFacts } from './domain/rules.js';

/** Where the alert job reads the floor from; the app wires each to its module. */
export interface FloorSources {
  now(): Date;
  zones(): Promise<Omit<FloorFacts['zones'][number], 'present'>[]>;
  openSessions(): {
    sessionId: string;
    zoneId: string;
    workerId: string | null;
    state: 'active' | 'idle';
    idleMs: number;
    idleSinceMs: number | null;
  }[];
  cameras(): Promise<{ cameraId: string; name: string; online: boolean }[]>;
  kiosks(): Promise<{ kioskId: string; name: string; lastSeenMs: number | null }[]>;
  currentIndex(): Promise<IndexStateDto>;
  /** when the index began, epoch ms */
  indexStart(date: string, index: number): Promise<number | null>;
  /** active and idle seconds per zone and index since `from` */
  timeByZoneAndIndex(
    from: Date,
    to: Date,
  ): Promise<{ zoneId: string | null; indexNumber: number | null; activeSeconds: number; idleSeconds: number }[]>;
}

/** The floor's facts now, for the rules. */
export async function gatherFloorFacts(src: FloorSources): Promise<FloorFacts> {
  const at = src.now();
  const [zones, kiosks, index, cameras] = await Promise.all([
    src.zones(),
    src.kiosks(),
    src.currentIndex(),
    src.cameras(),
  ]);
  const sessions = src.openSessions();
  const present = new Map<string, number>();
  for (const s of sessions) present.set(s.zoneId, (present.get(s.zoneId) ?? 0) + 1);
  let productivity: FloorFacts['productivity'] = [];
  const start = index.state === 'index' && index.index !== null ? await src.indexStart(index.date, index.index) : null;
  if (start !== null && index.index !== null) {
    const rows = await src.timeByZoneAndIndex(new Date(start), at);
    productivity = rows
      .filter((r) => r.zoneId !== null && r.indexNumber === index.index)
      .map((r) => ({
        zoneId: r.zoneId!,
        pct:
          r.activeSeconds + r.idleSeconds > 0
            ? Math.round((100 * r.activeSeconds) / (r.activeSeconds + r.idleSeconds))
            : null,
        indexNumber: index.index!,
        elapsedSeconds: Math.round((at.getTime() - start) / 1000),
      }));
  }
  return {
    atMs: at.getTime(),
    working: index.state === 'index',
    indexNumber: index.state === 'index' ? index.index : null,
    zones: zones.map((z) => ({ ...z, present: present.get(z.zoneId) ?? 0 })),
    sessions: sessions.map((s) => ({
      sessionId: s.sessionId,
      zoneId: s.zoneId,
      workerId: s.workerId,
      state: s.state,
      idleSeconds: Math.round(s.idleMs / 1000),
      idleSinceMs: s.idleSinceMs,
    })),
    cameras,
    kiosks,
    productivity,
  };
}
