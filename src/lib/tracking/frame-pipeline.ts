import { createByteTracker, type ByteTrackOptions } from './byte-tracker.js';
import { Detections, type Keypoints } from './detections.js';
import type { Xyxy } from './geometry.js';
import { createMotionEstimator, type MotionOptions } from './motion.js';
import { withReIdentification, type ReIdOptions } from './reid.js';
import { createDetectionValidator, type ValidationConfig } from './validation.js';
import { anchorPoint, createZoneIndex, type FrameSize, type ZoneShape } from './zones.js';

export interface TrackedPerson {
  trackId: number;
  /** the tracker's filtered box, pixels */
  box: Xyxy;
  zoneId: string | null;
  motion: number;
  moving: boolean;
  /** this frame's colour signature of the person (appearance.ts), when the caller gave one */
  appearance: Float32Array | null;
}

export interface FramePipelineOptions {
  zones: readonly ZoneShape[];
  validation?: Partial<ValidationConfig>;
  tracker?: Partial<ByteTrackOptions>;
  motion?: Partial<MotionOptions>;
  /** re-identification of lost tracks (reid.ts); false turns it off */
  reid?: Partial<ReIdOptions> | false;
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
  const tracker =
    opts.reid === false
      ? createByteTracker(opts.tracker)
      : withReIdentification(createByteTracker(opts.tracker), opts.reid);
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
      rows: readonly {
        box: Xyxy;
        score: number;
        keypoints?: Keypoints | null;
        /** colour signature (appearance.ts), for re-identification */
        appearance?: Float32Array | null;
      }[],
      tMs: number,
      frame: FrameSize,
    ): TrackedPerson[] {
      frameIndex++;
      const dets = Detections.from(rows);
      const { keep } = validator.validate(dets, frame, tMs, zones.zoneOf);
      const kept = dets.filter(keep);
      const looks = rows.filter((_, i) => keep[i] === 1).map((r) => r.appearance ?? null);
      const assigned = tracker.update(
        Array.from({ length: kept.length }, (_, index) => ({
          index,
          box: kept.box(index),
          score: kept.confidence[index]!,
          appearance: looks[index] ?? null,
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
          appearance: looks[a.detectionIndex] ?? null,
        };
      });
      motion.prune(tMs - forgetAfterMs);
      return out;
    },
  };
}
export type FramePipeline = ReturnType<typeof createFramePipeline>;
