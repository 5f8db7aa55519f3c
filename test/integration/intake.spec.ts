import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObservationFrame } from '../../src/lib/protocol/observations.js';
import type { DayPlan } from '../../server/modules/schedule/domain/day-plan.js';
import { factoryDate } from '../../server/platform/domain/factory-time.js';
import { calendarOf, NO_INDICES, type IndexCalendar } from '../../server/modules/sessions/domain/index-calendar.js';
import { scenarioFrames, type Scenario } from '../../server/modules/sessions/domain/scenario.js';
import { ENGINE_DEFAULTS, SessionStream } from '../../server/modules/sessions/domain/session-engine.js';
import { createKiosk, kioskSocket, scriptedKiosk } from '../support/kiosk.js';
import { createTestDatabase, REDIS_URL } from '../support/postgres.js';
import { ADMIN, loginCookie, startTestServer } from '../support/server.js';

const DAY = 86_400_000;
const crew: Scenario = {
  name: 'three people at two stations',
  fps: 10,
  people: [
    {
      zone: 'Z01',
      enterS: 0,
      steps: [
        { do: 'move', s: 40 },
        { do: 'still', s: 90 },
        { do: 'move', s: 20 },
      ],
    },
    {
      zone: 'Z02',
      enterS: 5,
      steps: [
        { do: 'move', s: 60 },
        { do: 'outside', s: 10 },
        { do: 'move', s: 30 },
      ],
    },
    {
      zone: 'Z02',
      enterS: 20,
      steps: [
        { do: 'still', s: 70 },
        { do: 'occluded', s: 3 },
        { do: 'move', s: 40 },
      ],
    },
  ],
};

/** What the engine makes of the frames by itself: the figure the stored rows must match. */
function expected(frames: readonly ObservationFrame[], calendar: IndexCalendar = NO_INDICES) {
  const s = new SessionStream('CAM01', ENGINE_DEFAULTS, calendar);
  s.startRun(1);
  for (const f of frames) s.apply(f);
  const { rows, sessions } = s.drain();
  return {
    active: rows.reduce((a, r) => a + r.activeSeconds, 0),
    idle: rows.reduce((a, r) => a + r.idleSeconds, 0),
    rows: rows.length,
    sessions: sessions
      .map((x) => [x.sessionId, x.status, Math.round(x.activeMs / 1000), Math.round(x.idleMs / 1000)])
      .sort(),
  };
}

