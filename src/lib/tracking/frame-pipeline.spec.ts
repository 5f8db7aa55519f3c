import { describe, expect, it } from 'vitest';
import { createFramePipeline } from './frame-pipeline.js';

const frame = { width: 1000, height: 1000 };
const zones = [
  {
    id: 'Z01',
    polygon: [
      [0, 0.5],
      [0.5, 0.5],
      [0.5, 1],
      [0, 1],
    ] as [number, number][],
  },
];

describe('frame pipeline', () => {
  it('reports confirmed tracks with the zone of their feet and their movement', () => {
    const p = createFramePipeline({ zones });
    let out: ReturnType<typeof p.process> = [];
    // A person standing in Z01, then walking right out of it.
    for (let f = 0; f < 40; f++) {
      const x = f < 20 ? 100 : 100 + (f - 20) * 30;
      out = p.process([{ box: [x, 600, x + 80, 900], score: 0.9 }], f * 100, frame);
      if (f === 19) {
        expect(out).toHaveLength(1);
        expect(out[0]).toMatchObject({ zoneId: 'Z01', moving: false });
      }
    }
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ trackId: 1, zoneId: null, moving: true });
  });

  it('drops detections that are not person-shaped before tracking', () => {
    const p = createFramePipeline({ zones });
    let out: ReturnType<typeof p.process> = [];
    for (let f = 0; f < 10; f++) out = p.process([{ box: [100, 600, 500, 700], score: 0.9 }], f * 100, frame);
    expect(out).toEqual([]);
  });
});
