import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grant } from '../../src/lib/protocol/auth.js';
import { NAMESPACES } from '../../server/platform/realtime/sockets.js';
import { ADMIN, loginCookie, startTestServer } from '../support/server.js';

// The expected guard of every /api/v1 route, written out by hand on purpose: a route that loses
// or widens its guard, or a new route nobody listed here, makes this file fail.
const U = ['admin', 'supervisor', 'operator', 'viewer'] as const;
const EXPECTED: { method: string; path: string; access: readonly Grant[] | 'public' }[] = [
  { method: 'POST', path: '/auth/login', access: 'public' },
  { method: 'POST', path: '/auth/logout', access: U },
  { method: 'GET', path: '/auth/me', access: [...U, 'kiosk'] },
  { method: 'GET', path: '/users', access: ['admin'] },
  { method: 'POST', path: '/users', access: ['admin'] },
  { method: 'PATCH', path: '/users/:id', access: ['admin'] },
  { method: 'GET', path: '/api-keys', access: ['admin'] },
  { method: 'POST', path: '/api-keys', access: ['admin'] },
  { method: 'DELETE', path: '/api-keys/:id', access: ['admin'] },
  { method: 'GET', path: '/kiosks', access: ['admin'] },
  { method: 'POST', path: '/kiosks', access: ['admin'] },
  { method: 'DELETE', path: '/kiosks/:id', access: ['admin'] },
  { method: 'GET', path: '/models', access: [...U, 'kiosk'] },
  { method: 'GET', path: '/workers', access: U },
  { method: 'POST', path: '/workers', access: ['admin'] },
  { method: 'PATCH', path: '/workers/:id', access: ['admin'] },
  { method: 'DELETE', path: '/workers/:id', access: ['admin'] },
  { method: 'GET', path: '/identity/settings', access: ['admin', 'supervisor'] },
  { method: 'PUT', path: '/identity/settings', access: ['admin'] },
  { method: 'GET', path: '/workers/:id/identity', access: ['admin', 'supervisor'] },
  { method: 'PUT', path: '/workers/:id/consent', access: ['admin', 'supervisor'] },
  { method: 'POST', path: '/workers/:id/enrolments/test', access: ['admin', 'supervisor'] },
  { method: 'POST', path: '/workers/:id/enrolments', access: ['admin', 'supervisor'] },
  { method: 'GET', path: '/workers/:id/personal-data', access: ['admin'] },
  { method: 'DELETE', path: '/workers/:id/personal-data', access: ['admin'] },
  { method: 'GET', path: '/audit-logs', access: ['admin'] },
  { method: 'GET', path: '/alerts', access: U },
  { method: 'GET', path: '/alerts/:id', access: U },
  { method: 'POST', path: '/alerts/:id/acknowledge', access: ['admin', 'supervisor'] },
  { method: 'POST', path: '/alerts/:id/snooze', access: ['admin', 'supervisor'] },
  { method: 'POST', path: '/alerts/:id/resolve', access: ['admin', 'supervisor'] },
  { method: 'GET', path: '/alert-rules', access: U },
  { method: 'PUT', path: '/alert-rules', access: ['admin'] },
  { method: 'GET', path: '/escalation-policies', access: U },
  { method: 'PUT', path: '/escalation-policies', access: ['admin'] },
  { method: 'GET', path: '/anomalies', access: U },
  { method: 'GET', path: '/alert-deliveries', access: ['admin'] },
  { method: 'GET', path: '/daily-summaries', access: U },
  { method: 'GET', path: '/daily-summaries/:date', access: U },
  { method: 'POST', path: '/daily-summaries/:date', access: ['admin'] },
  { method: 'POST', path: '/alert-deliveries/:id/replay', access: ['admin'] },
  { method: 'POST', path: '/cameras', access: ['admin'] },
  { method: 'POST', path: '/cameras/test', access: ['admin'] },
  { method: 'DELETE', path: '/cameras/:id', access: ['admin'] },
  { method: 'GET', path: '/cameras/status', access: [...U, 'kiosk'] },
  { method: 'GET', path: '/cameras/:id/mjpeg', access: [...U, 'kiosk'] },
  { method: 'GET', path: '/cameras', access: [...U, 'kiosk'] },
  { method: 'GET', path: '/zones', access: [...U, 'kiosk'] },
  { method: 'GET', path: '/system/logs', access: ['admin'] },
  { method: 'POST', path: '/kiosk/telemetry', access: ['kiosk'] },
  { method: 'GET', path: '/schedules/:date', access: [...U, 'kiosk'] },
  { method: 'PUT', path: '/schedules/:date', access: ['admin', 'supervisor'] },
  { method: 'GET', path: '/schedules/:date/timeline', access: [...U, 'kiosk'] },
  { method: 'GET', path: '/schedule-template/:weekday', access: U },
  { method: 'PUT', path: '/schedule-template/:weekday', access: ['admin'] },
  { method: 'GET', path: '/indices/current', access: [...U, 'kiosk'] },
  { method: 'GET', path: '/indices/:date', access: U },
  { method: 'POST', path: '/indices/breaks', access: ['admin', 'supervisor'] },
  { method: 'GET', path: '/sessions/active', access: U },
  { method: 'GET', path: '/floor/live', access: U },
  { method: 'GET', path: '/metrics/today', access: U },
  { method: 'GET', path: '/kiosk/config', access: ['kiosk'] },
  { method: 'GET', path: '/cameras/:id/zones', access: [...U, 'kiosk'] },
  { method: 'PUT', path: '/cameras/:id/zones', access: ['admin', 'supervisor'] },
  { method: 'GET', path: '/cameras/:id/zones/versions', access: U },
  { method: 'GET', path: '/cameras/:id/zones/versions/:version', access: U },
  { method: 'POST', path: '/cameras/:id/zones/rollback', access: ['admin', 'supervisor'] },
  { method: 'POST', path: '/cameras/:id/zones/template', access: ['admin', 'supervisor'] },
  { method: 'GET', path: '/zone-templates', access: U },
  { method: 'PATCH', path: '/cameras/:id', access: ['admin'] },
  { method: 'POST', path: '/cameras/:id/reconnect', access: ['admin', 'supervisor'] },
  { method: 'POST', path: '/zone-templates', access: ['admin', 'supervisor'] },
];

