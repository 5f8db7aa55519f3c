import { cosineSimilarity } from '../shared/vector.js';
import type { EnrolledFace } from './face-match.js';

export interface LabelledFace {
  /** who the face really is; an id absent from the gallery is someone never enrolled */
  identity: string;
  embedding: ArrayLike<number>;
}

export interface OperatingPoint {
  threshold: number;
  /** named correctly / named at all (1 when nobody is named) */
  precision: number;
  /** named correctly / queries of enrolled people */
  recall: number;
  /** verification: genuine pairs (query, own enrolment) at or above the threshold */
  tpr: number;
  /** verification: impostor pairs (query, someone else's enrolment) at or above the threshold */
  fpr: number;
}

/**
 * Face matching measured as the kiosk does it (best enrolled face, at least `minMargin` ahead of the
 * runner-up, at least the threshold), for each threshold: open-set precision and recall, and the
 * verification ROC of every query against every enrolment.
 */
export function evaluateMatching(
  gallery: readonly EnrolledFace[],
  queries: readonly LabelledFace[],
  thresholds: readonly number[],
  minMargin: number,
): OperatingPoint[] {
  const enrolled = new Set(gallery.map((g) => g.workerId));
  const scored = queries.map((q) => {
    const sims = gallery.map((g) => ({ id: g.workerId, s: cosineSimilarity(q.embedding, g.embedding) }));
    const sorted = [...sims].sort((a, b) => b.s - a.s);
    return { q, sims, best: sorted[0], second: sorted[1]?.s ?? -1 };
  });
  const genuine = scored.flatMap((x) => x.sims.filter((s) => s.id === x.q.identity).map((s) => s.s));
  const impostor = scored.flatMap((x) => x.sims.filter((s) => s.id !== x.q.identity).map((s) => s.s));
  const known = queries.filter((q) => enrolled.has(q.identity)).length;
  return thresholds.map((threshold) => {
    let tp = 0;
    let fp = 0;
    for (const x of scored) {
      if (!x.best || x.best.s < threshold || x.best.s - x.second < minMargin) continue;
      if (x.best.id === x.q.identity) tp++;
      else fp++;
    }
    return {
      threshold,
      precision: tp + fp ? tp / (tp + fp) : 1,
      recall: known ? tp / known : 0,
      tpr: genuine.length ? genuine.filter((s) => s >= threshold).length / genuine.length : 0,
      fpr: impostor.length ? impostor.filter((s) => s >= threshold).length / impostor.length : 0,
    };
  });
}

/**
 * The threshold to name faces at: the highest recall whose precision reaches `minPrecision`; of the
 * thresholds that give it, the middle one, so a small shift in the scores does not cross an edge.
 */
export function chooseThreshold(points: readonly OperatingPoint[], minPrecision: number): OperatingPoint | null {
  const ok = points.filter((p) => p.precision >= minPrecision);
  if (!ok.length) return null;
  const best = Math.max(...ok.map((p) => p.recall));
  const top = ok.filter((p) => p.recall === best).sort((a, b) => a.threshold - b.threshold);
  return top[Math.floor((top.length - 1) / 2)]!;
}
