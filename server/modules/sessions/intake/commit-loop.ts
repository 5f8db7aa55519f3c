import type { Logger } from 'pino';
import type { EventBus } from '../../../platform/events/event-bus.js';
import type { SessionEventBody } from '../../../platform/events/floor-events.js';
import type { IngestCommit, IngestRepository, StreamCursor } from '../domain/ports.js';
import type { SessionRecord, TimeLogRow } from '../domain/session-engine.js';
import { streamKey, type StreamRegistry } from './stream-registry.js';

export interface CommitLoopDeps {
  repo: IngestRepository;
  streams: StreamRegistry;
  events: Pick<EventBus, 'publish'>;
  log: Logger;
  nowMs(): number;
  /** a stream silent this long has its sessions interrupted */
  staleAfterMs: number;
  /** told after every stored commit (the live cache) */
  afterCommit(): Promise<void>;
}

function merge(a: IngestCommit | null, b: IngestCommit): IngestCommit {
  if (!a) return b;
  const sessions = new Map([...a.sessions, ...b.sessions].map((s) => [s.sessionId, s]));
  const cursors = new Map([...a.streams, ...b.streams].map((c) => [streamKey(c.kioskId, c.cameraId), c]));
  return { rows: [...a.rows, ...b.rows], sessions: [...sessions.values()], streams: [...cursors.values()] };
}

const body = (s: SessionRecord): SessionEventBody => ({
  sessionId: s.sessionId,
  cameraId: s.cameraId,
  zoneId: s.zoneId,
  trackId: s.trackId,
  workerId: s.workerId,
  state: s.state,
  indexNumber: s.indexNumber,
  activeSeconds: Math.round(s.activeMs / 1000),
  idleSeconds: Math.round(s.idleMs / 1000),
  atMs: s.exitMs ?? s.lastInMs,
});

/**
 * Stores what the engines produced since the last commit in one transaction, and keeps it for the
 * next try when the database is away (kiosks keep their batches until `committedSeq` moves). Only
 * stored facts are published: sessions opened, changed state or closed, and each stream's cursor.
 */
export function createCommitLoop(deps: CommitLoopDeps) {
  let retry: IngestCommit | null = null;
  let committing: Promise<void> | null = null;
  let lastComplaint = 0;
  /** each open session's state as last published */
  const published = new Map<string, SessionRecord['state']>();

  function publishSessions(sessions: readonly SessionRecord[]): void {
    for (const s of sessions) {
      const before = published.get(s.sessionId);
      if (s.status !== 'active') {
        published.delete(s.sessionId);
        deps.events.publish('session.closed', { ...body(s), status: s.status });
        continue;
      }
      if (before === undefined) deps.events.publish('session.opened', body(s));
      else if (before !== s.state) deps.events.publish('session.state_changed', body(s));
      published.set(s.sessionId, s.state);
    }
  }

  async function commitOnce(): Promise<void> {
    const now = deps.nowMs();
    const rows: TimeLogRow[] = [];
    const sessions: SessionRecord[] = [];
    const cursors: StreamCursor[] = [];
    for (const s of deps.streams.all()) {
      if (now - s.lastReceivedMs > deps.staleAfterMs && s.engine.openCount > 0) {
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
    const pending = merge(retry, { rows, sessions, streams: cursors });
    if (!pending.streams.length) return;
    try {
      await deps.repo.commit(pending);
      retry = null;
    } catch (err) {
      retry = pending;
      if (now - lastComplaint > 60_000) {
        lastComplaint = now;
        deps.log.warn({ component: 'intake', err }, 'could not store observations; retrying');
      }
      return;
    }
    for (const c of pending.streams) {
      const s = deps.streams.find(c.kioskId, c.cameraId);
      if (s) s.committedSeq = Math.max(s.committedSeq, c.lastSeq);
      deps.events.publish('observations.committed', {
        kioskId: c.kioskId,
        cameraId: c.cameraId,
        committedSeq: s?.committedSeq ?? c.lastSeq,
      });
    }
    publishSessions(pending.sessions);
    await deps.afterCommit();
  }

  return {
    /** One commit at a time; a call while one runs waits for it. */
    commit(): Promise<void> {
      committing ??= commitOnce().finally(() => (committing = null));
      return committing;
    },
    get hasRetry(): boolean {
      return retry !== null;
    },
  };
}
