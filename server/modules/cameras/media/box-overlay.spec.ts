import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { createOverlayRenderer, drawBoxes } from './box-overlay.js';

const W = 200;
const H = 100;
const grey = () => jpeg.encode({ data: Buffer.alloc(W * H * 4, 128), width: W, height: H }, 90).data;
const pixel = (frame: Buffer, x: number, y: number) => {
  const img = jpeg.decode(frame, { useTArray: true, formatAsRGBA: true });
  const o = (y * W + x) * 4;
  return [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!];
};
const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) < 30);

describe('box overlay for Motion-JPEG', () => {
  it('draws an active person blue on the box edge and leaves the inside alone', () => {
    const out = drawBoxes(grey(), [{ box: [0.25, 0.2, 0.75, 0.8], state: 'active' }]);
    expect(near(pixel(out, 100, 20), [0x00, 0x72, 0xb2])).toBe(true);
    expect(near(pixel(out, 100, 50), [128, 128, 128])).toBe(true);
  });
  it('dashes idle boxes and passes frames without people through untouched', () => {
    const out = drawBoxes(grey(), [{ box: [0, 0, 1, 1], state: 'idle' }]);
    const top = Array.from({ length: 40 }, (_, x) => near(pixel(out, x + 10, 0), [0xe6, 0x9f, 0x00]));
    expect(top.some(Boolean) && !top.every(Boolean)).toBe(true);
    const frame = grey();
    expect(drawBoxes(frame, [])).toBe(frame);
  });

  it('renders a frame once for all its overlay clients', () => {
    let asked = 0;
    const render = createOverlayRenderer(() => {
      asked++;
      return [{ box: [0.25, 0.2, 0.75, 0.8], state: 'active' }];
    });
    const frame = grey();
    const a = render('CAM01', frame);
    expect(render('CAM01', frame)).toBe(a);
    expect(asked).toBe(1);
    expect(render('CAM01', grey())).not.toBe(a);
    expect(asked).toBe(2);
  });
});
