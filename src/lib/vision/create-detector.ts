import { createOnnxDetector } from './onnx-detector.js';
import type { RuntimeInfo } from './runtime.js';
import { createTfjsDetector } from './tfjs-detectors.js';
import type { Detector } from './types.js';

export interface DetectorSpec {
  /** `centernet`, `movenet-multipose`, or an .onnx file in the model folder */
  model: string;
  /** input size for the TensorFlow.js models (ONNX exports declare their own) */
  inputSize?: number;
  /** seed default 0.5 */
  minScore?: number;
  iouThreshold?: number;
}

export const DEFAULT_INPUT: Record<string, number> = { centernet: 512, 'movenet-multipose': 512 };

/**
 * Score thresholds per model. YOLO exports use the seed's 0.5. CenterNet and MoveNet are calibrated
 * lower: on vtest frames the people native YOLOX-nano finds at ≥ 0.5 score 0.35–0.7 in CenterNet and
 * 0.2–0.5 in MoveNet, whose person score is the mean of its keypoint scores.
 */
export const DEFAULT_MIN_SCORE: Record<string, number> = { centernet: 0.35, 'movenet-multipose': 0.2, onnx: 0.5 };

export function createDetector(runtime: RuntimeInfo, spec: DetectorSpec): Promise<Detector> {
  const minScore = spec.minScore ?? DEFAULT_MIN_SCORE[spec.model.endsWith('.onnx') ? 'onnx' : spec.model] ?? 0.5;
  const iouThreshold = spec.iouThreshold ?? 0.45;
  if (spec.model.endsWith('.onnx')) return createOnnxDetector(runtime, { file: spec.model, minScore, iouThreshold });
  if (spec.model !== 'centernet' && spec.model !== 'movenet-multipose') {
    return Promise.reject(new RangeError(`unknown detector ${spec.model}`));
  }
  return createTfjsDetector(runtime, {
    model: spec.model,
    inputSize: spec.inputSize ?? DEFAULT_INPUT[spec.model]!,
    minScore,
    iouThreshold,
  });
}
