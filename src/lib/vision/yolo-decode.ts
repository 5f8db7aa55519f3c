import { toSource, type Fit } from './letterbox.js';
import type { PersonBox } from './types.js';

export type YoloFamily = 'yolox' | 'yolov8';

/**
 * Tells the family from the output shape: YOLOX gives [1, anchors, 5 + classes] (box, objectness,
 * class scores); YOLOv8/YOLO11 give [1, 4 + classes, anchors] (box, class scores; no objectness).
 */
export function detectFamily(dims: readonly number[]): YoloFamily {
  if (dims.length !== 3 || dims[0] !== 1) throw new RangeError(`unexpected YOLO output shape [${dims.join(', ')}]`);
  const [, a, b] = dims as [number, number, number];
  if (b === 85 || (b < a && b >= 6 && b <= 200)) return 'yolox';
  if (a === 84 || (a < b && a >= 5 && a <= 200)) return 'yolov8';
  throw new RangeError(`cannot tell the YOLO family from output shape [${dims.join(', ')}]`);
}

function clampBox(x1: number, y1: number, x2: number, y2: number, w: number, h: number) {
  const cx1 = Math.max(0, Math.min(w, x1));
  const cy1 = Math.max(0, Math.min(h, y1));
  return { x: cx1, y: cy1, w: Math.max(0, Math.min(w, x2) - cx1), h: Math.max(0, Math.min(h, y2) - cy1) };
}

/**
 * YOLOX head output for class 0 (person): raw grid offsets decoded on strides 8/16/32 as in
 * YOLOX's `demo_postprocess`: centre = (offset + grid) × stride, size = exp(v) × stride;
 * score = objectness × class probability.
 */
export function decodeYolox(
  out: Float32Array,
  dims: readonly number[],
  inputSize: number,
  fit: Fit,
  src: { width: number; height: number },
  minScore: number,
  strides: readonly number[] = [8, 16, 32],
): PersonBox[] {
  const anchors = dims[1]!;
  const stride = dims[2]!;
  const boxes: PersonBox[] = [];
  let k = 0;
  for (const s of strides) {
    const g = Math.floor(inputSize / s);
    for (let gy = 0; gy < g; gy++) {
      for (let gx = 0; gx < g; gx++, k++) {
        if (k >= anchors) break;
        const o = k * stride;
        const score = out[o + 4]! * out[o + 5]!;
        if (score < minScore) continue;
        const cx = (out[o]! + gx) * s;
        const cy = (out[o + 1]! + gy) * s;
        const w = Math.exp(out[o + 2]!) * s;
        const h = Math.exp(out[o + 3]!) * s;
        const [x1, y1] = toSource(fit, cx - w / 2, cy - h / 2);
        const [x2, y2] = toSource(fit, cx + w / 2, cy + h / 2);
        boxes.push({ ...clampBox(x1, y1, x2, y2, src.width, src.height), score });
      }
    }
  }
  if (k !== anchors)
    throw new RangeError(`YOLOX output has ${anchors} anchors; strides ${strides.join('/')} at ${inputSize} give ${k}`);
  return boxes;
}

/** YOLOv8/YOLO11 output [1, 4 + classes, N]: centre x, centre y, w, h in input pixels, then class scores. */
export function decodeYoloV8(
  out: Float32Array,
  dims: readonly number[],
  fit: Fit,
  src: { width: number; height: number },
  minScore: number,
): PersonBox[] {
  const n = dims[2]!;
  const boxes: PersonBox[] = [];
  for (let i = 0; i < n; i++) {
    const score = out[4 * n + i]!;
    if (score < minScore) continue;
    const [cx, cy, w, h] = [out[i]!, out[n + i]!, out[2 * n + i]!, out[3 * n + i]!];
    const [x1, y1] = toSource(fit, cx - w / 2, cy - h / 2);
    const [x2, y2] = toSource(fit, cx + w / 2, cy + h / 2);
    boxes.push({ ...clampBox(x1, y1, x2, y2, src.width, src.height), score });
  }
  return boxes;
}
