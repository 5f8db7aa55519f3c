import type { IndexStateDto } from '$lib/protocol/schedule';

function minutes(sec: number): string {
  return sec >= 3600
    ? `${Math.floor(sec / 3600)} h ${Math.round((sec % 3600) / 60)} min`
    : `${Math.max(1, Math.round(sec / 60))} min`;
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
 * "Index 3/11 · 20 min left", as the kiosk and floor status bars show it. The time left counts
 * down from the server's `remainingSec`, so a browser whose clock is off still shows it right.
 */
export function describeIndex(s: IndexStateDto, elapsedSec: number): string {
  const left = s.remainingSec === null ? null : Math.max(0, s.remainingSec - elapsedSec);
  switch (s.state) {
    case 'index':
      return `Index ${s.index}/${s.total}${left !== null ? ` · ${minutes(left)} left` : ''}`;
    case 'break':
      return `Break${left !== null ? ` · ${minutes(left)} left` : ''}`;
    case 'before_shift':
      return `Before shift${left !== null ? ` · starts in ${minutes(left)}` : ''}`;
    case 'after_shift':
      return 'After shift';
    case 'day_off':
      return 'Day off';
  }
}

/** A clock time in the factory's zone, 24-hour (14:05:09), as the tables show times. */
export function formatFactoryTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
