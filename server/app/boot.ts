import { existsSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { factoryDate } from '../platform/domain/factory-time.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { migrate, pendingMigrations } from '../platform/db/migrate.js';
import { seedDemo } from './demo-site.repository.js';

export class StartupError extends Error {}

/** Runs one start-up check, logs one line for it, and stops start-up if a critical one fails. */
export async function selfCheck<T>(
  log: Logger,
  name: string,
  critical: boolean,
  fn: () => Promise<T> | T,
): Promise<T | undefined> {
  try {
    const result = await fn();
    log.info({ component: 'self_check', check: name }, `self-check ok: ${name}`);
    return result;
  } catch (err) {
    const msg = `self-check ${critical ? 'FAILED' : 'warning'}: ${name}: ${(err as Error).message}`;
    if (critical) {
      log.fatal({ component: 'self_check', check: name }, msg);
      throw new StartupError(msg);
    }
    log.warn({ component: 'self_check', check: name }, msg);
    return undefined;
  }
}

/** Opens the database and brings its schema up to date: the critical half of start-up. */
export async function openMigrated(cfg: Config, log: Logger): Promise<Database> {
  const where =
    cfg.database.kind === 'postgres' ? redactUrl(cfg.database.url) : `embedded PGlite in ${cfg.database.dir}`;
  const db = (await selfCheck(log, `database reachable (${where})`, true, async () => {
    const opened = await openDatabase(cfg.database, {
      onError: (err) => log.warn({ component: 'database', err }, 'database connection lost'),
    });
    await opened.ping(5000);
    return opened;
  }))!;
  await selfCheck(log, 'migrations applied', true, async () => {
    const applied = await migrate(db.sql);
    if (applied.length) log.info({ component: 'database', applied }, `applied migrations: ${applied.join(', ')}`);
    const pending = await pendingMigrations(db.sql);
    if (pending.length) throw new Error(`still pending: ${pending.join(', ')}`);
  });
  return db;
}

export async function seedIfEmpty(cfg: Config, db: Database, log: Logger, now: Date): Promise<void> {
  const empty = (await db.prisma.camera.count()) === 0 && (await db.prisma.worker.count()) === 0;
  if (!cfg.seedDemo || !empty) return;
  const seeded = await seedDemo(db.prisma, { today: factoryDate(now, cfg.timeZone), demoVideo: cfg.demoVideo });
  log.info({ component: 'seed', ...seeded }, 'seeded the demo site into the empty database');
}

export function checkModelFiles(modelDir: string): void {
  if (!existsSync(modelDir)) throw new Error(`${modelDir} does not exist; run npm install to lay down the models`);
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
