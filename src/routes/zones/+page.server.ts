import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const [cameras, zones] = await Promise.all([
    locals.services.catalog.listCameras(),
    locals.services.catalog.listZones(),
  ]);
  return {
    cameras: cameras.map((c) => ({
      cameraId: c.cameraId,
      name: c.name,
      status: c.status,
      zones: zones.filter((z) => z.cameraId === c.cameraId && z.active).length,
    })),
  };
};
