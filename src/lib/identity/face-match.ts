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

/** How much a person's clothes look like what a worker wore when last named (0..1), null if unknown. */
export type UniformHint = (workerId: string) => number | null;

/** Two look-alike faces are told apart by clothes only when the clothes differ this clearly. */
const HINT_MARGIN = 0.25;

/**
 * The worker a face belongs to, or null when no enrolled face is clearly the closest. The uniform
 * hint is weak on purpose: it never names anyone by itself and never lowers the threshold; it only
 * settles a tie between two faces that both pass it but are too alike to choose between.
 */
export function matchFace(
  embedding: ArrayLike<number>,
  gallery: readonly EnrolledFace[],
  opts: FaceMatchOptions = FACE_MATCH_DEFAULTS,
  hint?: UniformHint,
): { workerId: string; name: string; similarity: number } | null {
  type Candidate = { workerId: string; name: string; similarity: number };
  let best: Candidate | null = null;
  let second: Candidate | null = null;
  for (const g of gallery) {
    if (g.embedding.length !== embedding.length) continue;
    const c = { workerId: g.workerId, name: g.name, similarity: cosineSimilarity(embedding, g.embedding) };
    if (!best || c.similarity > best.similarity) [best, second] = [c, best];
    else if (!second || c.similarity > second.similarity) second = c;
  }
  if (!best || best.similarity < opts.minSimilarity) return null;
  if (!second || best.similarity - second.similarity >= opts.minMargin) return best;
  if (!hint || second.similarity < opts.minSimilarity) return null;
  const [hb, hs] = [hint(best.workerId), hint(second.workerId)];
  if (hb === null || hs === null || Math.abs(hb - hs) < HINT_MARGIN) return null;
  return hb > hs ? best : second;
}
