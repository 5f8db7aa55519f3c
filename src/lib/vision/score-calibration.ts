import type { ByteTrackOptions } from '../tracking/byte-tracker.js';
import type { FramePipelineOptions } from '../tracking/frame-pipeline.js';
import { VALIDATION_DEFAULTS } from '../tracking/validation.js';

/** The tracker settings that depend on how a detector spreads its scores. */
export type TrackerScores = Pick<
  ByteTrackOptions,
  'highThreshold' | 'lowThreshold' | 'newTrackThreshold' | 'fuseScore'
>;

/** How one detector family's scores read: what it reports at all, and what the tracker trusts. */
export interface ScoreCalibration {
  /** boxes below this score are not reported */
  minScore: number;
  tracker: TrackerScores;
}

export type DetectorFamily = 'yolo' | 'centernet' | 'movenet-multipose' | 'nanodet';

/**
 * Per family. Measured on 20 vtest.avi frames (one every 4 s) against YOLOX-nano's boxes at ≥ 0.5
 * as the reference people (126), matched at IoU ≥ 0.5:
 * - YOLO exports: the reference people score 0.57/0.79/0.85 (10th/50th/90th percentile); the
 *   split tuned on MOT (0.7 to be matched first, 0.8 to start a track) keeps 79 % and 45 % of them.
 * - CenterNet scores the same people 0.33/0.55/0.65, so 0.7/0.8 admits almost nobody and no track
 *   ever starts (a newcomer's kiosk saw nobody). 0.45 keeps 75 % with no false box at or above it
 *   (17 at ≥ 0.35), 0.5 keeps 62 %.
 * - MoveNet (mean keypoint score) finds 80 % of them, scored 0.24/0.34/0.45; 0.25 keeps 70 % (one
 *   false box), 0.3 keeps 53 %.
 * - NanoDet-m scores them 0.18/0.66/0.76 (its GFL score is a box-quality estimate); 0.4 keeps 80 %
 *   with no false box at or above it (7 at ≥ 0.35), 0.5 keeps 77 %.
 * Score fusion (IoU × score as the match cost) assumes MOT-like scores near 1; with these it would
 * refuse good matches, so it is off for the tfjs models.
 */
export const SCORE_CALIBRATION: Record<DetectorFamily, ScoreCalibration> = {
  yolo: { minScore: 0.5, tracker: { highThreshold: 0.7, lowThreshold: 0.1, newTrackThreshold: 0.8, fuseScore: true } },
  centernet: {
    minScore: 0.35,
    tracker: { highThreshold: 0.45, lowThreshold: 0.35, newTrackThreshold: 0.5, fuseScore: false },
  },
  'movenet-multipose': {
    minScore: 0.2,
    tracker: { highThreshold: 0.25, lowThreshold: 0.2, newTrackThreshold: 0.3, fuseScore: false },
  },
  nanodet: {
    minScore: 0.35,
    tracker: { highThreshold: 0.4, lowThreshold: 0.35, newTrackThreshold: 0.5, fuseScore: false },
  },
};

export function familyOf(model: string): DetectorFamily | null {
  if (model.endsWith('.onnx')) return 'yolo';
  return model === 'centernet' || model === 'movenet-multipose' || model === 'nanodet' ? model : null;
}

/**
 * The frame pipeline settings for a detector: its tracker thresholds, and validation that keeps
 * every box the detector reports (the seed's 0.5 would drop most of CenterNet's people again).
 */
export function pipelineScores(c: ScoreCalibration): Pick<FramePipelineOptions, 'tracker' | 'validation'> {
  return { tracker: c.tracker, validation: { rules: { ...VALIDATION_DEFAULTS.rules, minConfidence: c.minScore } } };
}
