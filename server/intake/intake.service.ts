import type { Logger } from 'pino';
import type {
  FloorLive,
  HelloReply,
  LiveSession,
  ObservationAck,
  ObservationFrame,
} from '../../src/lib/protocol/observations.js';
import type { OverlayBox } from '../media/box-overlay.js';
import { MAX_SEQ_JUMP, ObservationBatch } from '../../src/lib/protocol/observations.js';
import type { Clock } from '../domain/clock.js';
import { matchFace, type EnrolledFace } from '../domain/identity/face-match.js';
import { factoryDate } from '../domain/schedule/factory-time.js';
import type { DayPlan } from '../domain/schedule/day-plan.js';
import { liveSession, zoneSummary, type ZoneInfo } from '../domain/sessions/floor-summary.js';
import { calendarOf, NO_INDICES, type IndexCalendar } from '../domain/sessions/index-calendar.js';
import {
  ENGINE_DEFAULTS,
  SessionStream,
  type EngineSettings,
  type SessionRecord,
  type TimeLogRow,
} from '../domain/sessions/session-stream.js';
import type { Cache } from '../store/cache.js';
import type { IngestCommit, IngestRepository, StreamCursor } from '../store/ingest.repository.js';

export interface IntakeSettings {
  graceMs: number;
  leaveAfterMs: number;
  idleThresholdMs: number;
  logEveryMs: number;
  /** how often accepted batches are stored (and `committedSeq` moves) */
  commitEveryMs: number;
  /** a camera stream silent this long (server clock) has its sessions interrupted */
  staleAfterMs: number;
  /** frames dated further ahead of the server's clock than this are refused */
  maxClockSkewMs: number;
  /** frames older than this (a kiosk's outbox after an outage, or a clock far behind) are refused */
  maxBacklogMs: number;
}

export interface IntakeDeps {
  repo: IngestRepository;
  /** zones with their camera and idle threshold, and the cameras that exist */
  loadZones(): Promise<(ZoneInfo & { idleThresholdSeconds: number; active: boolean })[]>;
  loadCameraIds(): Promise<string[]>;
  loadFaces(): Promise<EnrolledFace[]>;
  dayPlan(date: string): Promise<DayPlan | null>;
  cache: Cache;
  clock: Clock;
  timeZone: string;
  log: Logger;
  settings: IntakeSettings;
}

interface Stream {
  kioskId: string;
  cameraId: string;
  engine: SessionStream;
  lastSeq: number;
  committedSeq: number;
  lastReceivedMs: number;
  dirty: boolean;
  /** track id → worker named by their face, for this run */
  named: Map<number, string>;
}

export interface CommittedEvent {
  kioskId: string;
  cameraId: string;
  committedSeq: number;
}

const LIVE_KEY = 'fs:live:sessions';
const LIVE_TTL_SEC = 8 * 3600;
const REFRESH_MS = 30_000;

function fail(code: string, message: string): ObservationAck {
  return { ok: false, code, message };
}

/**
 * The server end of the kiosk → engine path. Batches are applied to the camera's session stream as
 * they arrive and acknowledged at once; every `commitEveryMs` the rows, session changes, engine
 * snapshots and batch cursors are stored in one transaction. A kiosk keeps what is not yet stored
 * (`committedSeq`) and replays it after a reconnect; `lastSeq` turns a replayed batch into a no-op.
 */
