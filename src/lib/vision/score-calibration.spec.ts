import { describe, expect, it } from 'vitest';
import { createFramePipeline } from '../tracking/frame-pipeline.js';
import type { Xyxy } from '../tracking/geometry.js';
import { familyOf, pipelineScores, SCORE_CALIBRATION, type DetectorFamily } from './score-calibration.js';

const FRAME = { width: 768, height: 576 };
const ZONES = [
  {
    id: 'Z1',
    polygon: [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ] as [number, number][],
  },
];

/** A person standing still, as a detector with the given scores sees them frame after frame. */
function tracksFor(scores: number[], family: DetectorFamily, tracker = SCORE_CALIBRATION[family].tracker): number {
  const pipeline = createFramePipeline({ zones: ZONES, ...pipelineScores(SCORE_CALIBRATION[family]), tracker });
  const box: Xyxy = [300, 200, 360, 380];
  // An empty first frame: people walk into view, they are not there when the kiosk starts.
  pipeline.process([], 0, FRAME);
  let seen = 0;
  scores.forEach((score, i) => {
    seen = Math.max(seen, pipeline.process([{ box, score }], (i + 1) * 200, FRAME).length);
  });
  return seen;
}

describe('detector score calibration', () => {
  it.each([
    { family: 'centernet' as const, scores: [0.5, 0.47, 0.55, 0.46, 0.6] },
    { family: 'centernet' as const, scores: [0.6, 0.6, 0.6, 0.6, 0.6] },
    { family: 'movenet-multipose' as const, scores: [0.3, 0.28, 0.35, 0.26, 0.31] },
    { family: 'yolo' as const, scores: [0.85, 0.75, 0.8, 0.72, 0.9] },
  ])('$family: a person scored as that detector scores them is tracked', ({ family, scores }) => {
    expect(tracksFor(scores, family)).toBe(1);
  });

  it('the MOT-tuned split alone never starts a track from CenterNet-like scores (the bug)', () => {
    expect(tracksFor([0.45, 0.6, 0.6, 0.6, 0.6], 'centernet', SCORE_CALIBRATION.yolo.tracker)).toBe(0);
  });

  it('each family reports nothing the tracker could not use, and trusts more than it reports', () => {
    for (const c of Object.values(SCORE_CALIBRATION)) {
      expect(c.tracker.lowThreshold).toBeLessThanOrEqual(c.tracker.highThreshold);
      expect(c.tracker.highThreshold).toBeLessThanOrEqual(c.tracker.newTrackThreshold);
      expect(c.minScore).toBeLessThan(c.tracker.highThreshold);
    }
  });

  it.each([
    ['yolox_nano.onnx', 'yolo'],
    ['centernet', 'centernet'],
    ['movenet-multipose', 'movenet-multipose'],
    ['nope', null],
  ])('familyOf(%s) = %s', (model, family) => {
    expect(familyOf(model)).toBe(family);
  });
});
