import { describe, expect, it } from 'vitest';
import { matchFace } from './face-match.js';

describe('face match', () => {
  const face = (workerId: string, v: number[]) => ({ workerId, name: workerId, embedding: Float32Array.from(v) });
  const gallery = [face('W1', [1, 0, 0]), face('W2', [0, 1, 0]), face('W3', [0.7, 0.7, 0])];
  it('names the clearly closest enrolled face', () => {
    expect(matchFace([0.98, 0.05, 0.1], gallery)?.workerId).toBe('W1');
  });
  it('names nobody when the best is too weak or a look-alike is as close', () => {
    expect(matchFace([0, 0, 1], gallery)).toBeNull();
    expect(matchFace([1, 1, 0], [face('A', [1, 0.9, 0]), face('B', [0.9, 1, 0])])).toBeNull();
    expect(matchFace([1, 0], gallery)).toBeNull();
  });
  it('settles a tie between two look-alikes by their clothes, and only that', () => {
    const twins = [face('A', [1, 0.9, 0]), face('B', [0.9, 1, 0])];
    const q = [1, 1, 0];
    const hint = (w: string) => (w === 'B' ? 0.9 : 0.3);
    expect(matchFace(q, twins, undefined, hint)?.workerId).toBe('B');
    // Clothes alike, or unknown for one of them: still nobody.
    expect(matchFace(q, twins, undefined, () => 0.5)).toBeNull();
    expect(matchFace(q, twins, undefined, (w) => (w === 'A' ? 0.9 : null))).toBeNull();
    // Never below the threshold, whatever the clothes say.
    expect(matchFace([0, 0, 1], gallery, undefined, () => 1)).toBeNull();
  });
});
