import { cosineSimilarity } from '../shared/vector.js';
import type { TrackAssignment, TrackObservation, Tracker } from './byte-tracker.js';
import type { Xyxy } from './geometry.js';

export interface ReIdOptions {
  /** a lost track may be taken back this many frames after it was last seen */
  windowFrames: number;
  /** how alike a new track and a lost one must be (0..1) */
  minSimilarity: number;
  /** weight of appearance against geometry when both tracks carry an appearance */
  appearanceWeight: number;
  /** how far from where a lost person was heading a new one may appear, in their box heights */
  maxJumpHeights: number;
}

export const REID_DEFAULTS: ReIdOptions = {
  windowFrames: 75,
  minSimilarity: 0.8,
  appearanceWeight: 0.6,
  maxJumpHeights: 1.5,
};

/** An observation with what the person looks like (src/lib/tracking/appearance.ts), when known. */
export type AppearanceObservation = TrackObservation & { readonly appearance?: ArrayLike<number> | null };

interface Memory {
  box: Xyxy;
  /** centre movement per frame, smoothed */
  vx: number;
  vy: number;
  lastFrame: number;
  appearance: Float32Array | null;
}

const centre = (b: Xyxy) => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] as const;

/**
 * How much a new box looks like the continuation of a lost track: same size and shape, near where
 * the lost person was heading (constant velocity, capped at the window), and, when both carry one,
 * the same colours. 0..1.
 */
export function continuation(lost: Memory, box: Xyxy, appearance: Float32Array | null, frame: number, o: ReIdOptions) {
  const dt = Math.min(frame - lost.lastFrame, o.windowFrames);
  const [lx, ly] = centre(lost.box);
  const [nx, ny] = centre(box);
  const h = lost.box[3] - lost.box[1];
  const nh = box[3] - box[1];
  const jump = Math.hypot(nx - (lx + lost.vx * dt), ny - (ly + lost.vy * dt)) / Math.max(h, 1e-6);
  if (jump > o.maxJumpHeights) return 0;
  const size = Math.min(h, nh) / Math.max(h, nh);
  const lw = lost.box[2] - lost.box[0];
  const nw = box[2] - box[0];
  const shape = Math.min(lw / h, nw / nh) / Math.max(lw / h, nw / nh);
  const geometry = size * shape * (1 - jump / o.maxJumpHeights / 2);
  if (!lost.appearance || !appearance) return geometry;
  const look = Math.max(0, cosineSimilarity(lost.appearance, appearance));
  return o.appearanceWeight * look + (1 - o.appearanceWeight) * geometry;
}

/**
 * Re-identification around a tracker: when it starts a new track while a recently lost one would
 * fit it, the new track takes the lost one's id back, so the person keeps their session and their
 * name. Ids a re-identified track would have had are never shown.
 */
export function withReIdentification(inner: Tracker, options: Partial<ReIdOptions> = {}): Tracker {
  const o = { ...REID_DEFAULTS, ...options };
  /** the tracker's id → the id shown, and the frame it was last output in */
  const remap = new Map<number, { id: number; frame: number }>();
  const memory = new Map<number, Memory>();
  let current = new Set<number>();

  function remember(id: number, box: Xyxy, appearance: Float32Array | null, frame: number): void {
    const m = memory.get(id);
    if (!m) {
      memory.set(id, { box, vx: 0, vy: 0, lastFrame: frame, appearance });
      return;
    }
    const dt = Math.max(frame - m.lastFrame, 1);
    const [px, py] = centre(m.box);
    const [cx, cy] = centre(box);
    m.vx = 0.7 * m.vx + 0.3 * ((cx - px) / dt);
    m.vy = 0.7 * m.vy + 0.3 * ((cy - py) / dt);
    m.box = box;
    m.lastFrame = frame;
    if (appearance) {
      if (!m.appearance) m.appearance = Float32Array.from(appearance);
      else for (let i = 0; i < appearance.length; i++) m.appearance[i] = 0.8 * m.appearance[i]! + 0.2 * appearance[i]!;
    }
  }

  return {
    update(observations: readonly AppearanceObservation[], frame) {
      const assigned = inner.update(observations, frame);
      const lookOf = (a: TrackAssignment) => {
        const v = observations.find((x) => x.index === a.detectionIndex)?.appearance;
        return v ? Float32Array.from(v) : null;
      };
      for (const [id, m] of memory) if (frame - m.lastFrame > o.windowFrames) memory.delete(id);
      // The tracker keeps a lost track a while before dropping it; its id never comes back after.
      for (const [k, r] of remap) if (frame - r.frame > 2 * o.windowFrames) remap.delete(k);
      const fresh = assigned.filter((a) => !remap.has(a.trackId));
      const lost = [...memory.entries()].filter(([id]) => !current.has(id));
      const taken = new Set(assigned.filter((a) => remap.has(a.trackId)).map((a) => remap.get(a.trackId)!.id));
      // Best pairs first, each lost id to one new track at most.
      const pairs = fresh
        .flatMap((a) => lost.map(([id, m]) => ({ a, id, s: continuation(m, a.box, lookOf(a), frame, o) })))
        .filter((p) => p.s >= o.minSimilarity)
        .sort((x, y) => y.s - x.s);
      for (const p of pairs) {
        if (remap.has(p.a.trackId) || taken.has(p.id) || current.has(p.id)) continue;
        remap.set(p.a.trackId, { id: p.id, frame });
        taken.add(p.id);
      }
      const out = assigned.map((a) => {
        const r = remap.get(a.trackId) ?? { id: a.trackId, frame };
        r.frame = frame;
        remap.set(a.trackId, r);
        return { ...a, trackId: r.id };
      });
      current = new Set(out.map((a) => a.trackId));
      for (const [k, a] of out.entries()) remember(a.trackId, a.box, lookOf(assigned[k]!), frame);
      return out;
    },
    reset() {
      inner.reset();
      remap.clear();
      memory.clear();
      current = new Set();
    },
  };
}
