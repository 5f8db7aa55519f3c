import { error } from '@sveltejs/kit';
import { kioskAttachedLabel } from '$lib/protocol/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const s = locals.services;
  const camera = await s.db.prisma.camera.findUnique({ where: { cameraId: params.cameraId } });
  if (!camera) error(404, `No camera ${params.cameraId}`);
  const picture = (camera.calibrationParams ?? {}) as { brightness?: number; contrast?: number; calibratedAt?: string };
  return {
    camera: {
      cameraId: camera.cameraId,
      name: camera.name,
      sourceKind: camera.sourceKind,
      resolution: camera.resolution,
      fps: camera.fps,
      brightness: picture.brightness ?? 0,
      contrast: picture.contrast ?? 1,
      calibratedAt: picture.calibratedAt ?? null,
      relayed: kioskAttachedLabel(camera.sourceKind, camera.usbDevice) === null,
    },
    layout: { cameraId: camera.cameraId, warnings: [], ...(await s.zones.layout(camera.cameraId)) },
    templates: await s.zones.templates(),
    detector: s.kiosk.detector,
    isAdmin: locals.principal?.grant === 'admin',
  };
};
