import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { ADMIN, manualClock, startTestServer } from '../support/server.js';

describe('schedule page in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  // Thursday 2025-01-16, 09:40 Bangkok.
  const clock = manualClock('2025-01-16T02:40:00Z');

  beforeAll(async () => {
    server = await startTestServer({}, clock);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${server.base}/login`);
    await page.fill('input[name=username]', ADMIN.username);
    await page.fill('input[name=password]', ADMIN.password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${server.base}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the day from the weekly default, with the status bar naming the index', async () => {
    await page.goto(`${server.base}/schedule?date=2025-01-16`);
    expect(await page.getByTestId('index-row').count()).toBe(11);
    expect(await page.getByTestId('timeline-break').count()).toBe(2);
    expect(await page.getByTestId('timeline-now').count()).toBe(1);
    expect(await page.getByTestId('index-status').textContent()).toMatch(/^Index 3\/11 · \d+ min left$/);
  });

  it('adds a lunch break, saves, and shows the new timeline', async () => {
    await page.click('text=Add break');
    const rows = page.getByTestId('break-row');
    expect(await rows.count()).toBe(3);
    await rows.nth(2).locator('input[type=time]').fill('12:00');
    await rows.nth(2).locator('input[type=number]').fill('45');
    await page.click('text=Save schedule');
    await expect.poll(() => page.getByTestId('timeline-break').count()).toBe(3);
    const minutes = await page.getByTestId('index-row').locator('td:nth-child(3)').allTextContents();
    expect(minutes.reduce((s, m) => s + Number(m), 0)).toBeCloseTo(465, 0);
    await page.reload();
    expect(await page.getByTestId('timeline-break').count()).toBe(3);
    expect(await page.textContent('h2 small')).toContain('set for this day');
  });

  it('refuses a shift that ends before it starts, naming the field', async () => {
    await page.fill('input[name=workEnd]', '07:00');
    await page.click('text=Save schedule');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toContain('workEnd');
  });
});