describe('kiosk intake → session engine → PostgreSQL', () => {
  let dbUrl: string;
  let drop: () => Promise<void>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let sql: pg.Client;
  // Scenarios run days in the past, away from today's index edges: the backlog limit must admit them.
  const env = () => ({
    DATABASE_URL: dbUrl,
    REDIS_URL,
    SEED_DEMO: 'true',
    DEMO_VIDEO: '/nonexistent/vtest.avi',
    KIOSK_MAX_BACKLOG_HOURS: '720',
  });

  beforeAll(async () => {
    ({ url: dbUrl, drop } = await createTestDatabase());
    server = await startTestServer(env());
    sql = new pg.Client({ connectionString: dbUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await server?.close();
    await drop?.();
  });

  async function stored() {
    const t = await sql.query<{ active: string; idle: string; n: string }>(
      'SELECT SUM(active_duration_seconds) AS active, SUM(idle_duration_seconds) AS idle, COUNT(*) AS n FROM time_logs',
    );
    const s = await sql.query<{
      session_id: string;
      status: string;
      total_active_seconds: number;
      total_idle_seconds: number;
    }>('SELECT session_id, status, total_active_seconds, total_idle_seconds FROM sessions');
    return {
      active: Number(t.rows[0]!.active),
      idle: Number(t.rows[0]!.idle),
      rows: Number(t.rows[0]!.n),
      sessions: s.rows.map((r) => [r.session_id, r.status, r.total_active_seconds, r.total_idle_seconds]).sort(),
    };
  }
  const reset = () => sql.query('TRUNCATE time_logs, sessions, ingest_streams');

  it('a 30 s drop mid-run, replayed from the outbox, stores exactly what an uninterrupted run would', async () => {
    await reset();
    const frames = scenarioFrames(crew, Date.now() - 10 * DAY);
    const kiosk = await createKiosk(server.base, ['CAM01']);
    const k = scriptedKiosk(server.base, kiosk, ['CAM01'], { batchMs: 60_000 });
    await new Promise<void>((r) => k.socket.once('connect', () => r()));
    const dropAt = 600; // 60 s of stream time in
    for (let i = 0; i < frames.length; i++) {
      // Batches sent just before the drop are applied but not yet stored: they come again in the replay.
      if (i === dropAt) k.socket.disconnect();
      k.sender.push('CAM01', frames[i]!);
      // 0.5 s of stream time per batch, as a live kiosk sends them.
      if (i % 5 === 4) await k.sender.flush();
      if (i === dropAt + 300) {
        // 30 s of stream time gathered while offline; nothing reached the server.
        expect(await k.sender.pending()).toBeGreaterThanOrEqual(59);
        k.socket.connect();
      }
    }
    await k.settled();
    k.close();
    expect(await stored()).toEqual(expected(frames));
  });

  it('answers a replayed batch as a duplicate and changes nothing', async () => {
    await reset();
    const frames = scenarioFrames(crew, Date.now() - 9 * DAY).slice(0, 100);
    const kiosk = await createKiosk(server.base, ['CAM01']);
    const socket = kioskSocket(server.base, kiosk.token);
    const batch = { kioskId: kiosk.kioskId, cameraId: 'CAM01', run: 1, seq: 1, frames };
    const first = await socket.emitWithAck('observations', batch);
    const again = await socket.emitWithAck('observations', batch);
    expect(first, JSON.stringify(first)).toMatchObject({ ok: true, duplicate: false });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    await (server.services as { intake: { commit(): Promise<void> } }).intake.commit();
    socket.close();
    expect(await stored()).toEqual(expected(frames));
  });

  it('refuses a bad batch naming the field, and batches of other kiosks or cameras', async () => {
    const kiosk = await createKiosk(server.base, ['CAM01']);
    const socket = kioskSocket(server.base, kiosk.token);
    const frame = {
      ts: Date.now(),
      tracks: [{ trackId: 1, box: [0.1, 0.2, 1.5, 0.4], zoneId: 'Z01', motion: 0, moving: false }],
    };
    const bad = await socket.emitWithAck('observations', {
      kioskId: kiosk.kioskId,
      cameraId: 'CAM01',
      run: 1,
      seq: 1,
      frames: [frame],
    });
    expect(bad).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(bad.message).toMatch(/^frames\.0\.tracks\.0\.box\.2: /);
    const ok = { ts: Date.now(), tracks: [] };
    expect(
      await socket.emitWithAck('observations', {
        kioskId: 'someone-else',
        cameraId: 'CAM01',
        run: 1,
        seq: 1,
        frames: [ok],
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      await socket.emitWithAck('observations', {
        kioskId: kiosk.kioskId,
        cameraId: 'NOPE',
        run: 1,
        seq: 1,
        frames: [ok],
      }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(await socket.emitWithAck('observations', 'garbage')).toMatchObject({ ok: false, code: 'invalid_input' });
    socket.close();
  });

  it('refuses frames far from the server clock, impossible boxes and runaway seqs; the stream still works', async () => {
    const kiosk = await createKiosk(server.base, ['CAM01']);
    const socket = kioskSocket(server.base, kiosk.token);
    const send = (seq: number, frames: unknown[]) =>
      socket.emitWithAck('observations', { kioskId: kiosk.kioskId, cameraId: 'CAM01', run: 1, seq, frames });
    const empty = (ts: number) => ({ ts, tracks: [] });
    const future = await send(1, [empty(Date.now()), empty(Date.parse('2100-01-01T00:00:00Z'))]);
    expect(future).toMatchObject({ ok: false, code: 'clock_skew' });
    expect(future.message).toMatch(/^frames\.1\.ts: 2100-01-01T00:00:00\.000Z is \d+ s ahead of the server's clock/);
    const past = await send(1, [empty(Date.parse('2001-01-01T00:00:00Z'))]);
    expect(past).toMatchObject({ ok: false, code: 'clock_skew' });
    expect(past.message).toMatch(/behind the server's clock/);
    const backwards = await send(1, [
      { ts: Date.now(), tracks: [{ trackId: 1, box: [0.5, 0.2, 0.4, 0.6], zoneId: null, motion: 0, moving: false }] },
    ]);
    expect(backwards).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(backwards.message).toMatch(/^frames\.0\.tracks\.0\.box: x2 must exceed x1/);
    const huge = await send(2 ** 53 - 1, [empty(Date.now())]);
    expect(huge).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(huge.message).toMatch(/^seq: /);
    const jump = await send(2 ** 31 - 1, [empty(Date.now())]);
    expect(jump).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(jump.message).toMatch(/^seq: 2147483647 jumps more than 1000000/);
    // None of that moved the stream: its real batches are still taken, and a late frame is reported.
    const t = Date.now();
    expect(await send(1, [empty(t)])).toMatchObject({ ok: true, duplicate: false, seq: 1 });
    expect(await send(2, [empty(t - 1000), empty(t + 10)])).toMatchObject({
      ok: true,
      duplicate: false,
      skippedFrames: 1,
    });
    socket.close();
  });

  it('shows open sessions, today’s figures and live state, and resumes them after a restart', async () => {
    await reset();
    const now = Date.now();
    const frames = scenarioFrames(crew, now - 95_000).filter((f) => f.ts <= now);
    const kiosk = await createKiosk(server.base, ['CAM01']);
    let k = scriptedKiosk(server.base, kiosk, ['CAM01']);
    const half = Math.floor(frames.length / 2);
    for (const f of frames.slice(0, half)) k.sender.push('CAM01', f);
    await k.settled();
    k.close();
    // A restart between two batches: the engine's snapshot resumes the open sessions.
    await server.close();
    server = await startTestServer(env());
    k = scriptedKiosk(server.base, kiosk, ['CAM01'], { store: k.store });
    for (const f of frames.slice(half)) k.sender.push('CAM01', f);
    await k.settled();
    k.close();
    // Today has the demo schedule: rows are cut at its index and break edges, as the server's are.
    const schedules = (server.services as { schedules: { dayPlan(d: string): Promise<DayPlan | null> } }).schedules;
    const days = [-1, 0, 1].map((d) => factoryDate(new Date(now + d * DAY), 'Asia/Bangkok'));
    const plans = (await Promise.all(days.map((d) => schedules.dayPlan(d)))).filter((p): p is DayPlan => p !== null);
    const e = expected(frames, calendarOf(plans));
    expect(await stored()).toEqual(e);

    const cookie = await loginCookie(server.base, ADMIN.username, ADMIN.password);
    const get = async (path: string) => (await fetch(`${server.base}/api/v1${path}`, { headers: { cookie } })).json();
    const active = (await get('/sessions/active')) as { zoneId: string; state: string }[];
    expect(active.map((s) => s.zoneId).sort()).toEqual(['Z01', 'Z02', 'Z02']);
    const metrics = (await get('/metrics/today')) as {
      activeSeconds: number;
      idleSeconds: number;
      openSessions: number;
      zones: { zoneId: string }[];
    };
    expect([metrics.activeSeconds, metrics.idleSeconds, metrics.openSessions]).toEqual([e.active, e.idle, 3]);
    expect(metrics.zones.map((z) => z.zoneId)).toEqual(['Z01', 'Z02']);
    const live = (await get('/floor/live')) as { zones: { zoneId: string; present: number }[] };
    expect(live.zones.map((z) => [z.zoneId, z.present])).toEqual([
      ['Z01', 1],
      ['Z02', 2],
    ]);
    // The latest frame's people with their session state, for the Motion-JPEG overlay.
    const intake = (server.services as { intake: { latestBoxes(c: string): { state: string }[] } }).intake;
    expect(intake.latestBoxes('CAM01').map((b) => b.state)).toEqual(['active', 'active', 'active']);
    const redis = new Redis(REDIS_URL);
    expect(JSON.parse((await redis.get('fs:live:sessions'))!)).toHaveLength(3);
    expect(await redis.ttl('fs:live:sessions')).toBeGreaterThan(7 * 3600);
    redis.disconnect();
  });
});
