import type { Grant } from '../protocol/auth.js';

export interface NavLink {
  href: string;
  label: string;
  /** who sees it: what they may open, as the API's access rules say */
  grants: readonly Grant[];
}

const PEOPLE = ['admin', 'supervisor', 'operator', 'viewer'] as const;
const EDITORS = ['admin', 'supervisor'] as const;
const ADMIN = ['admin'] as const;

/** The one navigation, in order; each role sees its part. */
export const NAV: readonly NavLink[] = [
  { href: '/', label: 'Overview', grants: PEOPLE },
  { href: '/floor', label: 'Floor', grants: PEOPLE },
  { href: '/cameras/live', label: 'Live video', grants: PEOPLE },
  { href: '/zones', label: 'Zones', grants: EDITORS },
  { href: '/schedule', label: 'Schedule', grants: PEOPLE },
  { href: '/kiosk', label: 'Kiosk', grants: EDITORS },
  { href: '/admin/cameras', label: 'Cameras', grants: ADMIN },
  { href: '/admin/workers', label: 'Workers', grants: ADMIN },
  { href: '/admin/kiosks', label: 'Kiosks', grants: ADMIN },
  { href: '/admin/users', label: 'Users', grants: ADMIN },
  { href: '/admin/api-keys', label: 'API keys', grants: ADMIN },
  { href: '/bench/vision', label: 'Vision bench', grants: ADMIN },
];

export function navFor(grant: Grant | undefined): NavLink[] {
  return grant ? NAV.filter((l) => l.grants.includes(grant)) : [];
}
