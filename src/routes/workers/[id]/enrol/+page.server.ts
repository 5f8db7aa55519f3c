import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// Enrolment drives supervisor routes (/workers/:id/identity, /enrolments); others are told so.
export const load: PageServerLoad = async ({ locals, params }) => {
  const grant = locals.principal?.grant;
  if (grant !== 'admin' && grant !== 'supervisor') error(403, 'Only supervisors and admins enrol workers');
  const cameras = (await locals.facade.cameras()).filter((c) => c.status !== 'inactive');
  return {
    workerId: params.id,
    isAdmin: grant === 'admin',
    cameras: cameras.map((c) => ({ cameraId: c.cameraId, name: c.name })),
  };
};
