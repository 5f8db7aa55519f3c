import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const [cameras, counts] = await Promise.all([locals.facade.cameras(), locals.facade.zoneCounts()]);
  return {
    cameras: cameras.map((c) => ({
      cameraId: c.cameraId,
      name: c.name,
      status: c.status,
      zones: counts[c.cameraId] ?? 0,
    })),
  };
};
