import type { Redis } from 'ioredis';
import type { HealthReport } from '../../../src/lib/protocol/health.js';
import { KioskTelemetry } from '../../../src/lib/protocol/telemetry.js';
import type { Clock } from '../../platform/domain/clock.js';
import type { CatalogRepository } from '../catalog/index.js';
import type { CredentialsRepository } from '../access/index.js';
import type { Database } from '../../platform/db/database.js';
import type { ModelCatalog } from '../catalog/index.js';
import { pingRedis } from '../../platform/redis.js';

const PING_MS = 2000;
// A kiosk that has not reported for this long no longer counts as a running GPU.
const TELEMETRY_FRESH_MS = 5 * 60_000;

export interface HealthDeps {
  ffmpeg: HealthReport['ffmpeg'];
  db: Database;
  redis: Redis | null;
  catalog: CatalogRepository;
  credentials: CredentialsRepository;
  models: ModelCatalog;
  clock: Clock;
  startedAt: Date;
  version: string;
}

async function probe(check: () => Promise<void>): Promise<'ok' | 'down'> {
  try {
    await check();
    return 'ok';
  } catch {
    return 'down';
  }
}

export function createHealthService(deps: HealthDeps) {
  return async function health(): Promise<HealthReport> {
    const now = deps.clock.now();
    const [postgres, redis] = await Promise.all([
      probe(() => deps.db.ping(PING_MS)),
      deps.redis ? probe(() => pingRedis(deps.redis!, PING_MS)) : Promise.resolve('disabled' as const),
    ]);
    let cameras: HealthReport['cameras'] = [];
    let gpu: HealthReport['gpu'] = [];
    const models = deps.models.list();
    if (postgres === 'ok') {
      // A query can still fail if the database goes away between the ping and here.
      try {
        cameras = (await deps.catalog.listCameras()).map((c) => ({
          cameraId: c.cameraId,
          name: c.name,
          status: c.status,
          lastSeenAt: c.lastSeenAt?.toISOString() ?? null,
        }));
        const since = new Date(now.getTime() - TELEMETRY_FRESH_MS);
        gpu = (await deps.credentials.recentKioskTelemetry(since)).flatMap((k) => {
          const t = KioskTelemetry.safeParse(k.telemetry);
          return t.success
            ? [{ ...t.data, kioskId: k.kioskId, name: k.name, lastSeenAt: k.lastSeenAt!.toISOString() }]
            : [];
        });
      } catch {
        return report('down');
      }
    }
    // A kiosk that cannot load a model, or a model file that is missing or corrupt, degrades the
    // floor's numbers without stopping the server.
    const modelTrouble = models.some((m) => !m.ok) || gpu.some((g) => g.errors.length > 0);
    return report(postgres === 'down' ? 'down' : redis === 'down' || modelTrouble ? 'degraded' : 'ok');

    function report(status: HealthReport['status']): HealthReport {
      return {
        status,
        uptime: Math.round((now.getTime() - deps.startedAt.getTime()) / 1000),
        databases: { postgres: status === 'down' ? 'down' : postgres, postgresKind: deps.db.kind, redis },
        cameras,
        gpu,
        models,
        version: deps.version,
        ffmpeg: deps.ffmpeg,
      };
    }
  };
}
export type HealthService = ReturnType<typeof createHealthService>;
