import type { IndexCalendar } from '../domain/index-calendar.js';
import { SessionStream, type EngineSettings } from '../domain/session-engine.js';
import type { StreamCursor } from '../domain/ports.js';

/** One kiosk camera's place in the intake: its engine, its batch cursor and what is not stored yet. */
export interface Stream {
  kioskId: string;
  cameraId: string;
  engine: SessionStream;
  lastSeq: number;
  committedSeq: number;
  /** server clock, ms */
  lastReceivedMs: number;
  dirty: boolean;
  /** track id → the worker its kiosk recognised, accepted for this run */
  named: Map<number, { workerId: string; similarity: number; source: 'face' | 'badge' }>;
}

export const streamKey = (kioskId: string, cameraId: string) => `${kioskId}\u0000${cameraId}`;

/** Every kiosk camera stream this process has seen or resumed from the store. */
export function createStreamRegistry(settings: EngineSettings, calendar: IndexCalendar) {
  const streams = new Map<string, Stream>();
  return {
    /** The stream, created on first sight or from its stored cursor. */
    get(kioskId: string, cameraId: string, nowMs: number, cursor?: StreamCursor): Stream {
      let s = streams.get(streamKey(kioskId, cameraId));
      if (!s) {
        s = {
          kioskId,
          cameraId,
          engine: new SessionStream(cameraId, settings, calendar, cursor?.state),
          lastSeq: cursor?.lastSeq ?? 0,
          committedSeq: cursor?.lastSeq ?? 0,
          lastReceivedMs: nowMs,
          dirty: false,
          named: new Map(),
        };
        streams.set(streamKey(kioskId, cameraId), s);
      }
      return s;
    },
    find(kioskId: string, cameraId: string): Stream | undefined {
      return streams.get(streamKey(kioskId, cameraId));
    },
    all(): IterableIterator<Stream> {
      return streams.values();
    },
  };
}
export type StreamRegistry = ReturnType<typeof createStreamRegistry>;
