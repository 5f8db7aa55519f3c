import { describe, expect, it } from 'vitest';
import { decodeNanodet } from './nanodet-decode.js';

describe('decodeNanodet', () => {
  it('puts a box around the anchor from the expected distances, in input pixels', () => {
    // A 2×2 grid at stride 16 (input 32), 2 classes, 3 bins. Anchor 3 (x 1, y 1) is a person.
    const scores = new Float32Array([0.1, 0, 0.2, 0, 0.3, 0, 0.9, 0.5]);
    const boxes = new Float32Array(4 * 4 * 3).fill(-50);
    // Anchor 3: left = bin 1, top = bin 2, right = bin 0, bottom = half bin 1, half bin 2.
    const set = (side: number, values: number[]) => boxes.set(values, (3 * 4 + side) * 3);
    set(0, [-50, 50, -50]);
    set(1, [-50, -50, 50]);
    set(2, [50, -50, -50]);
    set(3, [-50, 50, 50]);
    const [box, ...rest] = decodeNanodet([{ stride: 16, scores, boxes, classes: 2, bins: 3 }], 32, 0.5);
    expect(rest).toEqual([]);
    // Centre (24, 24); left 16, top 32, right 0, bottom 24.
    expect(box!.score).toBeCloseTo(0.9);
    expect(box!.x).toBeCloseTo(8);
    expect(box!.y).toBeCloseTo(-8);
    expect(box!.x + box!.w).toBeCloseTo(24);
    expect(box!.y + box!.h).toBeCloseTo(48);
  });
});
