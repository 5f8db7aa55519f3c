import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexStateDto, TimelineDto } from '../../src/lib/protocol/schedule.js';
import { createScheduleService } from '../../server/modules/schedule/schedule.service.js';
import { createLogger, SystemLogSink } from '../../server/platform/log.js';
import { startIndexMonitor } from '../../server/modules/schedule/index-monitor.job.js';
import { createMemoryEventBus } from '../../server/platform/events/event-bus.js';
import { createCache } from '../../server/platform/cache.js';
import type { Database } from '../../server/platform/db/database.js';
import { createIndexRecordRepository } from '../../server/modules/schedule/index-record.repository.js';
import { createScheduleRepository } from '../../server/modules/schedule/schedule.repository.js';
import { createTestDatabase, migratedTestDatabase, REDIS_URL } from '../support/postgres.js';
import { ADMIN, loginCookie, manualClock, startTestServer } from '../support/server.js';

const LUNCH_SHIFT = {
  workStart: '07:30',
  workEnd: '16:30',
  breaks: [
    { start: '09:30', durationMin: 10 },
    { start: '12:00', durationMin: 60 },
    { start: '14:30', durationMin: 10 },
  ],
  indices: 8,
};

describe('schedules API on PostgreSQL with Redis', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let drop: () => Promise<void>;
  let cookie: string;
  // Wednesday 2025-01-15, 09:40 in Bangkok: index 3 of the seed's shift.
  const clock = manualClock('2025-01-15T02:40:00Z');
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.base}/api/v1${path}`, {
      ...init,
      headers: { cookie, 'content-type': 'application/json', ...init.headers },
    });

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    server = await startTestServer({ DATABASE_URL: db.url, REDIS_URL }, clock);
    cookie = await loginCookie(server.base, ADMIN.username, ADMIN.password);
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  it('falls back to the weekly default: the seed shift on weekdays, Sunday off', async () => {
    const wed = TimelineDto.parse(await (await api('/schedules/2025-01-15/timeline')).json());
    expect(wed).toMatchObject({ source: 'template', working: true, timeZone: 'Asia/Bangkok' });
    expect(wed.indices).toHaveLength(11);
    expect(wed.indices[2]!.segments.map((s) => [s.start, s.end])).toEqual([
      ['09:32:44', '10:00:00'],
      ['10:15:00', '10:34:05'],
    ]);
    expect(wed.indices[0]!.segments[0]!.startAt).toBe('2025-01-15T01:00:00.000Z');
    const sun = TimelineDto.parse(await (await api('/schedules/2025-01-19/timeline')).json());
    expect(sun.working).toBe(false);
  });

  it('stores a day with lunch, audits it, and serves the new timeline at once (cache dropped)', async () => {
    const put = await api('/schedules/2025-01-16', { method: 'PUT', body: JSON.stringify(LUNCH_SHIFT) });
    expect(put.status).toBe(200);
    const t = TimelineDto.parse(await (await api('/schedules/2025-01-16/timeline')).json());
    expect(t.source).toBe('date');
    expect(t.breaks).toHaveLength(3);
    expect(t.indices.reduce((s, i) => s + i.netMinutes, 0)).toBeCloseTo(460, 1);
    const audit = await server.services.db.prisma.auditLog.findMany({ where: { tableName: 'schedules' } });
    expect(audit).toHaveLength(1);
    const changed = await api('/schedules/2025-01-16', {
      method: 'PUT',
      body: JSON.stringify({ ...LUNCH_SHIFT, indices: 4 }),
    });
    expect(changed.status).toBe(200);
    expect(TimelineDto.parse(await (await api('/schedules/2025-01-16/timeline')).json()).indices).toHaveLength(4);
  });

  it.each([
    {
      name: 'a break outside the shift',
      body: { ...LUNCH_SHIFT, breaks: [{ start: '18:00', durationMin: 15 }] },
      field: 'breaks[0].start',
    },
    {
      name: 'overlapping breaks',
      body: {
        ...LUNCH_SHIFT,
        breaks: [
          { start: '12:00', durationMin: 60 },
          { start: '12:30', durationMin: 10 },
        ],
      },
      field: 'breaks[1].start',
    },
    { name: 'end before start', body: { ...LUNCH_SHIFT, workEnd: '07:00' }, field: 'workEnd' },
    { name: 'a malformed time', body: { ...LUNCH_SHIFT, workStart: '8am' }, field: 'body.workStart' },
    {
      name: 'more indices than minutes',
      body: { workStart: '08:00', workEnd: '08:30', indices: 40 },
      field: 'indices',
    },
  ])('rejects $name with 400 naming $field', async ({ body, field }) => {
    const res = await api('/schedules/2025-01-17', { method: 'PUT', body: JSON.stringify(body) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid_input', field });
  });

  it('reports the current index from the clock, and a supervisor can start and end a break', async () => {
    expect(IndexStateDto.parse(await (await api('/indices/current')).json())).toMatchObject({
      state: 'index',
      index: 3,
      total: 11,
    });
    clock.set('2025-01-15T04:00:00Z'); // 11:00
    const started = await api('/indices/breaks', {
      method: 'POST',
      body: JSON.stringify({ action: 'start', minutes: 10, reason: 'line stop' }),
    });
    expect(IndexStateDto.parse(await started.json())).toMatchObject({ state: 'break', index: 4, remainingSec: 600 });
    clock.set('2025-01-15T04:04:00Z');
    const ended = await api('/indices/breaks', { method: 'POST', body: JSON.stringify({ action: 'end' }) });
    expect(IndexStateDto.parse(await ended.json())).toMatchObject({ state: 'index', index: 4 });
    const audit = await server.services.db.prisma.auditLog.findMany({
      where: { tableName: 'break_overrides' },
      orderBy: { auditId: 'asc' },
    });
    expect(audit.map((a: { newData: unknown }) => (a.newData as { action: string }).action)).toEqual(['start', 'end']);
    const again = await api('/indices/breaks', { method: 'POST', body: JSON.stringify({ action: 'end' }) });
    expect(again.status).toBe(400);
  });
});

describe('index monitor', () => {
  let db: Database;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await migratedTestDatabase());
  });
  afterAll(async () => {
    await close?.();
  });

  it('broadcasts the change at an index boundary and writes that index record from time_logs', async () => {
    const clock = manualClock('2025-01-15T03:33:00Z'); // 10:33 Bangkok, index 3
    const events = createMemoryEventBus((err) => {
      throw err;
    });
    const schedules = createScheduleService({
      repo: createScheduleRepository(db.prisma),
      cache: createCache(null, clock),
      clock,
      timeZone: 'Asia/Bangkok',
      events,
    });
    const records = createIndexRecordRepository(db.prisma);
    await db.prisma.camera.create({ data: { cameraId: 'CAM01', name: 'c', sourceKind: 'file', filePath: '/x' } });
    await db.prisma.zone.create({
      data: {
        zoneId: 'Z01',
        cameraId: 'CAM01',
        name: 'z',
        polygonCoords: [
          [0, 0],
          [1, 0],
          [1, 1],
        ],
      },
    });
    const base = Date.parse('2025-01-15T02:40:00Z');
    await db.prisma.timeLog.createMany({
      data: Array.from({ length: 6 }, (_, k) => ({
        timestamp: new Date(base + k * 10_000),
        trackId: 1 + (k % 2),
        cameraId: 'CAM01',
        zoneId: 'Z01',
        state: k === 5 ? 'idle' : 'active',
        activeDurationSeconds: k === 5 ? 0 : 10,
        idleDurationSeconds: k === 5 ? 10 : 0,
        indexNumber: 3,
      })),
    });
    const seen: IndexStateDto[] = [];
    events.subscribe('index.changed', (s) => void seen.push(s));
    const monitor = startIndexMonitor({
      schedules,
      records,
      clock,
      timeZone: 'Asia/Bangkok',
      log: createLogger('silent', new SystemLogSink()),
      events,
    });
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toMatchObject({ state: 'index', index: 3 });
    clock.set('2025-01-15T03:34:06Z'); // 10:34:06, index 4 began at 10:34:05
    monitor.poke();
    await expect.poll(() => seen.length).toBe(2);
    expect(seen[1]).toMatchObject({ state: 'index', index: 4 });
    await expect.poll(async () => (await records.forDate('2025-01-15')).length).toBe(1);
    monitor.stop();
    const [r] = await records.forDate('2025-01-15');
    expect(r).toMatchObject({
      indexNumber: 3,
      totalWorkers: 2,
      totalActiveSeconds: 50,
      totalIdleSeconds: 10,
      completionStatus: 'on_time',
    });
    expect(r!.productivityScore).toBeCloseTo(50 / 60);
    expect(r!.scheduledStart.toISOString()).toBe('2025-01-15T02:32:44.000Z');
    expect(r!.zoneMetrics).toEqual({ Z01: { workers: 2, active: 50, idle: 10 } });
  });
});
