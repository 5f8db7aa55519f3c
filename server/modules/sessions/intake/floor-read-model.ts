import type { FloorLive, LiveSession, ObservationFrame } from '../../../../src/lib/protocol/observations.js';
import type { OverlayBox } from '../../cameras/index.js';
import { liveSession, zoneSummary, type ZoneInfo } from '../domain/floor-summary.js';
import type { StreamRegistry } from './stream-registry.js';

/** What the floor looks like now, read from the engines: open sessions, zone counts, overlay boxes. */
export function createFloorReadModel(streams: StreamRegistry, nowMs: () => number) {
  /** each camera's most recent frame, for overlays drawn by the server */
  const latest = new Map<string, { receivedMs: number; tracks: ObservationFrame['tracks']; kioskId: string }>();

  function active(): LiveSession[] {
    return [...streams.all()].flatMap((s) => s.engine.open().map(liveSession));
  }

  return {
    active,
    /** The kiosk's latest frame of a camera, as it arrived. */
    recordFrame(kioskId: string, cameraId: string, tracks: ObservationFrame['tracks']): void {
      latest.set(cameraId, { receivedMs: nowMs(), tracks, kioskId });
    },
    /** The people in a camera's latest frame with their session state; empty when it is stale. */
    latestBoxes(cameraId: string, maxAgeMs = 2000): OverlayBox[] {
      const l = latest.get(cameraId);
      if (!l || nowMs() - l.receivedMs > maxAgeMs) return [];
      const open = streams.find(l.kioskId, cameraId)?.engine.open() ?? [];
      return l.tracks.map((t) => ({
        box: t.box,
        state: open.find((o) => o.trackId === t.trackId && o.zoneId === t.zoneId)?.state ?? 'outside',
      }));
    },
    floor(zones: readonly ZoneInfo[]): FloorLive {
      const sessions = active();
      return { at: new Date(nowMs()).toISOString(), zones: zoneSummary(zones, sessions), sessions };
    },
  };
}
