const BASE = 'http://floorsight.invalid';

/**
 * Where to go after logging in: a path on this site, or '/'. Browsers read `\` as `/` and drop tabs
 * and newlines from URLs, so `/\evil.example` leaves the site although it starts with one slash:
 * the path is resolved as a browser would and kept only if it stays on this origin.
 */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/')) return '/';
  try {
    const url = new URL(next, BASE);
    return url.origin === BASE ? url.pathname + url.search + url.hash : '/';
  } catch {
    return '/';
  }
}
