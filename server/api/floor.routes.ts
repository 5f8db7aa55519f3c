import { z } from 'zod';
import { WorkerCreateRequest } from '../../src/lib/protocol/catalog.js';
import { Conflict } from '../domain/errors.js';
import type { CatalogRepository } from '../store/catalog.repository.js';
import type { ModelCatalog } from '../store/model-files.js';
import { drawBoxes, type OverlayBox } from '../media/box-overlay.js';
import type { MediaService } from '../media/media.service.js';
import { ADMIN_ONLY, EVERY_USER, parse, type RouteSpec } from './route.js';

const ZoneQuery = z.object({ cameraId: z.string().min(1).max(50).optional() });

const CameraParam = z.object({ id: z.string().min(1).max(50) });
const MjpegQuery = z.object({ overlay: z.enum(['0', '1', 'true', 'false']).optional() });

export function floorRoutes(
  catalog: CatalogRepository,
  models: ModelCatalog,
  media: MediaService,
  overlayBoxes: (cameraId: string) => OverlayBox[],
): RouteSpec[] {
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
          const jpeg = overlay ? drawBoxes(frame, overlayBoxes(id)) : frame;
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
        try {
          res.status(201).json(await catalog.createWorker(input));
        } catch (err) {
          if ((err as { code?: string }).code === 'P2002')
            throw new Conflict(`worker ${input.workerId} or its badge already exists`);
          throw err;
        }
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
      method: 'get',
      path: '/zones',
      access: [...EVERY_USER, 'kiosk'],
      handler: async (req, res) => {
        res.json(await catalog.listZones(parse(ZoneQuery, req, 'query').cameraId));
      },
    },
  ];
}
