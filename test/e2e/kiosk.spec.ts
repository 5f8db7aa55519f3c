import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signIn, WEBRTC_LOOPBACK } from '../support/browser.js';
import { createKiosk } from '../support/kiosk.js';
import { createTestDatabase, REDIS_URL } from '../support/postgres.js';
import { ADMIN, loginCookie, startTestServer } from '../support/server.js';

// A fresh install's defaults: the demo camera, the default detector and thresholds, the npm models.
describe('kiosk page → sessions → floor page (demo camera, default detector on WASM, PostgreSQL)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let kiosk: Page;
  let db: { url: string; drop(): Promise<void> };
  let sql: pg.Client;
  let cookie: string;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer({
      DATABASE_URL: db.url,
      REDIS_URL,
      SEED_DEMO: 'true',
      MEDIA_ICE_ADDRESSES: '127.0.0.1',
    });
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    cookie = await loginCookie(server.base, ADMIN.username, ADMIN.password);
    const { token } = await createKiosk(server.base, ['CAM01'], 'Walkway kiosk');
    browser = await launchChromium(WEBRTC_LOOPBACK);
    kiosk = await browser.newPage();
    kiosk.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    // The provisioning link: the token travels in the fragment and is kept by the page.
    await kiosk.goto(`${server.base}/kiosk#token=${token}`);
  });
  afterAll(async () => {
    await browser?.close();
    await sql?.end();
    await server?.close();
    await db?.drop();
  });

  it('turns people walking through a zone into open sessions, time_logs and sessions rows', async () => {
    const active = async () =>
      (await (await fetch(`${server.base}/api/v1/sessions/active`, { headers: { cookie } })).json()) as {
        zoneId: string;
        cameraId: string;
      }[];
    await expect.poll(async () => (await active()).length, { timeout: 90_000, interval: 1000 }).toBeGreaterThan(0);
    expect((await active())[0]).toMatchObject({ cameraId: 'CAM01' });
    const count = async (table: string) => Number((await sql.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n);
    await expect.poll(() => count('time_logs'), { timeout: 30_000, interval: 1000 }).toBeGreaterThan(0);
    await expect.poll(() => count('sessions'), { timeout: 30_000, interval: 1000 }).toBeGreaterThan(0);
    const stats = await kiosk.evaluate('window.floorsightKiosk.stats()');
    expect(stats).toMatchObject({ rejected: 0 });
    expect(await kiosk.getByTestId('kiosk-status').textContent()).toMatch(/yolox_nano · [\d.]+ fps/);
    expect(Number(await kiosk.getByTestId('tracks-per-frame').textContent())).toBeGreaterThan(0);
    expect(await kiosk.getByTestId('detection-problem').count()).toBe(0);
    // Video, WASM threads, IndexedDB and the socket all run under the pages' security policy.
    expect(cspViolations).toEqual([]);
    expect(await kiosk.locator('canvas').count()).toBe(1);
  });

  it('shows the zone counts on the floor page', async () => {
    const floor = await browser.newPage();
    await signIn(floor, server.base, ADMIN.username, ADMIN.password);
    await floor.goto(`${server.base}/floor`);
    const present = async () => {
      const cells = await floor.locator('[data-testid^="present-"]').allTextContents();
      return cells.reduce((a, c) => a + Number(c), 0);
    };
    await expect.poll(present, { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);
    expect(await floor.locator('[data-testid="sessions"] tbody tr').count()).toBeGreaterThan(0);
    await floor.close();
  });

  it('keeps batches in IndexedDB while offline and delivers every one after reconnecting', async () => {
    const pending = () => kiosk.evaluate('window.floorsightKiosk.sender.pending()') as Promise<number>;
    await kiosk.evaluate('window.floorsightKiosk.socket.disconnect()');
    await expect.poll(pending, { timeout: 15_000, interval: 500 }).toBeGreaterThan(4);
    // Paused, nothing new is sealed; then everything kept is replayed and stored, nothing refused.
    await kiosk.evaluate('window.floorsightKiosk.pause()');
    await kiosk.evaluate('window.floorsightKiosk.sender.flush()');
    await kiosk.evaluate('window.floorsightKiosk.socket.connect()');
    const lastSeq = Number(
      await kiosk.evaluate(`new Promise((resolve) => {
        const open = indexedDB.open('floorsight-outbox');
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('seq:CAM01');
          get.onsuccess = () => resolve(get.result);
        };
      })`),
    );
    expect(lastSeq).toBeGreaterThan(4);
    await expect.poll(pending, { timeout: 20_000, interval: 500 }).toBe(0);
    const stored = await sql.query('SELECT last_seq FROM ingest_streams');
    expect(stored.rows.map((r: { last_seq: string }) => Number(r.last_seq))).toEqual([lastSeq]);
    expect(await kiosk.evaluate('window.floorsightKiosk.stats().rejected')).toBe(0);
  });
});
