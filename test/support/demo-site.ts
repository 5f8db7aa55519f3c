import pg from 'pg';
import { createTestDatabase, REDIS_URL } from './postgres.js';
import { ADMIN, loginCookie, startTestServer } from './server.js';

/**
 * A fresh install as a browser test needs it: the real server on its own PostgreSQL database with
 * Redis, the demo site seeded, WebRTC on loopback; an SQL client on that database and an admin's
 * `call` to the API.
 */
export async function demoSite(env: Record<string, string> = {}) {
  const db = await createTestDatabase();
  const server = await startTestServer({
    DATABASE_URL: db.url,
    REDIS_URL,
    SEED_DEMO: 'true',
    MEDIA_ICE_ADDRESSES: '127.0.0.1',
    ...env,
  });
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  const cookie = await loginCookie(server.base, ADMIN.username, ADMIN.password);
  const call = (method: string, p: string, body?: unknown) =>
    fetch(`${server.base}/api/v1${p}`, {
      method,
      headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    server,
    sql,
    cookie,
    call,
    async close() {
      await sql.end();
      await server.close();
      await db.drop();
    },
  };
}
export type DemoSite = Awaited<ReturnType<typeof demoSite>>;
