import { kioskAttachedLabel } from '$lib/protocol/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  // Cameras plugged into a kiosk PC are seen only there.
  const cameras = (await locals.facade.cameras()).filter((c) => kioskAttachedLabel(c.sourceKind, c.usbDevice) === null);
  return {
    cameras: cameras.slice(0, 4).map((c) => ({ cameraId: c.cameraId, name: c.name })),
    live: locals.facade.floor(),
  };
};
