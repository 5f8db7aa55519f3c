import { describe, expect, it } from 'vitest';
import { badgeKey, ctcGreedy, textBoxes } from './ocr-decode.js';

describe('OCR decoding', () => {
  it('finds each text line of a probability map as one box, grown by the unclip distance', () => {
    const [w, h] = [40, 20];
    const prob = new Float32Array(w * h);
    for (let y = 4; y < 8; y++) for (let x = 5; x < 25; x++) prob[y * w + x] = 0.9; // a line of text
    for (let y = 13; y < 16; y++) for (let x = 10; x < 18; x++) prob[y * w + x] = 0.8; // a shorter one
    prob[0] = 0.95; // a speck
    const boxes = textBoxes(prob, w, h, { threshold: 0.3, minScore: 0.5, minArea: 4, unclipRatio: 1.5 });
    expect(boxes).toHaveLength(2);
    const [a, b] = boxes as [ReturnType<typeof textBoxes>[number], ReturnType<typeof textBoxes>[number]];
    // 20 × 4 core: d = 80 × 1.5 / 48 = 2.5
    expect(a).toMatchObject({ x: 2.5, y: 1.5, w: 25, h: 9 });
    expect(a.score).toBeCloseTo(0.9);
    expect(b.y).toBeGreaterThan(a.y);
  });

  it('decodes CTC output: repeats merged, blanks dropped', () => {
    const dict = ['A', 'B', '0', '7'];
    // steps: A A blank A 0 0 7 → "AA07"
    const best = [1, 1, 0, 1, 3, 3, 4];
    const probs = new Float32Array(best.length * 5);
    best.forEach((c, t) => (probs[t * 5 + c] = 0.9));
    expect(ctcGreedy(probs, best.length, 5, dict)).toEqual({ text: 'AA07', score: expect.closeTo(0.9, 5) });
  });

  it('compares badge ids without case, spaces or dashes', () => {
    expect(badgeKey('badge - 007')).toBe(badgeKey('BADGE-007'));
    expect(badgeKey('BADGE-007')).not.toBe(badgeKey('BADGE-008'));
  });
});
