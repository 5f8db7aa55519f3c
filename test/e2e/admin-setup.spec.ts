import path from 'node:path';
import en from '../../src/lib/i18n/en.json';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signIn, WEBRTC_LOOPBACK } from '../support/browser.js';
import { ADMIN, startTestServer } from '../support/server.js';

// A first-time admin on an empty install: cameras and workers through the pages, the checklist ticking.
describe('first-run set-up through the admin pages (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', MEDIA_ICE_ADDRESSES: '127.0.0.1' });
    browser = await launchChromium(WEBRTC_LOOPBACK);
    page = await browser.newPage();
    await signIn(page, server.base, ADMIN.username, ADMIN.password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const step = (key: string) => page.getByTestId(`step-${key}`).getAttribute('data-done');

  it('starts with an unticked checklist and empty pages that say what to do', async () => {
    await page.goto(`${server.base}/`);
    expect(await step('camera')).toBe('false');
    expect(await step('enrolled')).toBe('false');
    await page.click('text=Add a camera');
    await page.waitForURL(`${server.base}/admin/cameras`);
    expect(await page.getByTestId('empty').textContent()).toMatch(/No camera yet/);
  });

  it('tests a file camera, shows its frame, adds it, and the checklist ticks', async () => {
    await page.fill('input[name=cameraId]', 'CAM09');
    await page.fill('input[name=name]', 'Packing line');
    await page.selectOption('select[name=sourceKind]', 'file');
    await page.fill('input[name=filePath]', '/nonexistent/clip.mp4');
    await page.getByTestId('test-connection').click();
    expect(await page.getByTestId('test-error').textContent()).toMatch(/No picture: .*(No such file|nonexistent)/);
    await page.fill('input[name=filePath]', path.resolve('vendor/media/vtest-demo.mp4'));
    await page.getByTestId('test-connection').click();
    await page.getByTestId('test-frame').waitFor({ timeout: 15_000 });
    expect(
      await page.locator('[data-testid=test-frame] img').evaluate((i) => (i as HTMLImageElement).naturalWidth),
    ).toBe(768);
    await page.getByTestId('add-camera').click();
    await expect.poll(() => page.locator('[data-testid=cameras] tbody tr').count()).toBe(1);
    // The relay picks the new camera up at once.
    await expect
      .poll(() => server.media.statuses().find((c) => c.cameraId === 'CAM09')?.state, { timeout: 15_000 })
      .toBe('online');
    await page.goto(`${server.base}/`);
    expect(await step('camera')).toBe('true');
  });

  it('refuses a camera without its source, naming the field beside the input', async () => {
    await page.goto(`${server.base}/admin/cameras`);
    await page.fill('input[name=cameraId]', 'CAM10');
    await page.fill('input[name=name]', 'No URL');
    await page.getByTestId('add-camera').click();
    await expect.poll(() => page.locator('.error').first().textContent()).toMatch(/rtsp:\/\//);
  });

  it('adds a worker and edits it; a second edit keeps the stations the first set', async () => {
    await page.goto(`${server.base}/admin/workers`);
    await page.fill('input[name=workerId]', 'W100');
    await page.fill('input[name=name]', 'Somsri');
    await page.getByTestId('add-worker').click();
    await expect.poll(() => page.locator('[data-testid=workers] tbody tr').count()).toBe(1);
    await page.click('text=Edit');
    await page.fill('form input[name=badgeId]', 'BADGE-100');
    await page.fill('form input[name=stations]', 'Z01, Z02');
    await page.click('text=Save');
    await expect
      .poll(() => page.locator('[data-testid=workers] tbody tr td:nth-child(3)').textContent())
      .toBe('BADGE-100');
    await page.click('text=Edit');
    expect(await page.inputValue('form input[name=stations]')).toBe('Z01, Z02');
    await page.fill('form input[name=badgeId]', 'BADGE-101');
    await page.click('text=Save');
    const workers = await page.evaluate(() => fetch('/api/v1/workers').then((r) => r.json()));
    expect(workers).toMatchObject([{ workerId: 'W100', badgeId: 'BADGE-101', stationAssignments: ['Z01', 'Z02'] }]);
  });

  it('registers a kiosk and shows its provisioning link and QR code once', async () => {
    await page.goto(`${server.base}/admin/kiosks`);
    await page.fill('input[name=name]', 'Packing kiosk');
    await page.click('button[type=submit]:has-text("Register")');
    const link = (await page.getByTestId('provisioning-link').textContent())!;
    expect(link).toMatch(/\/kiosk#token=fsd_/);
    expect(await page.locator('[data-testid=provisioning] img').getAttribute('src')).toMatch(/^data:image\/png/);
    await page.goto(`${server.base}/`);
    expect(await step('kiosk')).toBe('true');
  });

  it('in Thai, every page shows no English message, and the choice is remembered', async () => {
    type Tree = { [k: string]: string | Tree };
    const values = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));
    // Whole English messages of four letters or more, placeholders cut away.
    const english = values(en as Tree)
      .flatMap((v) => v.split(/\{\w+\}/))
      .map((v) => v.trim())
      .filter((v) => v.length >= 4 && /[a-z]{3}/.test(v));
    await page.goto(`${server.base}/`);
    await page.getByTestId('language').selectOption('th');
    await expect.poll(() => page.textContent('h1')).toBe('ภาพรวม');
    const pages = [
      '/',
      '/floor',
      '/cameras/live',
      '/kiosk',
      '/schedule',
      '/zones',
      '/zones/CAM09',
      '/zones/CAM09/calibrate',
      '/bench/vision',
      '/admin/cameras',
      '/admin/workers',
      '/admin/users',
      '/admin/api-keys',
      '/alerts',
      '/workers/W100/enrol',
    ];
    for (const p of [...pages, '/admin/kiosks']) {
      await page.goto(`${server.base}${p}`);
      await page.locator('h1').waitFor(); // /cameras/live and /kiosk render in the browser only
      const text = await page.evaluate(() => document.body.innerText);
      expect(text, p).toMatch(/[\u0E00-\u0E7F]/);
      // Whole words only: the brand "Floorsight" is not the message "Floor".
      const found = english.filter((e) => new RegExp(`\\b${e.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\b`).test(text));
      expect(found, p).toEqual([]);
    }
    // The API's refusal, beside the field it names, in Thai.
    await page.goto(`${server.base}/admin/cameras`);
    await page.fill('input[name=cameraId]', 'CAM11');
    await page.fill('input[name=name]', 'ไม่มี URL');
    await page.getByTestId('add-camera').click();
    await expect
      .poll(() => page.locator('.error[data-field=rtspUrl]').textContent())
      .toMatch(/^rtspUrl: [\u0E00-\u0E7F]/);
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.textContent('h1')).toBe('Cameras');
  });
});
