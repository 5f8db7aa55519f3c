import { z } from 'zod';
import { CameraCreateRequest, CameraSettingsInput, CameraSource } from '../../../src/lib/protocol/catalog.js';
import { NotFound } from '../../../src/lib/shared/errors.js';
import { ADMIN_ONLY, EVERY_USER, parse, principalOf, type RouteSpec } from '../../platform/http/route.js';
import type { CatalogRepository } from '../catalog/index.js';
import { createOverlayRenderer, type OverlayBox } from './media/box-overlay.js';
import type { MediaService } from './media.service.js';

const CameraParam = z.object({ id: z.string().min(1).max(50) });
const MjpegQuery = z.object({ overlay: z.enum(['0', '1', 'true', 'false']).optional() });

export interface CameraRouteDeps {
  catalog: Pick<
    CatalogRepository,
    'listCameras' | 'updateCameraSettings' | 'createCamera' | 'renameCamera' | 'deactivateCamera'
  >;
  media: MediaService;
  /** the latest observations' boxes of a camera, for the overlay */
  overlayBoxes(cameraId: string): OverlayBox[];
}

/** Cameras: the list, settings and reconnect, relay status, and the Motion-JPEG fallback stream. */
export function cameraRoutes({ catalog, media, overlayBoxes }: CameraRouteDeps): RouteSpec[] {
  const withBoxes = createOverlayRenderer(overlayBoxes);
  return [
    {
      method: 'post',
      path: '/cameras',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        const created = await catalog.createCamera(parse(CameraCreateRequest, req, 'body'));
        await media.sync();
        res.status(201).json(created);
      },
    },
    {
      method: 'post',
      path: '/cameras/test',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        res.json(await media.test(parse(CameraSource, req, 'body')));
      },
    },
    {
      method: 'delete',
      path: '/cameras/:id',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        const { id } = parse(CameraParam, req, 'params');
        if (!(await catalog.deactivateCamera(id))) throw new NotFound(`active camera ${id}`);
        await media.sync();
        res.status(204).end();
      },
    },
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
        if (body.name !== undefined || body.location !== undefined) {
          await catalog.renameCamera(id, {
            ...(body.name !== undefined && { name: body.name }),
            ...(body.location !== undefined && { location: body.location }),
          });
        }
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
  ];
}
