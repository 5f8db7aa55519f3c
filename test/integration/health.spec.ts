import { afterAll, describe, expect, it } from 'vitest';
import { HealthReport } from '../../src/lib/protocol/health.js';
import { createTestDatabase, privatePostgres, REDIS_URL } from '../support/postgres.js';
import { startTestServer } from '../support/server.js';

async function health(base: string): Promise<HealthReport> {
  return HealthReport.parse(await (await fetch(`${base}/health`)).json());
}

async function waitFor(base: string, want: HealthReport['status'], timeoutMs: number): Promise<HealthReport> {
  const deadline = performance.now() + timeoutMs;
  let last = await health(base);
  while (last.status !== want && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    last = await health(base);
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

    pg.stop();
    const down = await waitFor(server.base, 'down', 10_000);
    expect(down.status).toBe('down');
    expect(down.databases.postgres).toBe('down');
    expect((await fetch(`${server.base}/health`)).status).toBe(503);
    // The process is still answering: the login page renders without the database.
    expect((await fetch(`${server.base}/login`)).status).toBe(200);

    pg.start();
    const back = await waitFor(server.base, 'ok', 15_000);
    expect(back.databases.postgres).toBe('ok');
  });

  it('turns degraded, not down, when a configured Redis is unreachable', async () => {
    const server = await startTestServer({ REDIS_URL: 'redis://127.0.0.1:1' });
    cleanups.push(() => server.close());
    const h = await health(server.base);
    expect(h.status).toBe('degraded');
    expect(h.databases.redis).toBe('down');
  });
});
