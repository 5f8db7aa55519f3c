import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
  principal: locals.principal,
  /** the factory's zone: every time a page shows is in it, whatever the browser's zone */
  timeZone: locals.facade.timeZone,
  indexState: locals.principal ? await locals.facade.schedules.currentIndex().catch(() => null) : null,
});
