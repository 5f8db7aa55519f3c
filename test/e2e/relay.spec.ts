import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodedFrames, launchChromium, signIn, WEBRTC_LOOPBACK } from '../support/browser.js';
import { ADMIN, startTestServer } from '../support/server.js';

const SOURCE_FPS = 10; // vtest.avi

describe('camera relay to the browser (file camera, werift SFU, Chromium)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let cookie: string;

  const frames = () => decodedFrames(page);
  const state = () => server.media.statuses().find((s) => s.cameraId === 'CAM01')!.state;

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'true', MEDIA_ICE_ADDRESSES: '127.0.0.1' });
    browser = await launchChromium(WEBRTC_LOOPBACK);
    page = await browser.newPage();
    cookie = await signIn(page, server.base, ADMIN.username, ADMIN.password);
    await page.goto(`${server.base}/cameras/live?ids=CAM01`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('delivers at least 90 % of the source frame rate', async () => {
    await expect.poll(frames, { timeout: 20_000 }).toBeGreaterThan(0);
    const f0 = await frames();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 5000));
    const fps = ((await frames()) - f0) / ((performance.now() - t0) / 1000);
    expect(fps).toBeGreaterThanOrEqual(0.9 * SOURCE_FPS);
    expect(state()).toBe('online');
    expect(server.media.statuses()[0]!.viewers).toBe(1);
  });

  it('serves Motion-JPEG to clients without WebRTC and reports viewers per camera', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${server.base}/api/v1/cameras/CAM01/mjpeg`, { headers: { cookie }, signal: ctrl.signal });
    expect(res.headers.get('content-type')).toContain('multipart/x-mixed-replace');
    const reader = res.body!.getReader();
    let jpegs = 0;
    let tail = '';
    const until = performance.now() + 4000;
    while (performance.now() < until) {
      const { value, done } = await reader.read();
      if (done) break;
      const text = tail + Buffer.from(value).toString('latin1');
      jpegs += text.split('Content-Type: image/jpeg').length - 1;
      tail = text.slice(-40);
    }
    ctrl.abort();
    expect(jpegs).toBeGreaterThanOrEqual(8);
    const status = (await (await fetch(`${server.base}/api/v1/cameras/status`, { headers: { cookie } })).json()) as {
      cameraId: string;
      state: string;
      viewers: number;
    }[];
    expect(status).toMatchObject([{ cameraId: 'CAM01', state: 'online', viewers: 1, kbps: expect.any(Number) }]);
    expect((status[0] as unknown as { kbps: number }).kbps).toBeGreaterThan(0);
    const missing = await fetch(`${server.base}/api/v1/cameras/NOPE/mjpeg`, { headers: { cookie } });
    expect(missing.status).toBe(404);
  });

  it('a killed source turns the camera offline and frames come back within 10 s, 5 times in a row', async () => {
    for (let round = 0; round < 5; round++) {
      server.media.relay('CAM01')!.kill();
      await expect.poll(state, { timeout: 5000, interval: 50 }).not.toBe('online');
      const before = await frames();
      await expect.poll(frames, { timeout: 10_000, interval: 250 }).toBeGreaterThan(before + 5);
      expect(state()).toBe('online');
    }
    const row = await server.services.db.prisma.camera.findUniqueOrThrow({ where: { cameraId: 'CAM01' } });
    expect(row.status).toBe('online');
    expect(row.lastSeenAt).not.toBeNull();
  });
});
