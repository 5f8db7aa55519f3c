import { describe, expect, it } from 'vitest';
import { Detections } from './detections.js';
import { createDetectionValidator } from './validation.js';
import { createZoneIndex } from './zones.js';

const frame = { width: 1000, height: 1000 };
const one = (box: [number, number, number, number], score = 0.9) => Detections.from([{ box, score }]);

describe('detection validation', () => {
  it.each([
    { name: 'a standing person', box: [100, 100, 180, 300], score: 0.9, reason: null },
    { name: 'a seated person', box: [100, 100, 200, 210], score: 0.9, reason: null },
    { name: 'low confidence', box: [100, 100, 180, 300], score: 0.4, reason: 'low_confidence' },
    { name: 'a tiny box', box: [100, 100, 105, 110], score: 0.9, reason: 'too_small' },
    { name: 'the whole frame', box: [0, 0, 600, 1000], score: 0.9, reason: 'too_large' },
    { name: 'a wide box (a table)', box: [100, 100, 500, 200], score: 0.9, reason: 'not_person_shaped' },
    { name: 'a pole', box: [100, 0, 110, 900], score: 0.9, reason: 'not_person_shaped' },
    { name: 'a zero-size box', box: [100, 100, 100, 100], score: 0.9, reason: 'invalid_box' },
    { name: 'NaN coordinates', box: [NaN, 100, 180, 300], score: 0.9, reason: 'invalid_box' },
  ] as const)('$name → $reason', ({ box, score, reason }) => {
    const r = createDetectionValidator().validate(one([...box], score), frame, 0);
    expect(r.reasons[0]).toBe(reason);
    expect(r.keep[0]).toBe(reason ? 0 : 1);
  });

  it('applies per-zone overrides where the person stands', () => {
    const zones = createZoneIndex([
      {
        id: 'DIM',
        polygon: [
          [0, 0],
          [0.5, 0],
          [0.5, 1],
          [0, 1],
        ],
      },
    ]);
    const v = createDetectionValidator({ zoneRules: { DIM: { minConfidence: 0.3 } } });
    const dets = Detections.from([
      { box: [100, 100, 180, 300], score: 0.35 },
      { box: [700, 100, 780, 300], score: 0.35 },
    ]);
    expect([...v.validate(dets, frame, 0, zones.zoneOf).keep]).toEqual([1, 0]);
  });

  it('drops a "person" that never moves in a background region, only after the set time', () => {
    const v = createDetectionValidator({
      staticSuppression: {
        backgroundRegions: [
          [
            [0, 0],
            [0.3, 0],
            [0.3, 1],
            [0, 1],
          ],
        ],
        afterSec: 60,
        stillIou: 0.85,
        forgetSec: 30,
      },
    });
    const coat = [100, 100, 180, 300] as [number, number, number, number];
    const worker = [600, 100, 680, 300] as [number, number, number, number];
    const dets = Detections.from([
      { box: coat, score: 0.9 },
      { box: worker, score: 0.9 },
    ]);
    expect([...v.validate(dets, frame, 0).keep]).toEqual([1, 1]);
    expect([...v.validate(dets, frame, 59_000).keep]).toEqual([1, 1]);
    expect(v.validate(dets, frame, 61_000).reasons).toEqual(['static_background', null]);
    // Once it is gone long enough it is forgotten, and a new arrival there is a person again.
    v.validate(Detections.from([]), frame, 200_000);
    expect(v.validate(one(coat), frame, 201_000).keep[0]).toBe(1);
  });

  it('filters Detections by the mask into a new value', () => {
    const dets = Detections.from([
      { box: [100, 100, 180, 300], score: 0.9 },
      { box: [100, 100, 180, 300], score: 0.2 },
    ]);
    const { keep } = createDetectionValidator().validate(dets, frame, 0);
    const kept = dets.filter(keep);
    expect(kept.length).toBe(1);
    expect(dets.length).toBe(2);
    expect(kept.confidence[0]).toBeCloseTo(0.9);
  });
});
