import { describe, expect, it } from 'vitest';
import { createActivityView, gridFor } from './overlay.js';

describe('kiosk grid and activity', () => {
  it('lays out 1 → 1×1, 2 → 2×1, 3–4 → 2×2 (seed 000)', () => {
    expect([1, 2, 3, 4].map((n) => gridFor(n))).toEqual([
      { cols: 1, rows: 1 },
      { cols: 2, rows: 1 },
      { cols: 2, rows: 2 },
      { cols: 2, rows: 2 },
    ]);
  });
  it('shows a person idle once still for the zone threshold, outside when in no zone', () => {
    const view = createActivityView(() => 60_000);
    const person = (moving: boolean) => ({
      trackId: 4,
      box: [0, 0, 1, 1] as const,
      zoneId: 'Z01',
      motion: 0,
      moving,
      appearance: null,
    });
    view.update({ cameraId: 'C', ts: 0, width: 1, height: 1, people: [person(true)], detections: 1 });
    view.update({ cameraId: 'C', ts: 30_000, width: 1, height: 1, people: [person(false)], detections: 1 });
    expect(view.stateOf('C', 4, 'Z01', 59_999)).toBe('active');
    expect(view.stateOf('C', 4, 'Z01', 60_000)).toBe('idle');
    expect(view.stateOf('C', 4, null, 60_000)).toBe('outside');
  });
});
