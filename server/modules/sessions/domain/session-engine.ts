import type { ObservationFrame } from '../../../../src/lib/protocol/observations.js';
import type { IndexCalendar } from './index-calendar.js';

export interface EngineSettings {
  /** a session survives this long without its person being seen in its zone (occlusion, id switch) */
  graceMs: number;
  /** seen continuously outside the zone this long means they left */
  leaveAfterMs: number;
  /** a time_logs row is cut at least this often per open session */
  logEveryMs: number;
  /** still for this long means idle (seed: 60 s); per zone in `zoneIdleMs` */
  idleThresholdMs: number;
  zoneIdleMs: Readonly<Record<string, number>>;
  /** how far (in the lost person's box heights) a new track may be from them to inherit their session */
  inheritDistance: number;
}

export const ENGINE_DEFAULTS: EngineSettings = {
  graceMs: 5000,
  leaveAfterMs: 1000,
  logEveryMs: 5000,
  idleThresholdMs: 60_000,
  zoneIdleMs: {},
  inheritDistance: 1.5,
};

export type Box = [number, number, number, number];
type State = 'active' | 'idle';

/** A time_logs row: one stretch of one session in one state and one index. */
export interface TimeLogRow {
  timestampMs: number;
  sessionId: string;
  cameraId: string;
  zoneId: string;
  trackId: number;
  workerId: string | null;
  state: State;
  activeSeconds: number;
  idleSeconds: number;
  indexNumber: number | null;
  motion: number;
  box: Box;
}

export interface SessionRecord {
  sessionId: string;
  cameraId: string;
  zoneId: string;
  trackId: number;
  workerId: string | null;
  /** cosine similarity of the face (or 1 for a badge) that named the worker */
  identityConfidence: number | null;
  identitySource: IdentitySource | null;
  entryMs: number;
  lastInMs: number;
  exitMs: number | null;
  state: State;
  /** when the person turned idle (still for the idle threshold); null while active */
  idleSinceMs: number | null;
  activeMs: number;
  idleMs: number;
  indexNumber: number | null;
  status: 'active' | 'completed' | 'interrupted';
  motion: number;
  box: Box;
}

interface OpenSession extends Omit<SessionRecord, 'exitMs' | 'status' | 'idleSinceMs'> {
  /** last frame in which its track was seen anywhere */
  lastSeenMs: number;
  /** first frame of the current run of sightings outside the zone */
  outSinceMs: number | null;
  lastMoveMs: number;
  /** the time_logs row being accumulated */
  row: { startMs: number; ms: number; state: State; index: number | null };
  loggedActiveS: number;
  loggedIdleS: number;
}

/** Everything a stream needs to resume after a restart; plain JSON. */
export interface StreamSnapshot {
  version: 1;
  cameraId: string;
  run: number;
  nowMs: number;
  sessions: OpenSession[];
}

export type IdentitySource = 'face' | 'badge';
/** A kiosk's track, with the worker the intake accepted for it (the engine never names anyone itself). */
export type EngineObservation = Omit<ObservationFrame['tracks'][number], 'identity'> & {
  workerId?: string | null;
  identityConfidence?: number | null;
  identitySource?: IdentitySource | null;
};

const center = (b: Box) => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] as const;

/**
 * The sessions of one camera as one kiosk sees it. Pure: time is the frames' capture timestamps, so
 * replaying the same frames gives the same rows, however late they arrive.
 *
 * Time between two sightings of a person in their zone counts when the gap is within the grace
 * period. A still person stays active until still for the zone's idle threshold, then is idle from
 * that moment until they move (seed 000 phase 6); active time keeps accumulating across idle spells.
 */
export class SessionStream {
  private rows: TimeLogRow[] = [];
  private changed = new Map<string, SessionRecord>();
  private s: StreamSnapshot;

  constructor(
    cameraId: string,
    private readonly settings: EngineSettings,
    private readonly calendar: IndexCalendar,
    snapshot?: StreamSnapshot,
  ) {
    this.s = snapshot ? structuredClone(snapshot) : { version: 1, cameraId, run: -1, nowMs: 0, sessions: [] };
  }

  get run(): number {
    return this.s.run;
  }

  get nowMs(): number {
    return this.s.nowMs;
  }

  get openCount(): number {
    return this.s.sessions.length;
  }

  /** A new tracker run (kiosk restarted): its track ids mean other people, so open sessions end. */
  startRun(run: number): void {
    if (run === this.s.run) return;
    if (this.s.run !== -1) this.closeAll('interrupted');
    this.s.run = run;
  }