export function createIntakeService(deps: IntakeDeps) {
  const { repo, clock, log } = deps;
  const streams = new Map<string, Stream>();
  const engineSettings: EngineSettings = { ...ENGINE_DEFAULTS, ...deps.settings, zoneIdleMs: {} };
  let zones: ZoneInfo[] = [];
  let zoneCamera = new Map<string, string>();
  let cameras = new Set<string>();
  let faces: EnrolledFace[] = [];
  let current: IndexCalendar = NO_INDICES;
  // Streams hold this object, so a new day's plan reaches them without rebuilding anything.
  const calendar: IndexCalendar = {
    indexAt: (ms) => current.indexAt(ms),
    nextChangeAfter: (ms) => current.nextChangeAfter(ms),
  };
  let retry: IngestCommit | null = null;
  let committing: Promise<void> | null = null;
  let timers: NodeJS.Timeout[] = [];
  let lastComplaint = 0;
  const committedListeners: ((c: CommittedEvent) => void)[] = [];
  /** each camera's most recent frame, for overlays drawn by the server */
  const latest = new Map<string, { receivedMs: number; tracks: ObservationFrame['tracks']; key: string }>();
  const key = (kioskId: string, cameraId: string) => `${kioskId}\u0000${cameraId}`;

  async function refresh(): Promise<void> {
    const [zs, cams, fs] = await Promise.all([deps.loadZones(), deps.loadCameraIds(), deps.loadFaces()]);
    const active = zs.filter((z) => z.active);
    zones = active.map(({ zoneId, name, cameraId, color }) => ({ zoneId, name, cameraId, color }));
    zoneCamera = new Map(active.map((z) => [z.zoneId, z.cameraId]));
    engineSettings.zoneIdleMs = Object.fromEntries(active.map((z) => [z.zoneId, z.idleThresholdSeconds * 1000]));
    cameras = new Set(cams);
    faces = fs;
    const now = clock.now();
    const dates = [-1, 0, 1].map((d) => factoryDate(new Date(now.getTime() + d * 86_400_000), deps.timeZone));
    const plans = await Promise.all(dates.map((d) => deps.dayPlan(d)));
    current = calendarOf(plans.filter((p): p is DayPlan => p !== null));
  }

  function streamFor(kioskId: string, cameraId: string, cursor?: StreamCursor): Stream {
    let s = streams.get(key(kioskId, cameraId));
    if (!s) {
      s = {
        kioskId,
        cameraId,
        engine: new SessionStream(cameraId, engineSettings, calendar, cursor?.state),
        lastSeq: cursor?.lastSeq ?? 0,
        committedSeq: cursor?.lastSeq ?? 0,
        lastReceivedMs: clock.now().getTime(),
        dirty: false,
        named: new Map(),
      };
      streams.set(key(kioskId, cameraId), s);
    }
    return s;
  }

  function accept(kioskId: string, allowedCameras: readonly string[], body: unknown): ObservationAck {
    const parsed = ObservationBatch.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return fail('invalid_input', `${issue.path.join('.') || 'batch'}: ${issue.message}`);
    }
    const batch = parsed.data;
    if (batch.kioskId !== kioskId) return fail('forbidden', `kioskId: this connection belongs to kiosk ${kioskId}`);
    if (!cameras.has(batch.cameraId)) return fail('not_found', `cameraId: camera ${batch.cameraId} does not exist`);
    if (allowedCameras.length && !allowedCameras.includes(batch.cameraId)) {
      return fail('forbidden', `cameraId: camera ${batch.cameraId} is not assigned to this kiosk`);
    }
    const nowMs = clock.now().getTime();
    const off = batch.frames.findIndex(
      (f) => f.ts > nowMs + deps.settings.maxClockSkewMs || f.ts < nowMs - deps.settings.maxBacklogMs,
    );
    if (off >= 0) {
      const ts = batch.frames[off]!.ts;
      const ahead = ts > nowMs;
      const limitS = Math.round((ahead ? deps.settings.maxClockSkewMs : deps.settings.maxBacklogMs) / 1000);
      return fail(
        'clock_skew',
        `frames.${off}.ts: ${new Date(ts).toISOString()} is ${Math.round(Math.abs(ts - nowMs) / 1000)} s ` +
          `${ahead ? 'ahead of' : 'behind'} the server's clock (at most ${limitS} s); check this kiosk PC's clock`,
      );
    }
    const s = streamFor(kioskId, batch.cameraId);
    if (batch.seq <= s.lastSeq) return { ok: true, seq: batch.seq, duplicate: true, committedSeq: s.committedSeq };
    if (batch.seq > s.lastSeq + MAX_SEQ_JUMP) {
      return fail(
        'invalid_input',
        `seq: ${batch.seq} jumps more than ${MAX_SEQ_JUMP} past this camera's last batch (${s.lastSeq})`,
      );
    }
    if (batch.run !== s.engine.run) {
      s.engine.startRun(batch.run);
      s.named.clear();
    }
    const named: { trackId: number; workerId: string; name: string }[] = [];
    let skippedFrames = 0;
    for (const frame of batch.frames) {
      // A kiosk clock stepping back (NTP) must not rewind the engine; those frames are skipped, and
      // the ack says how many, so the kiosk can show it.
      if (frame.ts < s.engine.nowMs) {
        skippedFrames++;
        continue;
      }
      s.engine.apply({
        ts: frame.ts,
        tracks: frame.tracks.map((t) => {
          if (t.faceEmbedding && !s.named.has(t.trackId)) {
            const m = matchFace(t.faceEmbedding, faces);
            if (m) {
              s.named.set(t.trackId, m.workerId);
              named.push({ trackId: t.trackId, workerId: m.workerId, name: m.name });
            }
          }
          // A zone the kiosk still draws but that was deleted or moved counts as no zone.
          const zoneId = t.zoneId !== null && zoneCamera.get(t.zoneId) === batch.cameraId ? t.zoneId : null;
          return { ...t, zoneId, workerId: s.named.get(t.trackId) ?? null };
        }),
      });
    }
    s.lastSeq = batch.seq;
    s.lastReceivedMs = clock.now().getTime();
    latest.set(batch.cameraId, {
      receivedMs: s.lastReceivedMs,
      tracks: batch.frames.at(-1)!.tracks,
      key: key(kioskId, batch.cameraId),
    });
    s.dirty = true;
    if (skippedFrames) {
      log.warn(
        { component: 'intake', kioskId, cameraId: batch.cameraId, skippedFrames },
        'frames older than the stream skipped',
      );
    }
    return {
      ok: true,
      seq: batch.seq,
      duplicate: false,
      committedSeq: s.committedSeq,
      ...(named.length && { named }),
      ...(skippedFrames && { skippedFrames }),
    };
  }

  function merge(a: IngestCommit | null, b: IngestCommit): IngestCommit {
    if (!a) return b;
    const sessions = new Map([...a.sessions, ...b.sessions].map((s) => [s.sessionId, s]));
    const cursors = new Map([...a.streams, ...b.streams].map((c) => [key(c.kioskId, c.cameraId), c]));
    return { rows: [...a.rows, ...b.rows], sessions: [...sessions.values()], streams: [...cursors.values()] };
  }

  async function commitOnce(): Promise<void> {
    const now = clock.now().getTime();
    const rows: TimeLogRow[] = [];
    const sessions: SessionRecord[] = [];
    const cursors: StreamCursor[] = [];
    for (const s of streams.values()) {
      if (now - s.lastReceivedMs > deps.settings.staleAfterMs && s.engine.openCount > 0) {
        s.engine.closeAll('interrupted');
        s.dirty = true;
      }
      if (!s.dirty) continue;
      const drained = s.engine.drain();
      rows.push(...drained.rows);
      sessions.push(...drained.sessions);
      cursors.push({
        kioskId: s.kioskId,
        cameraId: s.cameraId,
        run: s.engine.run,
        lastSeq: s.lastSeq,
        state: s.engine.snapshot(),
      });
      s.dirty = false;
    }
    const batch: IngestCommit = { rows, sessions, streams: cursors };
    const pending = merge(retry, batch);
    if (!pending.streams.length) return;
    try {
      await repo.commit(pending);
      retry = null;
      for (const c of pending.streams) {
        const s = streams.get(key(c.kioskId, c.cameraId));
        if (s) s.committedSeq = Math.max(s.committedSeq, c.lastSeq);
        const event = { kioskId: c.kioskId, cameraId: c.cameraId, committedSeq: s?.committedSeq ?? c.lastSeq };
        committedListeners.forEach((l) => l(event));
      }
    } catch (err) {
      // Kept and retried with the next commit; kiosks keep their batches until committedSeq moves.
      retry = pending;
      if (now - lastComplaint > 60_000) {
        lastComplaint = now;
        log.warn({ component: 'intake', err }, 'could not store observations; retrying');
      }
      return;
    }
    await deps.cache.set(LIVE_KEY, active(), LIVE_TTL_SEC);
  }

  function commit(): Promise<void> {
    committing ??= commitOnce().finally(() => (committing = null));
    return committing;
  }

  function active(): LiveSession[] {
    return [...streams.values()].flatMap((s) => s.engine.open().map(liveSession));
  }

  return {
    async start(): Promise<void> {
      await refresh();
      for (const c of await repo.loadStreams()) streamFor(c.kioskId, c.cameraId, c);
      timers = [
        setInterval(() => void commit(), deps.settings.commitEveryMs),
        setInterval(
          () => void refresh().catch((err) => log.warn({ component: 'intake', err }, 'refresh failed')),
          REFRESH_MS,
        ),
      ];
    },
    /** Stores what is pending; open sessions stay open, to be resumed by the next start. */
    async stop(): Promise<void> {
      timers.forEach(clearInterval);
      await commit();
      if (retry) await commit();
    },
    refresh,
    accept,
    /** Told after each commit which kiosk streams it stored, so kiosks can forget those batches. */
    onCommitted(listener: (c: CommittedEvent) => void): void {
      committedListeners.push(listener);
    },
    commit,
    hello(kioskId: string, cameraIds: readonly string[]): HelloReply {
      const out: Record<string, { lastSeq: number; committedSeq: number }> = {};
      for (const c of cameraIds) {
        const s = streams.get(key(kioskId, c));
        out[c] = { lastSeq: s?.lastSeq ?? 0, committedSeq: s?.committedSeq ?? 0 };
      }
      return { ok: true, kioskId, streams: out };
    },
    active,
    /** The people in a camera's latest frame with their session state; empty when it is stale. */
    latestBoxes(cameraId: string, maxAgeMs = 2000): OverlayBox[] {
      const l = latest.get(cameraId);
      if (!l || clock.now().getTime() - l.receivedMs > maxAgeMs) return [];
      const open = streams.get(l.key)?.engine.open() ?? [];
      return l.tracks.map((t) => ({
        box: t.box,
        state: open.find((o) => o.trackId === t.trackId && o.zoneId === t.zoneId)?.state ?? 'outside',
      }));
    },
    floor(): FloorLive {
      const sessions = active();
      return { at: clock.now().toISOString(), zones: zoneSummary(zones, sessions), sessions };
    },
  };
}
export type IntakeService = ReturnType<typeof createIntakeService>;
