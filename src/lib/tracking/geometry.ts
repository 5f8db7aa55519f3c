/** A box as [x1, y1, x2, y2] in pixels, origin top-left. */
export type Xyxy = readonly [x1: number, y1: number, x2: number, y2: number];

/** A box as [left, top, width, height] in pixels (the MOTChallenge format). */
export type Tlwh = readonly [left: number, top: number, width: number, height: number];

export const tlwhToXyxy = ([l, t, w, h]: Tlwh): Xyxy => [l, t, l + w, t + h];
export const xyxyToTlwh = ([x1, y1, x2, y2]: Xyxy): Tlwh => [x1, y1, x2 - x1, y2 - y1];

/** A box whose corners are finite and whose width and height are not negative. */
export function isValidBox(b: Xyxy): boolean {
  return b.every(Number.isFinite) && b[2] >= b[0] && b[3] >= b[1];
}

export function area(b: Xyxy): number {
  return Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);
}

/** Intersection over union; 0 when either box has no area. */
export function iou(a: Xyxy, b: Xyxy): number {
  const iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (iw <= 0 || ih <= 0) return 0;
  const inter = iw * ih;
  const union = area(a) + area(b) - inter;
  return union > 0 ? inter / union : 0;
}

/** Row-major IoU matrix, rows = a, columns = b. */
export function iouMatrix(a: readonly Xyxy[], b: readonly Xyxy[]): Float64Array {
  const out = new Float64Array(a.length * b.length);
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) out[i * b.length + j] = iou(a[i]!, b[j]!);
  }
  return out;
}
