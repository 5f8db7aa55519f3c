import { kioskAttachedLabel } from '../../../src/lib/protocol/catalog.js';
import type { KioskConfig } from '../../../src/lib/protocol/observations.js';
import { principalOf, type RouteSpec } from '../../platform/http/route.js';
import type { CredentialsRepository } from '../access/index.js';
import type { CatalogRepository } from '../catalog/index.js';

export interface KioskConfigDeps {
  catalog: CatalogRepository;
  credentials: CredentialsRepository;
  kiosk: { processingFps: number; detector: string };
  idleThresholdMs: number;
}

/** What a kiosk needs to run: its cameras, their zones, the detector and the processing rate. */
export function kioskConfigRoutes(d: KioskConfigDeps): RouteSpec[] {
  return [
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
