import { Redis } from 'ioredis';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKiosk, kioskSocket } from '../support/kiosk.js';
import { createTestDatabase, REDIS_URL } from '../support/postgres.js';
import { ADMIN, loginCookie, startTestServer } from '../support/server.js';

describe('defences found by trying the product as an attacker (PostgreSQL, Redis)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let db: { url: string; drop(): Promise<void> };
  let admin: string;

  const api = (path: string, init: RequestInit & { cookie?: string } = {}) =>
    fetch(`${server.base}/api/v1${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.cookie !== undefined ? { cookie: init.cookie } : { cookie: admin }),
        ...(init.headers as Record<string, string>),
      },
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer({
      DATABASE_URL: db.url,
      REDIS_URL,
      SEED_DEMO: 'true',
      DEMO_VIDEO: '/nonexistent/vtest.avi',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '8',
    });
    admin = await loginCookie(server.base, ADMIN.username, ADMIN.password);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
    // The address limit lives in the Redis every test server shares: leave none of it to later files.
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys('fs:login-addr:*');
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('refuses a cookie request from another origin, and takes the same from our own', async () => {
    const body = JSON.stringify({ workerId: 'W900', name: 'Origin test' });
    const foreign = await api('/workers', { method: 'POST', body, headers: { origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    const sibling = await api('/workers', { method: 'POST', body, headers: { origin: 'http://127.0.0.1:1' } });
    expect(sibling.status).toBe(403);
    const own = await api('/workers', { method: 'POST', body, headers: { origin: server.base } });
    expect(own.status).toBe(201);
  });

  it('refuses a cookie socket from another origin', async () => {
    const socket = io(`${server.base}/floor`, {
      transports: ['websocket'],
      extraHeaders: { cookie: admin, origin: 'http://evil.example' },
      reconnection: false,
    });
    const err = await new Promise<Error & { data?: { code?: string } }>((resolve) =>
      socket.on('connect_error', resolve),
    );
    socket.close();
    expect(err.data?.code).toBe('forbidden');
  });

  it.each([
    ['/workers', { workerId: 'W901', name: 'Bad\u0000name' }, 'body.name'],
    ['/kiosks', { name: 'Kiosk\u0000', cameraIds: [] }, 'body.name'],
  ])('refuses a control character in %s naming the field', async (path, payload, field) => {
    const res = await api(path, { method: 'POST', body: JSON.stringify(payload) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid_input', field });
  });

  it('refuses an impossible date in a schedule', async () => {
    const res = await api('/schedules/2026-02-30', { method: 'PUT', body: JSON.stringify({ working: false }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ field: 'params.date' });
  });

  it('never lets the last active admin go, by deactivation or by demotion', async () => {
    const me = (await (await api('/auth/me')).json()) as { id: string };
    for (const patch of [{ active: false }, { role: 'viewer' }]) {
      const res = await api(`/users/${me.id}`, { method: 'PATCH', body: JSON.stringify(patch) });
      expect(res.status).toBe(409);
      expect((await res.json()).message).toMatch(/last active admin/);
    }
    expect((await api('/auth/me')).status).toBe(200);
    // With a second admin, one of them may step down.
    const second = await api('/users', {
      method: 'POST',
      body: JSON.stringify({ username: 'admin2', displayName: 'Second', password: 'second admin pw', role: 'admin' }),
    });
    const { userId } = (await second.json()) as { userId: string };
    const other = await loginCookie(server.base, 'admin2', 'second admin pw');
    expect((await api(`/users/${userId}`, { method: 'PATCH', body: JSON.stringify({ role: 'viewer' }) })).status).toBe(
      200,
    );
    // Demoted: the old session carries the new role, so admin routes are closed to it.
    expect((await api('/users', { cookie: other })).status).toBe(403);
  });

  it('ends a revoked kiosk’s live socket at once, and a deactivated user’s', async () => {
    const kiosk = await createKiosk(server.base, ['CAM01'], 'Revoked kiosk', admin);
    const socket = kioskSocket(server.base, kiosk.token);
    socket.io.opts.reconnection = false;
    await new Promise<void>((r) => socket.once('connect', () => r()));
    const gone = new Promise<string>((r) => socket.once('disconnect', (reason) => r(reason)));
    expect((await api(`/kiosks/${kiosk.kioskId}`, { method: 'DELETE' })).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    socket.close();

    await api('/users', {
      method: 'POST',
      body: JSON.stringify({ username: 'viewer1', displayName: 'V', password: 'viewer pw 1', role: 'viewer' }),
    });
    const users = (await (await api('/users')).json()) as { userId: string; username: string }[];
    const viewer = users.find((u) => u.username === 'viewer1')!;
    const cookie = await loginCookie(server.base, 'viewer1', 'viewer pw 1');
    const floor = io(`${server.base}/floor`, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      reconnection: false,
    });
    await new Promise<void>((r) => floor.once('connect', () => r()));
    const ended = new Promise<string>((r) => floor.once('disconnect', (reason) => r(reason)));
    expect(
      (await api(`/users/${viewer.userId}`, { method: 'PATCH', body: JSON.stringify({ active: false }) })).status,
    ).toBe(200);
    expect(await ended).toBe('io server disconnect');
    floor.close();
    expect((await api('/auth/me', { cookie })).status).toBe(401);
  });

  it('limits one address trying many usernames (password spraying)', async () => {
    const attempt = (username: string) =>
      fetch(`${server.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'Summer2026!' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt(`user${i}`)).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses.slice(8)).toEqual([429, 429]);
    // The right password from that address is refused too until the window passes.
    const res = await fetch(`${server.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
