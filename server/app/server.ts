import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Express, RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createHttpApp, PAGES_PROTOCOL_HEADER } from './http-app.js';
import { checkModelFiles, openMigrated, seedIfEmpty, selfCheck } from './boot.js';
import { composeServices, type Services } from './compose.js';
import type { Config } from './config.js';
import type { Clock } from '../platform/domain/clock.js';
import { systemClock } from '../platform/system-clock.js';
import type { SystemLogSink } from '../platform/log.js';
import { startIndexMonitor } from '../modules/schedule/index.js';
import { attachMediaSignalling, type MediaService } from '../modules/cameras/index.js';
import { attachFloorGateway, attachKioskGateway } from '../modules/sessions/index.js';
import { attachIdentityGateway, startIdentityRetention } from '../modules/identity/index.js';
import { attachAlertsGateway, attachReportedAnomalies, startAlertWatch } from '../modules/alerts/index.js';
import { createRealtime } from '../platform/realtime/sockets.js';
import { createRedis, pingRedis } from '../platform/redis.js';

export interface RunningServer {
  port: number;
  http: HttpServer;
  app: Express;
  media: MediaService;
  /** the wired services, for tests and tools that run the server in their own process */
  services: Services;
  close(): Promise<void>;
}

async function loadPages(file: string): Promise<RequestHandler> {
  if (!existsSync(file)) throw new Error(`${file} is missing; run npm run build`);
  // adapter-node assumes https unless told otherwise, and SvelteKit's CSRF check then refuses
  // every form posted over plain http on the LAN. It reads these when the handler is imported.
  process.env.PROTOCOL_HEADER ??= PAGES_PROTOCOL_HEADER;
  process.env.HOST_HEADER ??= 'host';
  const mod = (await import(pathToFileURL(file).href)) as { handler: RequestHandler };
  return mod.handler;
}

/** When nobody can log in yet, makes an admin with a random password and says where to find it. */
async function ensureFirstAdmin(cfg: Config, services: ReturnType<typeof composeServices>, log: Logger) {
  if (cfg.firstAdmin) {
    if (!(await services.users.findByUsername(cfg.firstAdmin.username))) {
      await services.auth.createUser({ ...cfg.firstAdmin, displayName: 'Administrator' });
      log.info({ component: 'auth' }, `created the first admin "${cfg.firstAdmin.username}" from ADMIN_USERNAME`);
    }
    return;
  }
  if ((await services.users.count()) > 0) return;
  const password = randomBytes(12).toString('base64url');
  await services.auth.createUser({ username: 'admin', displayName: 'Administrator', password, role: 'admin' });
  const dataDir = cfg.database.kind === 'pglite' ? path.dirname(cfg.database.dir) : path.resolve('data');
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'initial-admin.txt');
  writeFileSync(file, `username: admin\npassword: ${password}\n`, { mode: 0o600 });
  // Deliberately not through the logger: warnings are copied into system_logs, passwords must not be.
  process.stdout.write(`\nFirst start: log in as "admin" with password "${password}" (also in ${file}).\n\n`);
}

export async function startServer(
  cfg: Config,
  log: Logger,
  sink: SystemLogSink,
  clock: Clock = systemClock,
): Promise<RunningServer> {
  const startedAt = clock.now();
  const db = await openMigrated(cfg, log);

  let redis: Redis | null = null;
  if (cfg.redisUrl) {
    let lastComplaint = 0;
    redis = createRedis(cfg.redisUrl, (err) => {
      // ioredis reports every failed reconnect; one line a minute is enough to be noticed.
      if (clock.now().getTime() - lastComplaint > 60_000) {
        lastComplaint = clock.now().getTime();
        log.warn({ component: 'redis', err }, 'Redis unavailable; using in-process fallbacks');
      }
    });
  }
  const services = composeServices(cfg, db, redis, clock, startedAt, log);
  sink.attach(services.systemLogs);
  if (redis) await selfCheck(log, 'redis reachable', false, () => pingRedis(redis!, 3000));
  const { ffmpeg } = services;
  await selfCheck(log, `ffmpeg: ${ffmpeg.source} ${ffmpeg.path} (${ffmpeg.version ?? 'does not run'})`, false, () => {
    if (!ffmpeg.version) throw new Error('cameras cannot be relayed; install ffmpeg or set FFMPEG_PATH');
  });
  await selfCheck(log, `model files present (${cfg.modelDir})`, false, () => checkModelFiles(cfg.modelDir));
  await selfCheck(log, `demo video present (${cfg.demoVideo})`, false, () => {
    if (!existsSync(cfg.demoVideo)) throw new Error('not found; the demo camera will show as error');
  });
  const pages = (await selfCheck(log, 'web app built', true, () => loadPages(cfg.sveltekitHandler)))!;

  await ensureFirstAdmin(cfg, services, log);
  await seedIfEmpty(cfg, db, log, clock.now());

  await services.intake.start();
  const app = createHttpApp({ services, log, cookieSecure: cfg.cookieSecure, pages });
  const http = createServer(app);
  const io = createRealtime(http, services.auth, services.events);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(cfg.port, cfg.host, resolve);
  });
  const monitor = startIndexMonitor({
    schedules: services.schedules,
    records: services.indexRecords,
    clock,
    timeZone: cfg.timeZone,
    log,
    events: services.events,
  });
  const stopMonitorPokes = services.events.subscribe('schedule.changed', () => monitor.poke());
  const media = services.media;
  const stopFloor = attachFloorGateway(io, services.intake, services.events);
  await media.start();
  attachMediaSignalling(io, media);
  const stopKiosks = attachKioskGateway(io, {
    intake: services.intake,
    events: services.events,
    assignedCameras: async (kioskId) => (await services.credentials.findKiosk(kioskId))?.cameraIds ?? [],
    log,
  });
  const stopIdentity = attachIdentityGateway(io, {
    identity: services.identity,
    events: services.events,
    beforeSend: () => services.intake.refresh(),
    log,
  });
  const retention = startIdentityRetention(services.identity, log);
  const stopAlerts = attachAlertsGateway(io, services.alerts, services.events, log);
  const stopReported = attachReportedAnomalies(services.events, services.alerts, log);
  const alertWatch = startAlertWatch(services.alerts, services.floorSources, log);
  const summaries = services.dailySummaries.start();
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : cfg.port;
  log.info({ component: 'http', port }, `Floorsight listening on http://${cfg.host}:${port}`);

  return {
    port,
    http,
    app,
    media,
    services,
    async close() {
      monitor.stop();
      stopMonitorPokes();
      stopFloor();
      stopKiosks();
      stopIdentity();
      retention.stop();
      alertWatch.stop();
      summaries.stop();
      stopAlerts();
      stopReported();
      await services.intake.stop();
      await media.stop();
      await io.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await sink.close();
      await services.events.close();
      redis?.disconnect();
      await db.close();
    },
  };
}
