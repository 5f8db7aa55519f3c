import type { Tracker } from './byte-tracker.js';
import { tlwhToXyxy, xyxyToTlwh } from './geometry.js';
import { byFrame, type MotRow } from './mot-format.js';

/**
 * Runs a tracker over a sequence's detections, frame by frame from 1 to `lastFrame` (frames with no
 * detections included, so lost tracks age as they would live), and returns its output as MOT rows.
 */
export function trackSequence(detections: readonly MotRow[], tracker: Tracker, lastFrame: number): MotRow[] {
  const frames = byFrame(detections);
  const out: MotRow[] = [];
  for (let frame = 1; frame <= lastFrame; frame++) {
    const dets = frames.get(frame) ?? [];
    const assigned = tracker.update(
      dets.map((d, index) => ({ index, box: tlwhToXyxy(d.box), score: d.score })),
      frame,
    );
    for (const a of assigned)
      out.push({ frame, id: a.trackId, box: xyxyToTlwh(a.box), score: dets[a.detectionIndex]!.score });
  }
  return out;
}
