import { kioskAttachedLabel } from '../../../src/lib/protocol/catalog.js';
import type { KioskConfig } from '../../../src/lib/protocol/observations.js';
import type { Clock } from '../../platform/domain/clock.js';
import { factoryDate, factoryInstantMs } from '../../platform/domain/factory-time.js';
import { dayMetrics } from './domain/day-metrics.js';
import type { IntakeService } from './intake.service.js';
import type { CatalogRepository } from '../catalog/index.js';
import type { CredentialsRepository } from '../access/index.js';
import type { MetricsRepository } from './domain/ports.js';
import { EVERY_USER, principalOf, type RouteSpec } from '../../platform/http/route.js';

export interface SessionRouteDeps {
  intake: IntakeService;
  metrics: MetricsRepository;
  catalog: CatalogRepository;
  credentials: CredentialsRepository;
  clock: Clock;
  timeZone: string;
  kiosk: { processingFps: number; detector: string };
  idleThresholdMs: number;
}

/** Sessions and today's figures (seed 000 phase 11), the floor's live state, and a kiosk's set-up. */
export function sessionRoutes(d: SessionRouteDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/sessions/active',
      access: EVERY_USER,
      handler: (_req, res) => {
        res.json(d.intake.active());
      },
    },
    {
      method: 'get',
      path: '/floor/live',
      access: EVERY_USER,
      handler: (_req, res) => {
        res.json(d.intake.floor());
      },
    },
    {
      method: 'get',
      path: '/metrics/today',
      access: EVERY_USER,
      handler: async (_req, res) => {
        const now = d.clock.now();
        const date = factoryDate(now, d.timeZone);
        const from = new Date(factoryInstantMs(date, 0, d.timeZone));
        const to = new Date(factoryInstantMs(date, 24 * 3600, d.timeZone));
        const [cells, counts] = await Promise.all([
          d.metrics.timeByZoneAndIndex(from, to),
          d.metrics.sessionCounts(from, to),
        ]);
        const live = d.intake.active();
        res.json({
          date,
          timeZone: d.timeZone,
          ...counts,
          presentNow: live.length,
          activeNow: live.filter((s) => s.state === 'active').length,
          ...dayMetrics(cells),
        });
      },
    },
    {
      method: 'get',
      path: '/kiosk/config',
      access: ['kiosk'],
      handler: async (req, res) => {
        const kioskId = principalOf(req).id;
        const kiosk = await d.credentials.findKiosk(kioskId);
        const all = await d.catalog.listCameras();
        // A kiosk without assigned cameras watches the first four: the seed's largest grid.
        const cameras = kiosk?.cameraIds.length ? all.filter((c) => kiosk.cameraIds.includes(c.cameraId)) : all;
        const shown = cameras.slice(0, 4);
        const zones = (await d.catalog.listZones()).filter(
          (z) => z.active && shown.some((c) => c.cameraId === z.cameraId),
        );
        const config: KioskConfig = {
          kioskId,
          name: kiosk?.name ?? kioskId,
          processingFps: d.kiosk.processingFps,
          detector: d.kiosk.detector,
          idleThresholdSeconds: d.idleThresholdMs / 1000,
          identify: await d.catalog.hasEnrolledFaces(),
          cameras: shown.map((c) => ({
            cameraId: c.cameraId,
            name: c.name,
            resolution: c.resolution,
            fps: c.fps,
            localDevice: kioskAttachedLabel(c.sourceKind, c.usbDevice),
          })),
          zones: zones.map((z) => ({
            zoneId: z.zoneId,
            cameraId: z.cameraId,
            name: z.name,
            color: z.color,
            polygon: z.polygonCoords as [number, number][],
            idleThresholdSeconds: z.idleThresholdSeconds,
          })),
        };
        res.json(config);
      },
    },
  ];
}
