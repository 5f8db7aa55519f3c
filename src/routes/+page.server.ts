import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  health: await locals.facade.health(),
  isAdmin: locals.principal?.grant === 'admin',
  checklist: await locals.facade.checklist(),
});
