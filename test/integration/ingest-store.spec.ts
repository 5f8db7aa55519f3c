import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionRecord, TimeLogRow } from '../../server/modules/sessions/domain/session-engine.js';
import { openDatabase, type Database } from '../../server/platform/db/database.js';
import { createIngestRepository } from '../../server/modules/sessions/ingest.repository.js';
import { migrate } from '../../server/platform/db/migrate.js';
import { seedDemo } from '../../server/app/demo-site.repository.js';
import { migratedTestDatabase } from '../support/postgres.js';

const T = Date.UTC(2026, 0, 5, 9, 0, 0);
const row = (over: Partial<TimeLogRow> = {}): TimeLogRow => ({
  timestampMs: T,
  sessionId: 's1',
  cameraId: 'CAM01',
  zoneId: 'Z01',
  trackId: 3,
  workerId: null,
  state: 'active',
  activeSeconds: 5,
  idleSeconds: 0,
  indexNumber: 2,
  motion: 0.123456,
  box: [0.1, 0.2, 0.3, 0.4],
  ...over,
});
const session = (over: Partial<SessionRecord> = {}): SessionRecord => ({
  sessionId: 's1',
  cameraId: 'CAM01',
  zoneId: 'Z01',
  trackId: 3,
  workerId: 'W001',
  identityConfidence: 0.8,
  identitySource: 'face',
  idleSinceMs: null,
  entryMs: T - 5000,
  lastInMs: T,
  exitMs: null,
  state: 'active',
  activeMs: 5000,
  idleMs: 0,
  indexNumber: 2,
  status: 'active',
  motion: 0.1,
  box: [0.1, 0.2, 0.3, 0.4],
  ...over,
});
const stream = {
  kioskId: 'k1',
  cameraId: 'CAM01',
  run: 1,
  lastSeq: 7,
  state: { version: 1 as const, cameraId: 'CAM01', run: 1, nowMs: T, sessions: [] },
};

describe.each(['postgres', 'pglite'] as const)('ingest store on %s', (kind) => {
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    if (kind === 'postgres') ({ db, close } = await migratedTestDatabase());
    else {
      db = await openDatabase({ kind: 'pglite', dir: 'memory://' });
      await migrate(db.sql);
      close = () => db.close();
    }
    await seedDemo(db.prisma, { today: '2026-01-05', demoVideo: '/nonexistent.avi' });
  });
  afterAll(async () => close?.());

  it('writes rows, sessions and cursors in one commit, and upserts sessions', async () => {
    const repo = createIngestRepository(db.prisma);
    await repo.commit({
      rows: [row(), row({ timestampMs: T + 5000, state: 'idle', activeSeconds: 0, idleSeconds: 5 })],
      sessions: [session()],
      streams: [stream],
    });
    const named = await db.prisma.session.findUniqueOrThrow({ where: { sessionId: 's1' } });
    expect([named.workerId, named.identityConfidence, named.identitySource]).toEqual([
      'W001',
      expect.closeTo(0.8, 5),
      'face',
    ]);
    await repo.commit({
      rows: [],
      sessions: [
        session({
          exitMs: T + 9000,
          status: 'completed',
          activeMs: 9400,
          workerId: null,
          identityConfidence: null,
          identitySource: null,
        }),
      ],
      streams: [{ ...stream, lastSeq: 9 }],
    });
    const logs = await db.prisma.timeLog.findMany({ orderBy: { timestamp: 'asc' } });
    expect(
      logs.map((l) => [l.timestamp.getTime(), l.state, l.activeDurationSeconds, l.idleDurationSeconds, l.indexNumber]),
    ).toEqual([
      [T, 'active', 5, 0, 2],
      [T + 5000, 'idle', 0, 5, 2],
    ]);
    expect(logs[0]!.bboxCoords).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(logs[0]!.motionScore).toBeCloseTo(0.1235, 6);
    const s = await db.prisma.session.findUniqueOrThrow({ where: { sessionId: 's1' } });
    // The engine's worker is the truth: a track whose identity moved to another (one track per
    // worker) is stored unnamed, with no confidence left behind.
    expect([s.status, s.exitTime?.getTime(), s.totalActiveSeconds, s.workerId, s.identityConfidence]).toEqual([
      'completed',
      T + 9000,
      9,
      null,
      null,
    ]);
    expect(await repo.loadStreams()).toEqual([{ ...stream, lastSeq: 9 }]);
  });

  it('drops rows of a zone or worker that no longer exists instead of failing the commit', async () => {
    const repo = createIngestRepository(db.prisma);
    await repo.commit({
      rows: [row({ zoneId: 'GONE', sessionId: 's2' }), row({ timestampMs: T + 60_000, workerId: 'NOBODY' })],
      sessions: [session({ sessionId: 's2', zoneId: 'GONE' })],
      streams: [stream],
    });
    expect(await db.prisma.session.count({ where: { sessionId: 's2' } })).toBe(0);
    const last = await db.prisma.timeLog.findFirstOrThrow({ orderBy: { timestamp: 'desc' } });
    expect([last.timestamp.getTime(), last.workerId]).toEqual([T + 60_000, null]);
  });
});
