import { describe, expect, it } from 'vitest';
import { navFor } from './nav.js';

describe('navFor', () => {
  it.each([
    [
      'admin',
      [
        '/',
        '/floor',
        '/alerts',
        '/cameras/live',
        '/zones',
        '/schedule',
        '/kiosk',
        '/admin/cameras',
        '/admin/workers',
        '/admin/kiosks',
        '/admin/users',
        '/admin/api-keys',
        '/bench/vision',
      ],
    ],
    ['supervisor', ['/', '/floor', '/alerts', '/cameras/live', '/zones', '/schedule', '/kiosk']],
    ['operator', ['/', '/floor', '/alerts', '/cameras/live', '/schedule']],
    ['viewer', ['/', '/floor', '/alerts', '/cameras/live', '/schedule']],
  ] as const)('%s sees only what it may open', (grant, hrefs) => {
    expect(navFor(grant).map((l) => l.href)).toEqual(hrefs);
  });
  it('nobody signed in sees nothing', () => {
    expect(navFor(undefined)).toEqual([]);
  });
});
