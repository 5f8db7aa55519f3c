import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from './config.js';
import { createAuthService } from './api/auth/auth.service.js';
import { createHealthService } from './api/health.js';
import { createScheduleService } from './api/schedule/schedule.service.js';
import type { Clock } from './domain/clock.js';
import { createCache } from './store/cache.js';
import { createCatalogRepository } from './store/catalog.repository.js';
import { createCredentialsRepository } from './store/credentials.repository.js';
import type { Database } from './store/database.js';
import { createIndexRecordRepository } from './store/index-record.repository.js';
import { createModelCatalog } from './store/model-files.js';
import { createMediaService } from './media/media.service.js';
import { createWeriftSfu } from './media/werift-sfu.js';
import type { CameraStatusEvent } from '../src/lib/protocol/media.js';
import type { Logger } from 'pino';
import { createScheduleRepository } from './store/schedule.repository.js';
import { createSystemLogRepository } from './store/system-log.repository.js';
import { createUsersRepository } from './store/users.repository.js';
import { createIntakeService } from './intake/intake.service.js';
import { createIngestRepository } from './store/ingest.repository.js';
import { createMetricsRepository } from './store/metrics.repository.js';
import { createZonesRepository } from './store/zones.repository.js';

export const VERSION = process.env.npm_package_version ?? '0.1.0';

function loginLimiter(redis: Redis | null, keyPrefix: string, points: number): RateLimiterAbstract {
  const opts = { keyPrefix, points, duration: 15 * 60 };
  const memory = new RateLimiterMemory(opts);
  // With Redis the limit holds across processes; while Redis is away the in-memory one stands in.
  return redis ? new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: memory }) : memory;
}

/** Wires repositories and services; the one place that knows which implementation serves a port. */
export function composeServices(
  cfg: Config,
  db: Database,
  redis: Redis | null,
  clock: Clock,
  startedAt: Date,
  log: Logger,
) {
  const users = createUsersRepository(db.prisma);
  const credentials = createCredentialsRepository(db.prisma);
  const catalog = createCatalogRepository(db.prisma);
  const systemLogs = createSystemLogRepository(db.prisma);
  const auth = createAuthService({
    users,
    credentials,
    clock,
    sessionTtlHours: cfg.sessionTtlHours,
    loginLimiter: loginLimiter(redis, 'fs:login', cfg.loginMaxAttempts),
    addressLimiter: loginLimiter(redis, 'fs:login-addr', cfg.loginMaxFailuresPerAddress),
  });
  const models = createModelCatalog(cfg.modelDir);
  const health = createHealthService({ db, redis, catalog, credentials, models, clock, startedAt, version: VERSION });
  const scheduleListeners: ((date: string) => void)[] = [];
  const schedules = createScheduleService({
    repo: createScheduleRepository(db.prisma),
    cache: createCache(redis, clock),
    clock,
    timeZone: cfg.timeZone,
    onChange: (date) => scheduleListeners.forEach((l) => l(date)),
  });
  const indexRecords = createIndexRecordRepository(db.prisma);
  const cameraListeners: ((e: CameraStatusEvent) => void)[] = [];
  const media = createMediaService({
    prisma: db.prisma,
    sfu: createWeriftSfu(cfg.mediaIceAddresses),
    ffmpegPath: cfg.ffmpegPath,
    log,
    broadcast: (e) => cameraListeners.forEach((l) => l(e)),
  });
  const intake = createIntakeService({
    repo: createIngestRepository(db.prisma),
    loadZones: () => catalog.listZones(),
    loadCameraIds: async () => (await catalog.listCameras()).map((c) => c.cameraId),
    loadFaces: () => catalog.enrolledFaces(),
    dayPlan: (date) => schedules.dayPlan(date),
    cache: createCache(redis, clock),
    clock,
    timeZone: cfg.timeZone,
    log,
    settings: cfg.sessions,
  });
  const zoneListeners: ((cameraId: string) => void)[] = [];
  return {
    db,
    redis,
    intake,
    zones: createZonesRepository(db.prisma),
    maxZonesPerCamera: cfg.maxZonesPerCamera,
    /** a camera's zones changed: the engine reloads them, kiosks are told */
    zonesChanged: (cameraId: string) => {
      // Kiosks are told once the engine knows the new zones, so their next batches are understood.
      intake.refresh().then(
        () => zoneListeners.forEach((l) => l(cameraId)),
        (err: unknown) => log.warn({ component: 'zones', err }, 'zone reload failed'),
      );
    },
    onZonesChange: (listener: (cameraId: string) => void) => zoneListeners.push(listener),
    metrics: createMetricsRepository(db.prisma),
    kiosk: cfg.kiosk,
    idleThresholdMs: cfg.sessions.idleThresholdMs,
    clock,
    timeZone: cfg.timeZone,
    users,
    credentials,
    catalog,
    systemLogs,
    auth,
    health,
    schedules,
    indexRecords,
    models,
    media,
    onScheduleChange: (listener: (date: string) => void) => scheduleListeners.push(listener),
    onCameraStatus: (listener: (e: CameraStatusEvent) => void) => cameraListeners.push(listener),
    cookieSecure: cfg.cookieSecure,
  };
}
export type Services = ReturnType<typeof composeServices>;
