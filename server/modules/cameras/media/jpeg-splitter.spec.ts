import { describe, expect, it } from 'vitest';
import { createJpegSplitter } from './jpeg-splitter.js';

const jpeg = (body: number[]) => Buffer.from([0xff, 0xd8, ...body, 0xff, 0xd9]);

describe('JPEG splitter', () => {
  it('finds whole images across chunk boundaries', () => {
    const out: Buffer[] = [];
    const push = createJpegSplitter((j) => out.push(Buffer.from(j)));
    const stream = Buffer.concat([jpeg([1, 2, 3]), jpeg([4]), jpeg([5, 6])]);
    push(stream.subarray(0, 4));
    push(stream.subarray(4, 11));
    push(stream.subarray(11));
    expect(out.map((b) => [...b])).toEqual([
      [0xff, 0xd8, 1, 2, 3, 0xff, 0xd9],
      [0xff, 0xd8, 4, 0xff, 0xd9],
      [0xff, 0xd8, 5, 6, 0xff, 0xd9],
    ]);
  });

  it('drops an image that never ends once it passes the size limit', () => {
    const out: Buffer[] = [];
    const push = createJpegSplitter((j) => out.push(j), 16);
    push(Buffer.from([0xff, 0xd8, ...new Array(20).fill(7)]));
    push(jpeg([9]));
    expect(out).toHaveLength(1);
    expect([...out[0]!]).toEqual([0xff, 0xd8, 9, 0xff, 0xd9]);
  });
});
