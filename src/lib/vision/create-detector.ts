import { createOnnxDetector } from './onnx-detector.js';
import type { RuntimeInfo } from './runtime.js';
import { familyOf, SCORE_CALIBRATION } from './score-calibration.js';
import { createTfjsDetector } from './tfjs-detectors.js';
import type { Detector } from './types.js';

export interface DetectorSpec {
  /** `centernet`, `movenet-multipose`, `nanodet`, or an .onnx file in the model folder */
  model: string;
  /** input size for the TensorFlow.js models (ONNX exports declare their own) */
  inputSize?: number;
  /** overrides the family's calibrated report threshold */
  minScore?: number;
  iouThreshold?: number;
}

export const DEFAULT_INPUT: Record<string, number> = { centernet: 512, 'movenet-multipose': 512, nanodet: 416 };

export async function createDetector(runtime: RuntimeInfo, spec: DetectorSpec): Promise<Detector> {
  const family = familyOf(spec.model);
  if (!family) throw new RangeError(`unknown detector ${spec.model}`);
  const base = SCORE_CALIBRATION[family];
  const calibration = { ...base, minScore: spec.minScore ?? base.minScore };
  const minScore = calibration.minScore;
  const iouThreshold = spec.iouThreshold ?? 0.45;
  const detector =
    family === 'yolo'
      ? await createOnnxDetector(runtime, { file: spec.model, minScore, iouThreshold })
      : await createTfjsDetector(runtime, {
          model: family,
          inputSize: spec.inputSize ?? DEFAULT_INPUT[family]!,
          minScore,
          iouThreshold,
        });
  return { ...detector, calibration };
}
