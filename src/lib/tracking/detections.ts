import type { Xyxy } from './geometry.js';

/** COCO keypoint order, as MoveNet and YOLO-pose give it. */
export const KEYPOINT = {
  leftElbow: 7,
  rightElbow: 8,
  leftWrist: 9,
  rightWrist: 10,
  leftAnkle: 15,
  rightAnkle: 16,
} as const;

/** 17 keypoints × [x, y, score], pixels. */
export type Keypoints = Float32Array;

/**
 * One frame's detections, column-wise: parallel typed arrays instead of one object per box (after
 * roboflow/supervision's `Detections`). Filters take a mask and return a new value.
 */
export class Detections {
  readonly length: number;

  constructor(
    /** x1, y1, x2, y2 per row, pixels */
    readonly xyxy: Float32Array,
    readonly confidence: Float32Array,
    readonly keypoints: readonly (Keypoints | null)[] | null = null,
  ) {
    this.length = confidence.length;
    if (xyxy.length !== this.length * 4) throw new RangeError(`xyxy has ${xyxy.length} values for ${this.length} rows`);
    if (keypoints && keypoints.length !== this.length) throw new RangeError('keypoints must have one entry per row');
  }

  static from(rows: readonly { box: Xyxy; score: number; keypoints?: Keypoints | null }[]): Detections {
    const xyxy = new Float32Array(rows.length * 4);
    const conf = new Float32Array(rows.length);
    rows.forEach((r, i) => {
      xyxy.set(r.box, i * 4);
      conf[i] = r.score;
    });
    const kps = rows.some((r) => r.keypoints) ? rows.map((r) => r.keypoints ?? null) : null;
    return new Detections(xyxy, conf, kps);
  }

  box(i: number): Xyxy {
    const o = i * 4;
    return [this.xyxy[o]!, this.xyxy[o + 1]!, this.xyxy[o + 2]!, this.xyxy[o + 3]!];
  }

  /** Rows where keep[i] === 1, as a new Detections; never mutates this one. */
  filter(keep: Uint8Array): Detections {
    if (keep.length !== this.length) throw new RangeError(`mask has ${keep.length} entries for ${this.length} rows`);
    const idx = [...keep.keys()].filter((i) => keep[i] === 1);
    const xyxy = new Float32Array(idx.length * 4);
    const conf = new Float32Array(idx.length);
    idx.forEach((src, dst) => {
      xyxy.set(this.xyxy.subarray(src * 4, src * 4 + 4), dst * 4);
      conf[dst] = this.confidence[src]!;
    });
    return new Detections(xyxy, conf, this.keypoints ? idx.map((i) => this.keypoints![i]!) : null);
  }
}
