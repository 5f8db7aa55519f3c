import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonBox } from '../../src/lib/vision/types.js';
import { launchChromium } from '../support/browser.js';
import { ADMIN, fullHealth, startTestServer } from '../support/server.js';
import {
  FRAMES,
  frameDataUrl,
  openBench,
  runFaceInPage,
  runInPage,
  SHARED,
  visionModelDir,
} from '../support/vision.js';

type Ref = { x1: number; y1: number; x2: number; y2: number; score: number };
const REFERENCE = JSON.parse(readFileSync(`${SHARED}/eval/vision/yolox_nano_native.json`, 'utf8')) as Record<
  string,
  Ref[]
>;

function iou(a: PersonBox, r: Ref): number {
  const iw = Math.min(a.x + a.w, r.x2) - Math.max(a.x, r.x1);
  const ih = Math.min(a.y + a.h, r.y2) - Math.max(a.y, r.y1);
  if (iw <= 0 || ih <= 0) return 0;
  return (iw * ih) / (a.w * a.h + (r.x2 - r.x1) * (r.y2 - r.y1) - iw * ih);
}

// Frames where native YOLOX-nano sees 5 or more people at score ≥ 0.5.
const CROWDED = FRAMES.filter((f) => REFERENCE[f]!.filter((r) => r.score >= 0.5).length >= 5);

describe('in-browser person detection (Chromium, WASM)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let blank: string;

  beforeAll(async () => {
    server = await startTestServer({
      MODEL_DIR: visionModelDir({ 'corrupt.onnx': Buffer.from('this is not an onnx model, just text') }),
    });
    browser = await launchChromium();
    page = await browser.newPage();
    await openBench(page, server.base, ADMIN.username, ADMIN.password);
    // A test pattern of colour bars, the size of a vtest frame: nobody in it.
    blank = await page.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 768;
      c.height = 576;
      const g = c.getContext('2d')!;
      ['#c0c0c0', '#c0c000', '#00c0c0', '#00c000', '#c000c0', '#c00000', '#0000c0'].forEach((col, i) => {
        g.fillStyle = col;
        g.fillRect((i * 768) / 7, 0, 768 / 7 + 1, 576);
      });
      return c.toDataURL('image/png');
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reproduces native onnxruntime YOLOX-nano boxes in source pixels', async () => {
    const r = await runInPage(page, {
      model: 'yolox_nano.onnx',
      backend: 'wasm',
      frames: FRAMES.map(frameDataUrl),
      passes: 1,
      minScore: 0.3,
    });
    expect(r.inputSize).toBe(416);
    r.detections.forEach((found, i) => {
      const ref = REFERENCE[FRAMES[i]!]!;
      expect(found.filter((b) => b.score >= 0.5).length).toBe(ref.filter((b) => b.score >= 0.5).length);
      for (const b of ref) expect(Math.max(...found.map((f) => iou(f, b)))).toBeGreaterThanOrEqual(0.9);
    });
  });

  it.each(['centernet', 'movenet-multipose', 'yolox_nano.onnx'])(
    '%s finds at least 3 people in crowded frames and nobody in a test pattern',
    async (model) => {
      const r = await runInPage(page, {
        model,
        backend: 'wasm',
        frames: [...CROWDED.map(frameDataUrl), blank],
        passes: 1,
      });
      const crowded = r.detections.slice(0, CROWDED.length);
      for (const people of crowded) expect(people.length).toBeGreaterThanOrEqual(3);
      expect(r.detections.at(-1)).toEqual([]);
      // Source-pixel coordinates: each detector's best box on a frame lies on a person native YOLOX found.
      const best = [...crowded[0]!].sort((a, b) => b.score - a.score)[0]!;
      expect(Math.max(...REFERENCE[CROWDED[0]!]!.map((ref) => iou(best, ref)))).toBeGreaterThanOrEqual(0.5);
    },
  );

  it('face: embeddings are 1024-d, unit length, repeatable, and tell two people apart; a test pattern has no face', async () => {
    const frame = frameDataUrl(CROWDED[0]!);
    const people = REFERENCE[CROWDED[0]!]!.filter((r) => r.score >= 0.7)
      .slice(0, 2)
      .map((r) => ({ x: r.x1, y: r.y1, w: r.x2 - r.x1, h: r.y2 - r.y1, score: r.score }));
    const first = await runFaceInPage(page, frame, people);
    const again = await runFaceInPage(page, frame, people);
    expect(first.embeddings).toHaveLength(2);
    for (const e of first.embeddings) {
      expect(e).toHaveLength(1024);
      expect(Math.hypot(...e)).toBeCloseTo(1, 4);
    }
    expect(again.embeddings[0]).toEqual(first.embeddings[0]);
    const cos = first.embeddings[0]!.reduce((s, v, i) => s + v * first.embeddings[1]![i]!, 0);
    expect(cos).toBeLessThan(0.99);
    const none = await runFaceInPage(page, blank, [{ x: 300, y: 200, w: 60, h: 160, score: 1 }]);
    expect(none.found).toEqual([null]);
  });

  it('a missing or corrupt model gives a clear error in the page and in /health', async () => {
    await expect(runInPage(page, { model: 'missing.onnx', frames: [blank] })).rejects.toThrow(
      /missing\.onnx: file not found/,
    );
    expect(await page.getByTestId('bench-error').textContent()).toContain('missing.onnx');
    await expect(runInPage(page, { model: 'corrupt.onnx', frames: [blank] })).rejects.toThrow(/model corrupt\.onnx/);
    const h = await fullHealth(server.base);
    expect(h.status).toBe('degraded');
    expect(h.models.find((m) => m.id === 'corrupt.onnx')).toMatchObject({
      ok: false,
      error: expect.stringContaining('not an ONNX model'),
    });
    expect(h.models.find((m) => m.id === 'centernet')).toMatchObject({ ok: true });
  });
});
