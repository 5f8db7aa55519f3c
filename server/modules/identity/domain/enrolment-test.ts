import type { EnrolmentTestResult, Resemblance } from '../../../../src/lib/protocol/identity.js';
import { cosineSimilarity } from '../../../../src/lib/shared/vector.js';

/**
 * The recognition test of new enrolment photos against the gallery (without the worker's own
 * enrolment): the closest enrolled worker per photo, the workers they resemble, and how alike the
 * new photos are to each other.
 */
export function enrolmentTest(
  photos: readonly ArrayLike<number>[],
  gallery: readonly { workerId: string; name: string; embedding: ArrayLike<number> }[],
  threshold: number,
): EnrolmentTestResult {
  const best = new Map<string, Resemblance>();
  const perPhoto = photos.map((p, index) => {
    let closest: Resemblance | null = null;
    for (const g of gallery) {
      const similarity = cosineSimilarity(p, g.embedding);
      if (!closest || similarity > closest.similarity) closest = { workerId: g.workerId, name: g.name, similarity };
      const prev = best.get(g.workerId);
      if (!prev || similarity > prev.similarity)
        best.set(g.workerId, { workerId: g.workerId, name: g.name, similarity });
    }
    return { index, closest };
  });
  let consistency = 1;
  for (let i = 0; i < photos.length; i++)
    for (let j = i + 1; j < photos.length; j++)
      consistency = Math.min(consistency, cosineSimilarity(photos[i]!, photos[j]!));
  return {
    photos: perPhoto,
    resembles: [...best.values()].sort((a, b) => b.similarity - a.similarity).slice(0, 5),
    consistency,
    threshold,
  };
}
