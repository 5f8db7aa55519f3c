import { describe, expect, it } from 'vitest';
import type { Xyxy } from './geometry.js';
import { createMotionEstimator } from './motion.js';

const box = (x: number, h = 200, y = 100): Xyxy => [x, y, x + h / 2.5, y + h];

/** Feeds a track at 15 fps for `seconds`, with the box from `at(t)`, and returns the last reading. */
function run(
  est: ReturnType<typeof createMotionEstimator>,
  seconds: number,
  at: (t: number) => Xyxy,
  startMs = 0,
  keypoints?: (t: number) => Float32Array,
) {
  let last = { score: 0, moving: false };
  for (let f = 0; f <= seconds * 15; f++) {
    const t = startMs + (f * 1000) / 15;
    last = est.update(1, t, at(t), keypoints?.(t) ?? null);
  }
  return last;
}

describe('motion estimator', () => {
  it('a standing person with detector jitter is still', () => {
    const est = createMotionEstimator();
    const r = run(est, 5, (t) => box(100 + (Math.round(t / 67) % 2)));
    expect(r.moving).toBe(false);
    expect(r.score).toBeLessThan(0.02);
  });

  it('a walking person is moving', () => {
    const r = run(createMotionEstimator(), 3, (t) => box(100 + t * 0.1));
    expect(r.moving).toBe(true);
  });

  it('normalises by box height: the same walk near and far scores alike', () => {
    const near = run(createMotionEstimator(), 3, (t) => box(100 + t * 0.2, 400));
    const far = run(createMotionEstimator(), 3, (t) => box(100 + t * 0.05, 100));
    expect(near.score).toBeCloseTo(far.score, 2);
  });

  it('hand work seen only in the wrists counts as moving', () => {
    const kp = (t: number) => {
      const k = new Float32Array(17 * 3);
      for (let i = 0; i < 17; i++) k[i * 3 + 2] = 0.9;
      k[9 * 3] = 150 + 20 * Math.sin(t / 150); // left wrist, ±10 % of the box height
      k[9 * 3 + 1] = 200;
      return k;
    };
    const withHands = run(createMotionEstimator(), 3, () => box(100), 0, kp);
    const boxOnly = run(createMotionEstimator(), 3, () => box(100));
    expect(withHands.moving).toBe(true);
    expect(boxOnly.moving).toBe(false);
  });

  it('honours a per-zone threshold', () => {
    const est = createMotionEstimator();
    run(est, 2, (t) => box(100 + t * 0.01));
    const strict = est.update(1, 2100, box(121), null, 0.5);
    const lax = est.update(1, 2200, box(122), null, 0.01);
    expect(strict.moving).toBe(false);
    expect(lax.moving).toBe(true);
  });

  it('rejects NaN, zero-size boxes and time going backwards; prunes old tracks', () => {
    const est = createMotionEstimator();
    expect(() => est.update(1, 0, [NaN, 0, 1, 1])).toThrow(RangeError);
    expect(est.update(2, 0, [5, 5, 5, 5]).score).toBe(0);
    est.update(3, 1000, box(0));
    expect(() => est.update(3, 500, box(0))).toThrow(RangeError);
    est.prune(900);
    expect(est.size).toBe(1);
  });
});
