import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_DEFAULTS } from '../../server/modules/alerts/domain/rules.js';
import { launchChromium, signIn, WEBRTC_LOOPBACK } from '../support/browser.js';
import { createKiosk } from '../support/kiosk.js';
import { createTestDatabase, REDIS_URL } from '../support/postgres.js';
import { ADMIN, loginCookie, startTestServer } from '../support/server.js';

// The demo camera through the kiosk on the defaults, with its zones made critical and allowed
// nobody: the people walking through them raise over_capacity.
describe('alerts from the demo video: raised, shown on /alerts and the floor, acknowledged (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let kiosk: Page;
  let db: { url: string; drop(): Promise<void> };
  let sql: pg.Client;
  let cookie: string;
  const call = (method: string, p: string, body?: unknown) =>
    fetch(`${server.base}/api/v1${p}`, {
      method,
      headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

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
    const layout = (await (await call('GET', '/cameras/CAM01/zones')).json()) as { zones: Record<string, unknown>[] };
    const zones = layout.zones.map((z) => ({ ...z, zoneType: 'critical', minWorkers: 0, maxWorkers: 0 }));
    expect((await call('PUT', '/cameras/CAM01/zones', { zones })).status).toBe(200);
    // People passing count at once here: the test cannot wait the default minute.
    expect((await call('PUT', '/alert-rules', { ...RULE_DEFAULTS, staffingSeconds: 0 })).status).toBe(200);
    const { token } = await createKiosk(server.base, ['CAM01'], 'Walkway kiosk', cookie);
    browser = await launchChromium(WEBRTC_LOOPBACK);
    kiosk = await browser.newPage();
    await kiosk.goto(`${server.base}/kiosk#token=${token}`);
  });
  afterAll(async () => {
    await browser?.close();
    await sql?.end();
    await server?.close();
    await db?.drop();
  });

  it(
    'raises over_capacity once per zone, with its anomaly, and the kiosk counts it',
    { timeout: 120_000 },
    async () => {
      const open = async () =>
        (
          await sql.query<{ alert_id: number; subject: string; anomaly_id: number | null }>(
            "SELECT alert_id, subject, anomaly_id FROM alerts WHERE alert_type = 'over_capacity' AND state = 'open'",
          )
        ).rows;
      await expect.poll(async () => (await open()).length, { timeout: 90_000, interval: 1000 }).toBeGreaterThan(0);
      const rows = await open();
      expect(new Set(rows.map((r) => r.subject)).size).toBe(rows.length);
      for (const r of rows) expect(r.anomaly_id).not.toBeNull();
      await expect.poll(() => kiosk.getByTestId('open-alerts').textContent(), { timeout: 10_000 }).not.toBe('0');
    },
  );

  it('shows it on the floor page and on /alerts, where acknowledging it is stored', async () => {
    const page = await browser.newPage();
    await signIn(page, server.base, ADMIN.username, ADMIN.password);
    await page.goto(`${server.base}/floor`);
    await expect.poll(() => page.getByTestId('alert-over_capacity').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.goto(`${server.base}/alerts`);
    await page.getByTestId('alert-row').first().click();
    await expect.poll(() => page.getByTestId('alert-detail').textContent()).toMatch(/raised/);
    await page.getByTestId('acknowledge').click();
    const stored = async () =>
      (await sql.query("SELECT state, acknowledged_by FROM alerts WHERE alert_type = 'over_capacity'")).rows[0];
    await expect
      .poll(stored, { timeout: 10_000 })
      .toMatchObject({ state: 'acknowledged', acknowledged_by: expect.any(String) });
    await expect.poll(() => page.getByTestId('alert-detail').textContent()).toMatch(/acknowledged/);
    const history = await sql.query('SELECT action FROM alert_history ORDER BY history_id');
    expect(history.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['raised', 'acknowledged']));
    // Acting on an alert that does not exist is a 404.
    expect((await call('POST', '/alerts/999999/acknowledge', {})).status).toBe(404);
    await page.close();
  });
});
