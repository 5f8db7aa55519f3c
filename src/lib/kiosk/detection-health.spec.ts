import { get } from 'svelte/store';
import { describe, expect, it } from 'vitest';
import { _, useLanguage } from '$lib/i18n';
import { createDetectionWindow, detectionHealth } from './detection-health.js';

describe('detectionHealth', () => {
  it.each([
    { name: 'too early to judge', w: { frames: 3, detections: 0, tracks: 0, seconds: 2 }, problem: null },
    { name: 'people tracked', w: { frames: 50, detections: 100, tracks: 90, seconds: 15 }, problem: null },
    {
      name: 'no frames',
      w: { frames: 0, detections: 0, tracks: 0, seconds: 15 },
      problem: { key: 'kiosk.noFrames', values: { seconds: 15 } },
    },
    {
      name: 'detector finds nobody',
      w: { frames: 60, detections: 0, tracks: 0, seconds: 15 },
      problem: { key: 'kiosk.noDetections', values: { detector: 'centernet', fps: '4.5', frames: 60 } },
    },
    {
      name: 'boxes but no track',
      w: { frames: 60, detections: 300, tracks: 0, seconds: 15 },
      problem: { key: 'kiosk.notTracked', values: { detector: 'centernet', fps: '4.5', perFrame: 5 } },
    },
  ])('$name', ({ w, problem }) => {
    const h = detectionHealth(w, 'centernet', 4.5);
    expect(h.problem).toEqual(problem);
  });

  it('each problem reads as a sentence in both languages', () => {
    const h = detectionHealth({ frames: 60, detections: 300, tracks: 0, seconds: 15 }, 'yolox_nano', 9.6);
    useLanguage('en');
    expect(get(_)(h.problem!.key, { values: h.problem!.values })).toMatch(
      /^yolox_nano at 9.6 fps finds 5 people per frame but none is tracked/,
    );
    useLanguage('th');
    expect(get(_)(h.problem!.key, { values: h.problem!.values })).toMatch(/^yolox_nano ที่ 9.6 เฟรม\/วินาที พบ 5 คน/);
    useLanguage('en');
  });

  it('the window forgets old frames and reports what it spans', () => {
    const win = createDetectionWindow(10);
    win.add(0, 5, 0);
    win.add(9_000, 4, 2);
    win.add(15_000, 3, 3);
    expect(win.read(15_000, 0)).toEqual({ frames: 2, detections: 7, tracks: 5, seconds: 10 });
    expect(win.read(15_000, 12_000).seconds).toBe(3);
  });
});
