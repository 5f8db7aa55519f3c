import type { Grant } from '../protocol/auth.js';

export interface NavLink {
  href: string;
  /** message key (src/lib/i18n) */
  label: string;
  /** who sees it: what they may open, as the API's access rules say */
  grants: readonly Grant[];
}

const PEOPLE = ['admin', 'supervisor', 'operator', 'viewer'] as const;
const EDITORS = ['admin', 'supervisor'] as const;
const ADMIN = ['admin'] as const;

/** The one navigation, in order; each role sees its part. */
export const NAV: readonly NavLink[] = [
  { href: '/', label: 'nav.overview', grants: PEOPLE },
  { href: '/floor', label: 'nav.floor', grants: PEOPLE },
  { href: '/alerts', label: 'nav.alerts', grants: PEOPLE },
  { href: '/cameras/live', label: 'nav.live', grants: PEOPLE },
  { href: '/zones', label: 'nav.zones', grants: EDITORS },
  { href: '/schedule', label: 'nav.schedule', grants: PEOPLE },
  { href: '/kiosk', label: 'nav.kiosk', grants: EDITORS },
  { href: '/admin/cameras', label: 'nav.cameras', grants: ADMIN },
  { href: '/admin/workers', label: 'nav.workers', grants: ADMIN },
  { href: '/admin/kiosks', label: 'nav.kiosks', grants: ADMIN },
  { href: '/admin/users', label: 'nav.users', grants: ADMIN },
  { href: '/admin/api-keys', label: 'nav.apiKeys', grants: ADMIN },
  { href: '/bench/vision', label: 'nav.bench', grants: ADMIN },
];

export function navFor(grant: Grant | undefined): NavLink[] {
  return grant ? NAV.filter((l) => l.grants.includes(grant)) : [];
}