type Caller = { name: string; grant: Grant | null; headers: Record<string, string> };

/** Every route the running Express app really has under /api/v1, read from its router. */
function mountedRoutes(app: unknown): string[] {
  type Layer = {
    route?: { path: string; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
    matchers?: unknown[];
    regexp?: RegExp;
    name?: string;
  };
  const out: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods)) out.push(`${m.toUpperCase()} ${prefix}${layer.route.path}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix);
      }
    }
  };
  walk((app as { router: { stack: Layer[] } }).router.stack, '');
  return out.sort();
}

describe('role × route matrix', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const callers: Caller[] = [{ name: 'anonymous', grant: null, headers: {} }];

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await loginCookie(server.base, ADMIN.username, ADMIN.password);
    for (const role of U) {
      if (role !== 'admin') {
        const res = await fetch(`${server.base}/api/v1/users`, {
          method: 'POST',
          headers: { cookie: admin, 'content-type': 'application/json' },
          body: JSON.stringify({ username: `${role}-1`, displayName: role, password: 'password-123', role }),
        });
        expect(res.status).toBe(201);
      }
      const cookie = role === 'admin' ? admin : await loginCookie(server.base, `${role}-1`, 'password-123');
      callers.push({ name: `${role} (cookie)`, grant: role, headers: { cookie } });
      const key = await fetch(`${server.base}/api/v1/api-keys`, {
        method: 'POST',
        headers: { cookie: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `${role} client`, role }),
      }).then((r) => r.json() as Promise<{ key: string }>);
      callers.push({ name: `${role} (API key)`, grant: role, headers: { authorization: `Bearer ${key.key}` } });
    }
    const kiosk = await fetch(`${server.base}/api/v1/kiosks`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Line A kiosk' }),
    }).then((r) => r.json() as Promise<{ token: string }>);
    callers.push({ name: 'kiosk', grant: 'kiosk', headers: { authorization: `Bearer ${kiosk.token}` } });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('the app mounts exactly the routes listed here', async () => {
    const api = mountedRoutes(server.app).filter((r) => !r.endsWith(' /health'));
    expect(api.map((r) => r.replace(/^(\w+) /, '$1 '))).toEqual(EXPECTED.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('every caller gets 401, 403 or through, exactly as each route declares', async () => {
    const failures: string[] = [];
    for (const route of EXPECTED) {
      if (route.path === '/auth/logout') continue; // checked below: it ends the caller's session
      for (const caller of callers) {
        const url = `${server.base}/api/v1${route.path.replace(':id', 'no-such-id').replace(':date', '2025-01-15').replace(':weekday', '3').replace(':version', '1')}`;
        const res = await fetch(url, {
          method: route.method,
          headers: { ...caller.headers, 'content-type': 'application/json' },
          body: route.method === 'GET' ? undefined : '{}',
        });
        const body = await res.text();
        const admitted = route.access === 'public' || (caller.grant !== null && route.access.includes(caller.grant));
        const expected = admitted ? 'through' : caller.grant === null ? 401 : 403;
        const got = res.status === 401 || res.status === 403 ? res.status : 'through';
        if (got !== expected)
          failures.push(`${route.method} ${route.path} as ${caller.name}: expected ${expected}, got ${res.status}`);
        if (!admitted && /"userId"|"workerId"|"cameraId"/.test(body))
          failures.push(`${route.method} ${route.path} leaked data to ${caller.name}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('logout admits every user and ends only that session', async () => {
    const cookie = await loginCookie(server.base, 'viewer-1', 'password-123');
    expect((await fetch(`${server.base}/api/v1/auth/logout`, { method: 'POST' })).status).toBe(401);
    const kiosk = callers.find((c) => c.grant === 'kiosk')!;
    expect((await fetch(`${server.base}/api/v1/auth/logout`, { method: 'POST', headers: kiosk.headers })).status).toBe(
      403,
    );
    expect((await fetch(`${server.base}/api/v1/auth/logout`, { method: 'POST', headers: { cookie } })).status).toBe(
      204,
    );
    expect((await fetch(`${server.base}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it.each(Object.entries(NAMESPACES))('socket namespace %s admits only %j', async (ns, access) => {
    for (const caller of callers) {
      const auth = caller.headers.authorization ? { token: caller.headers.authorization.slice('Bearer '.length) } : {};
      const socket: Socket = io(`${server.base}${ns}`, {
        transports: ['websocket'],
        auth,
        extraHeaders: caller.headers.cookie ? { cookie: caller.headers.cookie } : {},
        reconnection: false,
      });
      const outcome = await new Promise<string>((resolve) => {
        socket.on('connect', () => resolve('connected'));
        socket.on('connect_error', (err: Error & { data?: { code?: string } }) =>
          resolve(err.data?.code ?? err.message),
        );
      });
      socket.close();
      const admitted = caller.grant !== null && (access as readonly string[]).includes(caller.grant);
      expect(`${caller.name}: ${outcome}`).toBe(
        `${caller.name}: ${admitted ? 'connected' : caller.grant === null ? 'unauthenticated' : 'forbidden'}`,
      );
    }
  });
});
