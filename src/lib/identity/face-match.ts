import { cosineSimilarity } from '../shared/vector.js';

/** An enrolled worker's face: the mean of their enrolment embeddings. */
export interface EnrolledFace {
  workerId: string;
  name: string;
  embedding: Float32Array;
}

export interface FaceMatchOptions {
  /** cosine similarity a face must reach to be named */
  minSimilarity: number;
  /** and by how much it must beat the runner-up, so look-alikes stay unnamed */
  minMargin: number;
}

/** minSimilarity from eval:identity's ROC: the highest recall at ≥ 99 % precision (README, Identity). */
export const FACE_MATCH_DEFAULTS: FaceMatchOptions = { minSimilarity: 0.67, minMargin: 0.05 };

/** The worker a face belongs to, or null when no enrolled face is clearly the closest. */
export function matchFace(
  embedding: ArrayLike<number>,
  gallery: readonly EnrolledFace[],
  opts: FaceMatchOptions = FACE_MATCH_DEFAULTS,
): { workerId: string; name: string; similarity: number } | null {
  let best: { workerId: string; name: string; similarity: number } | null = null;
  let second = -1;
  for (const g of gallery) {
    if (g.embedding.length !== embedding.length) continue;
    const sim = cosineSimilarity(embedding, g.embedding);
    if (!best || sim > best.similarity) {
      second = best?.similarity ?? -1;
      best = { workerId: g.workerId, name: g.name, similarity: sim };
    } else if (sim > second) second = sim;
  }
  if (!best || best.similarity < opts.minSimilarity || best.similarity - second < opts.minMargin) return null;
  return best;
}
