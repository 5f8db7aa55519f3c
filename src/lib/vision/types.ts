/** A detected person in source-image pixels: top-left corner, width and height. */
export interface PersonBox {
  x: number;
  y: number;
  w: number;
  h: number;
  score: number;
  /** 17 COCO keypoints × [x, y, score] in source pixels, when the model gives them */
  keypoints?: Float32Array;
}

/** Anything a frame can be drawn from. */
export type FrameSource = ImageBitmap | HTMLVideoElement | HTMLCanvasElement | HTMLImageElement | OffscreenCanvas;

import type { ScoreCalibration } from './score-calibration.js';

export type Backend = 'webgpu' | 'wasm';

export interface Detector {
  readonly model: string;
  readonly backend: Backend;
  /** the model's input size, pixels (square) */
  readonly inputSize: number;
  /** how its scores read, and so the tracker thresholds that suit it */
  readonly calibration: ScoreCalibration;
  /** one list of people per frame; up to 4 frames (one per camera) */
  detect(frames: readonly FrameSource[]): Promise<PersonBox[][]>;
  dispose(): void;
}

export const MAX_BATCH = 4;

export class ModelLoadError extends Error {
  constructor(
    readonly model: string,
    message: string,
  ) {
    super(`model ${model}: ${message}`);
    this.name = 'ModelLoadError';
  }
}

/**
 * A Detector from a one-frame function. The graphs we run have a fixed batch of 1, so the frames of
 * one call (up to one per camera) run one after another.
 */
export function frameByFrame(
  info: Pick<Detector, 'model' | 'backend' | 'inputSize'>,
  detectOne: (frame: FrameSource) => Promise<PersonBox[]>,
  dispose: () => void,
): Omit<Detector, 'calibration'> {
  return {
    ...info,
    async detect(frames) {
      if (frames.length > MAX_BATCH) throw new RangeError(`at most ${MAX_BATCH} frames per call`);
      const out: PersonBox[][] = [];
      for (const f of frames) out.push(await detectOne(f));
      return out;
    },
    dispose,
  };
}
