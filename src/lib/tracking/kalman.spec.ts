import { describe, expect, it } from 'vitest';
import { initiate, predict, stateBox, update, xyahOf } from './kalman.js';

describe('Kalman filter', () => {
  it('learns a constant velocity and predicts ahead', () => {
    let s = initiate(xyahOf(100, 100, 140, 200));
    for (let f = 1; f <= 30; f++) {
      s = predict(s);
      s = update(s, xyahOf(100 + 5 * f, 100, 140 + 5 * f, 200));
    }
    expect(s.mean[4]).toBeCloseTo(5, 0);
    const ahead = stateBox(predict(predict(s)));
    expect(ahead[0]).toBeCloseTo(100 + 5 * 32, 0);
    expect(ahead[3] - ahead[1]).toBeCloseTo(100, 0);
  });

  it('keeps the covariance symmetric and positive on the diagonal', () => {
    let s = initiate(xyahOf(0, 0, 50, 120));
    for (let f = 0; f < 50; f++) s = update(predict(s), xyahOf(f % 3, 0, 50 + (f % 2), 120));
    for (let i = 0; i < 8; i++) {
      expect(s.covariance[i * 8 + i]).toBeGreaterThan(0);
      for (let j = 0; j < 8; j++) expect(s.covariance[i * 8 + j]).toBeCloseTo(s.covariance[j * 8 + i]!, 6);
    }
  });
});
