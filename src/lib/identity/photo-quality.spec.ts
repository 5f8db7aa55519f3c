import { describe, expect, it } from 'vitest';
import { laplacianVariance, meanEmbedding, qualityProblems, yawFromLandmarks } from './photo-quality.js';

const GOOD = { faces: 1, faceSizePx: 160, sharpness: 200, yaw: 0.05, rollRad: 0.1 };

describe('enrolment photo quality', () => {
  it('passes a sharp frontal single face, and names each problem', () => {
    expect(qualityProblems(GOOD)).toEqual([]);
    expect(qualityProblems({ ...GOOD, faces: 0 })).toEqual(['no_face']);
    expect(qualityProblems({ ...GOOD, faces: 2, faceSizePx: 40, sharpness: 5, yaw: 0.45 })).toEqual([
      'several_faces',
      'too_small',
      'blurred',
      'not_frontal',
    ]);
  });

  it('measures blur: a checkerboard is sharp, its box-blurred copy is not', () => {
    const w = 32;
    const board = Array.from({ length: w * w }, (_, i) => ((((i % w) >> 2) + ((i / w) >> 2)) % 2 ? 255 : 0));
    const blurred = board.map((_, i) => {
      const [x, y] = [i % w, Math.floor(i / w)];
      let s = 0;
      let n = 0;
      for (let dy = -3; dy <= 3; dy++)
        for (let dx = -3; dx <= 3; dx++) {
          const [xx, yy] = [x + dx, y + dy];
          if (xx < 0 || yy < 0 || xx >= w || yy >= w) continue;
          s += board[yy * w + xx]!;
          n++;
        }
      return s / n;
    });
    expect(laplacianVariance(board, w, w)).toBeGreaterThan(10 * laplacianVariance(blurred, w, w));
    expect(laplacianVariance(new Array(w * w).fill(128), w, w)).toBe(0);
  });

  it('reads the head’s turn from the eyes and nose', () => {
    expect(yawFromLandmarks([40, 50], [60, 50], [50, 60])).toBeCloseTo(0);
    expect(yawFromLandmarks([40, 50], [60, 50], [58, 60])).toBeCloseTo(0.4);
    expect(yawFromLandmarks([40, 50], [60, 50], [42, 60])).toBeCloseTo(-0.4);
  });

  it('averages embeddings into one unit vector', () => {
    const m = meanEmbedding([
      [1, 0],
      [0, 1],
    ]);
    expect(m[0]).toBeCloseTo(Math.SQRT1_2);
    expect(Math.hypot(...m)).toBeCloseTo(1);
  });
});
