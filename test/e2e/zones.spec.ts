import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayoutDto } from '../../src/lib/protocol/zones.js';
import { launchChromium, signIn, WEBRTC_LOOPBACK } from '../support/browser.js';
import { createKiosk } from '../support/kiosk.js';
import { ADMIN, startTestServer } from '../support/server.js';
import { visionModelDir } from '../support/vision.js';

type Pt = [number, number];

describe('zone editor on the live frame (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let kiosk: Page;
  let cookie: string;

  const layout = async () =>
    (await (await fetch(`${server.base}/api/v1/cameras/CAM01/zones`, { headers: { cookie } })).json()) as LayoutDto;
  const kioskZones = () =>
    kiosk.evaluate(
      'window.floorsightKiosk ? window.floorsightKiosk.zones().map((z) => z.zoneId).sort().join(",") : ""',
    );

  /** Clicks at normalised points of the frozen frame; a right-click closes the polygon. */
  async function draw(points: Pt[]) {
    const box = (await page.getByTestId('zone-surface').boundingBox())!;
    for (const [x, y] of points) await page.mouse.click(box.x + x * box.width, box.y + y * box.height);
    const [x, y] = points[0]!;
    await page.mouse.click(box.x + x * box.width, box.y + y * box.height, { button: 'right' });
    return box;
  }

  beforeAll(async () => {
    server = await startTestServer({
      SEED_DEMO: 'true',
      MEDIA_ICE_ADDRESSES: '127.0.0.1',
      MODEL_DIR: visionModelDir(),
      KIOSK_DETECTOR: 'yolox_nano.onnx',
      KIOSK_PROCESSING_FPS: '2',
    });
    browser = await launchChromium(WEBRTC_LOOPBACK);
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    cookie = await signIn(page, server.base, ADMIN.username, ADMIN.password);
    await page.goto(`${server.base}/zones/CAM01`);
    await page.getByTestId('zone-surface').waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('stores a polygon drawn by clicks as the clicked normalised points', async () => {
    const clicks: Pt[] = [
      [0.1, 0.1],
      [0.4, 0.1],
      [0.4, 0.3],
      [0.1, 0.3],
    ];
    const box = await draw(clicks);
    await page.getByTestId('zone-name').fill('Packing');
    await page.getByTestId('save-zones').click();
    await page.getByTestId('zone-message').filter({ hasText: 'Saved: version 2' }).waitFor();
    await page.reload();
    await page.getByTestId('zone-surface').waitFor({ timeout: 30_000 });
    const packing = (await layout()).zones.find((z) => z.name === 'Packing')!;
    // One pixel of the displayed frame is the precision a click has.
    const px = 1 / Math.min(box.width, box.height);
    packing.polygon.forEach(([x, y], i) => {
      expect(Math.abs(x - clicks[i]![0])).toBeLessThanOrEqual(px);
      expect(Math.abs(y - clicks[i]![1])).toBeLessThanOrEqual(px);
    });
    expect((await layout()).zones).toHaveLength(3);
  });

  it('does not save a self-intersecting polygon', async () => {
    await draw([
      [0.55, 0.05],
      [0.9, 0.35],
      [0.9, 0.05],
      [0.55, 0.35],
    ]);
    await page.getByRole('alert').filter({ hasText: 'crosses' }).waitFor();
    expect(await page.getByTestId('save-zones').isDisabled()).toBe(true);
    await page.keyboard.press('Delete');
    expect(await page.getByTestId('save-zones').isDisabled()).toBe(false);
  });

  it('rolls back to an earlier version, and a running kiosk picks it up', async () => {
    const { token } = await createKiosk(server.base, ['CAM01']);
    kiosk = await browser.newPage();
    await kiosk.goto(`${server.base}/kiosk#token=${token}`);
    const three = (await layout()).zones
      .map((z) => z.zoneId)
      .sort()
      .join(',');
    await expect.poll(kioskZones, { timeout: 60_000 }).toBe(three);

    // Select "Packing" by clicking inside it, delete it, save version 3 (1 is the seeded layout).
    const box = (await page.getByTestId('zone-surface').boundingBox())!;
    await page.mouse.click(box.x + 0.25 * box.width, box.y + 0.2 * box.height);
    await page.keyboard.press('Delete');
    await page.getByTestId('save-zones').click();
    await page.getByTestId('zone-message').filter({ hasText: 'Saved: version 3' }).waitFor();
    await expect.poll(kioskZones, { timeout: 15_000 }).toBe('Z01,Z02');

    await page.getByTestId('rollback-2').click();
    await page.getByTestId('zone-message').filter({ hasText: 'Rolled back to 2: version 4' }).waitFor();
    expect((await layout()).zones.map((z) => z.name).sort()).toEqual(['Packing', 'Station 1', 'Station 2']);
    await expect.poll(kioskZones, { timeout: 15_000 }).toBe(three);
  });

  it('walks the calibration wizard: connection, picture applied by the relay, marked calibrated', async () => {
    await page.goto(`${server.base}/zones/CAM01/calibrate`);
    await page.getByTestId('camera-state').filter({ hasText: 'online' }).waitFor({ timeout: 15_000 });
    const restarts = () => server.media.statuses().find((c) => c.cameraId === 'CAM01')!.restarts;
    const before = restarts();
    await page.getByRole('button', { name: '3. Picture' }).click();
    await page.getByLabel('Brightness').fill('0.1');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Picture applied').waitFor();
    // ffmpeg restarted with the eq filter, and the camera came back.
    await expect.poll(restarts, { timeout: 10_000 }).toBeGreaterThan(before);
    await expect
      .poll(() => server.media.statuses().find((c) => c.cameraId === 'CAM01')!.state, { timeout: 15_000 })
      .toBe('online');
    await page.getByRole('button', { name: '6. Save' }).click();
    await page.getByRole('button', { name: 'Mark calibrated' }).click();
    await page.getByText('Calibration applied').waitFor();
    const cam = await server.services.db.prisma.camera.findUniqueOrThrow({ where: { cameraId: 'CAM01' } });
    expect(cam.calibrationParams).toMatchObject({ brightness: 0.1, contrast: 1, calibratedBy: expect.any(String) });
  });
});
