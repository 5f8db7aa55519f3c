import { error } from '@sveltejs/kit';
import { kioskAttachedLabel } from '$lib/protocol/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const s = locals.facade;
  const camera = await s.camera(params.cameraId);
  if (!camera) error(404, `No camera ${params.cameraId}`);
  const { picture } = camera;
  return {
    camera: {
      cameraId: camera.cameraId,
      name: camera.name,
      sourceKind: camera.sourceKind,
      resolution: camera.resolution,
      fps: camera.fps,
      brightness: picture.brightness,
      contrast: picture.contrast,
      calibratedAt: picture.calibratedAt,
      relayed: kioskAttachedLabel(camera.sourceKind, camera.usbDevice) === null,
    },
    layout: { cameraId: camera.cameraId, warnings: [], ...(await s.layout(camera.cameraId)) },
    templates: await s.zoneTemplates(),
    detector: s.kioskDetector,
    isAdmin: locals.principal?.grant === 'admin',
  };
};
