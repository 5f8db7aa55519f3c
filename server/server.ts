import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Express, RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createHttpApp, PAGES_PROTOCOL_HEADER } from './api/app.js';
import { checkModelFiles, openMigrated, seedIfEmpty, selfCheck } from './boot.js';
import { composeServices } from './compose.js';
import type { Config } from './config.js';
import type { Clock } from './domain/clock.js';
import { systemClock } from './system-clock.js';
import type { SystemLogSink } from './log.js';
import { startIndexMonitor } from './jobs/index-monitor.js';
import type { MediaService } from './media/media.service.js';
import { attachMediaSignalling } from './realtime/media-signalling.js';
import { attachKioskIntake, startFloorBroadcast } from './realtime/kiosk-intake.js';
import { createRealtime } from './realtime/sockets.js';
import { createRedis, pingRedis } from './store/redis.js';

export interface RunningServer {
  port: number;
  http: HttpServer;
  app: Express;
  media: MediaService;
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
  const io = createRealtime(http, services.auth);
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
    broadcast: (state) => io.of('/floor').emit('index:state', state),
  });
  services.onScheduleChange(() => monitor.poke());
  const media = services.media;
  services.onCameraStatus((event) => io.of('/floor').emit('camera:status', event));
  await media.start();
  attachMediaSignalling(io, media);
  attachKioskIntake(io, services.intake, services.credentials);
  services.onZonesChange((cameraId) => io.of('/kiosk').emit('zones:changed', { cameraId }));
  const stopFloorBroadcast = startFloorBroadcast(io, services.intake);
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : cfg.port;
  log.info({ component: 'http', port }, `Floorsight listening on http://${cfg.host}:${port}`);

  return {
    port,
    http,
    app,
    media,
    async close() {
      monitor.stop();
      stopFloorBroadcast();
      await services.intake.stop();
      await media.stop();
      await io.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await sink.close();
      redis?.disconnect();
      await db.close();
    },
  };
}
