import jpeg from 'jpeg-js';

export interface OverlayBox {
  /** normalised x1, y1, x2, y2 */
  box: readonly [number, number, number, number];
  state: 'active' | 'idle' | 'outside';
}

// The kiosk's colours (src/lib/kiosk/overlay.ts): Okabe–Ito blue, orange, grey.
const RGB = { active: [0x00, 0x72, 0xb2], idle: [0xe6, 0x9f, 0x00], outside: [0x99, 0x99, 0x99] } as const;

/**
 * Draws people's boxes into a JPEG for Motion-JPEG clients, which cannot draw their own. Idle boxes
 * are dashed, so the state does not rest on colour alone. Decoding and re-encoding in JavaScript is
 * slow (768×576: median 111 ms, p90 174 ms), so it runs only for clients that ask for overlays, and
 * once per frame however many of them watch (`createOverlayRenderer`).
 */
export function drawBoxes(frame: Buffer, boxes: readonly OverlayBox[], quality = 75): Buffer {
  if (!boxes.length) return frame;
  const img = jpeg.decode(frame, { useTArray: true, formatAsRGBA: true });
  const { width: w, height: h, data } = img;
  const thick = Math.max(2, Math.round(h / 240));
  const put = (x: number, y: number, rgb: readonly number[]) => {
    if (x < 0 || y < 0 || x >= w || y >= h) return;
    const o = (y * w + x) * 4;
    data[o] = rgb[0]!;
    data[o + 1] = rgb[1]!;
    data[o + 2] = rgb[2]!;
  };
  for (const b of boxes) {
    const rgb = RGB[b.state];
    const [x1, y1, x2, y2] = [b.box[0] * w, b.box[1] * h, b.box[2] * w, b.box[3] * h].map(Math.round) as [
      number,
      number,
      number,
      number,
    ];
    const dashed = b.state === 'idle';
    const on = (i: number) => !dashed || Math.floor(i / (thick * 3)) % 2 === 0;
    for (let t = 0; t < thick; t++) {
      for (let x = x1; x <= x2; x++) {
        if (!on(x - x1)) continue;
        put(x, y1 + t, rgb);
        put(x, y2 - t, rgb);
      }
      for (let y = y1; y <= y2; y++) {
        if (!on(y - y1)) continue;
        put(x1 + t, y, rgb);
        put(x2 - t, y, rgb);
      }
    }
  }
  return jpeg.encode({ data, width: w, height: h }, quality).data;
}

/**
 * Draws each camera frame once: every overlay client of a camera receives the same frame Buffer, so
 * the first one renders it and the others reuse the result.
 */
export function createOverlayRenderer(boxesOf: (cameraId: string) => OverlayBox[]) {
  const last = new Map<string, { source: Buffer; drawn: Buffer }>();
  return (cameraId: string, frame: Buffer): Buffer => {
    const hit = last.get(cameraId);
    if (hit?.source === frame) return hit.drawn;
    const drawn = drawBoxes(frame, boxesOf(cameraId));
    last.set(cameraId, { source: frame, drawn });
    return drawn;
  };
}