  /** Frames must come in capture order; an older frame than the last one is refused. */
  apply(frame: ObservationFrame & { tracks: readonly EngineObservation[] }): void {
    const t = frame.ts;
    if (t < this.s.nowMs) throw new RangeError(`frame at ${t} is older than the stream's last frame (${this.s.nowMs})`);
    this.s.nowMs = t;
    const inFrame = new Set(frame.tracks.map((o) => o.trackId));
    for (const o of frame.tracks) this.observe(o, t, inFrame);
    for (const s of [...this.s.sessions]) {
      if (t - s.lastInMs > this.settings.graceMs) this.close(s, 'completed');
      else if (s.outSinceMs !== null && t - s.outSinceMs >= this.settings.leaveAfterMs) this.close(s, 'completed');
    }
    for (const s of this.s.sessions) if (t - s.row.startMs >= this.settings.logEveryMs) this.emitRow(s, s.lastInMs);
  }

  /**
   * The worker named for this track was taken by a stronger match elsewhere (one track per worker):
   * its open sessions go on anonymous from now; rows already cut keep the name they had.
   */
  unlinkTrack(trackId: number): void {
    for (const s of this.s.sessions) {
      if (s.trackId !== trackId || !s.workerId) continue;
      this.emitRow(s, s.lastInMs);
      s.workerId = null;
      s.identityConfidence = null;
      s.identitySource = null;
    }
  }

  /** Ends every open session at its last sighting (stream gone stale, kiosk restarted, shutdown). */
  closeAll(status: 'completed' | 'interrupted'): void {
    for (const s of [...this.s.sessions]) this.close(s, status);
  }

  /** Rows and session changes since the last drain, for the store. */
  drain(): { rows: TimeLogRow[]; sessions: SessionRecord[] } {
    for (const s of this.s.sessions) this.changed.set(s.sessionId, this.record(s, 'active', null));
    const out = { rows: this.rows, sessions: [...this.changed.values()] };
    this.rows = [];
    this.changed = new Map();
    return out;
  }

  open(): SessionRecord[] {
    return this.s.sessions.map((s) => this.record(s, 'active', null));
  }

  snapshot(): StreamSnapshot {
    return structuredClone(this.s);
  }

  private name(s: OpenSession, o: EngineObservation): void {
    s.workerId = o.workerId ?? null;
    s.identityConfidence = o.identityConfidence ?? null;
    s.identitySource = o.identitySource ?? null;
  }

  private idleAfter(zoneId: string): number {
    return this.settings.zoneIdleMs[zoneId] ?? this.settings.idleThresholdMs;
  }

  private observe(o: EngineObservation, t: number, inFrame: ReadonlySet<number>): void {
    for (const s of this.s.sessions) {
      if (s.trackId !== o.trackId) continue;
      s.lastSeenMs = t;
      if (s.zoneId !== o.zoneId) s.outSinceMs ??= t;
    }
    if (o.zoneId === null) return;
    let s = this.s.sessions.find((x) => x.trackId === o.trackId && x.zoneId === o.zoneId);
    if (s && t - s.lastInMs > this.settings.graceMs) {
      this.close(s, 'completed');
      s = undefined;
    }
    s ??= this.inherit(o, t, inFrame) ?? this.start(o, t);
    this.accrue(s, s.lastInMs, t);
    s.lastInMs = t;
    s.lastSeenMs = t;
    s.outSinceMs = null;
    s.motion = o.motion;
    s.box = [...o.box];
    if (o.workerId && !s.workerId) this.name(s, o);
    if (o.moving) {
      if (s.state === 'idle') {
        this.emitRow(s, t);
        s.state = 'active';
      }
      s.lastMoveMs = t;
    }
  }

  /**
   * A new track id where a person of this zone was lost a moment ago is most likely the same person
   * (the tracker gave up during an occlusion): it takes over their session instead of starting one.
   */
  private inherit(o: EngineObservation, t: number, inFrame: ReadonlySet<number>): OpenSession | undefined {
    const [cx, cy] = center(o.box);
    let best: OpenSession | undefined;
    let bestD = Infinity;
    for (const s of this.s.sessions) {
      if (s.zoneId !== o.zoneId || inFrame.has(s.trackId) || s.lastSeenMs >= t) continue;
      const [sx, sy] = center(s.box);
      const d = Math.hypot(cx - sx, cy - sy) / Math.max(s.box[3] - s.box[1], 1e-6);
      if (d <= this.settings.inheritDistance && d < bestD) [best, bestD] = [s, d];
    }
    if (best) best.trackId = o.trackId;
    return best;
  }

