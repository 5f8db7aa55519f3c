import { z } from 'zod';

/** faceres descriptors: 1024 numbers, L2-normalised. */
export const FACE_DIMS = 1024;
export const FaceEmbedding = z.array(z.number().finite().min(-1).max(1)).length(FACE_DIMS);

/** What the enrolment page measured on one photo (src/lib/identity/photo-quality.ts says what passes). */
export const PhotoQuality = z.object({
  faces: z.number().int().min(0).max(100).describe('faces found in the photo'),
  faceSizePx: z.number().min(0).max(20_000).describe('side of the face box in the photo’s pixels'),
  sharpness: z.number().min(0).max(1e6).describe('variance of the Laplacian of the grey face crop'),
  yaw: z.number().min(-5).max(5).describe('nose offset from the eyes’ midpoint, in eye distances'),
  rollRad: z.number().min(-Math.PI).max(Math.PI),
});
export type PhotoQuality = z.infer<typeof PhotoQuality>;

const JpegBase64 = z
  .string()
  // 10 photos with their embeddings fit the API's 1 MB body: a 224 px face crop is about 20 kB.
  .max(80_000)
  .regex(/^[A-Za-z0-9+/]+=*$/, 'must be base64');

export const EnrolPhoto = z.object({
  embedding: FaceEmbedding,
  quality: PhotoQuality,
  image: JpegBase64.optional().describe('the face crop as JPEG, kept sealed for re-enrolment and export'),
});

export const MIN_ENROL_PHOTOS = 5;
export const MAX_ENROL_PHOTOS = 10;

export const EnrolmentRequest = z.object({ photos: z.array(EnrolPhoto).min(MIN_ENROL_PHOTOS).max(MAX_ENROL_PHOTOS) });
export type EnrolmentRequest = z.infer<typeof EnrolmentRequest>;

export const EnrolmentTestRequest = z.object({
  photos: z
    .array(z.object({ embedding: FaceEmbedding }))
    .min(1)
    .max(MAX_ENROL_PHOTOS),
});

export const ConsentRequest = z.object({ consent: z.boolean() });

export const IdentityMode = z.enum(['faces', 'anonymised']);
export type IdentityMode = z.infer<typeof IdentityMode>;
export const IdentitySettings = z.object({
  mode: IdentityMode.describe('anonymised: track ids only, no face is ever computed'),
  retentionDays: z.number().int().min(1).max(3650).describe('enrolments older than this are deleted'),
});
export type IdentitySettings = z.infer<typeof IdentitySettings>;

export interface EnrolmentDto {
  version: number;
  photoCount: number;
  createdAt: string;
  createdBy: string | null;
  current: boolean;
}

export interface WorkerIdentityDto {
  workerId: string;
  name: string;
  consent: boolean;
  consentAt: string | null;
  enrolments: EnrolmentDto[];
}

export interface Resemblance {
  workerId: string;
  name: string;
  similarity: number;
}

export interface EnrolmentTestResult {
  /** per new photo, the enrolled worker it is closest to */
  photos: { index: number; closest: Resemblance | null }[];
  /** other workers the new photos resemble, closest first */
  resembles: Resemblance[];
  /** the lowest similarity between two of the new photos: low means they may not be one person */
  consistency: number;
  /** what the kiosks name a face at */
  threshold: number;
}

/** What the server sends a kiosk over its socket: never in a URL, kept in the page's memory only. */
export interface GalleryMessage {
  mode: IdentityMode;
  minSimilarity: number;
  minMargin: number;
  faces: { workerId: string; name: string; embedding: number[] }[];
  /** active workers' badge ids, read from QR codes and barcodes on their badges (not biometric) */
  badges: { workerId: string; name: string; badgeId: string }[];
}
