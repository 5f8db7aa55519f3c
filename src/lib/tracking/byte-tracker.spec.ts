import { describe, expect, it } from 'vitest';
import { createByteTracker, type TrackObservation } from './byte-tracker.js';
import type { Xyxy } from './geometry.js';

const person = (x: number, score = 0.9, index = 0): TrackObservation => ({
  index,
  box: [x, 100, x + 40, 200] as Xyxy,
  score,
});

describe('ByteTrack', () => {
  it('hands out an id only after 3 consecutive hits', () => {
    const t = createByteTracker();
    t.update([], 0); // a first frame without people, so the first-frame shortcut does not apply
    expect(t.update([person(10)], 1)).toEqual([]);
    expect(t.update([person(12)], 2)).toEqual([]);
    const third = t.update([person(14)], 3);
    expect(third.map((a) => a.trackId)).toEqual([1]);
  });

  it('confirms people already present on the very first frame at once', () => {
    const t = createByteTracker();
    expect(t.update([person(10), person(300, 0.9, 1)], 1).map((a) => a.trackId)).toEqual([1, 2]);
  });

  it('a one- or two-frame flicker uses up no id', () => {
    const t = createByteTracker();
    t.update([], 0);
    t.update([person(500)], 1);
    t.update([person(502)], 2);
    t.update([], 3);
    t.update([person(10)], 4);
    t.update([person(12)], 5);
    expect(t.update([person(14)], 6).map((a) => a.trackId)).toEqual([1]);
  });

  it('keeps the id through an occlusion shorter than maxLostFrames, and drops it after', () => {
    const t = createByteTracker({ maxLostFrames: 10 });
    let x = 10;
    for (let f = 1; f <= 5; f++) t.update([person((x += 4))], f);
    for (let f = 6; f <= 12; f++) x += 4; // hidden for 7 frames, still walking
    expect(t.update([person((x += 4))], 13).map((a) => a.trackId)).toEqual([1]);
    for (let f = 14; f <= 30; f++) t.update([], f);
    t.update([person(x)], 31);
    t.update([person(x)], 32);
    expect(t.update([person(x)], 33).map((a) => a.trackId)).toEqual([2]);
  });

  it('low-score detections keep a track alive but never start one', () => {
    const t = createByteTracker();
    t.update([person(10)], 1);
    expect(t.update([person(12, 0.3)], 2).map((a) => a.trackId)).toEqual([1]);
    const fresh = createByteTracker();
    fresh.update([], 0);
    for (let f = 1; f <= 5; f++) expect(fresh.update([person(10, 0.3)], f)).toEqual([]);
  });

  it('each tracker owns its id counter', () => {
    const a = createByteTracker();
    const b = createByteTracker();
    a.update([person(10), person(200, 0.9, 1)], 1);
    expect(b.update([person(10)], 1).map((x) => x.trackId)).toEqual([1]);
  });

  it('is deterministic and reset starts over', () => {
    const run = (t: ReturnType<typeof createByteTracker>) =>
      [1, 2, 3, 4].map((f) => t.update([person(10 + f), person(100 - f, 0.85, 1)], f));
    const t = createByteTracker();
    const first = run(t);
    t.reset();
    expect(run(t)).toEqual(first);
    expect(run(createByteTracker())).toEqual(first);
  });

  it('ignores boxes with NaN or no height, and rejects bad options', () => {
    const t = createByteTracker();
    expect(
      t.update(
        [
          { index: 0, box: [NaN, 0, 10, 10], score: 0.9 },
          { index: 1, box: [0, 5, 10, 5], score: 0.9 },
        ],
        1,
      ),
    ).toEqual([]);
    expect(() => createByteTracker({ minHits: 0 })).toThrow(RangeError);
    expect(() => createByteTracker({ highThreshold: 1.5 })).toThrow(RangeError);
    expect(() => t.update([], NaN)).toThrow(RangeError);
  });

  it('keeps two people apart when they cross', () => {
    const t = createByteTracker();
    const ids: number[][] = [];
    for (let f = 1; f <= 40; f++) {
      const a = person(10 + f * 8, 0.9, 0);
      const b = person(330 - f * 8, 0.9, 1);
      const out = t.update([a, b], f);
      ids.push([0, 1].map((i) => out.find((o) => o.detectionIndex === i)?.trackId ?? 0));
    }
    const before = ids[5]!;
    const after = ids[39]!;
    expect(after).toEqual(before);
  });
});
