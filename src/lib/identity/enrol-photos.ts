import { createFaceEmbedder, type FaceEmbedder } from '../vision/face.js';
import { chooseRuntime } from '../vision/runtime.js';
import type { PhotoQuality } from '../protocol/identity.js';
import { qualityProblems, type QualityProblem } from './photo-quality.js';

export interface AnalysedPhoto {
  /** what the page shows: the photo as taken */
  preview: string;
  quality: PhotoQuality;
  problems: QualityProblem[];
  embedding: number[] | null;
  /** the straightened face crop, JPEG in base64, as the enrolment stores it */
  image: string | null;
}

const base64 = async (b: Blob) => {
  const bytes = new Uint8Array(await b.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/**
 * The enrolment page's photo analysis, in the browser like the kiosk's: BlazeFace finds the faces,
 * faceres describes the largest, and the quality measures decide whether the photo may be used.
 * The model loads once, on the first photo.
 */
export function createPhotoAnalyser() {
  let embedder: Promise<FaceEmbedder> | null = null;
  return async function analyse(source: Blob): Promise<AnalysedPhoto> {
    embedder ??= chooseRuntime().then((r) => createFaceEmbedder(r, 0.5));
    const bitmap = await createImageBitmap(source);
    try {
      const { quality, face, crop } = await (await embedder).analyse(bitmap, bitmap.width, bitmap.height);
      return {
        preview: URL.createObjectURL(source),
        quality,
        problems: qualityProblems(quality),
        embedding: face ? Array.from(face.embedding) : null,
        image: crop ? await base64(crop) : null,
      };
    } finally {
      bitmap.close();
    }
  };
}
