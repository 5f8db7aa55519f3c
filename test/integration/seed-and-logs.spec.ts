import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/platform/db/database.js';
import { seedDemo } from '../../server/app/demo-site.repository.js';
import { createSystemLogRepository } from '../../server/modules/system/system-log.repository.js';
import { createLogger, SystemLogSink } from '../../server/platform/log.js';
import { migratedTestDatabase } from '../support/postgres.js';

describe('demo seed and system_logs on PostgreSQL', () => {
  let db: Database;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await migratedTestDatabase());
  });
  afterAll(async () => {
    await close?.();
  });

  it('seeds a demo site once; a second run adds nothing and keeps edits', async () => {
    const first = await seedDemo(db.prisma, { today: '2025-01-15', demoVideo: '/no/such/video.avi' });
    expect(first).toMatchObject({ workers: 4, cameras: 1, zones: 2, demoVideo: false });
    await db.prisma.zone.update({ where: { zoneId: 'Z01' }, data: { name: 'Renamed by admin' } });
    await seedDemo(db.prisma, { today: '2025-01-15', demoVideo: '/no/such/video.avi' });
    expect(await db.prisma.worker.count()).toBe(4);
    expect(await db.prisma.zone.count()).toBe(2);
    expect((await db.prisma.zone.findUniqueOrThrow({ where: { zoneId: 'Z01' } })).name).toBe('Renamed by admin');
    const schedule = await db.prisma.schedule.findUniqueOrThrow({ where: { date: new Date('2025-01-15T00:00:00Z') } });
    expect(schedule.totalIndices).toBe(11);
    expect((schedule.indexTimeline as unknown[]).length).toBe(11);
    expect((await db.prisma.camera.findUniqueOrThrow({ where: { cameraId: 'CAM01' } })).status).toBe('error');
  });

  it('copies warnings and errors, with component and stack trace, into system_logs', async () => {
    const sink = new SystemLogSink();
    // Only the copy into system_logs is under test; the console copy goes nowhere.
    const log = createLogger('info', sink, new Writable({ write: (_c, _e, done) => done() }));
    const repo = createSystemLogRepository(db.prisma);
    sink.attach(repo);
    log.info({ component: 'camera_manager' }, 'only stdout');
    log.warn({ component: 'camera_manager', cameraId: 'CAM01' }, 'Camera CAM01 reconnecting');
    log.error({ component: 'db_writer', err: new Error('disk full') }, 'batch write failed');
    await new Promise((r) => setImmediate(r));
    await sink.close();
    const rows = await repo.recent(10);
    expect(rows.map((r) => [r.level, r.component, r.message])).toEqual([
      ['ERROR', 'db_writer', 'batch write failed'],
      ['WARNING', 'camera_manager', 'Camera CAM01 reconnecting'],
    ]);
    expect(rows[0]!.stackTrace).toContain('disk full');
    expect(rows[1]!.metadata).toEqual({ cameraId: 'CAM01' });
  });
});
