import { describe, expect, it } from 'vitest';
import { cosineSimilarity } from '../shared/vector.js';
import { APPEARANCE_DIMS, colourSignature } from './appearance.js';

/** A 40×80 picture of a person: shirt colour on top, trousers below. */
function person(shirt: [number, number, number], trousers: [number, number, number]) {
  const [w, h] = [40, 80];
  const px = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const c = y < h * 0.55 ? shirt : trousers;
      px.set([...c, 255], 4 * (y * w + x));
    }
  return colourSignature(px, w, h, [0, 0, w, h]);
}

describe('colour signature', () => {
  const red: [number, number, number] = [200, 30, 30];
  const blue: [number, number, number] = [30, 40, 190];
  const darkRed: [number, number, number] = [150, 25, 25];
  it('is alike for the same clothes under other light, unlike for other clothes', () => {
    const a = person(red, blue);
    expect(a).toHaveLength(APPEARANCE_DIMS);
    expect(cosineSimilarity(a, person(darkRed, blue))).toBeGreaterThan(0.95);
    expect(cosineSimilarity(a, person(blue, red))).toBeLessThan(0.1);
  });
  it('tells grey clothes apart from coloured ones', () => {
    expect(cosineSimilarity(person([128, 128, 128], blue), person(red, blue))).toBeLessThan(0.6);
  });
});
