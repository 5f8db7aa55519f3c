import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/store/migrate.js';
import { openDatabase, type Database } from '../../server/store/database.js';
import { seedDemo } from '../../server/store/seed.js';
import { createSystemLogRepository } from '../../server/store/system-log.repository.js';
import { createLogger, SystemLogSink } from '../../server/log.js';
import { createTestDatabase } from '../support/postgres.js';

describe('demo seed and system_logs on PostgreSQL', () => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const t = await createTestDatabase();
    drop = t.drop;
    db = await openDatabase({ kind: 'postgres', url: t.url });
    await migrate(db.sql);
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
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
    const log = createLogger('info', sink);
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
