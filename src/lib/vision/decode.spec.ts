import { describe, expect, it } from 'vitest';
import { cosineSimilarity } from '../shared/vector.js';
import { blazefaceAnchors, decodeBlazeface } from './blazeface-decode.js';
import { fitInto, toSource } from './letterbox.js';
import { nms } from './nms.js';
import { decodeYolox, decodeYoloV8, detectFamily } from './yolo-decode.js';

describe('letterbox', () => {
  it('fits 768×576 into 416 at the top-left, and maps back to source pixels', () => {
    const fit = fitInto(768, 576, 416, 'topleft');
    expect(fit.scaleX).toBeCloseTo(416 / 768);
    expect(fit.drawH).toBeCloseTo(312);
    expect(toSource(fit, 208, 156)).toEqual([384, 288]);
  });
  it('centres and stretches on request', () => {
    expect(fitInto(100, 50, 100, 'center').padY).toBe(25);
    expect(fitInto(100, 50, 200, 'stretch')).toMatchObject({ scaleX: 2, scaleY: 4 });
    expect(() => fitInto(0, 50, 100, 'center')).toThrow(RangeError);
  });
});

describe('YOLO decoding', () => {
  it('tells YOLOX from YOLOv8 by the output shape', () => {
    expect(detectFamily([1, 3549, 85])).toBe('yolox');
    expect(detectFamily([1, 84, 8400])).toBe('yolov8');
    expect(() => detectFamily([1, 10])).toThrow(RangeError);
  });

  it('decodes a YOLOX grid cell into a source-pixel box', () => {
    // 32×32 input, strides 8/16/32: 16 + 4 + 1 = 21 anchors of 6 values (one class).
    const out = new Float32Array(21 * 6);
    const k = 5; // stride 8, grid (1, 1)
    out.set([0.5, 0.5, Math.log(2), Math.log(4), 0.9, 0.8], k * 6);
    const fit = fitInto(64, 64, 32, 'topleft');
    const boxes = decodeYolox(out, [1, 21, 6], 32, fit, { width: 64, height: 64 }, 0.5);
    expect(boxes).toHaveLength(1);
    // centre (1.5 × 8, 1.5 × 8) = (12, 12), size 16 × 32 in the input; × 2 to the source, and the
    // top (y = −8) clamped to the frame, so the height is 56 rather than 64.
    expect(boxes[0]).toMatchObject({
      x: expect.closeTo(8, 4),
      y: 0,
      w: expect.closeTo(32, 4),
      h: expect.closeTo(56, 4),
      score: expect.closeTo(0.72, 5),
    });
  });

  it('decodes YOLOv8 columns', () => {
    const n = 2;
    const out = new Float32Array(5 * n);
    out.set([100, 0], 0);
    out.set([100, 0], n);
    out.set([20, 0], 2 * n);
    out.set([40, 0], 3 * n);
    out.set([0.9, 0.1], 4 * n);
    const boxes = decodeYoloV8(out, [1, 5, n], fitInto(640, 640, 640, 'topleft'), { width: 640, height: 640 }, 0.5);
    expect(boxes).toEqual([{ x: 90, y: 80, w: 20, h: 40, score: expect.closeTo(0.9, 5) }]);
  });

  it('suppresses overlapping boxes, keeping the best', () => {
    const kept = nms(
      [
        { x: 0, y: 0, w: 10, h: 20, score: 0.6 },
        { x: 1, y: 0, w: 10, h: 20, score: 0.9 },
        { x: 50, y: 0, w: 10, h: 20, score: 0.5 },
      ],
      0.45,
    );
    expect(kept.map((b) => b.score)).toEqual([0.9, 0.5]);
  });
});

describe('BlazeFace decoding', () => {
  it('lays out 896 anchors for a 256 input, as MediaPipe does', () => {
    const a = blazefaceAnchors(256);
    expect(a.length / 2).toBe(896);
    expect([a[0], a[1]]).toEqual([8, 8]);
    expect([a[1024], a[1025]]).toEqual([16, 16]);
  });

  it('turns offsets from anchors into faces and drops low scores', () => {
    const anchors = new Float32Array([8, 8, 24, 8]);
    const rows = new Float32Array(2 * 17);
    rows.set([3, 2, -1, 20, 24, 1, 1, 3, 1], 0);
    rows.set([-3], 17);
    const faces = decodeBlazeface(rows, anchors, 0.5);
    expect(faces).toHaveLength(1);
    expect(faces[0]).toMatchObject({ cx: 10, cy: 7, w: 20, h: 24 });
    expect(Array.from(faces[0]!.landmarks.slice(0, 4))).toEqual([9, 9, 11, 9]);
    expect(() => decodeBlazeface(new Float32Array(10), anchors, 0.5)).toThrow(RangeError);
  });

  it('cosine similarity', () => {
    expect(cosineSimilarity(new Float32Array([1, 0]), new Float32Array([2, 0]))).toBe(1);
    expect(cosineSimilarity(new Float32Array([1, 0]), new Float32Array([0, 1]))).toBe(0);
  });
});
