import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { ADMIN, startTestServer } from '../support/server.js';

describe('login page in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'true' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends an anonymous visitor to the login page, logs in, and shows the overview', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.base}/`);
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.fill('input[name=username]', ADMIN.username);
    await page.fill('input[name=password]', 'wrong password');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toContain('wrong username or password');

    await page.fill('input[name=password]', ADMIN.password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${server.base}/`);
    await expect.poll(() => page.getByTestId('system-status').textContent()).toContain('ok');
    expect(await page.textContent('body')).toContain('CAM01');

    const cookie = (await page.context().cookies()).find((c) => c.name === 'fs_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    // Pages are cross-origin isolated, which the kiosk's WASM threads need.
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);

    await page.click('text=Log out');
    await page.waitForURL(/\/login/);
    await page.goto(`${server.base}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
