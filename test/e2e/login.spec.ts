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

  it('after logging in, goes to a `next` on this site only (\\ tricks included)', async () => {
    const page = await browser.newPage();
    for (const [next, path] of [
      ['/%5Cevil.example/phish', '/'],
      ['//evil.example/phish', '/'],
      ['/schedule', '/schedule'],
    ] as const) {
      await page.context().clearCookies();
      await page.goto(`${server.base}/login?next=${next}`);
      await page.fill('input[name=username]', ADMIN.username);
      await page.fill('input[name=password]', ADMIN.password);
      await page.click('button[type=submit]');
      await page.waitForURL((u) => u.pathname === path || u.host !== new URL(server.base).host);
      expect(new URL(page.url()).host).toBe(new URL(server.base).host);
      expect(new URL(page.url()).pathname).toBe(path);
    }
    await page.close();
  });

  it('serves pages with a content security policy that forbids framing and foreign scripts', async () => {
    const res = await fetch(`${server.base}/login`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' blob: 'nonce-[^']+'/);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    // The page still works under it: no violation while it loads and hydrates.
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${server.base}/login`);
    await page.fill('input[name=username]', ADMIN.username);
    expect(violations).toEqual([]);
    await page.close();
  });
});
