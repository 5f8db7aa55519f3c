import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { createKiosk } from '../support/kiosk.js';
import { createTestDatabase } from '../support/postgres.js';
import { ADMIN, loginCookie, startTestServer } from '../support/server.js';
import { visionModelDir } from '../support/vision.js';

describe('a USB camera plugged into the kiosk PC (getUserMedia)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let db: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer({
      DATABASE_URL: db.url,
      SEED_DEMO: 'false',
      MODEL_DIR: visionModelDir(),
      KIOSK_DETECTOR: 'yolox_nano.onnx',
    });
    const sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    await sql.query(
      `INSERT INTO cameras (camera_id, name, source_kind, usb_device, resolution, fps)
       VALUES ('DESK', 'Desk camera', 'usb', 'kiosk:', '640x480', 15)`,
    );
    await sql.query(
      `INSERT INTO zones (zone_id, camera_id, name, polygon_coords) VALUES ('ZD', 'DESK', 'Desk', '[[0,0],[1,0],[1,1],[0,1]]')`,
    );
    await sql.end();
    await (server.services as { intake: { refresh(): Promise<void> } }).intake.refresh();
    // Chromium's stand-in camera, and camera permission granted without a prompt.
    browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.drop();
  });

  it('is opened by the kiosk itself, processed and reported, never pulled by the server', async () => {
    const { token } = await createKiosk(server.base, ['DESK']);
    const page = await browser.newPage();
    await page.goto(`${server.base}/kiosk#token=${token}`);
    const acked = () => page.evaluate('window.floorsightKiosk ? window.floorsightKiosk.stats().acked : 0');
    await expect.poll(acked, { timeout: 60_000, interval: 1000 }).toBeGreaterThan(2);
    expect(await page.getByRole('alert').count()).toBe(0);
    const cookie = await loginCookie(server.base, ADMIN.username, ADMIN.password);
    const status = (await (await fetch(`${server.base}/api/v1/cameras/status`, { headers: { cookie } })).json()) as {
      cameraId: string;
    }[];
    expect(status.map((s) => s.cameraId)).not.toContain('DESK');
  });
});
