import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
  principal: locals.principal,
  indexState: locals.principal ? await locals.services.schedules.currentIndex().catch(() => null) : null,
});
