import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signIn, WEBRTC_LOOPBACK } from '../support/browser.js';
import { BADGE_ID, entranceScene, PRINTED_ID } from '../support/faces.js';
import { createKiosk } from '../support/kiosk.js';
import { demoSite, type DemoSite } from '../support/demo-site.js';
import { ADMIN } from '../support/server.js';

type KioskStats = {
  identity: { mode: string; gallery: number; badges: number; facesComputed: number; matched: number };
};

// Enrolment on the page from photos, then the kiosk (default detector, WASM) naming her on camera.
describe('face enrolment → kiosk recognition → named session (Chromium, PostgreSQL)', () => {
  let site: DemoSite;
  let browser: Browser;
  let kioskToken: string;
  let scene: Awaited<ReturnType<typeof entranceScene>>;
  let badgeKioskToken: string;
  let printedKioskToken: string;
  const call: DemoSite['call'] = (...args) => site.call(...args);
  const identityStats = async (kiosk: Page) =>
    ((await kiosk.evaluate('window.floorsightKiosk?.stats()')) as KioskStats | undefined)?.identity;
  /** A file camera whose whole picture is one zone, watched by a kiosk of its own; returns its token. */
  async function fileCameraWithKiosk(cameraId: string, name: string, filePath: string): Promise<string> {
    expect((await call('POST', '/cameras', { cameraId, name, sourceKind: 'file', filePath })).status).toBe(201);
    // The whole picture: people cut off at its bottom edge have their feet on the zone's edge.
    const polygon = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ];
    expect((await call('PUT', `/cameras/${cameraId}/zones`, { zones: [{ name, polygon }] })).status).toBe(200);
    return (await createKiosk(site.server.base, [cameraId], `${name} kiosk`, site.cookie)).token;
  }

  beforeAll(async () => {
    scene = await entranceScene();
    site = await demoSite();
    kioskToken = await fileCameraWithKiosk('CAM07', 'Entrance', scene.video);
    badgeKioskToken = await fileCameraWithKiosk('CAM08', 'Gate', scene.badged);
    printedKioskToken = await fileCameraWithKiosk('CAM06', 'Dock', scene.printed);
    // Chromium's fake camera stands in for a kiosk PC's own: a test pattern with no face in it.
    browser = await launchChromium([
      ...WEBRTC_LOOPBACK,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('enrols a worker from photos on the page: consent first, quality per photo, a gallery test, a version', async () => {
    const page = await browser.newPage();
    await signIn(page, site.server.base, ADMIN.username, ADMIN.password);
    await page.goto(`${site.server.base}/workers/W001/enrol`);
    await expect.poll(() => page.getByTestId('give-consent').count()).toBe(1);
    expect(await page.getByTestId('photo-files').count()).toBe(0);
    await page.getByTestId('give-consent').click();
    await page.getByTestId('photo-files').setInputFiles([...scene.photos, scene.blurred]);
    await expect
      .poll(() => page.locator('[data-testid=photos] li').count(), { timeout: 120_000, interval: 500 })
      .toBe(6);
    await expect.poll(() => page.getByTestId('progress').count(), { timeout: 60_000 }).toBe(0);
    const verdicts = await page.locator('[data-testid=photos] li span').allTextContents();
    const measures = await page.getByTestId('measures').allTextContents();
    const why = `${verdicts.join(' | ')}\n${measures.join(' | ')}`;
    expect(verdicts.slice(0, 5), why).toEqual(Array(5).fill('usable'));
    expect(verdicts[5], why).toBe('blurred');
    // A photo from this computer's camera is analysed like the rest: the fake camera shows no face.
    await page.getByTestId('local-camera').click();
    await expect.poll(() => page.evaluate(() => document.querySelector('video')?.videoWidth ?? 0)).toBeGreaterThan(0);
    await page.getByTestId('capture').click();
    await expect.poll(() => page.locator('[data-testid=photos] li').count(), { timeout: 60_000 }).toBe(7);
    expect(await page.locator('[data-testid=photos] li').nth(6).locator('span').textContent()).toBe('no face found');
    await page.getByTestId('test-gallery').click();
    await expect.poll(() => page.getByTestId('test-result').textContent()).toMatch(/Nobody else is enrolled/);
    await page.getByTestId('save-enrolment').click();
    await expect.poll(() => page.getByTestId('saved').textContent()).toMatch(/version 1/);
    expect(await page.locator('[data-testid=enrolments] tbody tr').count()).toBe(1);
    await page.close();
  });

  it('names her on the kiosk’s session; her neighbour, never enrolled, stays anonymous', async () => {
    const kiosk = await browser.newPage();
    await kiosk.goto(`${site.server.base}/kiosk#token=${kioskToken}`);
    const named = async () =>
      (
        await site.sql.query<{ worker_id: string; c: number }>(
          'SELECT worker_id, identity_confidence AS c FROM sessions WHERE worker_id IS NOT NULL',
        )
      ).rows;
    await expect.poll(async () => (await named()).length, { timeout: 120_000, interval: 1000 }).toBeGreaterThan(0);
    const rows = await named();
    expect(new Set(rows.map((r) => r.worker_id))).toEqual(new Set(['W001']));
    expect(rows[0]!.c).toBeGreaterThanOrEqual(site.server.cfg.identity.match.minSimilarity);
    // She stands on the left; the name never lands on the woman beside her.
    const boxes = async () =>
      (await site.sql.query<{ b: number[] }>("SELECT bbox_coords AS b FROM time_logs WHERE worker_id = 'W001'")).rows;
    await expect.poll(async () => (await boxes()).length, { timeout: 30_000, interval: 1000 }).toBeGreaterThan(0);
    for (const { b } of await boxes()) expect((b[0]! + b[2]!) / 2).toBeLessThan(0.5);
    expect(await identityStats(kiosk)).toMatchObject({ mode: 'faces', gallery: 1 });
    await kiosk.close();
  });

  it('never names a worker without consent: withdrawing it empties the gallery the kiosk holds', async () => {
    const kiosk = await browser.newPage();
    await kiosk.goto(`${site.server.base}/kiosk#token=${kioskToken}`);
    await expect.poll(async () => (await identityStats(kiosk))?.gallery, { timeout: 60_000 }).toBe(1);
    expect((await call('PUT', '/workers/W001/consent', { consent: false })).status).toBe(200);
    await expect.poll(async () => (await identityStats(kiosk))?.gallery, { timeout: 10_000 }).toBe(0);
    await site.sql.query('UPDATE sessions SET worker_id = NULL');
    const computed = (await identityStats(kiosk))!.facesComputed;
    await new Promise((r) => setTimeout(r, 8000));
    expect((await identityStats(kiosk))!.facesComputed).toBe(computed);
    expect((await site.sql.query('SELECT 1 FROM sessions WHERE worker_id IS NOT NULL')).rows).toEqual([]);
    await kiosk.close();
  });

  it('names a worker by the QR code on her badge, with no face enrolled', async () => {
    expect((await call('PATCH', '/workers/W002', { badgeId: BADGE_ID })).status).toBe(200);
    const kiosk = await browser.newPage();
    await kiosk.goto(`${site.server.base}/kiosk#token=${badgeKioskToken}`);
    const byBadge = async () =>
      (
        await site.sql.query<{ worker_id: string; identity_source: string; identity_confidence: number }>(
          "SELECT worker_id, identity_source, identity_confidence FROM sessions WHERE identity_source = 'badge'",
        )
      ).rows;
    await expect.poll(async () => (await byBadge()).length, { timeout: 90_000, interval: 1000 }).toBeGreaterThan(0);
    expect((await byBadge())[0]).toEqual({ worker_id: 'W002', identity_source: 'badge', identity_confidence: 1 });
    // The seed's four workers have badges; nobody has an enrolled face, so no face was computed.
    expect(await identityStats(kiosk)).toMatchObject({ gallery: 0, badges: 4, facesComputed: 0 });
    await kiosk.close();
  });

  it('names a worker by the id printed on her badge (OCR), when it has no code', async () => {
    expect((await call('PATCH', '/workers/W003', { badgeId: PRINTED_ID })).status).toBe(200);
    const kiosk = await browser.newPage();
    await kiosk.goto(`${site.server.base}/kiosk#token=${printedKioskToken}`);
    const read = async () =>
      (
        await site.sql.query<{ worker_id: string; c: number }>(
          "SELECT worker_id, identity_confidence AS c FROM sessions WHERE identity_source = 'badge' AND worker_id = 'W003'",
        )
      ).rows;
    await expect.poll(async () => (await read()).length, { timeout: 120_000, interval: 1000 }).toBeGreaterThan(0);
    expect((await read())[0]!.c).toBeGreaterThanOrEqual(0.8);
    await kiosk.close();
  });

  it('in anonymised mode the kiosk gets no embeddings at all and computes no face', async () => {
    await call('PUT', '/workers/W001/consent', { consent: true });
    const photos = await site.sql.query('SELECT 1 FROM face_enrolments');
    expect(photos.rows).toEqual([]); // withdrawn consent deleted her face data
    expect((await call('PUT', '/identity/settings', { mode: 'anonymised', retentionDays: 30 })).status).toBe(200);
    const kiosk = await browser.newPage();
    const galleries: string[] = [];
    kiosk.on('websocket', (ws) =>
      ws.on('framereceived', (f) => {
        if (String(f.payload).includes('identity:gallery')) galleries.push(String(f.payload));
      }),
    );
    await kiosk.goto(`${site.server.base}/kiosk#token=${kioskToken}`);
    await expect.poll(async () => (await identityStats(kiosk))?.mode, { timeout: 60_000 }).toBe('anonymised');
    await new Promise((r) => setTimeout(r, 5000));
    expect(await identityStats(kiosk)).toMatchObject({ gallery: 0, badges: 0, facesComputed: 0 });
    expect(galleries.length).toBeGreaterThan(0);
    for (const g of galleries) expect(g).toMatch(/"faces":\[\]/);
    await kiosk.close();
  });
});
