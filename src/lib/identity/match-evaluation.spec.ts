import { describe, expect, it } from 'vitest';
import { chooseThreshold, evaluateMatching } from './match-evaluation.js';

const unit = (a: number) => [Math.cos(a), Math.sin(a)];
const gallery = [
  { workerId: 'A', name: 'A', embedding: Float32Array.from(unit(0)) },
  { workerId: 'B', name: 'B', embedding: Float32Array.from(unit(Math.PI / 2)) },
];

describe('face matching evaluation', () => {
  const queries = [
    { identity: 'A', embedding: unit(0.2) }, // cos 0.98 to A
    { identity: 'A', embedding: unit(0.6) }, // cos 0.83 to A, 0.56 to B
    { identity: 'B', embedding: unit(Math.PI / 2 - 0.3) }, // cos 0.96 to B
    { identity: 'X', embedding: unit(Math.PI / 4 + 0.42) }, // never enrolled: cos 0.93 to B
  ];
  const points = evaluateMatching(gallery, queries, [0.5, 0.9, 0.95, 0.99], 0);

  it('counts a stranger named as someone as a false positive, and a weak true match as a miss', () => {
    expect(points[0]).toMatchObject({ threshold: 0.5, precision: 0.75, recall: 1 });
    expect(points[1]).toMatchObject({ threshold: 0.9, precision: 2 / 3, recall: 2 / 3 });
    expect(points[2]).toMatchObject({ threshold: 0.95, precision: 1, recall: 2 / 3 });
    expect(points[3]).toMatchObject({ precision: 1, recall: 0 });
  });

  it('gives the verification ROC over all pairs', () => {
    expect(points[0]!.tpr).toBe(1);
    expect(points[3]!.tpr).toBe(0);
    expect(points[0]!.fpr).toBeGreaterThan(points[2]!.fpr);
  });

  it('chooses the threshold of the best recall at the precision asked for', () => {
    expect(chooseThreshold(points, 0.99)?.threshold).toBe(0.95);
    expect(chooseThreshold(points, 0.7)?.threshold).toBe(0.5);
    expect(chooseThreshold([{ threshold: 0.5, precision: 0.5, recall: 1, tpr: 1, fpr: 1 }], 0.99)).toBeNull();
  });
});
