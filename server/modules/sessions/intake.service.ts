import type { Logger } from 'pino';
import type { HelloReply, ObservationAck, ObservationBatch } from '../../../src/lib/protocol/observations.js';
import type { Cache } from '../../platform/cache.js';
import type { Clock } from '../../platform/domain/clock.js';
import type { EventBus } from '../../platform/events/event-bus.js';
import { IdentityLinks } from '../identity/index.js';
import { factoryDate } from '../../platform/domain/factory-time.js';
import type { DayPlan } from '../schedule/index.js';
import type { ZoneInfo } from './domain/floor-summary.js';
import { calendarOf, NO_INDICES, type IndexCalendar } from './domain/index-calendar.js';
import type { IngestRepository, IntakeSettings } from './domain/ports.js';
import { ENGINE_DEFAULTS, type EngineSettings } from './domain/session-engine.js';
import { admitBatch } from './intake/batch-admission.js';
import { createCommitLoop } from './intake/commit-loop.js';
import { createFloorReadModel } from './intake/floor-read-model.js';
import { createStreamRegistry, streamKey, type Stream } from './intake/stream-registry.js';

export interface IntakeDeps {
  repo: IngestRepository;
  /** zones with their camera and idle threshold, and the cameras that exist */
  loadZones(): Promise<(ZoneInfo & { idleThresholdSeconds: number; active: boolean })[]>;
  loadCameraIds(): Promise<string[]>;
  /** workers a kiosk may name, and by what (face: consenting and enrolled; badge), none in anonymised mode */
  loadNameable(): Promise<{ workerId: string; name: string; by: ('face' | 'badge')[] }[]>;
  dayPlan(date: string): Promise<DayPlan | null>;
  cache: Cache;
  clock: Clock;
  timeZone: string;
  log: Logger;
  events: Pick<EventBus, 'publish'>;
  settings: IntakeSettings;
}

const LIVE_KEY = 'fs:live:sessions';
const LIVE_TTL_SEC = 8 * 3600;
const REFRESH_MS = 30_000;
/** a second track takes a worker's identity only with a face this much closer */
const MOVE_MARGIN = 0.05;

type Named = { trackId: number; workerId: string; name: string };

/**
 * The server end of the kiosk → engine path. Batches are admitted (`intake/batch-admission.ts`),
 * applied to their camera's session engine and acknowledged at once; every `commitEveryMs` the
 * commit loop stores what they produced (`intake/commit-loop.ts`). A kiosk keeps what is not yet
 * stored (`committedSeq`) and replays it after a reconnect; `lastSeq` turns a replay into a no-op.
 */
