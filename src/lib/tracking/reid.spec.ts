import { describe, expect, it } from 'vitest';
import { createByteTracker } from './byte-tracker.js';
import type { Xyxy } from './geometry.js';
import { withReIdentification } from './reid.js';

const box = (x: number): Xyxy => [x, 100, x + 40, 200];
const red = Float32Array.from([1, 0, 0]);
const blue = Float32Array.from([0, 0, 1]);

/** One person walking right 2 px a frame, hidden for `gap` frames (longer than ByteTrack keeps a lost track). */
function walk(
  tracker: ReturnType<typeof withReIdentification>,
  gap: number,
  after: { dx: number; look: Float32Array },
) {
  const ids: number[] = [];
  for (let f = 1; f <= 120; f++) {
    const hidden = f > 20 && f <= 20 + gap;
    const x = 100 + 2 * f + (f > 20 + gap ? after.dx : 0);
    const obs = hidden ? [] : [{ index: 0, box: box(x), score: 0.9, appearance: f > 20 ? after.look : red }];
    for (const a of tracker.update(obs, f)) ids.push(a.trackId);
  }
  return new Set(ids);
}

describe('re-identification of lost tracks', () => {
  it('gives a person hidden longer than the tracker waits their id back', () => {
    expect(walk(withReIdentification(createByteTracker()), 45, { dx: 0, look: red })).toEqual(new Set([1]));
    // Plain ByteTrack gives up after 30 frames and hands out a new id.
    const plain = withReIdentification(createByteTracker(), { minSimilarity: 1.01 });
    expect(walk(plain, 45, { dx: 0, look: red }).size).toBe(2);
  });

  it('does not give the id to someone dressed differently, or far from where the lost one was heading', () => {
    expect(walk(withReIdentification(createByteTracker()), 45, { dx: 0, look: blue }).size).toBe(2);
    expect(walk(withReIdentification(createByteTracker()), 45, { dx: 300, look: red }).size).toBe(2);
  });

  it('forgets a lost track after its window', () => {
    expect(walk(withReIdentification(createByteTracker(), { windowFrames: 40 }), 60, { dx: 0, look: red }).size).toBe(
      2,
    );
  });
});
