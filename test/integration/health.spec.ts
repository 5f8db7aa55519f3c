import { afterAll, describe, expect, it } from 'vitest';
import { type HealthReport, HealthSummary } from '../../src/lib/protocol/health.js';
import { createTestDatabase, privatePostgres, REDIS_URL } from '../support/postgres.js';
import { ADMIN, fullHealth, loginCookie, startTestServer } from '../support/server.js';

const health = fullHealth;

/** What anyone sees: the status alone. */
async function summary(base: string): Promise<HealthSummary> {
  return HealthSummary.parse(await (await fetch(`${base}/health`)).json());
}

async function waitFor(base: string, want: HealthReport['status'], timeoutMs: number): Promise<HealthSummary> {
  const deadline = performance.now() + timeoutMs;
  let last = await summary(base);
  while (last.status !== want && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    last = await summary(base);
  }
  return last;
}

describe('GET /health', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('is ok on the embedded database, with Redis disabled', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const h = await health(server.base);
    expect(h).toMatchObject({ status: 'ok', databases: { postgres: 'ok', postgresKind: 'pglite', redis: 'disabled' } });
    // The system's ffmpeg where installed, npm's static build otherwise; either runs.
    expect(h.ffmpeg).toMatchObject({ source: expect.stringMatching(/^(system|npm)$/), version: expect.any(String) });
  });

  it('tells a caller without credentials the status and nothing about cameras or kiosks', async () => {
    const server = await startTestServer({ SEED_DEMO: 'true' });
    cleanups.push(() => server.close());
    expect(await (await fetch(`${server.base}/health`)).json()).toEqual({ status: 'ok' });
    expect((await health(server.base)).cameras.length).toBeGreaterThan(0);
  });

  it('reports PostgreSQL and Redis ok when both are configured', async () => {
    const db = await createTestDatabase();
    const server = await startTestServer({ DATABASE_URL: db.url, REDIS_URL });
    cleanups.push(db.drop, () => server.close());
    const h = await health(server.base);
    expect(h).toMatchObject({ status: 'ok', databases: { postgres: 'ok', postgresKind: 'postgres', redis: 'ok' } });
  });

  it('turns down when PostgreSQL stops, keeps serving, and recovers when it returns', async () => {
    const pg = privatePostgres(55432 + (process.pid % 1000));
    cleanups.push(() => pg.destroy());
    pg.start();
    const server = await startTestServer({ DATABASE_URL: pg.url });
    cleanups.push(() => server.close());
    expect((await health(server.base)).status).toBe('ok');
    const cookie = await loginCookie(server.base, ADMIN.username, ADMIN.password);

    pg.stop();
    const down = await waitFor(server.base, 'down', 10_000);
    expect(down.status).toBe('down');
    // Nobody can be verified without the database: a signed-in caller gets the status alone too.
    const withCookie = await fetch(`${server.base}/health`, { headers: { cookie } });
    expect(withCookie.status).toBe(503);
    expect(await withCookie.json()).toEqual({ status: 'down' });
    // The process is still answering: the login page renders without the database.
    expect((await fetch(`${server.base}/login`)).status).toBe(200);

    pg.start();
    expect((await waitFor(server.base, 'ok', 15_000)).status).toBe('ok');
    expect((await health(server.base)).databases.postgres).toBe('ok');
  });

  it('turns degraded, not down, when a configured Redis is unreachable', async () => {
    const server = await startTestServer({ REDIS_URL: 'redis://127.0.0.1:1' });
    cleanups.push(() => server.close());
    const h = await health(server.base);
    expect(h.status).toBe('degraded');
    expect(h.databases.redis).toBe('down');
  });
});
