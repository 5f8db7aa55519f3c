import { createFrameFitter } from './frame-fitter.js';
import { nms } from './nms.js';
import { openOrtSession } from './ort-session.js';
import type { RuntimeInfo } from './runtime.js';
import { frameByFrame, type Detector, type FrameSource, type PersonBox } from './types.js';
import { decodeYolox, decodeYoloV8, detectFamily } from './yolo-decode.js';

export interface OnnxDetectorOptions {
  /** file name in the model folder, e.g. yolox_nano.onnx */
  file: string;
  minScore: number;
  iouThreshold: number;
}

/** Converts RGBA pixels to a planar float tensor: YOLOX wants BGR 0–255, YOLOv8 RGB 0–1. */
function toTensorData(rgba: Uint8ClampedArray, size: number, family: 'yolox' | 'yolov8'): Float32Array {
  const plane = size * size;
  const out = new Float32Array(3 * plane);
  const [r, g, b] = family === 'yolox' ? [2, 1, 0] : [0, 1, 2];
  const scale = family === 'yolox' ? 1 : 1 / 255;
  for (let i = 0, p = 0; p < plane; i += 4, p++) {
    out[r * plane + p] = rgba[i]! * scale;
    out[g * plane + p] = rgba[i + 1]! * scale;
    out[b * plane + p] = rgba[i + 2]! * scale;
  }
  return out;
}

/** Any YOLO-family ONNX export (YOLOX; YOLOv8/YOLO11) through onnxruntime-web. */
export async function createOnnxDetector(
  runtime: RuntimeInfo,
  opts: OnnxDetectorOptions,
): Promise<Omit<Detector, 'calibration'>> {
  const { ort, session } = await openOrtSession(runtime, opts.file);
  const inputName = session.inputNames[0]!;
  const meta = session.inputMetadata[0] as { shape?: readonly (number | string)[] } | undefined;
  const declared = meta?.shape?.[2];
  const size = typeof declared === 'number' && declared > 0 ? declared : 640;
  // Both families pad with grey 114, as their training pipelines do.
  let family: 'yolox' | 'yolov8' | null = null;
  const fitter = createFrameFitter(size, 'topleft', 'rgb(114,114,114)');

  async function detectOne(frame: FrameSource): Promise<PersonBox[]> {
    const { fit, pixels, src } = fitter.draw(frame);
    // The family decides the colour order, but is known only from the first output: run once as
    // YOLOX (the shared test model), and redo the frame if the output says otherwise.
    const run = async (fam: 'yolox' | 'yolov8') => {
      const input = new ort.Tensor('float32', toTensorData(pixels.data, size, fam), [1, 3, size, size]);
      const out = (await session.run({ [inputName]: input }))[session.outputNames[0]!]!;
      return { data: out.data as Float32Array, dims: out.dims };
    };
    let out = await run(family ?? 'yolox');
    if (!family) {
      family = detectFamily(out.dims);
      if (family !== 'yolox') out = await run(family);
    }
    const boxes =
      family === 'yolox'
        ? decodeYolox(out.data, out.dims, size, fit, src, opts.minScore)
        : decodeYoloV8(out.data, out.dims, fit, src, opts.minScore);
    return nms(boxes, opts.iouThreshold);
  }

  return frameByFrame(
    { model: opts.file.replace(/\.onnx$/, ''), backend: runtime.backend, inputSize: size },
    detectOne,
    () => void session.release(),
  );
}
