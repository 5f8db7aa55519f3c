import { z } from 'zod';
import { CameraSettingsInput, WorkerCreateRequest } from '../../../src/lib/protocol/catalog.js';
import { NotFound } from '../../../src/lib/shared/errors.js';
import type { CatalogRepository } from './catalog.repository.js';
import type { ModelCatalog } from './model-files.js';
import { createOverlayRenderer, type OverlayBox } from '../cameras/index.js';
import type { MediaService } from '../cameras/index.js';
import { ADMIN_ONLY, EVERY_USER, parse, principalOf, type RouteSpec } from '../../platform/http/route.js';

const ZoneQuery = z.object({ cameraId: z.string().min(1).max(50).optional() });

const CameraParam = z.object({ id: z.string().min(1).max(50) });
const MjpegQuery = z.object({ overlay: z.enum(['0', '1', 'true', 'false']).optional() });

export function floorRoutes(
  catalog: CatalogRepository,
  models: ModelCatalog,
  media: MediaService,
  overlayBoxes: (cameraId: string) => OverlayBox[],
): RouteSpec[] {
  const withBoxes = createOverlayRenderer(overlayBoxes);
  return [
    {
      method: 'get',
      path: '/cameras/status',
      access: [...EVERY_USER, 'kiosk'],
      handler: (_req, res) => {
        res.json(media.statuses().map(({ pid: _pid, ...s }) => s));
      },
    },
    {
      method: 'get',
      path: '/cameras/:id/mjpeg',
      access: [...EVERY_USER, 'kiosk'],
      handler: (req, res) => {
        const { id } = parse(CameraParam, req, 'params');
        const overlay = ['1', 'true'].includes(parse(MjpegQuery, req, 'query').overlay ?? '0');
        const stream = media.mjpeg(id);
        res.writeHead(200, {
          'Content-Type': 'multipart/x-mixed-replace; boundary=frame',
          'Cache-Control': 'no-store',
          Connection: 'close',
        });
        const stop = stream.watch((frame) => {
          const jpeg = overlay ? withBoxes(id, frame) : frame;
          res.write(`--frame\r\nContent-Type: image/jpeg\r\nContent-Length: ${jpeg.length}\r\n\r\n`);
          res.write(jpeg);
          res.write('\r\n');
        });
        req.on('close', stop);
      },
    },
    {
      method: 'get',
      path: '/models',
      access: [...EVERY_USER, 'kiosk'],
      handler: (_req, res) => {
        res.json(models.list());
      },
    },
    {
      method: 'get',
      path: '/workers',
      access: EVERY_USER,
      handler: async (_req, res) => {
        res.json(await catalog.listWorkers());
      },
    },
    {
      method: 'post',
      path: '/workers',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        const input = parse(WorkerCreateRequest, req, 'body');
        res.status(201).json(await catalog.createWorker(input));
      },
    },
    {
      method: 'get',
      path: '/cameras',
      access: [...EVERY_USER, 'kiosk'],
      handler: async (_req, res) => {
        res.json(await catalog.listCameras());
      },
    },
    {
      method: 'patch',
      path: '/cameras/:id',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        const { id } = parse(CameraParam, req, 'params');
        const body = parse(CameraSettingsInput, req, 'body');
        const picture =
          body.brightness !== undefined || body.contrast !== undefined
            ? { brightness: body.brightness ?? 0, contrast: body.contrast ?? 1 }
            : undefined;
        const updated = await catalog.updateCameraSettings(id, {
          resolution: body.resolution,
          fps: body.fps,
          calibration: {
            ...picture,
            ...(body.calibrated && { calibratedAt: new Date().toISOString(), calibratedBy: principalOf(req).id }),
          },
        });
        if (!updated) throw new NotFound(`camera ${id}`);
        // ffmpeg restarts with the new settings; viewers stay connected through the relay.
        if (body.resolution || body.fps || picture) {
          media.relay(id)?.reconfigure({ resolution: updated.resolution, fps: updated.fps, picture });
        }
        res.json(updated);
      },
    },
    {
      method: 'post',
      path: '/cameras/:id/reconnect',
      access: ['admin', 'supervisor'],
      handler: (req, res) => {
        const { id } = parse(CameraParam, req, 'params');
        const relay = media.relay(id);
        if (!relay) throw new NotFound(`camera ${id} (not relayed by this server)`);
        relay.kill();
        res.status(204).end();
      },
    },
    {
      method: 'get',
      path: '/zones',
      access: [...EVERY_USER, 'kiosk'],
      handler: async (req, res) => {
        res.json(await catalog.listZones(parse(ZoneQuery, req, 'query').cameraId));
      },
    },
  ];
}
