import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFactoryTime } from '../../src/lib/components/index-status.js';
import { decodedFrames, launchChromium, signIn, WEBRTC_LOOPBACK } from '../support/browser.js';
import { ADMIN, startTestServer } from '../support/server.js';

// What a newcomer meets on a fresh install with the demo site, in a browser set to another zone.
describe('first look at the pages (demo site, Chromium)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'true', MEDIA_ICE_ADDRESSES: '127.0.0.1' });
    browser = await launchChromium(WEBRTC_LOOPBACK);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function page(width = 1280) {
    const context = await browser.newContext({ timezoneId: 'America/New_York', viewport: { width, height: 800 } });
    const p = await context.newPage();
    await signIn(p, server.base, ADMIN.username, ADMIN.password);
    return p;
  }

  it('floor page: updated time in the factory zone, and usable 390 px wide', async () => {
    const p = await page(390);
    await p.goto(`${server.base}/floor`);
    const shown = (await p.getByTestId('updated-at').textContent())!;
    expect(shown).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    const bangkokHour = formatFactoryTime(new Date().toISOString(), server.cfg.timeZone).slice(0, 2);
    expect([
      bangkokHour,
      formatFactoryTime(new Date(Date.now() - 60_000).toISOString(), 'Asia/Bangkok').slice(0, 2),
    ]).toContain(shown.slice(0, 2));
    const fit = await p.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      header: document.querySelector('header.bar')!.getBoundingClientRect().right,
      video: document.querySelector('video')!.getBoundingClientRect().width,
    }));
    expect(fit.overflow).toBeLessThanOrEqual(0);
    expect(fit.header).toBeLessThanOrEqual(390);
    expect(fit.video).toBeGreaterThan(300);
    await p.context().close();
  });

  it('navigation reaches the live cameras, which show every relayed camera without ?ids=', async () => {
    const p = await page();
    await p.goto(`${server.base}/`);
    await p.click('nav >> text=Live video');
    await p.waitForURL(`${server.base}/cameras/live`);
    expect(await p.locator('nav >> text=Vision bench').count()).toBe(1);
    await expect.poll(() => decodedFrames(p), { timeout: 30_000, interval: 500 }).toBeGreaterThan(10);
    expect(await p.getByTestId('frames-CAM01').count()).toBe(1);
    expect(await p.locator('[role=alert]').count()).toBe(0);
    await p.context().close();
  });

  it('zone editor: the seeded layout is version 1, not "not saved yet"', async () => {
    const p = await page();
    await p.goto(`${server.base}/zones/CAM01`);
    expect(await p.textContent('p.muted')).toContain('Version 1');
    expect(await p.textContent('body')).not.toContain('Not saved yet');
    expect(await p.textContent('body')).toContain('seed · demo layout');
    await p.context().close();
  });

  it('kiosk set-up names the right token kind and sends nobody to a missing page', async () => {
    const p = await page();
    await p.goto(`${server.base}/kiosk`);
    expect(await p.getAttribute('input', 'placeholder')).toBe('fsd_…');
    await p.context().clearCookies();
    await p.reload();
    const text = (await p.textContent('.setup'))!;
    expect(text).toContain('provisioning link');
    expect(text).not.toMatch(/under Kiosks/);
    await p.context().close();
  });
});
