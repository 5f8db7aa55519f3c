import { error } from '@sveltejs/kit';
import { kioskAttachedLabel } from '$lib/protocol/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const s = locals.facade;
  const camera = await s.camera(params.cameraId);
  if (!camera) error(404, `No camera ${params.cameraId}`);
  const [layout, templates, versions] = await Promise.all([
    s.layout(camera.cameraId),
    s.zoneTemplates(),
    s.zoneVersions(camera.cameraId),
  ]);
  return {
    camera: {
      cameraId: camera.cameraId,
      name: camera.name,
      resolution: camera.resolution,
      fps: camera.fps,
      status: camera.status,
      // Cameras plugged into a kiosk PC are not relayed; their frame comes from the kiosk.
      relayed: kioskAttachedLabel(camera.sourceKind, camera.usbDevice) === null,
    },
    layout,
    templates,
    versions,
    maxZones: s.maxZonesPerCamera,
    detector: s.kioskDetector,
    canEdit: locals.principal?.grant === 'admin' || locals.principal?.grant === 'supervisor',
  };
};