  private start(o: EngineObservation, t: number): OpenSession {
    const index = this.calendar.indexAt(t);
    const s: OpenSession = {
      sessionId: `${o.zoneId}-${this.s.run}.${o.trackId}-${t}`,
      cameraId: this.s.cameraId,
      zoneId: o.zoneId!,
      trackId: o.trackId,
      workerId: o.workerId ?? null,
      identityConfidence: o.workerId ? (o.identityConfidence ?? null) : null,
      identitySource: o.workerId ? (o.identitySource ?? null) : null,
      entryMs: t,
      lastInMs: t,
      lastSeenMs: t,
      outSinceMs: null,
      lastMoveMs: t,
      state: 'active',
      activeMs: 0,
      idleMs: 0,
      indexNumber: index,
      motion: o.motion,
      box: [...o.box],
      row: { startMs: t, ms: 0, state: 'active', index },
      loggedActiveS: 0,
      loggedIdleS: 0,
    };
    this.s.sessions.push(s);
    return s;
  }

  /** Counts [from, to) into the session, cutting rows where the state or the index changes. */
  private accrue(s: OpenSession, from: number, to: number): void {
    while (from < to) {
      let end = to;
      if (s.state === 'active') {
        const idleAt = s.lastMoveMs + this.idleAfter(s.zoneId);
        if (idleAt <= from) {
          s.state = 'idle';
          continue;
        }
        end = Math.min(end, idleAt);
      }
      end = Math.min(end, this.calendar.nextChangeAfter(from));
      const index = this.calendar.indexAt(from);
      if (s.row.ms > 0 && (s.row.state !== s.state || s.row.index !== index)) this.emitRow(s, from);
      if (s.row.ms === 0) s.row = { startMs: from, ms: 0, state: s.state, index };
      const ms = end - from;
      if (s.state === 'active') s.activeMs += ms;
      else s.idleMs += ms;
      s.row.ms += ms;
      s.indexNumber ??= index;
      from = end;
    }
  }

  /**
   * Writes the accumulated row. Seconds are whole numbers in the table, so each row gets the change
   * in the rounded running total: the rows of a session always sum to its rounded totals.
   */
  private emitRow(s: OpenSession, atMs: number): void {
    if (s.row.ms > 0) {
      const activeSeconds = Math.round(s.activeMs / 1000) - s.loggedActiveS;
      const idleSeconds = Math.round(s.idleMs / 1000) - s.loggedIdleS;
      s.loggedActiveS += activeSeconds;
      s.loggedIdleS += idleSeconds;
      this.rows.push({
        timestampMs: atMs,
        sessionId: s.sessionId,
        cameraId: s.cameraId,
        zoneId: s.zoneId,
        trackId: s.trackId,
        workerId: s.workerId,
        state: s.row.state,
        activeSeconds,
        idleSeconds,
        indexNumber: s.row.index,
        motion: s.motion,
        box: s.box,
      });
    }
    s.row = { startMs: atMs, ms: 0, state: s.state, index: s.row.index };
  }

  private close(s: OpenSession, status: 'completed' | 'interrupted'): void {
    this.emitRow(s, s.lastInMs);
    this.s.sessions.splice(this.s.sessions.indexOf(s), 1);
    this.changed.set(s.sessionId, this.record(s, status, s.lastInMs));
  }

  private record(s: OpenSession, status: SessionRecord['status'], exitMs: number | null): SessionRecord {
    // The state as of the stream's clock: a still person turns idle even between sightings.
    const idle = s.state === 'idle' || this.s.nowMs - s.lastMoveMs >= this.idleAfter(s.zoneId);
    return {
      sessionId: s.sessionId,
      cameraId: s.cameraId,
      zoneId: s.zoneId,
      trackId: s.trackId,
      workerId: s.workerId,
      // Snapshots stored before identities had a confidence lack the fields.
      identityConfidence: s.identityConfidence ?? null,
      identitySource: s.identitySource ?? null,
      entryMs: s.entryMs,
      lastInMs: s.lastInMs,
      exitMs,
      state: idle ? 'idle' : 'active',
      idleSinceMs: idle ? s.lastMoveMs + this.idleAfter(s.zoneId) : null,
      activeMs: s.activeMs,
      idleMs: s.idleMs,
      indexNumber: s.indexNumber,
      status,
      motion: s.motion,
      box: s.box,
    };
  }
}
