import { createByteTracker, type ByteTrackOptions } from './byte-tracker.js';
import { Detections, type Keypoints } from './detections.js';
import type { Xyxy } from './geometry.js';
import { createMotionEstimator, type MotionOptions } from './motion.js';
import { createDetectionValidator, type ValidationConfig } from './validation.js';
import { anchorPoint, createZoneIndex, type FrameSize, type ZoneShape } from './zones.js';

export interface TrackedPerson {
  trackId: number;
  /** the tracker's filtered box, pixels */
  box: Xyxy;
  zoneId: string | null;
  motion: number;
  moving: boolean;
}

export interface FramePipelineOptions {
  zones: readonly ZoneShape[];
  validation?: Partial<ValidationConfig>;
  tracker?: Partial<ByteTrackOptions>;
  motion?: Partial<MotionOptions>;
  /** tracks not seen for this long are forgotten by the motion estimator */
  forgetAfterMs?: number;
}

/**
 * One camera's per-frame path in the kiosk: validation → ByteTrack → zone of the feet → motion.
 * Only confirmed tracks come out; their zone is judged from the tracker's box, which jitters less
 * than the raw detection.
 */
export function createFramePipeline(opts: FramePipelineOptions) {
  let zones = createZoneIndex(opts.zones);
  const validator = createDetectionValidator(opts.validation);
  const tracker = createByteTracker(opts.tracker);
  const motion = createMotionEstimator(opts.motion);
  const forgetAfterMs = opts.forgetAfterMs ?? 5000;
  const anchor = opts.validation?.anchor ?? 'bottom-center';
  let frameIndex = 0;

  return {
    /** New zones take effect from the next frame; tracks and their movement history carry on. */
    setZones(next: readonly ZoneShape[]): void {
      zones = createZoneIndex(next);
    },
    process(
      rows: readonly { box: Xyxy; score: number; keypoints?: Keypoints | null }[],
      tMs: number,
      frame: FrameSize,
    ): TrackedPerson[] {
      frameIndex++;
      const dets = Detections.from(rows);
      const kept = dets.filter(validator.validate(dets, frame, tMs, zones.zoneOf).keep);
      const assigned = tracker.update(
        Array.from({ length: kept.length }, (_, index) => ({
          index,
          box: kept.box(index),
          score: kept.confidence[index]!,
        })),
        frameIndex,
      );
      const out = assigned.map((a) => {
        const reading = motion.update(a.trackId, tMs, a.box, kept.keypoints?.[a.detectionIndex] ?? null);
        return {
          trackId: a.trackId,
          box: a.box,
          zoneId: zones.zoneOf(anchorPoint(a.box, anchor, frame)),
          motion: reading.score,
          moving: reading.moving,
        };
      });
      motion.prune(tMs - forgetAfterMs);
      return out;
    },
  };
}
export type FramePipeline = ReturnType<typeof createFramePipeline>;
