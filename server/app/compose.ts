import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createAuthService, createCredentialsRepository, createUsersRepository } from '../modules/access/index.js';
import { createCamerasRepository, createMediaService, createWeriftSfu } from '../modules/cameras/index.js';
import { createCatalogRepository, createModelCatalog } from '../modules/catalog/index.js';
import { createIdentityRepository, createIdentityService } from '../modules/identity/index.js';
import {
  createAlertsRepository,
  createAlertsService,
  createDailySummaries,
  createDailySummaryRepository,
  createEmailChannel,
  createLineChannel,
  createSmsChannel,
  createWebhookChannel,
  type FloorSources,
} from '../modules/alerts/index.js';
import { indexSpan } from '../modules/schedule/index.js';
import {
  createIndexRecordRepository,
  createScheduleRepository,
  createScheduleService,
} from '../modules/schedule/index.js';
import { createIngestRepository, createIntakeService, createMetricsRepository } from '../modules/sessions/index.js';
import { createHealthService, createSystemLogRepository } from '../modules/system/index.js';
import { createZonesRepository } from '../modules/zones/index.js';
import { createCache } from '../platform/cache.js';
import { createSealedBox, loadIdentityKey, parseKey } from '../platform/crypto/sealed-box.js';
import type { Database } from '../platform/db/database.js';
import type { Clock } from '../platform/domain/clock.js';
import { createMemoryEventBus, createRedisEventBus, type EventBus } from '../platform/events/event-bus.js';
import { chooseFfmpeg } from '../platform/ffmpeg.js';
import type { Config } from './config.js';

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
  const onEventError = (err: unknown, type: string) =>
    log.warn({ component: 'events', err, event: type }, `event handler failed: ${type}`);
  // Processes of one deployment share one database; its identity names their channel, so another
  // deployment on the same Redis (staging beside production) hears nothing of this one.
  const site = cfg.database.kind === 'postgres' ? cfg.database.url : cfg.database.dir;
  const channel = `fs:events:${createHash('sha256').update(site).digest('hex').slice(0, 16)}`;
  const events: EventBus = redis
    ? createRedisEventBus(redis, onEventError, channel)
    : createMemoryEventBus(onEventError);
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
    events,
  });
  const models = createModelCatalog(cfg.modelDir);
  const ffmpeg = chooseFfmpeg(cfg.ffmpegPath);
  const health = createHealthService({
    db,
    redis,
    catalog,
    credentials,
    models,
    clock,
    startedAt,
    version: VERSION,
    ffmpeg,
  });
  const schedules = createScheduleService({
    repo: createScheduleRepository(db.prisma),
    cache: createCache(redis, clock),
    clock,
    timeZone: cfg.timeZone,
    events,
  });
  const indexRecords = createIndexRecordRepository(db.prisma);
  const identityKey = loadIdentityKey(cfg.identity);
  if (identityKey.created)
    log.warn({ component: 'identity' }, `created the face-data key ${cfg.identity.keyFile}: back it up`);
  const identityRepo = createIdentityRepository(db.prisma);
  const identity = createIdentityService({
    repo: identityRepo,
    box: createSealedBox(
      identityKey.key,
      cfg.identity.previousKeys.map((k, i) => parseKey(k, `IDENTITY_PREVIOUS_KEYS[${i}]`)),
    ),
    clock,
    events,
    match: cfg.identity.match,
  });
  const media = createMediaService({
    cameras: createCamerasRepository(db.prisma),
    sfu: createWeriftSfu(cfg.mediaIceAddresses),
    ffmpegPath: ffmpeg.path,
    log,
    events,
  });
  const intake = createIntakeService({
    repo: createIngestRepository(db.prisma),
    loadZones: () => catalog.listZones(),
    loadCameraIds: async () => (await catalog.listCameras()).map((c) => c.cameraId),
    loadNameable: () => identity.nameable(),
    dayPlan: (date) => schedules.dayPlan(date),
    cache: createCache(redis, clock),
    clock,
    timeZone: cfg.timeZone,
    log,
    events,
    settings: cfg.sessions,
  });
  const email = cfg.alerts.smtpUrl
    ? createEmailChannel(cfg.alerts.smtpUrl, cfg.alerts.emailFrom, (cameraId) => media.snapshot(cameraId))
    : null;
  const dailySummaries = createDailySummaries({
    repo: createDailySummaryRepository(db.prisma),
    clock,
    timeZone: cfg.timeZone,
    dayPlan: (date) => schedules.dayPlan(date),
    mailer: email?.mail ?? null,
    to: cfg.alerts.digestTo,
    log,
  });
  const alerts = createAlertsService({
    repo: createAlertsRepository(db.prisma),
    clock,
    events,
    channels: [
      ...(cfg.alerts.webhookSecret ? [createWebhookChannel(cfg.alerts.webhookSecret)] : []),
      ...(email ? [email] : []),
      ...(cfg.alerts.line ? [createLineChannel(cfg.alerts.line.token, cfg.alerts.line.apiUrl)] : []),
      ...(cfg.alerts.sms ? [createSmsChannel(cfg.alerts.sms)] : []),
    ],
    routing: { webhooks: cfg.alerts.webhooks, critical: cfg.alerts.critical },
  });
  const metrics = createMetricsRepository(db.prisma);
  /** the floor as the alert rules read it, from the modules that know each part */
  const floorSources: FloorSources = {
    now: () => clock.now(),
    zones: async () =>
      (await catalog.listZones())
        .filter((z) => z.active)
        .map(({ zoneId, name, cameraId, zoneType, minWorkers, maxWorkers, alertOnEmpty, alertOnOverflow }) => ({
          zoneId,
          name,
          cameraId,
          zoneType,
          minWorkers,
          maxWorkers,
          alertOnEmpty,
          alertOnOverflow,
        })),
    openSessions: () => intake.openSessions(),
    async cameras() {
      const names = new Map((await catalog.listCameras()).map((c) => [c.cameraId, c.name]));
      return media.statuses().map((c) => ({
        cameraId: c.cameraId,
        name: names.get(c.cameraId) ?? c.cameraId,
        online: c.state === 'online',
      }));
    },
    async kiosks() {
      const heard = intake.kioskLastSeen();
      return (await credentials.listKiosks())
        .filter((k) => !k.revokedAt)
        .map((k) => ({
          kioskId: k.kioskId,
          name: k.name,
          lastSeenMs: Math.max(heard.get(k.kioskId) ?? 0, k.lastSeenAt?.getTime() ?? 0) || null,
        }));
    },
    currentIndex: () => schedules.currentIndex(),
    async indexStart(date, index) {
      const plan = await schedules.dayPlan(date);
      return plan ? indexSpan(plan, index).startMs : null;
    },
    timeByZoneAndIndex: (from, to) => metrics.timeByZoneAndIndex(from, to),
  };
  return {
    db,
    redis,
    events,
    alerts,
    dailySummaries,
    floorSources,
    ffmpeg,
    intake,
    zones: createZonesRepository(db.prisma),
    maxZonesPerCamera: cfg.maxZonesPerCamera,
    /** a camera's zones changed: the engine reloads them, then kiosks are told (sessions module) */
    zonesChanged: (cameraId: string) => events.publish('zones.changed', { cameraId }),
    metrics,
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
    identity,
    identityRepo,
    models,
    media,
    cookieSecure: cfg.cookieSecure,
  };
}
export type Services = ReturnType<typeof composeServices>;
