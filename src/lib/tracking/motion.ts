import { KEYPOINT, type Keypoints } from './detections.js';
import { isValidBox, type Xyxy } from './geometry.js';

export interface MotionOptions {
  /** how far back movement is measured, seconds; longer than detector jitter, shorter than a work cycle */
  windowSec: number;
  /** time constant of the exponential smoothing of the score, seconds */
  smoothingSec: number;
  /** smoothed score at or above which a person counts as moving (overridable per zone) */
  movingThreshold: number;
  /** keypoints below this score are ignored */
  minKeypointScore: number;
}

export const MOTION_DEFAULTS: MotionOptions = {
  windowSec: 1,
  smoothingSec: 0.5,
  movingThreshold: 0.04,
  minKeypointScore: 0.3,
};

export interface MotionReading {
  /** smoothed movement over the window, in box heights, clamped to 0..1 */
  score: number;
  moving: boolean;
}

interface Sample {
  tMs: number;
  box: Xyxy;
  keypoints: Keypoints | null;
}

const ARM_POINTS = [KEYPOINT.leftElbow, KEYPOINT.rightElbow, KEYPOINT.leftWrist, KEYPOINT.rightWrist];

/**
 * The largest movement between `now` and any earlier sample in the window, in units of the current
 * box height, so a worker far from the camera and one close to it compare. Box centre and size
 * capture walking, bending and reaching; wrists and elbows, when the detector gives them, capture
 * hand work that barely moves the box.
 */
function rawMotion(now: Sample, history: readonly Sample[], minKpScore: number): number {
  const h = now.box[3] - now.box[1];
  if (h <= 0) return 0;
  const cx = (now.box[0] + now.box[2]) / 2;
  const cy = (now.box[1] + now.box[3]) / 2;
  const w = now.box[2] - now.box[0];
  let best = 0;
  for (const s of history) {
    const b = s.box;
    const d = Math.max(
      Math.abs(cx - (b[0] + b[2]) / 2),
      Math.abs(cy - (b[1] + b[3]) / 2),
      Math.abs(w - (b[2] - b[0])),
      Math.abs(h - (b[3] - b[1])),
    );
    best = Math.max(best, d / h);
    if (now.keypoints && s.keypoints) {
      for (const k of ARM_POINTS) {
        const a = k * 3;
        if (now.keypoints[a + 2]! < minKpScore || s.keypoints[a + 2]! < minKpScore) continue;
        best = Math.max(
          best,
          Math.hypot(now.keypoints[a]! - s.keypoints[a]!, now.keypoints[a + 1]! - s.keypoints[a + 1]!) / h,
        );
      }
    }
  }
  return best;
}

/**
 * Per-track movement score for one camera. Timestamps come with each observation (ms), so a slow
 * or skipped frame changes only how many samples the window holds, not the score's meaning.
 */
export function createMotionEstimator(options: Partial<MotionOptions> = {}) {
  const opt: MotionOptions = { ...MOTION_DEFAULTS, ...options };
  if (!(opt.windowSec > 0) || !(opt.smoothingSec >= 0) || !(opt.movingThreshold >= 0)) {
    throw new RangeError('motion windowSec must be positive, smoothingSec and movingThreshold not negative');
  }
  const tracks = new Map<number, { history: Sample[]; score: number; lastMs: number }>();

  return {
    update(
      trackId: number,
      tMs: number,
      box: Xyxy,
      keypoints: Keypoints | null = null,
      movingThreshold = opt.movingThreshold,
    ): MotionReading {
      if (!Number.isFinite(tMs)) throw new RangeError('timestamp must be finite');
      if (!isValidBox(box)) throw new RangeError('box must have finite coordinates and non-negative size');
      const now: Sample = { tMs, box, keypoints };
      let t = tracks.get(trackId);
      if (!t) {
        t = { history: [], score: 0, lastMs: tMs };
        tracks.set(trackId, t);
      }
      if (tMs < t.lastMs) throw new RangeError(`timestamp ${tMs} is before the track's last one (${t.lastMs})`);
      const windowStart = tMs - opt.windowSec * 1000;
      t.history = t.history.filter((s) => s.tMs >= windowStart);
      const raw = rawMotion(now, t.history, opt.minKeypointScore);
      const dtSec = (tMs - t.lastMs) / 1000;
      const alpha = opt.smoothingSec === 0 || t.history.length === 0 ? 1 : 1 - Math.exp(-dtSec / opt.smoothingSec);
      t.score = t.history.length === 0 ? 0 : t.score + alpha * (raw - t.score);
      t.lastMs = tMs;
      t.history.push(now);
      const score = Math.min(1, t.score);
      return { score, moving: score >= movingThreshold };
    },
    /** Drops tracks not updated since `beforeMs` (gone from the picture). */
    prune(beforeMs: number): void {
      for (const [id, t] of tracks) if (t.lastMs < beforeMs) tracks.delete(id);
    },
    get size() {
      return tracks.size;
    },
  };
}
export type MotionEstimator = ReturnType<typeof createMotionEstimator>;
