import { matchFace, type EnrolledFace, type FaceMatchOptions } from '../identity/face-match.js';
import { APPEARANCE_DIMS } from '../tracking/appearance.js';
import type { GalleryMessage } from '../protocol/identity.js';
import type { TrackObservation } from '../protocol/observations.js';
import { cosineSimilarity } from '../shared/vector.js';
import { createFaceEmbedder, type FaceEmbedder } from '../vision/face.js';
import type { RuntimeInfo } from '../vision/runtime.js';
import type { FrameSource, PersonBox } from '../vision/types.js';
import { badgeKey } from '../vision/ocr-decode.js';
import { createTextReader, type TextReader } from '../vision/ocr.js';
import { badgeRegion, createBadgeReader } from './badge-reader.js';

/** OCR lines read below this confidence are not trusted to name anyone. */
const MIN_OCR_SCORE = 0.8;

export type IdentityClaim = NonNullable<TrackObservation['identity']>;

/**
 * The kiosk's identity: badges (QR codes and barcodes, else the printed id by OCR), and faces matched against the
 * gallery. The gallery arrives over the authenticated socket and lives in this closure only (never
 * stored, never logged). With an empty gallery (nobody enrolled with consent and no badges, or the
 * site anonymised) nothing is loaded and neither a badge nor a face is ever looked at.
 */
export function createTrackIdentity(runtime: RuntimeInfo) {
  let gallery: EnrolledFace[] = [];
  let badges = new Map<string, string>();
  let match: FaceMatchOptions = { minSimilarity: 1, minMargin: 1 };
  let embedder: Promise<FaceEmbedder> | null = null;
  let reader: ReturnType<typeof createBadgeReader> | null = null;
  let ocr: Promise<TextReader> | null = null;
  /** what each worker wore when last named on this kiosk, this session only (never sent anywhere) */
  const uniforms = new Map<string, Float32Array>();
  const uniformHint = (look: Float32Array | null) => (workerId: string) => {
    const u = uniforms.get(workerId);
    return u && look ? cosineSimilarity(u, look) : null;
  };
  const stats = {
    mode: 'unknown' as GalleryMessage['mode'] | 'unknown',
    gallery: 0,
    badges: 0,
    facesComputed: 0,
    badgesRead: 0,
    textsRead: 0,
    matched: 0,
    /** the closest enrolled face to the last face seen, named or not: how near the threshold it is */
    lastBest: null as number | null,
  };

  async function byBadge(frame: FrameSource, person: PersonBox): Promise<IdentityClaim | null> {
    if (!badges.size) return null;
    reader ??= createBadgeReader();
    for (const text of await reader.read(frame, person)) {
      stats.badgesRead++;
      const workerId = badges.get(badgeKey(text));
      if (workerId) return { workerId, similarity: 1, source: 'badge' };
    }
    // No code on the badge: its printed id, read by OCR, names the worker only when read clearly.
    ocr ??= createTextReader(runtime);
    for (const line of await (await ocr).read(frame, badgeRegion(person))) {
      stats.textsRead++;
      const workerId = badges.get(line.key);
      if (workerId && line.score >= MIN_OCR_SCORE) return { workerId, similarity: line.score, source: 'badge' };
    }
    return null;
  }

  async function byFace(
    frame: FrameSource,
    person: PersonBox,
    look: Float32Array | null,
  ): Promise<IdentityClaim | null> {
    if (!gallery.length || !embedder) return null;
    const face = await (await embedder).embed(frame, person);
    if (!face) return null;
    stats.facesComputed++;
    stats.lastBest = Math.max(...gallery.map((g) => cosineSimilarity(face.embedding, g.embedding)));
    const m = matchFace(face.embedding, gallery, match, uniformHint(look));
    return m && { workerId: m.workerId, similarity: m.similarity, source: 'face' };
  }

  return {
    stats,
    setGallery(g: GalleryMessage): void {
      gallery = g.faces.map((f) => ({ workerId: f.workerId, name: f.name, embedding: Float32Array.from(f.embedding) }));
      badges = new Map(g.badges.map((b) => [badgeKey(b.badgeId), b.workerId]));
      match = { minSimilarity: g.minSimilarity, minMargin: g.minMargin };
      Object.assign(stats, { mode: g.mode, gallery: gallery.length, badges: badges.size });
      if (gallery.length) embedder ??= createFaceEmbedder(runtime);
    },
    /** A named person's clothes this frame: the uniform hint for the next look-alike tie. */
    learn(workerId: string, look: Float32Array | null): void {
      if (!look || look.length !== APPEARANCE_DIMS) return;
      const u = uniforms.get(workerId);
      if (!u) uniforms.set(workerId, Float32Array.from(look));
      else for (let i = 0; i < u.length; i++) u[i] = 0.95 * u[i]! + 0.05 * look[i]!;
    },
    get enabled(): boolean {
      return gallery.length > 0 || badges.size > 0;
    },
    /**
     * Who this person is, by badge first (certain) then face, their clothes settling a tie between
     * look-alike faces; null when nothing names them.
     */
    async identify(frame: FrameSource, person: PersonBox, look: Float32Array | null): Promise<IdentityClaim | null> {
      const claim = (await byBadge(frame, person)) ?? (await byFace(frame, person, look));
      if (claim) stats.matched++;
      return claim;
    },
  };
}
export type TrackIdentity = ReturnType<typeof createTrackIdentity>;
