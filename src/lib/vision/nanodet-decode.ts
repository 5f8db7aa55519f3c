import type { PersonBox } from './types.js';

/** One stride level of NanoDet's GFL head output, anchors in row-major order over the grid. */
export interface NanodetLevel {
  stride: number;
  /** [anchors × classes] class scores, sigmoid applied */
  scores: Float32Array;
  /** [anchors × 4 × bins] distance distributions for left, top, right, bottom */
  boxes: Float32Array;
  classes: number;
  bins: number;
}

/**
 * Person boxes (class 0) in input pixels from NanoDet's GFL head (RangiLyu/nanodet `gfl_head.py`):
 * each anchor sits at the centre of its grid cell, ((x + 0.5)·stride, (y + 0.5)·stride), and each side's
 * distance is the expectation of a softmax over `bins` (reg_max + 1) integer offsets, times the stride.
 */
export function decodeNanodet(levels: readonly NanodetLevel[], inputSize: number, minScore: number): PersonBox[] {
  const out: PersonBox[] = [];
  for (const l of levels) {
    const grid = inputSize / l.stride;
    const anchors = l.scores.length / l.classes;
    for (let i = 0; i < anchors; i++) {
      const score = l.scores[i * l.classes]!;
      if (score < minScore) continue;
      const cx = ((i % grid) + 0.5) * l.stride;
      const cy = (Math.floor(i / grid) + 0.5) * l.stride;
      const d = [0, 1, 2, 3].map((side) => expectation(l.boxes, (i * 4 + side) * l.bins, l.bins) * l.stride);
      const x1 = cx - d[0]!;
      const y1 = cy - d[1]!;
      out.push({ x: x1, y: y1, w: cx + d[2]! - x1, h: cy + d[3]! - y1, score });
    }
  }
  return out;
}

/** Σ softmax(v)·k over one distribution. */
function expectation(v: Float32Array, at: number, bins: number): number {
  let max = -Infinity;
  for (let k = 0; k < bins; k++) max = Math.max(max, v[at + k]!);
  let sum = 0;
  let weighted = 0;
  for (let k = 0; k < bins; k++) {
    const e = Math.exp(v[at + k]! - max);
    sum += e;
    weighted += e * k;
  }
  return weighted / sum;
}