export function createIntakeService(deps: IntakeDeps) {
  const { clock, log } = deps;
  const nowMs = () => clock.now().getTime();
  const engineSettings: EngineSettings = { ...ENGINE_DEFAULTS, ...deps.settings, zoneIdleMs: {} };
  let zones: ZoneInfo[] = [];
  let zoneCamera = new Map<string, string>();
  let cameras = new Set<string>();
  let nameable = new Map<string, { name: string; by: ('face' | 'badge')[] }>();
  const links = new IdentityLinks({ moveMargin: MOVE_MARGIN, forgetAfterMs: deps.settings.graceMs * 2 });
  const conflicts = new Set<string>();
  let current: IndexCalendar = NO_INDICES;
  // Streams hold this object, so a new day's plan reaches them without rebuilding anything.
  const calendar: IndexCalendar = {
    indexAt: (ms) => current.indexAt(ms),
    nextChangeAfter: (ms) => current.nextChangeAfter(ms),
  };
  const streams = createStreamRegistry(engineSettings, calendar);
  const read = createFloorReadModel(streams, nowMs);
  const loop = createCommitLoop({
    repo: deps.repo,
    streams,
    events: deps.events,
    log,
    nowMs,
    staleAfterMs: deps.settings.staleAfterMs,
    afterCommit: () => deps.cache.set(LIVE_KEY, read.active(), LIVE_TTL_SEC),
  });
  let timers: NodeJS.Timeout[] = [];

  async function refresh(): Promise<void> {
    const [zs, cams, ns] = await Promise.all([deps.loadZones(), deps.loadCameraIds(), deps.loadNameable()]);
    const active = zs.filter((z) => z.active);
    zones = active.map(({ zoneId, name, cameraId, color }) => ({ zoneId, name, cameraId, color }));
    zoneCamera = new Map(active.map((z) => [z.zoneId, z.cameraId]));
    engineSettings.zoneIdleMs = Object.fromEntries(active.map((z) => [z.zoneId, z.idleThresholdSeconds * 1000]));
    cameras = new Set(cams);
    nameable = new Map(ns.map((n) => [n.workerId, n]));
    // A worker who withdrew consent or lost their enrolment is no longer named anywhere.
    for (const s of streams.all()) {
      for (const [trackId, { workerId, source }] of s.named) {
        if (nameable.get(workerId)?.by.includes(source)) continue;
        links.dropWorker(workerId);
        unlink({ stream: streamKey(s.kioskId, s.cameraId), trackId });
      }
    }
    const now = clock.now();
    const dates = [-1, 0, 1].map((d) => factoryDate(new Date(now.getTime() + d * 86_400_000), deps.timeZone));
    const plans = await Promise.all(dates.map((d) => deps.dayPlan(d)));
    current = calendarOf(plans.filter((p): p is DayPlan => p !== null));
  }

  function unlink(t: { stream: string; trackId: number }): void {
    const s = [...streams.all()].find((x) => streamKey(x.kioskId, x.cameraId) === t.stream);
    if (!s) return;
    s.named.delete(t.trackId);
    s.engine.unlinkTrack(t.trackId);
    s.dirty = true;
  }

  /** The kiosk's claim that a track is a worker, checked: nameable, and one active track per worker. */
  function claim(s: Stream, t: ObservationBatch['frames'][number]['tracks'][number], atMs: number): Named | null {
    const ref = { stream: streamKey(s.kioskId, s.cameraId), trackId: t.trackId };
    if (s.named.has(t.trackId)) {
      links.seen(ref, atMs);
      return null;
    }
    const who = t.identity && nameable.get(t.identity.workerId);
    if (!t.identity || !who?.by.includes(t.identity.source)) return null;
    const r = links.claim(ref, t.identity.workerId, t.identity.similarity, atMs);
    // A kiosk repeats a refused claim every frame: each track's conflict is reported once.
    const conflictKey = `${ref.stream}#${ref.trackId}`;
    if ((r.linked && r.displaced) || (!r.linked && r.reason === 'weaker_than_holder' && !conflicts.has(conflictKey))) {
      conflicts.add(conflictKey);
      deps.events.publish('identity.conflict', {
        workerId: t.identity.workerId,
        zoneId: t.zoneId,
        cameraId: s.cameraId,
        weaker: r.linked ? r.displacedSimilarity : t.identity.similarity,
        stronger: r.linked ? t.identity.similarity : r.holderSimilarity,
      });
    }
    if (!r.linked) return null;
    if (r.displaced) unlink(r.displaced);
    s.named.set(t.trackId, t.identity);
    return { trackId: t.trackId, workerId: t.identity.workerId, name: who.name };
  }

  /** Applies an admitted batch's frames in order; returns the tracks its kiosk named and the frames skipped. */
  function apply(s: Stream, batch: ObservationBatch): { named: Named[]; skippedFrames: number } {
    if (batch.run !== s.engine.run) {
      s.engine.startRun(batch.run);
      s.named.clear();
      links.dropStream(streamKey(s.kioskId, s.cameraId));
      for (const k of conflicts) if (k.startsWith(`${streamKey(s.kioskId, s.cameraId)}#`)) conflicts.delete(k);
    }
    const named: Named[] = [];
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
        tracks: frame.tracks.map(({ identity, ...t }) => {
          const n = claim(s, { ...t, identity }, frame.ts);
          if (n) named.push(n);
          // A zone the kiosk still draws but that was deleted or moved counts as no zone.
          const zoneId = t.zoneId !== null && zoneCamera.get(t.zoneId) === batch.cameraId ? t.zoneId : null;
          const link = s.named.get(t.trackId);
          return {
            ...t,
            zoneId,
            workerId: link?.workerId ?? null,
            identityConfidence: link?.similarity ?? null,
            identitySource: link?.source ?? null,
          };
        }),
      });
    }
    return { named, skippedFrames };
  }

  function accept(kioskId: string, assignedCameras: readonly string[], body: unknown): ObservationAck {
    const admitted = admitBatch(body, {
      kioskId,
      assignedCameras,
      cameras,
      nowMs: nowMs(),
      maxClockSkewMs: deps.settings.maxClockSkewMs,
      maxBacklogMs: deps.settings.maxBacklogMs,
      lastSeq: (cameraId) => streams.find(kioskId, cameraId)?.lastSeq ?? 0,
    });
    if (!admitted.ok) return admitted;
    const { batch } = admitted;
    const s = streams.get(kioskId, batch.cameraId, nowMs());
    if (admitted.duplicate) return { ok: true, seq: batch.seq, duplicate: true, committedSeq: s.committedSeq };
    const { named, skippedFrames } = apply(s, batch);
    s.lastSeq = batch.seq;
    s.lastReceivedMs = nowMs();
    s.dirty = true;
    read.recordFrame(kioskId, batch.cameraId, batch.frames.at(-1)!.tracks);
    if (skippedFrames) {
      log.warn({ component: 'intake', kioskId, cameraId: batch.cameraId, skippedFrames }, 'late frames skipped');
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

  return {
    async start(): Promise<void> {
      await refresh();
      for (const c of await deps.repo.loadStreams()) streams.get(c.kioskId, c.cameraId, nowMs(), c);
      timers = [
        setInterval(() => void loop.commit(), deps.settings.commitEveryMs),
        setInterval(
          () => void refresh().catch((err) => log.warn({ component: 'intake', err }, 'refresh failed')),
          REFRESH_MS,
        ),
      ];
    },
    /** Stores what is pending; open sessions stay open, to be resumed by the next start. */
    async stop(): Promise<void> {
      timers.forEach(clearInterval);
      await loop.commit();
      if (loop.hasRetry) await loop.commit();
    },
    refresh,
    accept,
    commit: loop.commit,
    hello(kioskId: string, cameraIds: readonly string[]): HelloReply {
      const out: Record<string, { lastSeq: number; committedSeq: number }> = {};
      for (const c of cameraIds) {
        const s = streams.find(kioskId, c);
        out[c] = { lastSeq: s?.lastSeq ?? 0, committedSeq: s?.committedSeq ?? 0 };
      }
      return { ok: true, kioskId, streams: out };
    },
    active: read.active,
    /** every open session as the engines hold it now (the alert rules read them) */
    openSessions: () => [...streams.all()].flatMap((s) => s.engine.open()),
    /** when this process last heard from each kiosk, epoch ms */
    kioskLastSeen(): Map<string, number> {
      const out = new Map<string, number>();
      for (const s of streams.all()) out.set(s.kioskId, Math.max(out.get(s.kioskId) ?? 0, s.lastReceivedMs));
      return out;
    },
    latestBoxes: read.latestBoxes,
    floor: () => read.floor(zones),
  };
}
export type IntakeService = ReturnType<typeof createIntakeService>;
