import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_DEFAULTS } from '../../server/modules/alerts/domain/rules.js';
import { launchChromium, signIn, WEBRTC_LOOPBACK } from '../support/browser.js';
import { createKiosk } from '../support/kiosk.js';
import { demoSite, type DemoSite } from '../support/demo-site.js';
import { ADMIN } from '../support/server.js';

// The demo camera through the kiosk on the defaults, with its zones made critical and allowed
// nobody: the people walking through them raise over_capacity.
describe('alerts from the demo video: raised, shown on /alerts and the floor, acknowledged (Chromium)', () => {
  let site: DemoSite;
  let browser: Browser;
  let kiosk: Page;
  const call: DemoSite['call'] = (...args) => site.call(...args);

  beforeAll(async () => {
    site = await demoSite();
    const layout = (await (await call('GET', '/cameras/CAM01/zones')).json()) as { zones: Record<string, unknown>[] };
    const zones = layout.zones.map((z) => ({ ...z, zoneType: 'critical', minWorkers: 0, maxWorkers: 0 }));
    expect((await call('PUT', '/cameras/CAM01/zones', { zones })).status).toBe(200);
    // People passing count at once here: the test cannot wait the default minute.
    expect((await call('PUT', '/alert-rules', { ...RULE_DEFAULTS, staffingSeconds: 0 })).status).toBe(200);
    const { token } = await createKiosk(site.server.base, ['CAM01'], 'Walkway kiosk', site.cookie);
    browser = await launchChromium(WEBRTC_LOOPBACK);
    kiosk = await browser.newPage();
    await kiosk.goto(`${site.server.base}/kiosk#token=${token}`);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it(
    'raises over_capacity once per zone, with its anomaly, and the kiosk counts it',
    { timeout: 120_000 },
    async () => {
      const open = async () =>
        (
          await site.sql.query<{ alert_id: number; subject: string; anomaly_id: number | null }>(
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
    await signIn(page, site.server.base, ADMIN.username, ADMIN.password);
    await page.goto(`${site.server.base}/floor`);
    await expect.poll(() => page.getByTestId('alert-over_capacity').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.goto(`${site.server.base}/alerts`);
    await page.getByTestId('alert-row').first().click();
    await expect.poll(() => page.getByTestId('alert-detail').textContent()).toMatch(/raised/);
    await page.getByTestId('acknowledge').click();
    const stored = async () =>
      (await site.sql.query("SELECT state, acknowledged_by FROM alerts WHERE alert_type = 'over_capacity'")).rows[0];
    await expect
      .poll(stored, { timeout: 10_000 })
      .toMatchObject({ state: 'acknowledged', acknowledged_by: expect.any(String) });
    await expect.poll(() => page.getByTestId('alert-detail').textContent()).toMatch(/acknowledged/);
    const history = await site.sql.query('SELECT action FROM alert_history ORDER BY history_id');
    expect(history.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['raised', 'acknowledged']));
    // Acting on an alert that does not exist is a 404.
    expect((await call('POST', '/alerts/999999/acknowledge', {})).status).toBe(404);
    await page.close();
  });
});
