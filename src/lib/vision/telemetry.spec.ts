import { describe, expect, it } from 'vitest';
import { createInferenceStats } from './telemetry.js';

describe('inference stats', () => {
  it('reports the median time and the rate per model over the window', () => {
    const s = createInferenceStats(5);
    [40, 50, 45, 300, 42, 41].forEach((ms, i) => s.record('centernet', ms, i * 100));
    expect(s.summary()).toEqual([{ model: 'centernet', inferenceMs: 45, fps: 10 }]);
  });
});
