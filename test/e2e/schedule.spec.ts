import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { signIn } from '../support/browser.js';
import { ADMIN, loginCookie, manualClock, startTestServer } from '../support/server.js';

/** Posts a form action from inside the page, as `use:enhance` does; returns SvelteKit's answer. */
function postAction(page: Page, action: string, fields: Record<string, string>) {
  return page.evaluate(
    async ([a, f]) => {
      const body = new FormData();
      for (const [k, v] of Object.entries(f)) body.set(k, v);
      const res = await fetch(a, { method: 'POST', body, headers: { 'x-sveltekit-action': 'true' } });
      return (await res.json()) as { type: string; status: number; data: string };
    },
    [action, fields] as const,
  );
}

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
    await rows.nth(2).locator('input[data-field=break-start]').fill('12:00');
    await rows.nth(2).locator('input[type=number]').fill('45');
    await page.click('text=Save schedule');
    await expect.poll(() => page.getByTestId('timeline-break').count()).toBe(3);
    const net = await page.getByTestId('index-row').locator('td:nth-child(3)').allTextContents();
    for (const t of net) expect(t).toMatch(/^\d+:[0-5]\d$/);
    const seconds = net.map((t) => t.split(':').map(Number)).reduce((s, [m, sec]) => s + m! * 60 + sec!, 0);
    expect(seconds / 60).toBeCloseTo(465, 0);
    await page.reload();
    expect(await page.getByTestId('timeline-break').count()).toBe(3);
    expect(await page.textContent('h2 small')).toContain('set for this day');
  });

  it('refuses a shift that ends before it starts, naming the field', async () => {
    await page.fill('input[name=workEnd]', '07:00');
    await page.click('text=Save schedule');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toContain('workEnd');
  });

  it('says so when the date asked for is not a calendar date', async () => {
    await page.goto(`${server.base}/schedule?date=2026-02-30`);
    expect(await page.locator('[role=alert]').first().textContent()).toContain('2026-02-30 is not a calendar date');
  });

  it('refuses a break length that is not a number, and a break before the shift, naming the field', async () => {
    await page.goto(`${server.base}/schedule`);
    const abc = await postAction(page, '/schedule?/break', { action: 'start', minutes: 'abc' });
    expect(abc).toMatchObject({ type: 'failure', status: 400 });
    expect(abc.data).toContain('minutes');
    clock.set('2025-01-16T00:30:00Z'); // 07:30 Bangkok
    const early = await postAction(page, '/schedule?/break', { action: 'start', minutes: '15' });
    clock.set('2025-01-16T02:40:00Z');
    expect(early).toMatchObject({ type: 'failure', status: 400 });
    expect(early.data).toContain('the shift has not started yet');
  });

  it('gives a supervisor the same rights as the API: a day yes, the weekly default no', async () => {
    const admin = await loginCookie(server.base, ADMIN.username, ADMIN.password);
    const created = await fetch(`${server.base}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({ username: 'sup1', displayName: 'Sup', password: 'supervisor pw', role: 'supervisor' }),
    });
    expect(created.status).toBe(201);
    const template = () =>
      fetch(`${server.base}/api/v1/schedule-template/1`, { headers: { cookie: admin } }).then((r) => r.text());
    const before = await template();
    const sup = await browser.newPage();
    await signIn(sup, server.base, 'sup1', 'supervisor pw');
    await sup.goto(`${server.base}/schedule?date=2025-01-20`);
    expect(await sup.locator('text=Save schedule').count()).toBe(1);
    expect(await sup.locator('input[name=asTemplate]').count()).toBe(0);
    const forged = await postAction(sup, '/schedule?/save', {
      date: '2025-01-20',
      working: 'on',
      workStart: '08:00',
      workEnd: '17:00',
      indices: '11',
      mode: 'equal',
      breaks: '[]',
      asTemplate: 'on',
    });
    expect(forged).toMatchObject({ type: 'failure', status: 403 });
    expect(await template()).toBe(before);
    await sup.close();
  });
});
