import { isLanguage, LANG_COOKIE, type Language } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, cookies }) => {
  const chosen = cookies.get(LANG_COOKIE);
  return {
    /** the language this browser chose (remembered in a cookie), English by default */
    lang: (isLanguage(chosen) ? chosen : 'en') as Language,
    principal: locals.principal,
    /** the factory's zone: every time a page shows is in it, whatever the browser's zone */
    timeZone: locals.facade.timeZone,
    indexState: locals.principal ? await locals.facade.schedules.currentIndex().catch(() => null) : null,
  };
};
