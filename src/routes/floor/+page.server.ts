import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const cameras = await locals.services.catalog.listCameras();
  return {
    cameras: cameras.slice(0, 4).map((c) => ({ cameraId: c.cameraId, name: c.name })),
    live: locals.services.intake.floor(),
  };
};
