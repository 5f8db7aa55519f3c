import { addMessages, init, locale } from 'svelte-i18n';
import en from './en.json';
import th from './th.json';

export const LANGUAGES = { en: 'English', th: 'ไทย' } as const;
export type Language = keyof typeof LANGUAGES;
export const LANG_COOKIE = 'fs_lang';

addMessages('en', en);
addMessages('th', th);
init({ fallbackLocale: 'en', initialLocale: 'en' });

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && v in LANGUAGES;
}

/**
 * Sets the language for what renders next. On the server, the root layout calls it while it
 * renders (synchronously, so two requests in different languages cannot interleave).
 */
export function useLanguage(lang: Language): void {
  locale.set(lang);
}

/** The BCP 47 tag Intl formats with: Thai with Latin digits and the Gregorian calendar of the tables. */
export function intlLocale(lang: Language): string {
  return lang === 'th' ? 'th-TH-u-ca-gregory-nu-latn' : 'en-GB';
}

export { _ } from 'svelte-i18n';
