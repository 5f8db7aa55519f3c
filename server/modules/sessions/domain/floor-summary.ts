import type { LiveSession, ZoneLive } from '../../../../src/lib/protocol/observations.js';
import type { SessionRecord } from './session-engine.js';

export interface ZoneInfo {
  zoneId: string;
  name: string;
  cameraId: string;
  color: string;
}

export function liveSession(s: SessionRecord): LiveSession {
  return {
    sessionId: s.sessionId,
    cameraId: s.cameraId,
    zoneId: s.zoneId,
    trackId: s.trackId,
    workerId: s.workerId,
    entryTime: new Date(s.entryMs).toISOString(),
    lastSeen: new Date(s.lastInMs).toISOString(),
    state: s.state,
    activeSeconds: Math.round(s.activeMs / 1000),
    idleSeconds: Math.round(s.idleMs / 1000),
    indexNumber: s.indexNumber,
    motion: s.motion,
    box: s.box,
  };
}

/** Per zone, who is there now and how many of them are active; every zone listed, empty ones too. */
export function zoneSummary(zones: readonly ZoneInfo[], open: readonly LiveSession[]): ZoneLive[] {
  return zones.map((z) => {
    const here = open.filter((s) => s.zoneId === z.zoneId);
    const activeNow = here.filter((s) => s.state === 'active').length;
    return {
      ...z,
      present: here.length,
      activeNow,
      activePct: here.length ? Math.round((activeNow / here.length) * 100) : null,
    };
  });
}
