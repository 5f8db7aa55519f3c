import type { Detections } from './detections.js';
import { iou, type Xyxy } from './geometry.js';
import { anchorPoint, pointInPolygon, type Anchor, type FrameSize, type Polygon } from './zones.js';

export interface DetectionRules {
  /** seed default 0.5 */
  minConfidence: number;
  /** boxes shorter than this many pixels are too small to be a person we can judge */
  minHeightPx: number;
  /** boxes taller than this share of the frame are the camera being blocked, not a person */
  maxHeightFrac: number;
  /** person-like shape: height / width within these bounds (sitting ~1, standing ~2–4) */
  minAspect: number;
  maxAspect: number;
}

export interface StaticSuppression {
  /** places (normalised polygons) where a still "person" is probably a coat, mannequin or poster */
  backgroundRegions: readonly Polygon[];
  /** a detection that has not moved for this long inside a background region is dropped */
  afterSec: number;
  /** IoU with its earlier self that still counts as "not moved" */
  stillIou: number;
  /** a static candidate not seen for this long is forgotten */
  forgetSec: number;
}

export interface ValidationConfig {
  rules: DetectionRules;
  /** per zone, rules that replace the defaults for detections whose anchor lies in it */
  zoneRules: Readonly<Record<string, Partial<DetectionRules>>>;
  staticSuppression: StaticSuppression;
  anchor: Anchor;
}

export const VALIDATION_DEFAULTS: ValidationConfig = {
  rules: { minConfidence: 0.5, minHeightPx: 24, maxHeightFrac: 0.98, minAspect: 0.8, maxAspect: 6 },
  zoneRules: {},
  staticSuppression: { backgroundRegions: [], afterSec: 600, stillIou: 0.85, forgetSec: 30 },
  anchor: 'bottom-center',
};

export type RejectReason =
  'low_confidence' | 'too_small' | 'too_large' | 'not_person_shaped' | 'static_background' | 'invalid_box';

type ZoneOf = (p: readonly [number, number]) => string | null;

interface StaticCandidate {
  box: Xyxy;
  firstMs: number;
  lastMs: number;
}

/**
 * Drops detections that are not plausibly a person before they reach the tracker. One validator per
 * camera: it remembers still objects in background regions between frames.
 */
export function createDetectionValidator(config: Partial<ValidationConfig> = {}) {
  const cfg: ValidationConfig = {
    ...VALIDATION_DEFAULTS,
    ...config,
    rules: { ...VALIDATION_DEFAULTS.rules, ...config.rules },
    staticSuppression: { ...VALIDATION_DEFAULTS.staticSuppression, ...config.staticSuppression },
  };
  let candidates: StaticCandidate[] = [];

  function check(box: Xyxy, score: number, rules: DetectionRules, frame: FrameSize): RejectReason | null {
    if (!box.every(Number.isFinite) || box[2] <= box[0] || box[3] <= box[1]) return 'invalid_box';
    if (!(score >= rules.minConfidence)) return 'low_confidence';
    const w = box[2] - box[0];
    const h = box[3] - box[1];
    if (h < rules.minHeightPx) return 'too_small';
    if (h > rules.maxHeightFrac * frame.height) return 'too_large';
    const aspect = h / w;
    if (aspect < rules.minAspect || aspect > rules.maxAspect) return 'not_person_shaped';
    return null;
  }

  /** Whether this detection has sat still in a background region for long enough to be ignored. */
  function isStaticBackground(box: Xyxy, tMs: number, frame: FrameSize): boolean {
    const s = cfg.staticSuppression;
    if (s.backgroundRegions.length === 0) return false;
    const p = anchorPoint(box, cfg.anchor, frame);
    if (!s.backgroundRegions.some((r) => pointInPolygon(p, r))) return false;
    let c = candidates.find((k) => iou(k.box, box) >= s.stillIou);
    if (!c) {
      c = { box, firstMs: tMs, lastMs: tMs };
      candidates.push(c);
    }
    c.lastMs = tMs;
    return tMs - c.firstMs >= s.afterSec * 1000;
  }

  function judge(box: Xyxy, score: number, frame: FrameSize, tMs: number, zoneOf: ZoneOf): RejectReason | null {
    // A NaN box has no anchor point to look a zone up with.
    if (!box.every(Number.isFinite)) return 'invalid_box';
    const zone = zoneOf(anchorPoint(box, cfg.anchor, frame));
    const rules = zone && cfg.zoneRules[zone] ? { ...cfg.rules, ...cfg.zoneRules[zone] } : cfg.rules;
    const reason = check(box, score, rules, frame);
    if (reason) return reason;
    return isStaticBackground(box, tMs, frame) ? 'static_background' : null;
  }

  return {
    /**
     * Judges one frame. `zoneOf` maps an anchor point to a zone id for the per-zone rules.
     * Returns the keep mask and, per row, why it was dropped.
     */
    validate(dets: Detections, frame: FrameSize, tMs: number, zoneOf: ZoneOf = () => null) {
      if (!Number.isFinite(tMs)) throw new RangeError('timestamp must be finite');
      const keep = new Uint8Array(dets.length);
      const reasons: (RejectReason | null)[] = [];
      for (let i = 0; i < dets.length; i++) {
        const reason = judge(dets.box(i), dets.confidence[i]!, frame, tMs, zoneOf);
        reasons.push(reason);
        keep[i] = reason ? 0 : 1;
      }
      const forgetBefore = tMs - cfg.staticSuppression.forgetSec * 1000;
      candidates = candidates.filter((c) => c.lastMs >= forgetBefore);
      return { keep, reasons };
    },
  };
}
