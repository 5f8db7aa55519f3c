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

export const FACE_MATCH_DEFAULTS: FaceMatchOptions = { minSimilarity: 0.6, minMargin: 0.05 };

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

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
    const sim = cosine(embedding, g.embedding);
    if (!best || sim > best.similarity) {
      second = best?.similarity ?? -1;
      best = { workerId: g.workerId, name: g.name, similarity: sim };
    } else if (sim > second) second = sim;
  }
  if (!best || best.similarity < opts.minSimilarity || best.similarity - second < opts.minMargin) return null;
  return best;
}
