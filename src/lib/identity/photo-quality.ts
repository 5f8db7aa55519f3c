import type { PhotoQuality } from '../protocol/identity.js';

/**
 * What an enrolment photo must be. faceres was trained on aligned frontal faces of about 224 px;
 * below 80 px a face has too little detail, and a turned head (nose far off the eyes' midpoint)
 * gives an embedding closer to other people's turned heads than to the same person facing ahead.
 */
export const QUALITY_RULES = { minFacePx: 80, minSharpness: 20, maxYaw: 0.3, maxRollRad: 0.45 } as const;

export type QualityProblem = 'no_face' | 'several_faces' | 'too_small' | 'blurred' | 'not_frontal';

export function qualityProblems(q: PhotoQuality, rules = QUALITY_RULES): QualityProblem[] {
  if (q.faces === 0) return ['no_face'];
  const out: QualityProblem[] = [];
  if (q.faces > 1) out.push('several_faces');
  if (q.faceSizePx < rules.minFacePx) out.push('too_small');
  if (q.sharpness < rules.minSharpness) out.push('blurred');
  if (Math.abs(q.yaw) > rules.maxYaw || Math.abs(q.rollRad) > rules.maxRollRad) out.push('not_frontal');
  return out;
}

/** Variance of the 4-neighbour Laplacian over a grey image (0..255): low means blurred. */
export function laplacianVariance(grey: ArrayLike<number>, width: number, height: number): number {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const v = grey[i - 1]! + grey[i + 1]! + grey[i - width]! + grey[i + width]! - 4 * grey[i]!;
      sum += v;
      sumSq += v * v;
      n++;
    }
  }
  return n ? sumSq / n - (sum / n) ** 2 : 0;
}

/**
 * How far the head is turned, from BlazeFace's eye and nose landmarks: the nose's offset from the
 * eyes' midpoint along the eye line, in eye distances (0 facing the camera, ±0.5 about in profile).
 */
export function yawFromLandmarks(
  rightEye: [number, number],
  leftEye: [number, number],
  nose: [number, number],
): number {
  const ex = leftEye[0] - rightEye[0];
  const ey = leftEye[1] - rightEye[1];
  const d2 = ex * ex + ey * ey;
  if (d2 === 0) return 1;
  const mx = (leftEye[0] + rightEye[0]) / 2;
  const my = (leftEye[1] + rightEye[1]) / 2;
  return ((nose[0] - mx) * ex + (nose[1] - my) * ey) / d2;
}

/** The mean of L2-normalised embeddings, normalised again: the enrolment's one descriptor. */
export function meanEmbedding(embeddings: readonly ArrayLike<number>[]): Float32Array {
  const dims = embeddings[0]?.length ?? 0;
  const out = new Float32Array(dims);
  for (const e of embeddings) for (let i = 0; i < dims; i++) out[i]! += e[i]!;
  const norm = Math.hypot(...out) || 1;
  for (let i = 0; i < dims; i++) out[i]! /= norm;
  return out;
}
