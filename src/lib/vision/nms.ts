import type { PersonBox } from './types.js';

function iou(a: PersonBox, b: PersonBox): number {
  const iw = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const ih = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  if (iw <= 0 || ih <= 0) return 0;
  const inter = iw * ih;
  return inter / (a.w * a.h + b.w * b.h - inter);
}

/** Greedy non-maximum suppression: highest score first, dropping boxes that overlap a kept one. */
export function nms(boxes: readonly PersonBox[], iouThreshold: number, maxDetections = 100): PersonBox[] {
  const sorted = [...boxes].sort((a, b) => b.score - a.score);
  const kept: PersonBox[] = [];
  for (const b of sorted) {
    if (kept.length >= maxDetections) break;
    if (kept.every((k) => iou(k, b) <= iouThreshold)) kept.push(b);
  }
  return kept;
}
