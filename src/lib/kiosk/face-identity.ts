import { matchFace, type EnrolledFace, type FaceMatchOptions } from '../identity/face-match.js';
import type { GalleryMessage } from '../protocol/identity.js';
import { cosineSimilarity } from '../shared/vector.js';
import { createFaceEmbedder, type FaceEmbedder } from '../vision/face.js';
import type { RuntimeInfo } from '../vision/runtime.js';
import type { FrameSource, PersonBox } from '../vision/types.js';

/**
 * The kiosk's face identity. The gallery arrives over the authenticated socket and lives in this
 * closure only (never stored, never logged). With an empty gallery (nobody enrolled with consent,
 * or the site anonymised) no model is loaded and no face is ever computed.
 */
export function createFaceIdentity(runtime: RuntimeInfo) {
  let gallery: EnrolledFace[] = [];
  let match: FaceMatchOptions = { minSimilarity: 1, minMargin: 1 };
  let embedder: Promise<FaceEmbedder> | null = null;
  const stats = {
    mode: 'unknown' as GalleryMessage['mode'] | 'unknown',
    gallery: 0,
    facesComputed: 0,
    matched: 0,
    /** the closest enrolled face to the last face seen, named or not: how near the threshold it is */
    lastBest: null as number | null,
  };

  return {
    stats,
    setGallery(g: GalleryMessage): void {
      gallery = g.faces.map((f) => ({ workerId: f.workerId, name: f.name, embedding: Float32Array.from(f.embedding) }));
      match = { minSimilarity: g.minSimilarity, minMargin: g.minMargin };
      stats.mode = g.mode;
      stats.gallery = gallery.length;
      if (gallery.length) embedder ??= createFaceEmbedder(runtime);
    },
    get enabled(): boolean {
      return gallery.length > 0;
    },
    /** The enrolled worker this person's face is, or null (no face seen, too weak, or a look-alike). */
    async identify(frame: FrameSource, person: PersonBox): Promise<{ workerId: string; similarity: number } | null> {
      if (!gallery.length || !embedder) return null;
      const face = await (await embedder).embed(frame, person);
      if (!face) return null;
      stats.facesComputed++;
      stats.lastBest = Math.max(...gallery.map((g) => cosineSimilarity(face.embedding, g.embedding)));
      const m = matchFace(face.embedding, gallery, match);
      if (m) stats.matched++;
      return m && { workerId: m.workerId, similarity: m.similarity };
    },
  };
}
export type FaceIdentity = ReturnType<typeof createFaceIdentity>;
