import type { IndexStateDto } from '$lib/protocol/schedule';

/** A message formatter: svelte-i18n's `$_` (keys in src/lib/i18n). */
export type Translate = (key: string, options?: { values?: Record<string, string | number> }) => string;

function minutes(sec: number, t: Translate): string {
  return sec >= 3600
    ? t('duration.hoursMinutes', { values: { h: Math.floor(sec / 3600), m: Math.round((sec % 3600) / 60) } })
    : t('duration.minutes', { values: { m: Math.max(1, Math.round(sec / 60)) } });
}

/** A length of time as m:ss (46:22), or h:mm:ss from an hour up; the tables' 24-hour style. */
export function formatMinSec(totalSec: number): string {
  const sec = Math.round(totalSec);
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = String(sec % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * "Index 3/11 · 20 min left", as the kiosk and floor status bars show it, in the page's language. The
 * time left counts down from the server's `remainingSec`, so a browser whose clock is off still shows it right.
 */
export function describeIndex(s: IndexStateDto, elapsedSec: number, t: Translate): string {
  const left = s.remainingSec === null ? null : Math.max(0, s.remainingSec - elapsedSec);
  const then = (key: string) => (left !== null ? ` · ${t(key, { values: { time: minutes(left, t) } })}` : '');
  switch (s.state) {
    case 'index':
      return `${t('index.current', { values: { index: s.index ?? 0, total: s.total } })}${then('index.left')}`;
    case 'break':
      return `${t('index.break')}${then('index.left')}`;
    case 'before_shift':
      return `${t('index.beforeShift')}${then('index.startsIn')}`;
    case 'after_shift':
      return t('index.afterShift');
    case 'day_off':
      return t('index.dayOff');
  }
}

/** A clock time in the factory's zone, 24-hour (14:05:09), as the tables show times, in the page's locale. */
export function formatFactoryTime(iso: string, timeZone: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** A date and time in the factory's zone, as the reader's locale writes them (admin tables, histories). */
export function formatFactoryDateTime(iso: string, timeZone: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
