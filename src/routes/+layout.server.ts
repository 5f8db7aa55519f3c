import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
  principal: locals.principal,
  /** the factory's zone: every time a page shows is in it, whatever the browser's zone */
  timeZone: locals.services.timeZone,
  indexState: locals.principal ? await locals.services.schedules.currentIndex().catch(() => null) : null,
});
