import { describe, expect, it } from 'vitest';
import { enrolmentTest } from './enrolment-test.js';

describe('enrolment test against the gallery', () => {
  const gallery = [
    { workerId: 'W1', name: 'Somchai', embedding: [1, 0, 0] },
    { workerId: 'W2', name: 'Malee', embedding: [0, 1, 0] },
  ];
  it('says whom each new photo is closest to, who they resemble most, and how alike they are', () => {
    const r = enrolmentTest(
      [
        [0.9, 0.1, 0.4],
        [0.8, 0.3, 0.5],
      ],
      gallery,
      0.6,
    );
    expect(r.photos.map((p) => p.closest?.workerId)).toEqual(['W1', 'W1']);
    expect(r.resembles.map((x) => x.workerId)).toEqual(['W1', 'W2']);
    expect(r.resembles[0]!.similarity).toBeGreaterThan(r.resembles[1]!.similarity);
    expect(r.consistency).toBeGreaterThan(0.9);
    expect(r.threshold).toBe(0.6);
  });
  it('with an empty gallery there is nobody to resemble', () => {
    expect(enrolmentTest([[1, 0, 0]], [], 0.6)).toMatchObject({
      photos: [{ closest: null }],
      resembles: [],
      consistency: 1,
    });
  });
});
